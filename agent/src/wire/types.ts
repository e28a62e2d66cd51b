/**
 * Record bodies as the agent and hubs see them (SI units, degrees, ms). wire/ is the lowest
 * floor: these are the shapes it encodes, declared here; the domain types above it (detect's
 * `Plot`, the georeferencer's placed plot, the tracker's tracks) are structurally these.
 */
import type { LatLon } from './geo.js';

export type { LatLon } from './geo.js';

export const RECORD_KINDS = ['birth', 'state', 'plots', 'tracks', 'alerts', 'status', 'gap', 'commandResult'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export function isRecordKind(value: string): value is RecordKind {
  return (RECORD_KINDS as readonly string[]).includes(value);
}

export interface SensorInfo {
  id: string;
  protocol: string;
  /** "radar", "drone-radar", ... */
  type: string;
  latitude?: number;
  longitude?: number;
  heightMetres?: number;
}

export interface BirthBody {
  version: string;
  sensors: SensorInfo[];
  /** Hex SHA-256 of the effective configuration. */
  configHash: string;
  session: number;
  capabilities: string[];
  /** Wall-clock ms when the session started. */
  startedMs: number;
  /** The seq the next record will carry. */
  nextSeq: number;
}

export interface StateBody {
  online: boolean;
  /** Wall-clock ms of the connection this state belongs to. */
  sinceMs: number;
}

/**
 * A plot on the wire: what the detector found (detect's `Plot` has these fields), with its
 * position on the Earth when known.
 */
export interface PlotRecord {
  /** Wall-clock ms of the spoke nearest the centroid. */
  timeMs: number;
  /** Turn counter of the scan assembler. */
  scan: number;
  rangeMetres: number;
  /** True bearing once placed; video azimuth before. */
  bearingDegrees: number;
  rangeExtentMetres: number;
  azimuthExtentDegrees: number;
  /** Linear power. */
  peakPower: number;
  meanPower: number;
  cellCount: number;
  /** Area of the return on the water, m² (sent in dm²); absent from detectors that do not measure it. */
  areaSquareMetres?: number;
  /** Size class by area; extended: land, a jetty, a pontoon. */
  sizeClass?: PlotSizeClass;
  latitude?: number;
  longitude?: number;
}

export const PLOT_SIZE_CLASSES = ['small', 'medium', 'large', 'extended'] as const;
export type PlotSizeClass = (typeof PLOT_SIZE_CLASSES)[number];

/** A plot put on the Earth (what the georeferencer makes): a plot record with its position. */
export type PlacedPlot = PlotRecord & LatLon;

export interface PlotsBody {
  sensor: string;
  /**
   * Sensor position for the batch. With it, per-plot lat/lon are not sent (hubs compute them
   * from range and bearing: 6 bytes per plot saved); without it, every plot must carry
   * latitude/longitude and they are sent as columns.
   */
  origin?: LatLon;
  plots: PlotRecord[];
  /** Plots removed by the bandwidth budget (weakest first). */
  thinned?: number;
}

export interface TrackRecord {
  id: number;
  timeMs: number;
  latitude: number;
  longitude: number;
  speedMetresPerSecond: number;
  courseDegrees: number;
  /** From the sensor (ARPA targets; not sent in Lookout's column-wise tracker batches). */
  rangeMetres?: number;
  bearingDegrees?: number;
  /** Plots associated so far (ARPA targets; not sent in tracker batches). */
  hits?: number;
  /** 0 tentative, 1 confirmed, 2 coasting, 3 lost. */
  status: number;
  /** Tracker batches: under way (true) or stationary (false), with hysteresis on the speed. */
  moving?: boolean;
  /** Tracker batches, for a closing track: distance (m) and time (s) to the closest point of approach. */
  cpaMetres?: number;
  tcpaSeconds?: number;
  /** Tracker batches: CPA below the alert distance within the alert time. */
  cpaAlert?: boolean;
}

/** Who made the tracks: the radar's own ARPA, or Lookout's tracker. */
export type TrackSource = 'arpa' | 'tracker';

/** Track status codes of `TrackRecord.status`. */
export const TRACK_STATUS = { tentative: 0, confirmed: 1, coasting: 2, lost: 3 } as const;

export interface TracksBody {
  sensor: string;
  tracks: TrackRecord[];
  /**
   * 'tracker': Lookout's tracker, sent column-wise (fixed point, delta-coded: a few bytes per
   * track); 'arpa' or absent: the radar's targets, row-wise.
   */
  source?: TrackSource;
  /** Tracker batches: the scan (turn or frame) they report. */
  scan?: number;
  /** Tracker batches: the sensor's position at the scan (own ship on a moving platform). */
  origin?: LatLon;
  /** Tracker batches: ids of the tracks that ended at this scan. */
  deleted?: number[];
}

export type AlertSeverity = 'info' | 'warning' | 'critical';

export interface AlertBody {
  severity: AlertSeverity;
  code: string;
  message: string;
  details?: Record<string, string>;
  trackId?: number;
}

export interface StatusBody {
  spokesPerSecond: number;
  plotsPerScan: number;
  outboxDepth: number;
  outboxBytes: number;
  published: number;
  dropped: number;
  thinned: number;
  uptimeSeconds: number;
  counters?: Record<string, number>;
  gauges?: Record<string, number>;
}

export type GapReason = 'quota' | 'expired' | 'corrupt' | 'disk-full' | 'unspecified';

export interface GapBody {
  /** Inclusive seq ranges [first, last]. */
  ranges: Array<[number, number]>;
  reason: GapReason;
  count: number;
  kinds: RecordKind[];
}

export type CommandStatus = 'ok' | 'refused' | 'error';

/** The answer to a signed command (proto CommandResult). */
export interface CommandResultBody {
  /** The command's nonce, hex (empty when the payload was not a readable command). */
  nonce: string;
  verb: string;
  status: CommandStatus;
  /** What was done, or why not. */
  reason: string;
  /** Refusal or error code ("bad-signature", ...); absent when ok. */
  code?: string;
  /** What the verb returns (JSON); absent when nothing. */
  result?: unknown;
}

export interface RecordBodies {
  birth: BirthBody;
  state: StateBody;
  plots: PlotsBody;
  tracks: TracksBody;
  alerts: AlertBody;
  status: StatusBody;
  gap: GapBody;
  commandResult: CommandResultBody;
}

/** One record as it travels: envelope fields and the typed body. */
export interface LookoutRecord<K extends RecordKind = RecordKind> {
  unit: string;
  session: number;
  /** 0 for the session messages `birth` and `state`. */
  seq: number;
  kind: K;
  /** Wall-clock ms when the record was made (µs precision on the wire). */
  timeMs: number;
  body: RecordBodies[K];
}

/** Any record, discriminated on `kind` (narrow with `rec.kind === 'plots'`). */
export type AnyRecord = { [K in RecordKind]: LookoutRecord<K> }[RecordKind];
