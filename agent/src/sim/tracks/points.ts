/**
 * Point clouds with truth for a tracking scenario seen by a TI mmWave sensor: one frame at a
 * fixed rate, every point of a frame at the frame's time (the chip detects on chip and sends its
 * points per frame), inside the field of view about the boresight (north on a fixed site, the
 * bow on a vessel). A detected target gives several points spread over its hull, each with
 * range and angle noise; two targets closer than the angular resolution (and overlapping in
 * range) give one blob at their mean angle; false points are uniform over the range-Doppler
 * cells at the scenario's Pfa, plus wave returns near the sensor.
 */
import { destination, type LatLon } from '../../track/geodesy.js';
import { LocalFrame } from '../../track/tracker/frame.js';
import { closestApproach } from '../../track/tracker/cpa.js';
import { Rng } from '../rng.js';
import type { PointCloudModel, TrackScenario } from './scenarios.js';
import { ownShipAt, poisson, targetState, SIM_SITE, SIM_START_MS, type SimPlot, type SimRun, type SimScan, type SimTruth } from './common.js';

const DEG = Math.PI / 180;
const norm360 = (d: number): number => ((d % 360) + 360) % 360;
const wrap180 = (d: number): number => ((d + 540) % 360) - 180;

interface Blob {
  targets: number[];
  /** Hull points before noise: range and bearing (true). */
  points: Array<{ range: number; bearing: number }>;
}

