import type { MavlinkPacket } from '../protocols/mavlink/types.js';
import type { NmeaSentence, NmeaUnits } from '../protocols/nmea0183/types.js';
import { normalizeDegrees } from './geodesy.js';
import type { FixKind, Pose, PoseQuality } from './pose.js';

const KNOT_MPS = 1852 / 3600;

export interface NavFusionOptions {
  /** Called with every pose built (one per position fix: GGA, RMC, GLOBAL_POSITION_INT). */
  onPose: (pose: Pose) => void;
  /**
   * Which clock stamps a pose. 'receive' (default): the rx wall time of the sentence/packet,
   * the same clock that stamps radar frames. 'sentence': the UTC in the NMEA sentence (GGA
   * time on the date from the last RMC/ZDA), for logs recorded without receive times;
   * falls back to the receive time when the sentence has none.
   */
  time?: 'receive' | 'sentence';
  /** Heading older than this (ms, same clock as poses) is dropped from new poses. Default 3000. */
  headingMaxAgeMs?: number;
}

/**
 * Turns decoded navigation messages into poses. Position comes from GGA / RMC (NMEA) or
 * GLOBAL_POSITION_INT (MAVLink). True heading from HDT, else from HDG: magnetic + deviation +
 * variation (east positive), the variation from HDG itself or else from the last RMC; from
 * MAVLink the ATTITUDE yaw, else GLOBAL_POSITION_INT hdg. Course and speed over ground from
 * RMC / VTG, or MAVLink's NED velocity.
 */
export class NavFusion {
  private readonly onPose: (pose: Pose) => void;
  private readonly timeMode: 'receive' | 'sentence';
  private readonly headingMaxAgeMs: number;
  private heading: { deg: number; timeMs: number; fromHdt: boolean } | null = null;
  private course: number | null = null;
  private speedMps: number | null = null;
  private rmcVariation: number | null = null;
  private dateMs: number | null = null;
  private lastAltitude: number | null = null;
  private quality: PoseQuality = { fix: 'unknown', hdop: null, satellites: null };

  constructor(options: NavFusionOptions) {
    if (typeof options?.onPose !== 'function') throw new TypeError('NavFusion: onPose must be a function');
    this.onPose = options.onPose;
    this.timeMode = options.time ?? 'receive';
    this.headingMaxAgeMs = options.headingMaxAgeMs ?? 3000;
  }

  nmea(s: NmeaSentence): void {
    if (s.talker === 'P') return;
    switch (s.sentence) {
      case 'HDT': {
        const h = (s as { headingTrue: number | null }).headingTrue;
        if (h !== null) this.heading = { deg: normalizeDegrees(h), timeMs: this.stamp(s, null), fromHdt: true };
        return;
      }
      case 'HDG': {
        const { headingMagnetic, deviation, variation } = s as { headingMagnetic: number | null; deviation: number | null; variation: number | null };
        const t = this.stamp(s, null);
        // HDT wins while it is fresh: a gyro beats a compass plus a variation table.
        if (this.heading?.fromHdt && !(t - this.heading.timeMs > this.headingMaxAgeMs)) return;
        const v = variation ?? this.rmcVariation;
        if (headingMagnetic === null || v === null) return;
        this.heading = { deg: normalizeDegrees(headingMagnetic + (deviation ?? 0) + v), timeMs: t, fromHdt: false };
        return;
      }
      case 'VTG': {
        const { courseTrue, speedKnots, speedKmh } = s as { courseTrue: number | null; speedKnots: number | null; speedKmh: number | null };
        if (courseTrue !== null) this.course = normalizeDegrees(courseTrue);
        if (speedKnots !== null) this.speedMps = speedKnots * KNOT_MPS;
        else if (speedKmh !== null) this.speedMps = speedKmh / 3.6;
        return;
      }
      case 'ZDA': {
        const t = (s as { timeMs: number | null }).timeMs;
        if (t !== null) this.dateMs = t - (t % 86_400_000);
        return;
      }
      case 'RMC': {
        const r = s as Extract<NmeaSentence, { sentence: 'RMC' }>;
        if (r.timeMs !== null) this.dateMs = r.timeMs - (r.timeMs % 86_400_000);
        if (r.variation !== null) this.rmcVariation = r.variation;
        if (r.status !== 'A') return;
        if (r.courseTrue !== null) this.course = normalizeDegrees(r.courseTrue);
        if (r.speedKnots !== null) this.speedMps = r.speedKnots * KNOT_MPS;
        if (r.latitude === null || r.longitude === null) return;
        this.emit(this.stamp(s, r.timeMs), r.latitude, r.longitude, this.lastAltitude, 'nmea0183');
        return;
      }
      case 'GGA': {
        const g = s as Extract<NmeaSentence, { sentence: 'GGA' }>;
        if (g.fixQuality === 0 || g.latitude === null || g.longitude === null) return;
        this.quality = { fix: ggaFix(g.fixQuality), hdop: g.hdop, satellites: g.satellites };
        this.lastAltitude = g.altitudeMetres;
        const utcMs = this.utcOnDate(g.utc);
        this.emit(this.stamp(s, utcMs), g.latitude, g.longitude, g.altitudeMetres, 'nmea0183');
        return;
      }
      default:
        return;
    }
  }

