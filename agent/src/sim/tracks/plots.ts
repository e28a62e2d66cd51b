/**
 * Plots and truth for a tracking scenario, turn by turn. The antenna sweeps clockwise from
 * the bow (north on a fixed site); a target is seen when the beam crosses it, so the plots of a
 * turn carry different times. A detected target gives one plot with centroid noise that grows
 * with its hull seen across the beam or along the range; two targets closer than the beam and
 * the range extent give one merged plot; false plots are uniform over range-azimuth cells at the
 * scenario's Pfa, plus a ring of sea clutter. On a vessel the plots are placed from own ship's
 * position at the plot's time, with a per-turn heading error, as the georeferencer would.
 */
import { destination, type LatLon } from '../../track/geodesy.js';
import { LocalFrame } from '../../track/tracker/frame.js';
import { closestApproach } from '../../track/tracker/cpa.js';
import { Rng } from '../rng.js';
import type { ScenarioTarget, TrackScenario } from './scenarios.js';
import type { TruthRecord } from '../types.js';
import { simulatePointClouds } from './points.js';

export const SIM_SITE: LatLon = { latitude: 43.2965, longitude: 5.3698 };
export const SIM_START_MS = 1_750_000_000_000;

export interface SimPlot {
  timeMs: number;
  scan: number;
  latitude: number;
  longitude: number;
  rangeMetres: number;
  bearingDegrees: number;
  rangeExtentMetres: number;
  azimuthExtentDegrees: number;
  cellCount: number;
  peakPower: number;
}

export interface SimOwnShip extends LatLon {
  speedMps: number;
  courseDegrees: number;
}

export interface SimScan {
  scan: number;
  /** When the turn closes. */
  timeMs: number;
  plots: SimPlot[];
  ownShip?: SimOwnShip;
}

/** Truth for one target at the close of one scan (`lookout score --truth` reads these lines). */
export interface SimTruth extends TruthRecord {
  timeMs: number;
  scan: number;
  target: number;
  latitude: number;
  longitude: number;
  eastMetres: number;
  northMetres: number;
  speedMps: number;
  courseDegrees: number;
  rangeMetres: number;
  bearingDegrees: number;
  /** The target gave a plot of its own on this scan. */
  detected: boolean;
  /** The target shared its plot with another (unresolved). */
  merged: boolean;
  /** Closest approach to own ship (on a vessel) or the site, straight-line from now. */
  cpaMetres: number;
  tcpaSeconds: number;
}

export interface SimRun {
  scenario: TrackScenario;
  origin: LatLon;
  scans: SimScan[];
  truth: SimTruth[];
}

export interface State {
  east: number;
  north: number;
  speed: number;
  course: number;
}

const DEG = Math.PI / 180;
const norm360 = (d: number): number => ((d % 360) + 360) % 360;

/** Where a target is at `t` seconds: its legs integrated in closed form. */
export function targetState(target: ScenarioTarget, t: number): State {
  let e = target.east;
  let n = target.north;
  let v = target.speedMps;
  let c = target.courseDegrees;
  let left = t;
  const legs = target.legs ?? [{ seconds: Infinity }];
  for (let i = 0; i < legs.length && left > 0; i++) {
    const leg = legs[i];
    const d = i === legs.length - 1 ? left : Math.min(leg.seconds, left);
    const w = (leg.turnDegreesPerSecond ?? 0) * DEG;
    const a = leg.accelerationMps2 ?? 0;
    if (w === 0) {
      const s = v * d + 0.5 * a * d * d;
      e += s * Math.sin(c * DEG);
      n += s * Math.cos(c * DEG);
      v += a * d;
    } else {
      // Constant speed on the arc (acceleration ignored while turning).
      const c0 = c * DEG;
      const c1 = c0 + w * d;
      e += (v / w) * (Math.cos(c0) - Math.cos(c1));
      n += (v / w) * (Math.sin(c1) - Math.sin(c0));
      c = c1 / DEG;
    }
    left -= d;
  }
  if (target.swingMetres) {
    // A slow swing on the mooring line: periods of 97 s and 131 s, never a straight drift.
    const s = target.swingMetres;
    const ve = s * ((2 * Math.PI) / 97) * Math.cos((2 * Math.PI * t) / 97);
    const vn = -s * ((2 * Math.PI) / 131) * Math.sin((2 * Math.PI * t) / 131 + 1);
    e += s * Math.sin((2 * Math.PI * t) / 97);
    n += s * Math.cos((2 * Math.PI * t) / 131 + 1);
    return { east: e, north: n, speed: Math.hypot(ve, vn), course: norm360(Math.atan2(ve, vn) / DEG) };
  }
  return { east: e, north: n, speed: v, course: norm360(c) };
}

