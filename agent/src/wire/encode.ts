/**
 * Records to protobuf bytes (`proto/lookout/v1/lookout.proto`): one small encoder per record
 * kind, in a table keyed by kind; plot batches column-wise with delta coding (tracks: wire/tracks.ts).
 */
import { lookout } from './gen/lookout.js';
import { GAP_TO_PB, KIND_TO_PB, SEVERITY_TO_PB } from './codes.js';
import { encodeCommandResult } from './command.js';
import { clampInt32, degreesToB16, powerToDb, toE7, wrapB16Delta } from './fixed.js';
import { encodeTrackBatch } from './tracks.js';
import { isRecordKind, PLOT_SIZE_CLASSES, type AlertBody, type BirthBody, type GapBody, type LookoutRecord, type PlotsBody, type RecordBodies, type RecordKind, type StateBody, type StatusBody, type TracksBody } from './types.js';

const pb = lookout.v1;
type EnvelopeBody = Partial<lookout.v1.Envelope.$Properties>;
type BodyEncoders = { [K in RecordKind]: (body: RecordBodies[K]) => EnvelopeBody };

function encodePlots(body: PlotsBody): EnvelopeBody {
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
  // Whole-return columns only when the detector measured returns: other batches keep their bytes.
  if (plots.some((p) => p.areaSquareMetres !== undefined)) out.areaDm2 = plots.map((p) => Math.max(0, Math.min(0xffffffff, Math.round((p.areaSquareMetres ?? 0) * 100))));
  if (plots.some((p) => p.sizeClass !== undefined)) out.sizeClass = plots.map((p) => (p.sizeClass === undefined ? 0 : PLOT_SIZE_CLASSES.indexOf(p.sizeClass) + 1));
  return { plots: out };
}

function encodeBirth(b: BirthBody): EnvelopeBody {
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

function encodeState(s: StateBody): EnvelopeBody {
  return { state: { online: s.online, sinceUs: Math.round(s.sinceMs * 1000) } };
}

function encodeTracks(t: TracksBody): EnvelopeBody {
  return { tracks: encodeTrackBatch(t) };
}

function encodeAlert(a: AlertBody): EnvelopeBody {
  return { alert: { severity: SEVERITY_TO_PB[a.severity] ?? 0, code: a.code, message: a.message, details: a.details ?? {}, trackId: a.trackId ?? 0 } };
}

function encodeStatus(s: StatusBody): EnvelopeBody {
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

function encodeGap(g: GapBody): EnvelopeBody {
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

const ENCODERS: BodyEncoders = {
  birth: encodeBirth,
  state: encodeState,
  plots: encodePlots,
  tracks: encodeTracks,
  alerts: encodeAlert,
  status: encodeStatus,
  gap: encodeGap,
  commandResult: encodeCommandResult,
};

/** Encodes one record (envelope + body) to protobuf bytes. Throws TypeError on a malformed body. */
export function encodeRecord(rec: LookoutRecord): Uint8Array {
  if (!isRecordKind(rec.kind)) throw new TypeError(`unknown record kind "${String(rec.kind)}"`);
  const encodeBody = ENCODERS[rec.kind] as (body: RecordBodies[RecordKind]) => EnvelopeBody;
  const env: lookout.v1.Envelope.$Properties = {
    unit: rec.unit,
    session: rec.session,
    seq: rec.seq,
    kind: KIND_TO_PB[rec.kind],
    timeUs: Math.round(rec.timeMs * 1000),
    ...encodeBody(rec.body),
  };
  return pb.Envelope.encode(env).finish();
}
