import { angleDifferenceDegrees, normalizeDegrees } from './geodesy.js';

/** How good a position fix is, as the nav source says. */
export type FixKind = 'none' | 'gnss' | 'dgnss' | 'rtk' | 'estimated' | 'unknown';

export interface PoseQuality {
  fix: FixKind;
  /** Horizontal dilution of precision, when the source gives it. */
  hdop: number | null;
  satellites: number | null;
}

/** The platform's pose at one instant. */
export interface Pose {
  /** Wall-clock ms since the Unix epoch. */
  timeMs: number;
  latitude: number;
  longitude: number;
  /** Metres above mean sea level. */
  altitudeMetres: number | null;
  /** True heading of the platform (where the bow / nose points), degrees 0..360. */
  headingDegrees: number | null;
  /** Course over ground, true degrees 0..360. */
  courseDegrees: number | null;
  speedMps: number | null;
  /** Which input produced it: 'nmea0183', 'mavlink', 'sim', ... */
  source: string;
  quality: PoseQuality;
}

export interface PoseAt {
  pose: Pose;
  /** True when the nearest sample is older (or newer) than maxAgeMs from the asked time. */
  stale: boolean;
  /** Distance in ms from the asked time to the nearest sample. */
  ageMs: number;
}

export interface PoseHistoryOptions {
  /** Poses kept (default 512: 50 s at 10 Hz). */
  capacity?: number;
  /** Beyond this distance to the nearest sample a pose is stale (default 2000 ms). */
  maxAgeMs?: number;
}

/**
 * A bounded, time-ordered history of poses. `at(t)` interpolates between the samples around t:
 * position and altitude linearly (longitude across the antimeridian the short way), heading and
 * course along the short arc. Outside the samples it holds the nearest one (no dead reckoning)
 * and says how far away that is.
 */
export class PoseHistory {
  private readonly poses: Pose[] = [];
  private readonly capacity: number;
  readonly maxAgeMs: number;

  constructor(options: PoseHistoryOptions = {}) {
    const capacity = options.capacity ?? 512;
    const maxAgeMs = options.maxAgeMs ?? 2000;
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`PoseHistory capacity must be a positive integer, got ${capacity}`);
    if (!(maxAgeMs >= 0)) throw new RangeError(`PoseHistory maxAgeMs must be >= 0, got ${maxAgeMs}`);
    this.capacity = capacity;
    this.maxAgeMs = maxAgeMs;
  }

  get size(): number {
    return this.poses.length;
  }

  latest(): Pose | undefined {
    return this.poses[this.poses.length - 1];
  }

  /** Adds a pose; one at the same time as a kept one replaces it; an out-of-order one is placed in order. */
  push(pose: Pose): void {
    if (!Number.isFinite(pose.timeMs) || !Number.isFinite(pose.latitude) || !Number.isFinite(pose.longitude)) {
      throw new RangeError('Pose needs finite timeMs, latitude and longitude');
    }
    const p = this.poses;
    let i = p.length;
    while (i > 0 && p[i - 1].timeMs > pose.timeMs) i--;
    if (i > 0 && p[i - 1].timeMs === pose.timeMs) p[i - 1] = pose;
    else p.splice(i, 0, pose);
    if (p.length > this.capacity) p.shift();
  }

  clear(): void {
    this.poses.length = 0;
  }

  at(timeMs: number): PoseAt | undefined {
    const p = this.poses;
    if (p.length === 0) return undefined;
    const first = p[0];
    const last = p[p.length - 1];
    if (timeMs <= first.timeMs) return this.held(first, timeMs, first.timeMs - timeMs);
    if (timeMs >= last.timeMs) return this.held(last, timeMs, timeMs - last.timeMs);
    let lo = 0;
    let hi = p.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (p[mid].timeMs <= timeMs) lo = mid;
      else hi = mid;
    }
    const a = p[lo];
    const b = p[hi];
    const ageMs = Math.min(timeMs - a.timeMs, b.timeMs - timeMs);
    const f = (timeMs - a.timeMs) / (b.timeMs - a.timeMs);
    const pose: Pose = {
      timeMs,
      latitude: a.latitude + f * (b.latitude - a.latitude),
      longitude: wrapLongitude(a.longitude + f * angleDifferenceDegrees(b.longitude, a.longitude)),
      altitudeMetres: lerpNullable(a.altitudeMetres, b.altitudeMetres, f),
      headingDegrees: arcNullable(a.headingDegrees, b.headingDegrees, f),
      courseDegrees: arcNullable(a.courseDegrees, b.courseDegrees, f),
      speedMps: lerpNullable(a.speedMps, b.speedMps, f),
      source: f < 0.5 ? a.source : b.source,
      quality: f < 0.5 ? a.quality : b.quality,
    };
    return { pose, stale: ageMs > this.maxAgeMs, ageMs };
  }

  /**
   * The flat view the georeferencer asks for (track/georef.ts `PlatformPose`): position, true
   * heading, speed and course over ground when known (absent, not null, when not), and staleness.
   */
  poseAt(timeMs: number): { latitude: number; longitude: number; headingDegrees?: number; speedMps?: number; courseDegrees?: number; stale: boolean; ageMs: number } | undefined {
    const r = this.at(timeMs);
    if (r === undefined) return undefined;
    const { latitude, longitude, headingDegrees, speedMps, courseDegrees } = r.pose;
    const out: { latitude: number; longitude: number; headingDegrees?: number; speedMps?: number; courseDegrees?: number; stale: boolean; ageMs: number } = { latitude, longitude, stale: r.stale, ageMs: r.ageMs };
    if (headingDegrees !== null) out.headingDegrees = headingDegrees;
    if (speedMps !== null) out.speedMps = speedMps;
    if (courseDegrees !== null) out.courseDegrees = courseDegrees;
    return out;
  }

  private held(sample: Pose, timeMs: number, ageMs: number): PoseAt {
    return { pose: { ...sample, timeMs }, stale: ageMs > this.maxAgeMs, ageMs };
  }
}

function wrapLongitude(lon: number): number {
  if (lon > 180) return lon - 360;
  if (lon <= -180) return lon + 360;
  return lon;
}

function lerpNullable(a: number | null, b: number | null, f: number): number | null {
  if (a === null) return f < 0.5 ? null : b;
  if (b === null) return f < 0.5 ? a : null;
  return a + f * (b - a);
}

function arcNullable(a: number | null, b: number | null, f: number): number | null {
  if (a === null || b === null) return lerpNullable(a, b, f);
  return normalizeDegrees(a + f * angleDifferenceDegrees(b, a));
}