export function simulatePointClouds(scenario: TrackScenario, m: PointCloudModel, opts: { seed?: number; origin?: LatLon; startMs?: number } = {}): SimRun {
  const rng = new Rng(opts.seed ?? 1);
  const origin = opts.origin ?? SIM_SITE;
  const startMs = opts.startMs ?? SIM_START_MS;
  const frame = new LocalFrame(origin);
  const period = 1 / m.frameHz;
  const nFrames = Math.floor(scenario.seconds * m.frameHz);
  const scans: SimScan[] = [];
  const truth: SimTruth[] = [];
  const cells = (m.maxRangeMetres / m.rangeResolutionMetres) * m.dopplerBins;
  for (let k = 0; k < nFrames; k++) {
    const t = (k + 1) * period;
    const o = ownShipAt(scenario, t);
    const boresight = norm360((scenario.ownShip ? o.course : 0) + m.mountDegrees);
    const headingErr = scenario.ownShip ? scenario.ownShip.headingSigmaDegrees * rng.gaussian() : 0;
    const blobs: Blob[] = [];
    const inView: Array<{ i: number; range: number; bearing: number; length: number }> = [];
    scenario.targets.forEach((tg, i) => {
      const s = targetState(tg, t);
      const range = Math.hypot(s.east - o.east, s.north - o.north);
      const bearing = norm360(Math.atan2(s.east - o.east, s.north - o.north) / DEG);
      if (range > m.maxRangeMetres || range < 1 || Math.abs(wrap180(bearing - boresight)) > m.fovDegrees / 2) return;
      if (rng.uniform() >= tg.pd) return;
      inView.push({ i, range, bearing, length: tg.lengthMetres });
      // Points over the hull: uniform along its length and over a beam of a third of it.
      const c = s.course * DEG;
      const n = 1 + poisson(rng, m.meanPointsPerTarget - 1);
      const points = [];
      for (let p = 0; p < n; p++) {
        const a = (rng.uniform() - 0.5) * tg.lengthMetres;
        const b = ((rng.uniform() - 0.5) * tg.lengthMetres) / 3;
        const e = s.east + a * Math.sin(c) + b * Math.cos(c) - o.east;
        const nn = s.north + a * Math.cos(c) - b * Math.sin(c) - o.north;
        points.push({ range: Math.hypot(e, nn), bearing: norm360(Math.atan2(e, nn) / DEG) });
      }
      blobs.push({ targets: [i], points });
    });
    // Unresolved: closer than the angular resolution and overlapping in range; the chip's angle
    // estimate of the pair is one peak between them.
    for (let a = 0; a < blobs.length; a++) {
      for (let b = a + 1; b < blobs.length; b++) {
        const A = inView[a];
        const B = inView[b];
        if (Math.abs(wrap180(A.bearing - B.bearing)) >= m.angleResolutionDegrees || Math.abs(A.range - B.range) >= (A.length + B.length) / 2) continue;
        const mid = norm360(A.bearing + wrap180(B.bearing - A.bearing) / 2);
        const pts = [...blobs[a].points, ...blobs[b].points].map((p) => ({ range: p.range, bearing: norm360(mid + wrap180(p.bearing - mid) * 0.3) }));
        blobs[a] = { targets: [...blobs[a].targets, ...blobs[b].targets], points: pts };
        inView[a] = { i: A.i, range: (A.range + B.range) / 2, bearing: mid, length: Math.abs(A.range - B.range) + (A.length + B.length) / 2 };
        blobs.splice(b, 1);
        inView.splice(b, 1);
        b = a;
      }
    }
    const plots: SimPlot[] = [];
    const timeMs = Math.round(startMs + t * 1000);
    const place = (range: number, bearing: number, power: number): void => {
      const p = destination(frame.toGeo(o.east, o.north), bearing, range);
      plots.push({ timeMs, scan: k, latitude: p.latitude, longitude: p.longitude, rangeMetres: range, bearingDegrees: bearing, rangeExtentMetres: 0, azimuthExtentDegrees: 0, cellCount: 1, peakPower: power });
    };
    const seen = new Map<number, boolean>();
    for (const bl of blobs) {
      for (const p of bl.points) place(Math.max(0.1, p.range + m.rangeSigmaMetres * rng.gaussian()), norm360(p.bearing + m.angleSigmaDegrees * rng.gaussian() + headingErr), 1000);
      for (const i of bl.targets) seen.set(i, bl.targets.length > 1);
    }
    // False points: CFAR false alarms uniform over the range-Doppler cells (so over range and the
    // field of view), and wave and multipath returns near the sensor.
    const nFalse = poisson(rng, m.pfa * cells);
    for (let c = 0; c < nFalse; c++) place(1 + rng.uniform() * (m.maxRangeMetres - 1), norm360(boresight + (rng.uniform() - 0.5) * m.fovDegrees), 30 * (1 + rng.exponential()));
    const nWave = poisson(rng, m.waveClutterPerFrame);
    for (let c = 0; c < nWave; c++) place(2 + rng.uniform() * (m.waveClutterMetres - 2), norm360(boresight + (rng.uniform() - 0.5) * m.fovDegrees), 30 * (1 + rng.exponential()));
    const scan: SimScan = { scan: k, timeMs, plots };
    if (scenario.ownShip) scan.ownShip = { ...frame.toGeo(o.east, o.north), speedMps: o.speed, courseDegrees: o.course };
    scans.push(scan);
    scenario.targets.forEach((tg, i) => {
      const s = targetState(tg, t);
      const g = frame.toGeo(s.east, s.north);
      const cpa = closestApproach(
        { east: s.east, north: s.north, vEast: s.speed * Math.sin(s.course * DEG), vNorth: s.speed * Math.cos(s.course * DEG) },
        { east: o.east, north: o.north, vEast: o.speed * Math.sin(o.course * DEG), vNorth: o.speed * Math.cos(o.course * DEG) },
      );
      truth.push({
        timeMs,
        scan: k,
        target: i + 1,
        latitude: g.latitude,
        longitude: g.longitude,
        eastMetres: s.east,
        northMetres: s.north,
        speedMps: s.speed,
        courseDegrees: s.course,
        rangeMetres: Math.hypot(s.east - o.east, s.north - o.north),
        bearingDegrees: norm360(Math.atan2(s.east - o.east, s.north - o.north) / DEG),
        detected: seen.get(i) === false,
        merged: seen.get(i) === true,
        cpaMetres: cpa.cpaMetres,
        tcpaSeconds: cpa.tcpaSeconds,
      });
    });
  }
  return { scenario, origin, scans, truth };
}
