import { encodeSentence } from '../protocols/nmea0183/encoder.js';
import { destination, inverse, METRES_PER_NAUTICAL_MILE, normalizeDegrees, type LatLon } from '../track/geodesy.js';
import { Rng } from './rng.js';
import type { RadarScenario } from './scenario.js';
import type { SimStep, SimulatedSensor, TruthRecord } from './types.js';

const KNOT_MPS = METRES_PER_NAUTICAL_MILE / 3600;

export interface ArpaSimOptions {
  /**
   * Own ship's position at t = 0 (`radar`) and the targets, as in a radar scenario. Default
   * DEFAULT_ARPA_SCENARIO: own ship off Gothenburg with four targets (crossing, overtaking,
   * head-on, at anchor), one of them numbered 101 as radars with three-digit numbers do.
   */
  scenario?: Pick<RadarScenario, 'radar' | 'targets'>;
  seed: number;
  /** Wall-clock time of t = 0, ms since the Unix epoch (drives the UTC in the sentences). */
  startWallMs: number;
  /** Seconds between ARPA updates (one burst of sentences each). Default 1. */
  updateIntervalS?: number;
  /** Own ship's true course and speed over ground (default 0 kn: at anchor) and heading (default = course). */
  ownShip?: { courseDegrees?: number; speedMetresPerSecond?: number; headingDegrees?: number };
  /** Measurement noise (1 sigma) on reported target range and bearing. Default 5 m and 0.3°. */
  rangeSigmaMetres?: number;
  bearingSigmaDegrees?: number;
  /** Updates a target stays in status Q (acquiring) before T (tracking). Default 3. */
  acquireUpdates?: number;
  /** Beyond this range a target is reported once with status L (lost) and then dropped. Default 12 NM. */
  maxRangeMetres?: number;
  /** Stop after this many seconds of simulated time (next() returns null). Default: never. */
  durationS?: number;
}

export const DEFAULT_ARPA_SCENARIO: Pick<RadarScenario, 'radar' | 'targets'> = {
  radar: { latitude: 57.68, longitude: 11.75, altitudeMetres: 6, sac: 1, sic: 1 },
  targets: [
    { id: 1, rangeMetres: 2500, bearingDegrees: 30, courseDegrees: 250, speedMetresPerSecond: 6, snrDb: 20, swerling: 0 },
    { id: 2, rangeMetres: 1200, bearingDegrees: 180, courseDegrees: 5, speedMetresPerSecond: 7, snrDb: 20, swerling: 0 },
    { id: 3, rangeMetres: 6000, bearingDegrees: 300, courseDegrees: 120, speedMetresPerSecond: 9, snrDb: 20, swerling: 0 },
    { id: 101, rangeMetres: 3500, bearingDegrees: 95, courseDegrees: 0, speedMetresPerSecond: 0, snrDb: 20, swerling: 0 },
  ],
};

interface TargetState {
  id: number;
  start: LatLon;
  courseDegrees: number;
  speedMps: number;
  updates: number;
  lost: boolean;
}

/**
 * A radar's ARPA output on its NMEA port: per update, own ship's GGA, RMC and HDT, then TTM and
 * TLL for each target (numbered by scenario id, distances in NM, speeds in knots, bearings true).
 * Targets move on straight lines from their t = 0 positions; reported range and bearing carry
 * gaussian noise from the seeded generator. Truth records hold the noiseless geometry.
 * Deterministic for a seed.
 */
