/**
 * The evaluation table: every tracking scenario (fixed site and vessel under way, radar
 * and TI mmWave), ours beside the baseline (greedy nearest neighbour, alpha-beta, 2-of-3) on the
 * very same plots, 3 seeds each, scored as the scenario tests score them (speed, course and CPA
 * from 8.3 s, 5 radar scans, after a target's first match). Prints a markdown table, then times one scoring pass.
 * Run: npx vitest bench --run test/bench/track-scenarios.bench.ts
 */
import { bench, describe } from 'vitest';
import { ALL_TRACK_SCENARIOS, simRun, runOurs, runBaseline, settleScans, scoreOptions } from '../helpers/track-scenarios.js';
import { scoreTracks, type Score } from '../../agent/src/sim/tracks/score.js';

const SEEDS = [1, 2, 3];
const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const f = (x: number | null | undefined, d = 2): string => (x === null || x === undefined || Number.isNaN(x) ? '-' : x.toFixed(d));
const max = (xs: Array<number | null>): number | null => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? Math.max(...v) : null;
};

function row(name: string): string {
  const r = SEEDS.map((seed) => {
    const run = simRun(name, seed);
    const opts = scoreOptions(run);
    return { ours: scoreTracks(runOurs(run), run.truth, opts), base: scoreTracks(runBaseline(run), run.truth, opts) };
  });
  const parts = (k: 'ours' | 'base', s: (x: Score) => number): number => mean(r.map((x) => s(x[k])));
  const g = parts('ours', (s) => s.gospa);
  const b = parts('base', (s) => s.gospa);
  const ttc = (k: 'ours' | 'base'): number => mean(r.flatMap((x) => x[k].targets.map((t) => t.scansToConfirm).filter((v): v is number => v !== null)));
  const sw = (k: 'ours' | 'base'): number => r.reduce((a, x) => a + x[k].idSwitches, 0);
  const rmse = (k: 'ours' | 'base', p: 'speedRmseMps' | 'courseRmseDegrees'): number | null => max(r.map((x) => x[k][p]));
  return [
    name,
    f(g),
    f(b),
    f(g / b),
    `${f(parts('ours', (s) => s.localisation), 0)}/${f(parts('ours', (s) => s.missed), 0)}/${f(parts('ours', (s) => s.false), 0)}`,
    `${f(parts('base', (s) => s.localisation), 0)}/${f(parts('base', (s) => s.missed), 0)}/${f(parts('base', (s) => s.false), 0)}`,
    `${sw('ours')}/${sw('base')}`,
    `${f(ttc('ours'), 1)}/${f(ttc('base'), 1)}`,
    `${f(rmse('ours', 'speedRmseMps'))}/${f(rmse('base', 'speedRmseMps'))}`,
    `${f(rmse('ours', 'courseRmseDegrees'), 1)}/${f(rmse('base', 'courseRmseDegrees'), 1)}`,
  ].join(' | ');
}

const header = ['scenario', 'GOSPA ours', 'base', 'ratio', 'ours loc/miss/false (m²)', 'base loc/miss/false', 'ID sw ours/base', 'scans to confirm ours/base', 'speed RMSE m/s (worst seed) ours/base', 'course RMSE ° ours/base'];
const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
for (const name of ALL_TRACK_SCENARIOS) lines.push(`| ${row(name)} |`);
process.stdout.write(`\nTracking scenarios, ${SEEDS.length} seeds each (GOSPA p=2, α=2, c=100 m; mean over scans and seeds)\n${lines.join('\n')}\n\n`);

describe('scoring', () => {
  bench('score one crossing run', () => {
    const run = simRun('crossing', 1);
    scoreTracks(runOurs(run), run.truth);
  }, { iterations: 1, time: 0 });
});
