import type { ReceiveTime } from '../../io/types.js';

/**
 * Typed NMEA 0183 sentences. Empty fields decode to `null` (so they stay visible in JSON);
 * angles are degrees, latitudes/longitudes signed decimal degrees (S and W negative), distances
 * and speeds in the sentence's own units (stated beside them), times as the sentence gives them.
 */

/** What every sentence carries, typed or not. */
interface NmeaBase {
  type: 'nmea0183';
  /** `$` (parametric) or `!` (encapsulated, e.g. AIS). */
  start: '$' | '!';
  /** Two-letter talker (`RA`, `GP`, `SD`...), or `P` for proprietary sentences. */
  talker: string;
  /** Sentence formatter (`TTM`, `GGA`...); for proprietary sentences the rest of the address. */
  sentence: string;
  /** The comma-separated fields after the address, exactly as received (never typed). */
  fields: string[];
  /** False only when the decoder accepted a sentence without `*hh` (option `acceptMissingChecksum`). */
  checksumPresent: boolean;
  rx: ReceiveTime;
}

export type TrueRelative = 'T' | 'R';
/** Distance/speed units of TTM, TLL and OSD: K km and km/h, N NM and knots, S statute miles and mph. */
export type NmeaUnits = 'K' | 'N' | 'S';
/** Target status: L lost, Q acquiring (query), T tracking. */
export type TargetStatus = 'L' | 'Q' | 'T';

export interface TtmSentence extends NmeaBase {
  sentence: 'TTM';
  /** Target number (real radars use up to three digits). */
  target: number | null;
  /** Distance from own ship in `units`. */
  distance: number | null;
  bearing: number | null;
  bearingReference: TrueRelative | null;
  /** Target speed in `units` per hour. */
  speed: number | null;
  course: number | null;
  courseReference: TrueRelative | null;
  /** Distance at closest point of approach, in `units`. */
  cpaDistance: number | null;
  /** Time to CPA in minutes; negative when opening. */
  tcpaMinutes: number | null;
  units: NmeaUnits | null;
  name: string | null;
  status: TargetStatus | null;
  /** Field 13 is `R`: this is the reference target. */
  reference: boolean;
  /** UTC of the data, hhmmss.ss as sent. */
  utc: string | null;
  /** A auto, M manual, R reported. */
  acquisition: 'A' | 'M' | 'R' | null;
}

export interface TllSentence extends NmeaBase {
  sentence: 'TLL';
  target: number | null;
  latitude: number | null;
  longitude: number | null;
  name: string | null;
  utc: string | null;
  status: TargetStatus | null;
  reference: boolean;
}

export interface OsdSentence extends NmeaBase {
  sentence: 'OSD';
  headingTrue: number | null;
  /** A heading valid, V invalid. */
  headingStatus: 'A' | 'V' | null;
  courseTrue: number | null;
  /** B bottom track, M manual, W water, R radar, P positioning system. */
  courseReference: string | null;
  speed: number | null;
  speedReference: string | null;
  /** Set (true degrees) and drift (speed units) of the current. */
  set: number | null;
  drift: number | null;
  units: NmeaUnits | null;
}

export interface RsdSentence extends NmeaBase {
  sentence: 'RSD';
  origin1Range: number | null;
  origin1Bearing: number | null;
  vrm1: number | null;
  ebl1: number | null;
  origin2Range: number | null;
  origin2Bearing: number | null;
  vrm2: number | null;
  ebl2: number | null;
  cursorRange: number | null;
  cursorBearing: number | null;
  rangeScale: number | null;
  units: NmeaUnits | null;
  /** C course-up, H head-up, N north-up. */
  displayRotation: 'C' | 'H' | 'N' | null;
}

export interface GgaSentence extends NmeaBase {
  sentence: 'GGA';
  utc: string | null;
  latitude: number | null;
  longitude: number | null;
  /** 0 invalid, 1 GPS, 2 DGPS, 4 RTK fixed, 5 RTK float, 6 dead reckoning... */
  fixQuality: number | null;
  satellites: number | null;
  hdop: number | null;
  altitudeMetres: number | null;
  geoidSeparationMetres: number | null;
  dgpsAgeSeconds: number | null;
  dgpsStation: string | null;
}

export interface RmcSentence extends NmeaBase {
  sentence: 'RMC';
  utc: string | null;
  /** A valid, V warning. */
  status: 'A' | 'V' | null;
  latitude: number | null;
  longitude: number | null;
  speedKnots: number | null;
  courseTrue: number | null;
  /** ddmmyy as sent. */
  date: string | null;
  /** Magnetic variation in degrees, east positive. */
  variation: number | null;
  mode: string | null;
  navStatus: string | null;
  /** UTC date + time as ms since the Unix epoch, when both are present and valid. */
  timeMs: number | null;
}

export interface VtgSentence extends NmeaBase {
  sentence: 'VTG';
  courseTrue: number | null;
  courseMagnetic: number | null;
  speedKnots: number | null;
  speedKmh: number | null;
  mode: string | null;
}

export interface HdtSentence extends NmeaBase {
  sentence: 'HDT';
  headingTrue: number | null;
}

export interface HdgSentence extends NmeaBase {
  sentence: 'HDG';
  /** Magnetic sensor heading. True = magnetic + deviation + variation (east positive). */
  headingMagnetic: number | null;
  deviation: number | null;
  variation: number | null;
}

export interface ZdaSentence extends NmeaBase {
  sentence: 'ZDA';
  utc: string | null;
  day: number | null;
  month: number | null;
  year: number | null;
  /** Local zone offset as sent (local = UTC + zone, sign on the hours). */
  zoneHours: number | null;
  zoneMinutes: number | null;
  /** UTC as ms since the Unix epoch, when date and time are present and valid. */
  timeMs: number | null;
}

/** Any other sentence: talker, id and raw fields only. */
export interface OtherSentence extends NmeaBase {
  sentence: string;
}

export type TypedSentence =
  | TtmSentence
  | TllSentence
  | OsdSentence
  | RsdSentence
  | GgaSentence
  | RmcSentence
  | VtgSentence
  | HdtSentence
  | HdgSentence
  | ZdaSentence;

export type NmeaSentence = TypedSentence | OtherSentence;

export const TYPED_SENTENCES = ['TTM', 'TLL', 'OSD', 'RSD', 'GGA', 'RMC', 'VTG', 'HDT', 'HDG', 'ZDA'] as const;
export type TypedSentenceId = (typeof TYPED_SENTENCES)[number];

export function isTyped<S extends TypedSentenceId>(s: NmeaSentence, id: S): s is Extract<TypedSentence, { sentence: S }> {
  return s.sentence === id && s.talker !== 'P';
}