export function createArpaSim(options: ArpaSimOptions): SimulatedSensor {
  const interval = options.updateIntervalS ?? 1;
  if (!(interval > 0)) throw new RangeError(`updateIntervalS must be > 0, got ${interval}`);
  const rng = new Rng(options.seed);
  const scenario = options.scenario ?? DEFAULT_ARPA_SCENARIO;
  const origin: LatLon = { latitude: scenario.radar.latitude, longitude: scenario.radar.longitude };
  const ownCourse = options.ownShip?.courseDegrees ?? 0;
  const ownSpeed = options.ownShip?.speedMetresPerSecond ?? 0;
  const ownHeading = options.ownShip?.headingDegrees ?? ownCourse;
  const rangeSigma = options.rangeSigmaMetres ?? 5;
  const bearingSigma = options.bearingSigmaDegrees ?? 0.3;
  const acquire = options.acquireUpdates ?? 3;
  const maxRange = options.maxRangeMetres ?? 12 * METRES_PER_NAUTICAL_MILE;
  const duration = options.durationS ?? Infinity;
  const targets: TargetState[] = scenario.targets.map((t) => ({
    id: t.id,
    start: destination(origin, t.bearingDegrees, t.rangeMetres),
    courseDegrees: t.courseDegrees ?? 0,
    speedMps: t.speedMetresPerSecond ?? 0,
    updates: 0,
    lost: false,
  }));
  let step = 0;

  return {
    next(): SimStep | null {
      const timeS = step * interval;
      if (timeS > duration) return null;
      step++;
      const wallMs = options.startWallMs + timeS * 1000;
      const utc = utcText(wallMs);
      const own = ownSpeed > 0 ? destination(origin, ownCourse, ownSpeed * timeS) : origin;
      const parts: Buffer[] = [
        encodeSentence({ sentence: 'GGA', talker: 'GP', utc, latitude: own.latitude, longitude: own.longitude, fixQuality: 1, satellites: 10, hdop: 0.9, altitudeMetres: scenario.radar.altitudeMetres ?? 0, geoidSeparationMetres: null, dgpsAgeSeconds: null, dgpsStation: null }),
        encodeSentence({ sentence: 'RMC', talker: 'GP', utc, status: 'A', latitude: own.latitude, longitude: own.longitude, speedKnots: ownSpeed / KNOT_MPS, courseTrue: ownCourse, date: dateText(wallMs), variation: null, mode: 'A', navStatus: null }),
        encodeSentence({ sentence: 'HDT', talker: 'HE', headingTrue: ownHeading }),
      ];
      const truth: TruthRecord[] = [];
      for (const t of targets) {
        if (t.lost) continue;
        const pos = t.speedMps > 0 ? destination(t.start, t.courseDegrees, t.speedMps * timeS) : t.start;
        const geo = inverse(own, pos);
        truth.push({ timeMs: wallMs, target: t.id, rangeMetres: geo.distanceMetres, bearingDegrees: geo.bearingDegrees, latitude: pos.latitude, longitude: pos.longitude });
        const range = Math.max(0, geo.distanceMetres + rng.gaussian() * rangeSigma);
        const bearing = normalizeDegrees(geo.bearingDegrees + rng.gaussian() * bearingSigma);
        t.updates++;
        const lost = geo.distanceMetres > maxRange;
        if (lost) t.lost = true;
        const status = lost ? 'L' : t.updates <= acquire ? 'Q' : 'T';
        const measured = destination(own, bearing, range);
        const { cpaMetres, tcpaMinutes } = cpa(own, ownCourse, ownSpeed, pos, t.courseDegrees, t.speedMps);
        const name = `T${t.id}`;
        parts.push(
          encodeSentence({
            sentence: 'TTM',
            talker: 'RA',
            target: t.id,
            distance: range / METRES_PER_NAUTICAL_MILE,
            bearing,
            bearingReference: 'T',
            speed: t.speedMps / KNOT_MPS,
            course: t.courseDegrees,
            courseReference: 'T',
            cpaDistance: cpaMetres / METRES_PER_NAUTICAL_MILE,
            tcpaMinutes,
            units: 'N',
            name,
            status,
            reference: false,
            utc,
            acquisition: 'A',
          }),
          encodeSentence({ sentence: 'TLL', talker: 'RA', target: t.id, latitude: measured.latitude, longitude: measured.longitude, name, utc, status, reference: false }),
        );
      }
      return { timeS, bytes: Buffer.concat(parts), truth };
    },
  };
}

/** CPA distance and time (minutes; negative when opening) of two straight-line movers, flat-earth at the own ship. */
function cpa(own: LatLon, ownCourse: number, ownSpeed: number, target: LatLon, course: number, speed: number): { cpaMetres: number; tcpaMinutes: number } {
  const g = inverse(own, target);
  const rad = Math.PI / 180;
  const px = g.distanceMetres * Math.sin(g.bearingDegrees * rad);
  const py = g.distanceMetres * Math.cos(g.bearingDegrees * rad);
  const vx = speed * Math.sin(course * rad) - ownSpeed * Math.sin(ownCourse * rad);
  const vy = speed * Math.cos(course * rad) - ownSpeed * Math.cos(ownCourse * rad);
  const v2 = vx * vx + vy * vy;
  if (v2 < 1e-9) return { cpaMetres: g.distanceMetres, tcpaMinutes: 0 };
  const t = -(px * vx + py * vy) / v2;
  const cx = px + vx * Math.max(t, 0);
  const cy = py + vy * Math.max(t, 0);
  return { cpaMetres: Math.hypot(cx, cy), tcpaMinutes: t / 60 };
}

function utcText(wallMs: number): string {
  const d = new Date(wallMs);
  const cs = Math.floor(d.getUTCMilliseconds() / 10);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${p2(d.getUTCHours())}${p2(d.getUTCMinutes())}${p2(d.getUTCSeconds())}.${p2(cs)}`;
}

function dateText(wallMs: number): string {
  const d = new Date(wallMs);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${p2(d.getUTCDate())}${p2(d.getUTCMonth() + 1)}${p2(d.getUTCFullYear() % 100)}`;
}
