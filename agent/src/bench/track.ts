/**
 * `lookout bench track`: CPU ms per scan of the tracker on a busy picture, 500 plots per scan
 * against about 200 boats (goal 5 ms) and 5,000 plots against about 1,000 boats (goal 50 ms),
 * on one core (synchronous). The baseline in the same run is the same tracker with greedy
 * nearest-first association (the alpha-beta baseline of the issue is test code, not shipped:
 * `npx vitest bench test/bench/track.bench.ts` times it beside ours).
 */
import { busyScene } from '../sim/tracks/busy.js';
import { SIM_SITE } from '../sim/tracks/plots.js';
import { Tracker } from '../track/tracker/tracker.js';
import type { TrackerConfigInput } from '../track/tracker/config.js';
import { printRow } from './common.js';

export interface TrackBenchOptions {
  json: boolean;
  /** Scans timed after the warm-up (default 60). */
  scans?: number;
}

interface Timing {
  medianMs: number;
  p95Ms: number;
  liveTracks: number;
  confirmed: number;
}

function cpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

/** Runs a tracker over the scans; times (CPU) every scan after `warm`. */
export function timeTracker(config: TrackerConfigInput, scans: ReturnType<typeof busyScene>, warm: number): Timing {
  const tracker = new Tracker(config);
  const ms: number[] = [];
  let live = 0;
  let confirmed = 0;
  scans.forEach((s, k) => {
    const c0 = cpuMs();
    const r = tracker.update({ timeMs: s.timeMs, scan: s.scan, plots: s.plots, site: SIM_SITE });
    const used = cpuMs() - c0;
    if (k >= warm) {
      ms.push(used);
      live += tracker.liveTracks;
      confirmed += r.tracks.filter((t) => t.status !== 'tentative').length;
    }
  });
  ms.sort((a, b) => a - b);
  const n = Math.max(1, ms.length);
  return { medianMs: ms[Math.floor(ms.length / 2)] ?? 0, p95Ms: ms[Math.min(ms.length - 1, Math.floor(ms.length * 0.95))] ?? 0, liveTracks: live / n, confirmed: confirmed / n };
}

export async function runTrackBench(opts: TrackBenchOptions, out: NodeJS.WritableStream): Promise<void> {
  const timed = opts.scans ?? 60;
  // 30 scans before timing: the JIT settles and the picture fills with tracks (the first
  // scans of a cold process run 3x slower).
  const warm = 30;
  // One untimed pass of each variant first, so neither runs on cold code.
  const warmScene = busyScene({ targets: 100, plotsPerScan: 300, scans: 40, seed: 3 });
  timeTracker({}, warmScene, 40);
  timeTracker({ association: { method: 'greedy' } }, warmScene, 40);
  for (const [plots, boats, goal] of [
    [500, 200, 5],
    [5000, 1000, 50],
  ] as const) {
    const scans = busyScene({ targets: boats, plotsPerScan: plots, scans: warm + timed, seed: 7 });
    const ours = timeTracker({}, scans, warm);
    const greedy = timeTracker({ association: { method: 'greedy' } }, scans, warm);
    const note = `${ours.liveTracks.toFixed(0)} live tracks (${ours.confirmed.toFixed(0)} confirmed), p95 ${ours.p95Ms.toFixed(2)} ms, ${timed} scans`;
    printRow({ bench: 'track', name: `${plots} plots x ${boats} boats: ms per scan (median)`, value: Number(ours.medianMs.toFixed(2)), unit: 'ms', goal: `<= ${goal}`, baseline: { name: 'greedy association', value: Number(greedy.medianMs.toFixed(2)), unit: 'ms' }, note }, opts.json, out);
    await new Promise((r) => setImmediate(r));
  }
}