export function ownShipAt(s: TrackScenario, t: number): State {
  if (!s.ownShip) return { east: 0, north: 0, speed: 0, course: 0 };
  const d = s.ownShip.speedMps * t;
  return { east: d * Math.sin(s.ownShip.courseDegrees * DEG), north: d * Math.cos(s.ownShip.courseDegrees * DEG), speed: s.ownShip.speedMps, course: s.ownShip.courseDegrees };
}

export function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 50) return Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.gaussian()));
  const l = Math.exp(-mean);
  let k = 0;
  let p = rng.uniform();
  while (p > l) {
    k++;
    p *= rng.uniform();
  }
  return k;
}

interface Echo {
  targets: number[];
  t: number;
  range: number;
  bearing: number;
  rangeExtent: number;
  azExtent: number;
  rangeSigma: number;
  bearingSigma: number;
}

export function simulateTracks(scenario: TrackScenario, opts: { seed?: number; origin?: LatLon; startMs?: number } = {}): SimRun {
  if (scenario.points) return simulatePointClouds(scenario, scenario.points, opts);
  const rng = new Rng(opts.seed ?? 1);
  const origin = opts.origin ?? SIM_SITE;
  const startMs = opts.startMs ?? SIM_START_MS;
  const frame = new LocalFrame(origin);
  const r = scenario.radar;
  const period = 60 / r.rpm;
  const nScans = Math.floor(scenario.seconds / period);
  const maxRange = r.rangeCellMetres * r.cellsPerSpoke;
  const scans: SimScan[] = [];
  const truth: SimTruth[] = [];
  const geoOf = (e: number, n: number): LatLon => frame.toGeo(e, n);
  for (let k = 0; k < nScans; k++) {
    const t0 = k * period;
    const heading = scenario.ownShip ? ownShipAt(scenario, t0).course : 0;
    const headingErr = scenario.ownShip ? scenario.ownShip.headingSigmaDegrees * rng.gaussian() : 0;
    const echoes: Echo[] = [];
    scenario.targets.forEach((tg, i) => {
      // When the beam crosses the target: two fixed-point steps on the relative bearing.
      let t = t0;
      for (let it = 0; it < 2; it++) {
        const s = targetState(tg, t);
        const o = ownShipAt(scenario, t);
        const rel = norm360(Math.atan2(s.east - o.east, s.north - o.north) / DEG - heading);
        t = t0 + (rel / 360) * period;
      }
      const s = targetState(tg, t);
      const o = ownShipAt(scenario, t);
      const range = Math.hypot(s.east - o.east, s.north - o.north);
      if (range > maxRange || range < 20) return;
      if (rng.uniform() >= tg.pd) return;
      const bearing = norm360(Math.atan2(s.east - o.east, s.north - o.north) / DEG);
      const aspect = (s.course - bearing) * DEG;
      const along = tg.lengthMetres * Math.abs(Math.cos(aspect));
      const across = tg.lengthMetres * Math.abs(Math.sin(aspect));
      echoes.push({
        targets: [i],
        t,
        range,
        bearing,
        rangeExtent: r.rangeCellMetres + along,
        azExtent: r.beamWidthDegrees + across / range / DEG,
        rangeSigma: Math.hypot(r.rangeSigmaMetres, along / 4),
        bearingSigma: Math.hypot(r.bearingSigmaDegrees, across / 4 / range / DEG),
      });
    });
    // Unresolved pairs: closer than their extents in range and in azimuth become one plot.
    for (let a = 0; a < echoes.length; a++) {
      for (let b = a + 1; b < echoes.length; b++) {
        const A = echoes[a];
        const B = echoes[b];
        const dB = Math.abs(((A.bearing - B.bearing + 540) % 360) - 180);
        if (Math.abs(A.range - B.range) >= (A.rangeExtent + B.rangeExtent) / 2 || dB >= (A.azExtent + B.azExtent) / 2) continue;
        const lo = Math.min(A.range - A.rangeExtent / 2, B.range - B.rangeExtent / 2);
        const hi = Math.max(A.range + A.rangeExtent / 2, B.range + B.rangeExtent / 2);
        const mid = A.bearing + (((B.bearing - A.bearing + 540) % 360) - 180) / 2;
        echoes[a] = {
          targets: [...A.targets, ...B.targets],
          t: (A.t + B.t) / 2,
          range: (lo + hi) / 2,
          bearing: norm360(mid),
          rangeExtent: hi - lo,
          azExtent: dB + (A.azExtent + B.azExtent) / 2,
          rangeSigma: Math.hypot(A.rangeSigma, B.rangeSigma),
          bearingSigma: Math.hypot(A.bearingSigma, B.bearingSigma),
        };
        echoes.splice(b, 1);
        b = a;
      }
    }
    const clutter = poisson(rng, r.pfa * r.spokesPerTurn * r.cellsPerSpoke);
    for (let c = 0; c < clutter; c++) {
      const range = (20 + rng.uniform() * (r.cellsPerSpoke - 20)) * r.rangeCellMetres;
      const rel = rng.uniform() * 360;
      echoes.push({ targets: [], t: t0 + (rel / 360) * period, range, bearing: norm360(rel + heading), rangeExtent: r.rangeCellMetres, azExtent: r.beamWidthDegrees, rangeSigma: 0, bearingSigma: 0 });
    }
    const sea = poisson(rng, r.seaClutterPerScan);
    for (let c = 0; c < sea; c++) {
      const range = 50 + rng.uniform() * (r.seaClutterMetres - 50);
      const rel = rng.uniform() * 360;
      echoes.push({ targets: [], t: t0 + (rel / 360) * period, range, bearing: norm360(rel + heading), rangeExtent: r.rangeCellMetres * 2, azExtent: r.beamWidthDegrees, rangeSigma: 0, bearingSigma: 0 });
    }
    const plots: SimPlot[] = [];
    const seen = new Map<number, boolean>();
    for (const e of echoes) {
      const range = Math.max(1, e.range + e.rangeSigma * rng.gaussian());
      const bearing = norm360(e.bearing + e.bearingSigma * rng.gaussian() + headingErr);
      const o = ownShipAt(scenario, e.t);
      const p = destination(geoOf(o.east, o.north), bearing, range);
      const cells = Math.max(1, Math.round((e.rangeExtent / r.rangeCellMetres) * (e.azExtent / (360 / r.spokesPerTurn))));
      plots.push({ timeMs: Math.round(startMs + e.t * 1000), scan: k, latitude: p.latitude, longitude: p.longitude, rangeMetres: range, bearingDegrees: bearing, rangeExtentMetres: e.rangeExtent, azimuthExtentDegrees: e.azExtent, cellCount: cells, peakPower: e.targets.length > 0 ? 1000 : 30 * (1 + rng.exponential()) });
      for (const i of e.targets) seen.set(i, e.targets.length > 1);
    }
    plots.sort((a, b) => a.timeMs - b.timeMs);
    const tClose = t0 + period;
    const closeMs = Math.round(startMs + tClose * 1000);
    const own = ownShipAt(scenario, tClose);
    const scan: SimScan = { scan: k, timeMs: closeMs, plots };
    if (scenario.ownShip) scan.ownShip = { ...geoOf(own.east, own.north), speedMps: own.speed, courseDegrees: own.course };
    scans.push(scan);
    scenario.targets.forEach((tg, i) => {
      const s = targetState(tg, tClose);
      const g = geoOf(s.east, s.north);
      const cpa = closestApproach(
        { east: s.east, north: s.north, vEast: s.speed * Math.sin(s.course * DEG), vNorth: s.speed * Math.cos(s.course * DEG) },
        { east: own.east, north: own.north, vEast: own.speed * Math.sin(own.course * DEG), vNorth: own.speed * Math.cos(own.course * DEG) },
      );
      truth.push({
        timeMs: closeMs,
        scan: k,
        target: i + 1,
        latitude: g.latitude,
        longitude: g.longitude,
        eastMetres: s.east,
        northMetres: s.north,
        speedMps: s.speed,
        courseDegrees: s.course,
        rangeMetres: Math.hypot(s.east - own.east, s.north - own.north),
        bearingDegrees: norm360(Math.atan2(s.east - own.east, s.north - own.north) / DEG),
        detected: seen.get(i) === false,
        merged: seen.get(i) === true,
        cpaMetres: cpa.cpaMetres,
        tcpaSeconds: cpa.tcpaSeconds,
      });
    });
  }
  return { scenario, origin, scans, truth };
}
