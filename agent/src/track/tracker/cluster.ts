import type { LocalFrame, TrackerPlot } from './frame.js';
import { PointGrid } from './grid.js';

const DEG = Math.PI / 180;

/**
 * Point clouds to plots: a TI mmWave gives several points per target per frame (spread over
 * the hull), and a tracker that takes one plot per track per scan would throw most of them
 * away or start tracks on them. Points of one scan closer than `metres` to each other (single
 * linkage, so a hull's points chain) become one plot at their centroid, with the spread in
 * range and in azimuth as its extents (so the measurement model makes a big blob a worse
 * point). A point alone stays as it is. `sensor` is the sensor's position in `frame` (range
 * and bearing of a centroid are taken from it; without it, from the points' own).
 */
export function clusterPlots(plots: readonly TrackerPlot[], frame: LocalFrame, metres: number, sensor?: { east: number; north: number }): TrackerPlot[] {
  if (!(metres > 0) || plots.length < 2) return [...plots];
  const n = plots.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = frame.toLocal(plots[i]);
    xs[i] = p.east;
    ys[i] = p.north;
  }
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const grid = new PointGrid(metres);
  grid.build(xs, ys, Array.from({ length: n }, (_, i) => i));
  const m2 = metres * metres;
  for (let i = 0; i < n; i++) {
    grid.forEachNear(xs[i], ys[i], metres, (j) => {
      if (j <= i || (xs[i] - xs[j]) ** 2 + (ys[i] - ys[j]) ** 2 > m2) return;
      const a = find(i);
      const b = find(j);
      if (a !== b) parent[a] = b;
    });
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  }
  const out: TrackerPlot[] = [];
  for (const g of groups.values()) {
    if (g.length === 1) {
      out.push(plots[g[0]]);
      continue;
    }
    let e = 0, nn = 0, t = 0, power = 0, cells = 0;
    for (const i of g) {
      e += xs[i];
      nn += ys[i];
      t += plots[i].timeMs;
      power = Math.max(power, plots[i].peakPower ?? 0);
      cells += plots[i].cellCount ?? 1;
    }
    e /= g.length;
    nn /= g.length;
    // Range and bearing of each point from the sensor (or as the points say), relative to the centroid's.
    const rangeOf = (i: number): number => (sensor ? Math.hypot(xs[i] - sensor.east, ys[i] - sensor.north) : plots[i].rangeMetres ?? 0);
    const bearingOf = (i: number): number => (sensor ? Math.atan2(xs[i] - sensor.east, ys[i] - sensor.north) / DEG : plots[i].bearingDegrees ?? 0);
    const b0 = bearingOf(g[0]);
    let rMin = Infinity, rMax = -Infinity, aMin = Infinity, aMax = -Infinity, rSum = 0, aSum = 0;
    for (const i of g) {
      const r = rangeOf(i);
      const a = b0 + ((((bearingOf(i) - b0) % 360) + 540) % 360) - 180;
      rMin = Math.min(rMin, r);
      rMax = Math.max(rMax, r);
      aMin = Math.min(aMin, a);
      aMax = Math.max(aMax, a);
      rSum += r;
      aSum += a;
    }
    const geo = frame.toGeo(e, nn);
    const range = sensor ? Math.hypot(e - sensor.east, nn - sensor.north) : rSum / g.length;
    const bearing = sensor ? Math.atan2(e - sensor.east, nn - sensor.north) / DEG : aSum / g.length;
    const first = plots[g[0]];
    out.push({
      timeMs: Math.round(t / g.length),
      latitude: geo.latitude,
      longitude: geo.longitude,
      rangeMetres: range,
      bearingDegrees: ((bearing % 360) + 360) % 360,
      rangeExtentMetres: (rMax - rMin) + (first.rangeExtentMetres ?? 0),
      azimuthExtentDegrees: (aMax - aMin) + (first.azimuthExtentDegrees ?? 0),
      cellCount: cells,
      peakPower: power,
    });
  }
  return out;
}
