/**
 * Record bodies as the agent and hubs see them (SI units, degrees, ms) and their protobuf
 * encoding (`proto/lookout/v1/lookout.proto`): fixed-point integers, column-wise plot batches
 * with delta coding. `encodeRecord` / `decodeRecord` are exact inverses up to the documented
 * quantisation (range 0.1 m, bearing 1/65536 turn, time 100 µs in batches, power 1 dB / 0.25 dB).
 */
import { lookout } from './gen/lookout.js';
import type { Plot } from '../detect/types.js';
import { destination, type LatLon } from '../track/geodesy.js';

const pb = lookout.v1;

export const RECORD_KINDS = ['birth', 'state', 'plots', 'tracks', 'alerts', 'status', 'gap'] as const;
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

/** A plot on the wire: a detector plot, with its position on the Earth when known. */
export type PlotRecord = Plot & { latitude?: number; longitude?: number };

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
  rangeMetres: number;
  bearingDegrees: number;
  hits: number;
  /** 0 tentative, 1 confirmed, 2 coasting, 3 lost. */
  status: number;
}

export interface TracksBody {
  sensor: string;
  tracks: TrackRecord[];
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

export interface RecordBodies {
  birth: BirthBody;
  state: StateBody;
  plots: PlotsBody;
  tracks: TracksBody;
  alerts: AlertBody;
  status: StatusBody;
  gap: GapBody;
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

const KIND_TO_PB: Record<RecordKind, number> = {
  birth: pb.Kind.KIND_BIRTH,
  state: pb.Kind.KIND_STATE,
  plots: pb.Kind.KIND_PLOTS,
  tracks: pb.Kind.KIND_TRACKS,
  alerts: pb.Kind.KIND_ALERTS,
  status: pb.Kind.KIND_STATUS,
  gap: pb.Kind.KIND_GAP,
};
const PB_TO_KIND = new Map<number, RecordKind>(Object.entries(KIND_TO_PB).map(([k, v]) => [v, k as RecordKind]));

const SEVERITY_TO_PB: Record<AlertSeverity, number> = { info: 1, warning: 2, critical: 3 };
const PB_TO_SEVERITY: Record<number, AlertSeverity> = { 1: 'info', 2: 'warning', 3: 'critical' };
const GAP_TO_PB: Record<GapReason, number> = { unspecified: 0, quota: 1, expired: 2, corrupt: 3, 'disk-full': 4 };
const PB_TO_GAP: Record<number, GapReason> = { 0: 'unspecified', 1: 'quota', 2: 'expired', 3: 'corrupt', 4: 'disk-full' };

// ---------------------------------------------------------------------------------------------
// fixed-point helpers (exported for tests and the bandwidth budget)

export const E7 = 1e7;
/** Degrees -> 1/65536 turn in [0, 65536). */
export function degreesToB16(deg: number): number {
  const b = Math.round((deg / 360) * 65536) % 65536;
  return b < 0 ? b + 65536 : b;
}
export function b16ToDegrees(b: number): number {
  return (b * 360) / 65536;
}
export function toE7(deg: number): number {
  return Math.round(deg * E7);
}
export function fromE7(v: number): number {
  return v / E7;
}
export function powerToDb(linear: number): number {
  return Math.round(10 * Math.log10(Math.max(linear, 1e-30)));
}
/** 64-bit fields decode as Long when the `long` package is present: make them numbers (safe below 2^53). */
function n64(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v === null || v === undefined) return 0;
  if (typeof v === 'object' && typeof (v as { toNumber?: unknown }).toNumber === 'function') return (v as { toNumber(): number }).toNumber();
  return Number(v);
}
function clampInt32(v: number): number {
  return v > 0x7fffffff ? 0x7fffffff : v < -0x80000000 ? -0x80000000 : v;
}
function wrapB16Delta(d: number): number {
  // Smallest signed step on the circle, in [-32768, 32767].
  return ((((d + 32768) % 65536) + 65536) % 65536) - 32768;
}

/** The plot position that hubs compute from the origin when lat/lon columns are absent. */
export function plotPosition(origin: LatLon, rangeMetres: number, bearingDegrees: number): LatLon {
  const p = destination(origin, bearingDegrees, rangeMetres);
  return { latitude: fromE7(toE7(p.latitude)), longitude: fromE7(toE7(p.longitude)) };
}

// ---------------------------------------------------------------------------------------------
// plots

function encodePlots(body: PlotsBody): lookout.v1.PlotBatch.$Properties {
  const plots = body.plots;
  const n = plots.length;
  const time = new Array<number>(n);
  const range = new Array<number>(n);
  const bearing = new Array<number>(n);
  const rext = new Array<number>(n);
  const aext = new Array<number>(n);
  const peak = new Array<number>(n);
  const pmm = new Array<number>(n);
  const cells = new Array<number>(n);
  const withLatLon = body.origin === undefined;
  const lat = withLatLon ? new Array<number>(n) : [];
  const lon = withLatLon ? new Array<number>(n) : [];
  const scan0 = n > 0 ? plots[0].scan : 0;
  let scanDiffers = false;
  const baseUs = n > 0 ? Math.round(plots[0].timeMs * 1000) : 0;
  let pt = 0;
  let pr = 0;
  let pb16 = 0;
  let plat = 0;
  let plon = 0;
  for (let i = 0; i < n; i++) {
    const p = plots[i];
    if (p.scan !== scan0) scanDiffers = true;
    const t = Math.round((p.timeMs * 1000 - baseUs) / 100);
    time[i] = clampInt32(t - pt);
    pt = t;
    const r = Math.round(p.rangeMetres * 10);
    range[i] = clampInt32(r - pr);
    pr = r;
    const b = degreesToB16(p.bearingDegrees);
    bearing[i] = wrapB16Delta(b - pb16);
    pb16 = b;
    rext[i] = Math.max(0, Math.round(p.rangeExtentMetres));
    aext[i] = Math.max(0, Math.round((p.azimuthExtentDegrees / 360) * 4096));
    const pk = powerToDb(p.peakPower);
    peak[i] = pk;
    pmm[i] = Math.max(0, Math.round(4 * (pk - 10 * Math.log10(Math.max(p.meanPower, 1e-30)))));
    cells[i] = Math.max(0, Math.round(p.cellCount));
    if (withLatLon) {
      if (p.latitude === undefined || p.longitude === undefined) {
        throw new TypeError('plots body without origin: every plot needs latitude and longitude');
      }
      const la = toE7(p.latitude);
      const lo = toE7(p.longitude);
      lat[i] = la - plat;
      lon[i] = lo - plon;
      plat = la;
      plon = lo;
    }
  }
  const out: lookout.v1.PlotBatch.$Properties = {
    sensor: body.sensor,
    scan: scan0,
    originLatE7: body.origin ? toE7(body.origin.latitude) : 0,
    originLonE7: body.origin ? toE7(body.origin.longitude) : 0,
    baseTimeUs: baseUs,
    timeDelta_100us: time,
    rangeDeltaDm: range,
    bearingDeltaB16: bearing,
    rangeExtentM: rext,
    azimuthExtentB12: aext,
    peakPowerDb: peak,
    peakMinusMeanQdb: pmm,
    cellCount: cells,
    latDeltaE7: lat,
    lonDeltaE7: lon,
    thinned: body.thinned ?? 0,
  };
  if (scanDiffers) out.scanDelta = plots.map((p) => p.scan - scan0);
  return out;
}

function decodePlots(m: lookout.v1.PlotBatch): PlotsBody {
  const n = m.rangeDeltaDm.length;
  const hasLatLon = m.latDeltaE7.length === n && m.lonDeltaE7.length === n && n > 0;
  const origin = hasLatLon ? undefined : { latitude: fromE7(m.originLatE7), longitude: fromE7(m.originLonE7) };
  const scanDelta = m.scanDelta;
  const plots: PlotRecord[] = new Array(n);
  let t = 0;
  let r = 0;
  let b = 0;
  let la = 0;
  let lo = 0;
  for (let i = 0; i < n; i++) {
    t += m.timeDelta_100us[i] ?? 0;
    r += m.rangeDeltaDm[i] ?? 0;
    b = (((b + (m.bearingDeltaB16[i] ?? 0)) % 65536) + 65536) % 65536;
    const peakDb = m.peakPowerDb[i] ?? 0;
    const meanDb = peakDb - (m.peakMinusMeanQdb[i] ?? 0) / 4;
    const plot: PlotRecord = {
      timeMs: (n64(m.baseTimeUs) + t * 100) / 1000,
      scan: m.scan + (scanDelta && scanDelta.length === n ? scanDelta[i] : 0),
      rangeMetres: r / 10,
      bearingDegrees: b16ToDegrees(b),
      rangeExtentMetres: m.rangeExtentM[i] ?? 0,
      azimuthExtentDegrees: ((m.azimuthExtentB12[i] ?? 0) * 360) / 4096,
      peakPower: 10 ** (peakDb / 10),
      meanPower: 10 ** (meanDb / 10),
      cellCount: m.cellCount[i] ?? 0,
    };
    if (hasLatLon) {
      la += m.latDeltaE7[i];
      lo += m.lonDeltaE7[i];
      plot.latitude = fromE7(la);
      plot.longitude = fromE7(lo);
    } else if (origin) {
      const pos = plotPosition(origin, plot.rangeMetres, plot.bearingDegrees);
      plot.latitude = pos.latitude;
      plot.longitude = pos.longitude;
    }
    plots[i] = plot;
  }
  const body: PlotsBody = { sensor: m.sensor, plots };
  if (origin) body.origin = origin;
  if (m.thinned) body.thinned = m.thinned;
  return body;
}

// ---------------------------------------------------------------------------------------------
// the other bodies

function encodeBody(kind: RecordKind, body: RecordBodies[RecordKind]): Partial<lookout.v1.Envelope.$Properties> {
  switch (kind) {
    case 'plots':
      return { plots: encodePlots(body as PlotsBody) };
    case 'birth': {
      const b = body as BirthBody;
      return {
        birth: {
          version: b.version,
          sensors: b.sensors.map((s) => ({
            id: s.id,
            protocol: s.protocol,
            type: s.type,
            latE7: s.latitude === undefined ? 0 : toE7(s.latitude),
            lonE7: s.longitude === undefined ? 0 : toE7(s.longitude),
            heightDm: s.heightMetres === undefined ? 0 : Math.round(s.heightMetres * 10),
          })),
          configHash: b.configHash,
          session: b.session,
          capabilities: b.capabilities,
          startedUs: Math.round(b.startedMs * 1000),
          nextSeq: b.nextSeq,
        },
      };
    }
    case 'state': {
      const s = body as StateBody;
      return { state: { online: s.online, sinceUs: Math.round(s.sinceMs * 1000) } };
    }
    case 'tracks': {
      const t = body as TracksBody;
      return {
        tracks: {
          sensor: t.sensor,
          tracks: t.tracks.map((k) => ({
            id: k.id,
            timeUs: Math.round(k.timeMs * 1000),
            latE7: toE7(k.latitude),
            lonE7: toE7(k.longitude),
            speedCms: Math.max(0, Math.round(k.speedMetresPerSecond * 100)),
            courseB16: degreesToB16(k.courseDegrees),
            rangeDm: Math.max(0, Math.round(k.rangeMetres * 10)),
            bearingB16: degreesToB16(k.bearingDegrees),
            hits: k.hits,
            status: k.status,
          })),
        },
      };
    }
    case 'alerts': {
      const a = body as AlertBody;
      return { alert: { severity: SEVERITY_TO_PB[a.severity] ?? 0, code: a.code, message: a.message, details: a.details ?? {}, trackId: a.trackId ?? 0 } };
    }
    case 'status': {
      const s = body as StatusBody;
      return {
        status: {
          spokesPerSecond: s.spokesPerSecond,
          plotsPerScan: s.plotsPerScan,
          outboxDepth: s.outboxDepth,
          outboxBytes: s.outboxBytes,
          published: s.published,
          dropped: s.dropped,
          thinned: s.thinned,
          uptimeS: Math.max(0, Math.round(s.uptimeSeconds)),
          counters: s.counters ?? {},
          gauges: s.gauges ?? {},
        },
      };
    }
    case 'gap': {
      const g = body as GapBody;
      return {
        gap: {
          firstSeq: g.ranges.map((r) => r[0]),
          lastSeq: g.ranges.map((r) => r[1]),
          reason: GAP_TO_PB[g.reason] ?? 0,
          count: g.count,
          kinds: g.kinds.map((k) => KIND_TO_PB[k]),
        },
      };
    }
    default:
      throw new TypeError(`unknown record kind "${String(kind)}"`);
  }
}

/** Encodes one record (envelope + body) to protobuf bytes. Throws TypeError on a malformed body. */
export function encodeRecord(rec: LookoutRecord): Uint8Array {
  const kindPb = KIND_TO_PB[rec.kind];
  if (kindPb === undefined) throw new TypeError(`unknown record kind "${String(rec.kind)}"`);
  const env: lookout.v1.Envelope.$Properties = {
    unit: rec.unit,
    session: rec.session,
    seq: rec.seq,
    kind: kindPb,
    timeUs: Math.round(rec.timeMs * 1000),
    ...encodeBody(rec.kind, rec.body),
  };
  return pb.Envelope.encode(env).finish();
}

/** Decodes protobuf bytes into a typed record. Throws on bytes that are not a v1 Envelope. */
export function decodeRecord(bytes: Uint8Array): AnyRecord {
  const m = pb.Envelope.decode(bytes);
  const kind = PB_TO_KIND.get(m.kind);
  if (kind === undefined) throw new RangeError(`unknown record kind ${m.kind}`);
  const head = { unit: m.unit, session: m.session, seq: n64(m.seq), timeMs: n64(m.timeUs) / 1000 };
  switch (kind) {
    case 'plots':
      if (!m.plots) break;
      return { ...head, kind, body: decodePlots(m.plots as lookout.v1.PlotBatch) };
    case 'birth': {
      const b = m.birth;
      if (!b) break;
      return {
        ...head,
        kind,
        body: {
          version: b.version ?? '',
          sensors: (b.sensors ?? []).map((s) => ({
            id: s.id ?? '',
            protocol: s.protocol ?? '',
            type: s.type ?? '',
            latitude: fromE7(s.latE7 ?? 0),
            longitude: fromE7(s.lonE7 ?? 0),
            heightMetres: (s.heightDm ?? 0) / 10,
          })),
          configHash: b.configHash ?? '',
          session: b.session ?? 0,
          capabilities: b.capabilities ?? [],
          startedMs: n64(b.startedUs) / 1000,
          nextSeq: n64(b.nextSeq),
        },
      };
    }
    case 'state': {
      const s = m.state;
      if (!s) break;
      return { ...head, kind, body: { online: s.online ?? false, sinceMs: n64(s.sinceUs) / 1000 } };
    }
    case 'tracks': {
      const t = m.tracks;
      if (!t) break;
      return {
        ...head,
        kind,
        body: {
          sensor: t.sensor ?? '',
          tracks: (t.tracks ?? []).map((k) => ({
            id: k.id ?? 0,
            timeMs: n64(k.timeUs) / 1000,
            latitude: fromE7(k.latE7 ?? 0),
            longitude: fromE7(k.lonE7 ?? 0),
            speedMetresPerSecond: (k.speedCms ?? 0) / 100,
            courseDegrees: b16ToDegrees(k.courseB16 ?? 0),
            rangeMetres: (k.rangeDm ?? 0) / 10,
            bearingDegrees: b16ToDegrees(k.bearingB16 ?? 0),
            hits: k.hits ?? 0,
            status: k.status ?? 0,
          })),
        },
      };
    }
    case 'alerts': {
      const a = m.alert;
      if (!a) break;
      const body: AlertBody = { severity: PB_TO_SEVERITY[a.severity ?? 0] ?? 'info', code: a.code ?? '', message: a.message ?? '' };
      if (a.details && Object.keys(a.details).length > 0) body.details = { ...a.details };
      if (a.trackId) body.trackId = a.trackId;
      return { ...head, kind, body };
    }
    case 'status': {
      const s = m.status;
      if (!s) break;
      return {
        ...head,
        kind,
        body: {
          spokesPerSecond: s.spokesPerSecond ?? 0,
          plotsPerScan: s.plotsPerScan ?? 0,
          outboxDepth: n64(s.outboxDepth),
          outboxBytes: n64(s.outboxBytes),
          published: n64(s.published),
          dropped: n64(s.dropped),
          thinned: n64(s.thinned),
          uptimeSeconds: n64(s.uptimeS),
          counters: Object.fromEntries(Object.entries(s.counters ?? {}).map(([k, v]) => [k, n64(v)])),
          gauges: { ...(s.gauges ?? {}) },
        },
      };
    }
    case 'gap': {
      const g = m.gap;
      if (!g) break;
      const first = (g.firstSeq ?? []).map(n64);
      const last = (g.lastSeq ?? []).map(n64);
      return {
        ...head,
        kind,
        body: {
          ranges: first.map((f, i) => [f, last[i] ?? f] as [number, number]),
          reason: PB_TO_GAP[g.reason ?? 0] ?? 'unspecified',
          count: n64(g.count),
          kinds: (g.kinds ?? []).map((k) => PB_TO_KIND.get(k)).filter((k): k is RecordKind => k !== undefined),
        },
      };
    }
  }
  throw new RangeError(`record of kind "${kind}" without its body`);
}
