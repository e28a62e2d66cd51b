/**
 * A tracking scenario as a simulated sensor for `lookout sim --protocol plots`: one step per
 * scan, its bytes the JSON lines `lookout track` reads (the scan's plots, then the scan line
 * that closes it), its truth the targets at the scan's close.
 */
import type { SimulatedSensor, SimStep } from '../types.js';
import { simulateTracks } from './plots.js';
import { trackScenario, TRACK_SCENARIO_NAMES } from './scenarios.js';

export interface PlotsSimOptions {
  /** A scenario name, `-moving` appended for the same targets seen from a vessel under way. */
  scenario: string;
  seed: number;
  startWallMs: number;
}

export const PLOTS_SCENARIOS = TRACK_SCENARIO_NAMES.flatMap((n) => [n, `${n}-moving`]);

export function createPlotsSim(options: PlotsSimOptions): SimulatedSensor {
  const moving = options.scenario.endsWith('-moving');
  const name = moving ? options.scenario.slice(0, -'-moving'.length) : options.scenario;
  const run = simulateTracks(trackScenario(name, { moving }), { seed: options.seed, startMs: options.startWallMs });
  const enc = new TextEncoder();
  let k = 0;
  return {
    next(): SimStep | null {
      const s = run.scans[k];
      if (!s) return null;
      k++;
      const lines = s.plots.map((p) => JSON.stringify(p));
      lines.push(JSON.stringify({ type: 'scan', scan: s.scan, timeMs: s.timeMs, ...(s.ownShip ? { ownShip: s.ownShip } : {}) }));
      return { timeS: (s.timeMs - options.startWallMs) / 1000, bytes: enc.encode(lines.join('\n') + '\n'), truth: run.truth.filter((t) => t.scan === s.scan) };
    },
  };
}
