/**
 * What the tracking simulators share: the site and start time, the records of a run (plots,
 * scans, truth), where a target and own ship are at a time, and a Poisson draw.
 */
import type { LatLon } from '../../track/geodesy.js';
import type { Rng } from '../rng.js';
import type { ScenarioTarget, TrackScenario } from './scenarios.js';
import type { TruthRecord } from '../types.js';

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
