/**
 * `lookout score --tracks FILE --truth FILE [--cutoff M] [--settle N]`: scores `lookout track`
 * output against ground truth (`lookout sim --truth` lines, or any lines with timeMs, scan,
 * target, latitude, longitude and optionally speedMps, courseDegrees): GOSPA (p = 2, α = 2,
 * c = 100 m by default) with its localisation, missed and false parts, ID switches, time to
 * confirm, speed and course RMSE, CPA/TCPA errors. Prints one JSON object.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parseIntOption, parseNumberOption, type CliContext } from './common.js';
import { LookoutError } from '../errors.js';
import { scoreTracks, type ScoredTrack, type ScoredTruth } from '../sim/tracks/score.js';

interface ScoreFlags {
  tracks: string;
  truth: string;
  cutoff: number;
  settle: number;
}

function readLines(file: string, what: string, err: NodeJS.WritableStream, accept: (o: Record<string, unknown>) => boolean): Array<Record<string, unknown>> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new LookoutError('E_FILE', `cannot read ${file}: ${(cause as Error).message}`, { cause });
  }
  const out: Array<Record<string, unknown>> = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const o = JSON.parse(line) as unknown;
      if (typeof o === 'object' && o !== null && !Array.isArray(o) && accept(o as Record<string, unknown>)) out.push(o as Record<string, unknown>);
      else if (typeof o !== 'object' || o === null || (o as Record<string, unknown>).type === undefined) err.write(`lookout score: ${what} line ${i + 1}: not a ${what} line; skipped\n`);
    } catch {
      err.write(`lookout score: ${what} line ${i + 1}: not JSON; skipped\n`);
    }
  });
  return out;
}

const num = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);

export function register(program: Command, ctx: CliContext): void {
  program
    .command('score')
    .description('score track output against ground truth: GOSPA and its parts, ID switches, time to confirm, speed/course RMSE')
    .requiredOption('--tracks <file>', 'JSON lines from `lookout track`')
    .requiredOption('--truth <file>', 'JSON lines of truth (`lookout sim --truth`)')
    .option('--cutoff <m>', 'GOSPA cut-off c, metres', parseNumberOption('--cutoff', 1), 100)
    .option('--settle <n>', 'speed/course/CPA errors from this many scans after a target is first matched', parseIntOption('--settle', 0), 0)
    .action((flags: ScoreFlags) => {
      const tracks = readLines(flags.tracks, 'tracks', ctx.stderr, (o) => o.type === undefined && num(o.timeMs) && num(o.latitude) && num(o.longitude) && num(o.id) && typeof o.status === 'string') as unknown as ScoredTrack[];
      const truth = readLines(flags.truth, 'truth', ctx.stderr, (o) => num(o.timeMs) && num(o.latitude) && num(o.longitude) && num(o.target)) as unknown as ScoredTruth[];
      ctx.stdout.write(JSON.stringify(scoreTracks(tracks, truth, { cutoffMetres: flags.cutoff, settleScans: flags.settle })) + '\n');
    });
}
