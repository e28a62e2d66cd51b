/**
 * Track batches both ways. A radar's ARPA targets travel row-wise (one `Track` message each);
 * the tracks of Lookout's own tracker column-wise, one batch per scan, in fixed point with
 * delta-coded columns (`TrackBatch` fields 4-17 of the .proto): id, lat/lon from the batch
 * origin, speed, course and a flags byte, plus CPA/TCPA only for the tracks that are closing.
 */
import type { lookout } from './gen/lookout.js';
import { b16ToDegrees, clampInt32, degreesToB16, fromE7, n64, toE7 } from './fixed.js';
import type { TrackRecord, TracksBody, TrackSource } from './types.js';

type TrackBatch = lookout.v1.TrackBatch;
type TrackBatchProps = lookout.v1.TrackBatch.$Properties;

/** TrackSource enum values of the .proto. */
const SOURCE_TO_PB: Record<TrackSource, number> = { arpa: 1, tracker: 2 };
const PB_TO_SOURCE: Record<number, TrackSource> = { 1: 'arpa', 2: 'tracker' };

/** Bits of the `flags` column. */
export const TRACK_FLAG = { statusMask: 0x3, moving: 0x4, cpaAlert: 0x8, cpa: 0x10 } as const;

function encodeRows(t: TracksBody): TrackBatchProps {
  const out: TrackBatchProps = {
    sensor: t.sensor,
    tracks: t.tracks.map((k) => ({
      id: k.id,
      timeUs: Math.round(k.timeMs * 1000),
      latE7: toE7(k.latitude),
      lonE7: toE7(k.longitude),
      speedCms: Math.max(0, Math.round(k.speedMetresPerSecond * 100)),
      courseB16: degreesToB16(k.courseDegrees),
      rangeDm: Math.max(0, Math.round((k.rangeMetres ?? 0) * 10)),
      bearingB16: degreesToB16(k.bearingDegrees ?? 0),
      hits: k.hits ?? 0,
      status: k.status,
    })),
  };
  if (t.source === 'arpa') out.source = SOURCE_TO_PB.arpa;
  return out;
}

function courseToB12(deg: number): number {
  const b = Math.round((deg / 360) * 4096) % 4096;
  return b < 0 ? b + 4096 : b;
}

function encodeColumns(t: TracksBody): TrackBatchProps {
  const tracks = [...t.tracks].sort((a, b) => a.id - b.id);
  const n = tracks.length;
  const baseUs = n > 0 ? Math.round(tracks[0].timeMs * 1000) : 0;
  const oLat = t.origin ? toE7(t.origin.latitude) : 0;
  const oLon = t.origin ? toE7(t.origin.longitude) : 0;
  const time = new Array<number>(n);
  const id = new Array<number>(n);
  const lat = new Array<number>(n);
  const lon = new Array<number>(n);
  const speed = new Array<number>(n);
  const course = new Array<number>(n);
  const flags = new Array<number>(n);
  const cpa: number[] = [];
  const tcpa: number[] = [];
  let sameTime = true;
  let pt = 0;
  let pid = 0;
  let pla = oLat;
  let plo = oLon;
  for (let i = 0; i < n; i++) {
    const k = tracks[i];
    const tt = Math.round((k.timeMs * 1000 - baseUs) / 100);
    if (tt !== 0) sameTime = false;
    time[i] = clampInt32(tt - pt);
    pt = tt;
    id[i] = k.id - pid;
    pid = k.id;
    const la = toE7(k.latitude);
    const lo = toE7(k.longitude);
    lat[i] = la - pla;
    lon[i] = lo - plo;
    pla = la;
    plo = lo;
    speed[i] = Math.max(0, Math.round(k.speedMetresPerSecond * 10));
    course[i] = courseToB12(k.courseDegrees);
    let f = k.status & TRACK_FLAG.statusMask;
    if (k.moving) f |= TRACK_FLAG.moving;
    if (k.cpaAlert) f |= TRACK_FLAG.cpaAlert;
    if (k.cpaMetres !== undefined && k.tcpaSeconds !== undefined) {
      f |= TRACK_FLAG.cpa;
      cpa.push(Math.max(0, Math.round(k.cpaMetres)));
      tcpa.push(clampInt32(Math.round(k.tcpaSeconds)));
    }
    flags[i] = f;
  }
  const deleted = [...(t.deleted ?? [])].sort((a, b) => a - b);
  let pd = 0;
  const deletedDelta = deleted.map((d) => {
    const v = d - pd;
    pd = d;
    return v;
  });
  return {
    sensor: t.sensor,
    source: SOURCE_TO_PB.tracker,
    scan: Math.max(0, Math.round(t.scan ?? 0)),
    originLatE7: oLat,
    originLonE7: oLon,
    baseTimeUs: baseUs,
    timeDelta_100us: sameTime ? [] : time,
    idDelta: id,
    latDeltaE7: lat,
    lonDeltaE7: lon,
    speedDms: speed,
    courseB12: course,
    flags,
    cpaM: cpa,
    tcpaS: tcpa,
    deletedIdDelta: deletedDelta,
  };
}

