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
import type { TrackScenario } from './scenarios.js';
import { simulatePointClouds } from './points.js';
import { ownShipAt, poisson, targetState, SIM_SITE, SIM_START_MS, type SimPlot, type SimRun, type SimScan, type SimTruth } from './common.js';

export { SIM_SITE, SIM_START_MS, targetState, ownShipAt, poisson } from './common.js';
export type { SimPlot, SimOwnShip, SimScan, SimTruth, SimRun, State } from './common.js';

const DEG = Math.PI / 180;
const norm360 = (d: number): number => ((d % 360) + 360) % 360;

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
