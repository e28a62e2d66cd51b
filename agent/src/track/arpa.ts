import type { NmeaSentence, TllSentence, TtmSentence } from '../protocols/nmea0183/types.js';
import type { TrackRecord } from '../wire/types.js';
import { destination, normalizeDegrees } from './geodesy.js';
import type { PlatformPose } from './georef.js';
import { unitsToMetres } from './nav-fusion.js';

/** A TLL older than this (ms) no longer places its target: the TTM and own ship do. */
export const TLL_FRESH_MS = 5000;
const STATUS_CODE = { Q: 0, T: 1, L: 3 } as const;

/** Timers the correlator batches with; tests hand in fakes. */
export interface BatchTimer {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const systemBatchTimer: BatchTimer = {
  setInterval: (fn, ms) => {
    const t = setInterval(fn, ms);
    t.unref();
    return t;
  },
  clearInterval: (t) => clearInterval(t as NodeJS.Timeout),
};

export interface ArpaCorrelatorOptions {
  /** Own ship: position and true heading at a time. */
  platform: PlatformPose;
  /** A batch of tracks, once per `batchMs` when there is one (and at `stop()`). */
  onTracks: (tracks: TrackRecord[]) => void;
  batchMs?: number;
  timer?: BatchTimer;
}

export interface ArpaCounters {
  ttm: number;
  tll: number;
  tracks: number;
  withoutPosition: number;
}

/**
 * A radar's ARPA targets (NMEA 0183 TTM + TLL) to tracks. The radar tracks; this puts its targets
 * on the map: at the radar's own TLL position of the same update when it sent one, else at the
 * TTM's range and true bearing from own ship. Relative bearings and courses become true with
 * own ship's heading. Tracks go out in batches, one per `batchMs`.
 */
export class ArpaCorrelator {
  readonly counters: ArpaCounters = { ttm: 0, tll: 0, tracks: 0, withoutPosition: 0 };
  private readonly lastTll = new Map<number, { latitude: number; longitude: number; atMs: number }>();
  private readonly hits = new Map<number, number>();
  private pending: TrackRecord[] = [];
  /** The batch's record of each target and its TTM time, for the TLL of the same update. */
  private readonly pendingByTarget = new Map<number, { record: TrackRecord; utc: string | null }>();
  private readonly timer: BatchTimer;
  private handle: unknown;

  constructor(private readonly options: ArpaCorrelatorOptions) {
    if (typeof options?.onTracks !== 'function') throw new TypeError('ArpaCorrelator needs onTracks');
    const batchMs = options.batchMs ?? 1000;
    if (!(batchMs > 0)) throw new RangeError(`batchMs must be positive, got ${String(batchMs)}`);
    this.timer = options.timer ?? systemBatchTimer;
  }

  start(): void {
    if (this.handle === undefined) this.handle = this.timer.setInterval(() => this.flush(), this.options.batchMs ?? 1000);
  }

  stop(): void {
    if (this.handle !== undefined) this.timer.clearInterval(this.handle);
    this.handle = undefined;
    this.flush();
  }

  /** Takes TTM and TLL; other sentences are ignored (returns false for them). */
  push(s: NmeaSentence): boolean {
    if (s.sentence === 'TTM') this.ttm(s as TtmSentence);
    else if (s.sentence === 'TLL') this.tll(s as TllSentence);
    else return false;
    return true;
  }

  /** Hands the pending tracks on now. */
  flush(): void {
    if (this.pending.length === 0) return;
    const tracks = this.pending;
    this.counters.tracks += tracks.length;
    this.pending = [];
    this.pendingByTarget.clear();
    this.options.onTracks(tracks);
  }

  private ttm(s: TtmSentence): void {
    this.counters.ttm++;
    const metres = unitsToMetres(s.units);
    if (s.target === null || s.distance === null || s.bearing === null || metres === null) return;
    const t = s.rx.wallMs;
    const pose = this.options.platform.poseAt(t);
    const heading = pose && !pose.stale ? pose.headingDegrees : undefined;
    // Relative bearings and courses are from the bow: true = relative + heading.
    const toTrue = (deg: number, ref: 'T' | 'R' | null): number | null =>
      ref === 'R' ? (heading === undefined ? null : normalizeDegrees(deg + heading)) : normalizeDegrees(deg);
    const bearing = toTrue(s.bearing, s.bearingReference);
    const tll = this.lastTll.get(s.target);
    let position: { latitude: number; longitude: number } | undefined;
    if (tll && t - tll.atMs <= TLL_FRESH_MS) position = tll;
    else if (pose && !pose.stale && bearing !== null) position = destination(pose, bearing, s.distance * metres);
    if (!position || bearing === null) {
      this.counters.withoutPosition++;
      return;
    }
    const n = (this.hits.get(s.target) ?? 0) + 1;
    this.hits.set(s.target, n);
    const course = s.course === null ? null : toTrue(s.course, s.courseReference);
    const record: TrackRecord = {
      id: s.target,
      timeMs: t,
      latitude: position.latitude,
      longitude: position.longitude,
      speedMetresPerSecond: s.speed === null ? 0 : (s.speed * metres) / 3600,
      courseDegrees: course ?? 0,
      rangeMetres: s.distance * metres,
      bearingDegrees: bearing,
      hits: n,
      status: s.status === null ? 1 : STATUS_CODE[s.status],
    };
    this.pending.push(record);
    this.pendingByTarget.set(s.target, { record, utc: s.utc });
    if (s.status === 'L') {
      this.hits.delete(s.target);
      this.lastTll.delete(s.target);
    }
  }

  private tll(s: TllSentence): void {
    this.counters.tll++;
    if (s.target === null || s.latitude === null || s.longitude === null) return;
    this.lastTll.set(s.target, { latitude: s.latitude, longitude: s.longitude, atMs: s.rx.wallMs });
    // Radars send TTM then TLL for the same update: the radar's own position wins.
    const p = this.pendingByTarget.get(s.target);
    if (p && (s.utc === null || p.utc === null || s.utc === p.utc)) {
      p.record.latitude = s.latitude;
      p.record.longitude = s.longitude;
    }
  }
}
