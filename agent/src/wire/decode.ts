/**
 * Protobuf bytes to records: one small decoder per record kind, in a table keyed by kind. The
 * exact inverse of encode.ts up to the documented quantisation (range 0.1 m, bearing 1/65536
 * turn, time 100 µs in batches, power 1 dB / 0.25 dB).
 */
import { lookout } from './gen/lookout.js';
import { PB_TO_GAP, PB_TO_KIND, PB_TO_SEVERITY } from './codes.js';
import { decodeCommandResultBody } from './command.js';
import { b16ToDegrees, fromE7, n64 } from './fixed.js';
import { plotPosition } from './geo.js';
import { decodeTrackBatch } from './tracks.js';
import { PLOT_SIZE_CLASSES, type AlertBody, type AnyRecord, type BirthBody, type GapBody, type PlotRecord, type PlotsBody, type RecordBodies, type RecordKind, type StateBody, type StatusBody, type TracksBody } from './types.js';

const pb = lookout.v1;
type Envelope = lookout.v1.Envelope;
/** Each returns undefined when the envelope lacks the body of its kind. */
type BodyDecoders = { [K in RecordKind]: (m: Envelope) => RecordBodies[K] | undefined };

function decodePlots(e: Envelope): PlotsBody | undefined {
  if (!e.plots) return undefined;
  const m = e.plots as lookout.v1.PlotBatch;
  const n = m.rangeDeltaDm.length;
  const hasLatLon = m.latDeltaE7.length === n && m.lonDeltaE7.length === n && n > 0;
  const origin = hasLatLon ? undefined : { latitude: fromE7(m.originLatE7), longitude: fromE7(m.originLonE7) };
  const scanDelta = m.scanDelta;
  const plots = new Array<PlotRecord>(n);
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
    if (m.areaDm2.length === n) plot.areaSquareMetres = m.areaDm2[i] / 100;
    if (m.sizeClass.length === n) {
      const cls = PLOT_SIZE_CLASSES[m.sizeClass[i] - 1];
      if (cls) plot.sizeClass = cls;
    }
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

function decodeBirth(m: Envelope): BirthBody | undefined {
  const b = m.birth;
  if (!b) return undefined;
  return {
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
  };
}

function decodeState(m: Envelope): StateBody | undefined {
  const s = m.state;
  if (!s) return undefined;
  return { online: s.online ?? false, sinceMs: n64(s.sinceUs) / 1000 };
}

function decodeTracks(m: Envelope): TracksBody | undefined {
  return m.tracks ? decodeTrackBatch(m.tracks as lookout.v1.TrackBatch) : undefined;
}

function decodeAlert(m: Envelope): AlertBody | undefined {
  const a = m.alert;
  if (!a) return undefined;
  const body: AlertBody = { severity: PB_TO_SEVERITY[a.severity ?? 0] ?? 'info', code: a.code ?? '', message: a.message ?? '' };
  if (a.details && Object.keys(a.details).length > 0) body.details = { ...a.details };
  if (a.trackId) body.trackId = a.trackId;
  return body;
}

function decodeStatus(m: Envelope): StatusBody | undefined {
  const s = m.status;
  if (!s) return undefined;
  return {
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
  };
}

function decodeGap(m: Envelope): GapBody | undefined {
  const g = m.gap;
  if (!g) return undefined;
  const first = (g.firstSeq ?? []).map(n64);
  const last = (g.lastSeq ?? []).map(n64);
  return {
    ranges: first.map((f, i) => [f, last[i] ?? f] as [number, number]),
    reason: PB_TO_GAP[g.reason ?? 0] ?? 'unspecified',
    count: n64(g.count),
    kinds: (g.kinds ?? []).map((k) => PB_TO_KIND.get(k)).filter((k): k is RecordKind => k !== undefined),
  };
}

const DECODERS: BodyDecoders = {
  birth: decodeBirth,
  state: decodeState,
  plots: decodePlots,
  tracks: decodeTracks,
  alerts: decodeAlert,
  status: decodeStatus,
  gap: decodeGap,
  commandResult: decodeCommandResultBody,
};

/** Decodes protobuf bytes into a typed record. Throws on bytes that are not a v1 Envelope. */
export function decodeRecord(bytes: Uint8Array): AnyRecord {
  const m = pb.Envelope.decode(bytes);
  const kind = PB_TO_KIND.get(m.kind);
  if (kind === undefined) throw new RangeError(`unknown record kind ${m.kind}`);
  const body = DECODERS[kind](m);
  if (body === undefined) throw new RangeError(`record of kind "${kind}" without its body`);
  return { unit: m.unit, session: m.session, seq: n64(m.seq), timeMs: n64(m.timeUs) / 1000, kind, body } as AnyRecord;
}