  mavlink(p: MavlinkPacket): void {
    const m = p.message;
    if (m === null) return;
    const t = p.rx.wallMs;
    switch (m.name) {
      case 'ATTITUDE':
        this.heading = { deg: normalizeDegrees(m.yawDeg), timeMs: t, fromHdt: true };
        return;
      case 'GPS_RAW_INT':
        this.quality = { fix: mavFix(m.fixType), hdop: m.eph, satellites: m.satellitesVisible };
        return;
      case 'GLOBAL_POSITION_INT': {
        if (m.lat === 0 && m.lon === 0) return; // no fix yet: autopilots send zeros
        const ground = Math.hypot(m.vx, m.vy);
        this.speedMps = ground;
        this.course = ground > 0 ? normalizeDegrees((Math.atan2(m.vy, m.vx) * 180) / Math.PI) : null;
        const fresh = this.heading !== null && t - this.heading.timeMs <= this.headingMaxAgeMs;
        if (!fresh && m.hdg !== null) this.heading = { deg: m.hdg, timeMs: t, fromHdt: false };
        this.emit(t, m.lat, m.lon, m.alt, 'mavlink');
        return;
      }
      default:
        return;
    }
  }

  private emit(timeMs: number, latitude: number, longitude: number, altitudeMetres: number | null, source: string): void {
    const h = this.heading;
    const headingDegrees = h !== null && (Number.isNaN(h.timeMs) || Math.abs(timeMs - h.timeMs) <= this.headingMaxAgeMs) ? h.deg : null;
    this.onPose({
      timeMs,
      latitude,
      longitude,
      altitudeMetres,
      headingDegrees,
      courseDegrees: this.course,
      speedMps: this.speedMps,
      source,
      quality: this.quality,
    });
  }

  /** The time of a sentence: its own UTC in 'sentence' mode when known, else the receive time. */
  private stamp(s: NmeaSentence, sentenceMs: number | null): number {
    if (this.timeMode === 'sentence') {
      if (sentenceMs !== null) return sentenceMs;
      const utc = 'utc' in s ? this.utcOnDate((s as { utc: string | null }).utc) : null;
      if (utc !== null) return utc;
      if (this.lastSentenceMs !== null) return this.lastSentenceMs;
      // Nothing dated yet (an HDG before the first GGA/RMC): unknown, fresh for the next fix.
      return Number.NaN;
    }
    return s.rx.wallMs;
  }

  private lastSentenceMs: number | null = null;

  private utcOnDate(utc: string | null): number | null {
    if (utc === null || this.dateMs === null || utc.length < 6) return null;
    const hh = Number(utc.slice(0, 2));
    const mm = Number(utc.slice(2, 4));
    const ss = Number(utc.slice(4));
    if (!Number.isFinite(hh) || !Number.isFinite(mm) || !Number.isFinite(ss)) return null;
    const t = this.dateMs + ((hh * 60 + mm) * 60 + ss) * 1000;
    this.lastSentenceMs = t;
    return Math.round(t);
  }
}

/** NMEA units to metres (K, N, S) — for callers turning TTM distances into metres. */
export function unitsToMetres(units: NmeaUnits | null): number | null {
  if (units === 'K') return 1000;
  if (units === 'N') return 1852;
  if (units === 'S') return 1609.344;
  return null;
}

function ggaFix(q: number | null): FixKind {
  switch (q) {
    case 0:
      return 'none';
    case 1:
      return 'gnss';
    case 2:
    case 3:
      return 'dgnss';
    case 4:
    case 5:
      return 'rtk';
    case 6:
    case 7:
    case 8:
      return 'estimated';
    default:
      return 'unknown';
  }
}

function mavFix(fixType: number): FixKind {
  if (fixType <= 1) return 'none';
  if (fixType <= 3) return 'gnss';
  if (fixType === 4) return 'dgnss';
  if (fixType <= 6) return 'rtk';
  return 'estimated';
}