/** The `tracks` member of an Envelope for a body: column-wise for the tracker's, row-wise else. */
export function encodeTrackBatch(t: TracksBody): TrackBatchProps {
  return t.source === 'tracker' ? encodeColumns(t) : encodeRows(t);
}

function decodeRows(t: TrackBatch): TracksBody {
  const body: TracksBody = {
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
  };
  const source = PB_TO_SOURCE[t.source ?? 0];
  if (source) body.source = source;
  return body;
}

function decodeColumns(t: TrackBatch): TracksBody {
  const n = t.idDelta.length;
  for (const [name, col] of [
    ['lat_delta_e7', t.latDeltaE7],
    ['lon_delta_e7', t.lonDeltaE7],
    ['speed_dms', t.speedDms],
    ['course_b12', t.courseB12],
    ['flags', t.flags],
  ] as const) {
    if (col.length !== n) throw new RangeError(`track batch: ${name} has ${col.length} elements for ${n} tracks`);
  }
  const times = t.timeDelta_100us;
  if (times.length !== 0 && times.length !== n) throw new RangeError(`track batch: time_delta_100us has ${times.length} elements for ${n} tracks`);
  const withCpa = t.flags.reduce((c, f) => c + (f & TRACK_FLAG.cpa ? 1 : 0), 0);
  if (t.cpaM.length !== withCpa || t.tcpaS.length !== withCpa) throw new RangeError(`track batch: ${withCpa} tracks flagged with a CPA but ${t.cpaM.length} cpa_m / ${t.tcpaS.length} tcpa_s`);
  const base = n64(t.baseTimeUs);
  const tracks = new Array<TrackRecord>(n);
  let tt = 0;
  let id = 0;
  let la = t.originLatE7;
  let lo = t.originLonE7;
  let c = 0;
  for (let i = 0; i < n; i++) {
    tt += times.length === n ? times[i] : 0;
    id += t.idDelta[i];
    la += t.latDeltaE7[i];
    lo += t.lonDeltaE7[i];
    const f = t.flags[i];
    const rec: TrackRecord = {
      id,
      timeMs: (base + tt * 100) / 1000,
      latitude: fromE7(la),
      longitude: fromE7(lo),
      speedMetresPerSecond: t.speedDms[i] / 10,
      courseDegrees: (t.courseB12[i] * 360) / 4096,
      status: f & TRACK_FLAG.statusMask,
      moving: (f & TRACK_FLAG.moving) !== 0,
      cpaAlert: (f & TRACK_FLAG.cpaAlert) !== 0,
    };
    if (f & TRACK_FLAG.cpa) {
      rec.cpaMetres = t.cpaM[c];
      rec.tcpaSeconds = t.tcpaS[c];
      c++;
    }
    tracks[i] = rec;
  }
  const body: TracksBody = { sensor: t.sensor, source: 'tracker', scan: t.scan, tracks };
  if (t.originLatE7 !== 0 || t.originLonE7 !== 0) body.origin = { latitude: fromE7(t.originLatE7), longitude: fromE7(t.originLonE7) };
  if (t.deletedIdDelta.length > 0) {
    let d = 0;
    body.deleted = t.deletedIdDelta.map((v) => (d += v));
  }
  return body;
}

/** The body of a decoded `TrackBatch` (throws RangeError on columns of mismatched lengths). */
export function decodeTrackBatch(t: TrackBatch): TracksBody {
  return PB_TO_SOURCE[t.source ?? 0] === 'tracker' ? decodeColumns(t) : decodeRows(t);
}
