/**
 * The tracker's speed beside the baseline (greedy nearest neighbour, alpha-beta,
 * 2-of-3, test code only) on the busy pictures of `lookout bench track`. One iteration runs a
 * fresh tracker over 60 scans: divide the mean time by 60 for ms per scan.
 * Run: npx vitest bench --run test/bench/track.bench.ts
 */
import { bench, describe } from 'vitest';
import { busyScene } from '../../agent/src/sim/tracks/busy.js';
import { SIM_SITE } from '../../agent/src/sim/tracks/plots.js';
import { Tracker } from '../../agent/src/track/tracker/tracker.js';
import { BaselineTracker } from './baseline-tracker.js';

for (const [plots, boats] of [
  [500, 200],
  [5000, 1000],
] as const) {
  const scans = busyScene({ targets: boats, plotsPerScan: plots, scans: 60, seed: 7 });
  describe(`${plots} plots x ${boats} boats, 60 scans`, () => {
    bench('ours (IMM, JV assignment)', () => {
      const t = new Tracker();
      for (const s of scans) t.update({ timeMs: s.timeMs, scan: s.scan, plots: s.plots, site: SIM_SITE });
    }, { iterations: 3, time: 0, warmupIterations: 1 });
    bench('baseline (alpha-beta, greedy NN, 2-of-3)', () => {
      const t = new BaselineTracker();
      for (const s of scans) t.update({ timeMs: s.timeMs, scan: s.scan, plots: s.plots, site: SIM_SITE });
    }, { iterations: 3, time: 0, warmupIterations: 1 });
  });
}
