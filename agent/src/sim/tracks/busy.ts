/**
 * A busy picture for the tracker's speed benchmark: `targets` boats moving straight at up to
 * 10 m/s over a disk around the site, each seen with Pd 0.9 and a few metres of noise; the rest
 * of `plotsPerScan` are split returns around the boats (big hulls, wakes: a coastal picture has
 * several plots per ship) and a share `clutterFraction` of false plots uniform over the disk.
 * So the live tracks stay near the number of boats, as in "5,000 plots against 1,000 tracks".
 * Scans are made up front so that generating them is not what is timed.
 */
import { LocalFrame } from '../../track/tracker/frame.js';
import { Rng } from '../rng.js';
import { SIM_SITE, SIM_START_MS, type SimPlot, type SimScan } from './plots.js';

export interface BusySceneOptions {
  targets: number;
  plotsPerScan: number;
  scans: number;
  radiusMetres?: number;
  periodMs?: number;
  seed?: number;
  /** Share of the plots that are false and uniform over the disk (default 0.02). */
  clutterFraction?: number;
}

export function busyScene(o: BusySceneOptions): SimScan[] {
  const rng = new Rng(o.seed ?? 1);
  const frame = new LocalFrame(SIM_SITE);
  const radius = o.radiusMetres ?? Math.max(3000, Math.sqrt(o.targets) * 400);
  const period = o.periodMs ?? 2500;
  const inDisk = (): [number, number] => {
    const r = radius * Math.sqrt(rng.uniform());
    const a = rng.uniform() * 2 * Math.PI;
    return [r * Math.sin(a), r * Math.cos(a)];
  };
  const boats = Array.from({ length: o.targets }, () => {
    const [e, n] = inDisk();
    const v = rng.uniform() * 10;
    const c = rng.uniform() * 2 * Math.PI;
    return { e, n, ve: v * Math.sin(c), vn: v * Math.cos(c) };
  });
  const scans: SimScan[] = [];
  for (let k = 0; k < o.scans; k++) {
    const plots: SimPlot[] = [];
    const add = (e: number, n: number, timeMs: number): void => {
      const g = frame.toGeo(e, n);
      const range = Math.hypot(e, n);
      // Hulls of ~16 m: the extents that go with the 4 m spread of their split returns.
      plots.push({ timeMs, scan: k, ...g, rangeMetres: range, bearingDegrees: ((Math.atan2(e, n) * 180) / Math.PI + 360) % 360, rangeExtentMetres: 19, azimuthExtentDegrees: 1.8 + ((16 / Math.max(range, 50)) * 180) / Math.PI, cellCount: 12, peakPower: 100 });
    };
    const t0 = SIM_START_MS + k * period;
    // The beam crosses each boat once a turn: its plots (main and split) share that time.
    const seenAt = boats.map(() => t0 + rng.uniform() * period);
    for (const [i, b] of boats.entries()) {
      if (rng.uniform() >= 0.9) continue;
      const t = seenAt[i];
      const s = (t - SIM_START_MS) / 1000;
      add(b.e + b.ve * s + 3 * rng.gaussian(), b.n + b.vn * s + 3 * rng.gaussian(), Math.round(t));
    }
    const clutter = Math.round((o.clutterFraction ?? 0.02) * o.plotsPerScan);
    for (let c = 0; c < clutter && plots.length < o.plotsPerScan; c++) {
      const [e, n] = inDisk();
      add(e, n, Math.round(t0 + rng.uniform() * period));
    }
    while (plots.length < o.plotsPerScan && boats.length > 0) {
      const i = Math.floor(rng.uniform() * boats.length);
      const b = boats[i];
      const t = seenAt[i];
      const s = (t - SIM_START_MS) / 1000;
      add(b.e + b.ve * s + 4 * rng.gaussian(), b.n + b.vn * s + 4 * rng.gaussian(), Math.round(t));
    }
    plots.sort((a, b) => a.timeMs - b.timeMs);
    scans.push({ scan: k, timeMs: t0 + period, plots });
  }
  return scans;
}
