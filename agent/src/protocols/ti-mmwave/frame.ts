import type { ReceiveTime } from '../../io/types.js';
// The slab lives with CAT240, its first user; nothing CAT240-specific in it.
import type { TypedArraySlab } from '../cat240/slab.js';
import {
  TI_TLV_HEADER_BYTES, TLV_AZIMUTH_STATIC_HEATMAP, TLV_DETECTED_POINTS, TLV_NOISE_PROFILE, TLV_RANGE_DOPPLER_HEATMAP,
  TLV_RANGE_PROFILE, TLV_SIDE_INFO, TLV_STATS, TLV_TEMPERATURE, tiHeaderBytes, tiVersionMajor,
  type TiMmwaveFrame, type TiPoint,
} from './types.js';

/** Sanity bound on numTLVs: the demo sends at most ten kinds; more is corruption. */
export const MAX_TLVS = 64;

export interface FrameParseCounts {
  /** TLVs of a type not interpreted (kept raw). */
  unknownTlvs: number;
  /** Known TLVs whose length does not fit their layout (kept raw). */
  badTlvs: number;
}

/**
 * Parses the frame at `p` whose `total` bytes are all in `b` (little-endian throughout). Returns
 * null when the TLVs do not fit inside totalPacketLen; never throws. Payloads are copied out.
 */
export function parseTiFrame(
  b: Uint8Array, p: number, total: number, rx: ReceiveTime, counts: FrameParseCounts, slab?: TypedArraySlab,
): TiMmwaveFrame | null {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const u32 = (o: number): number => dv.getUint32(p + o, true);
  const version = u32(8);
  const platform = u32(16);
  const headerBytes = tiHeaderBytes(version, platform);
  if (total < headerBytes) return null;
  const numTLVs = u32(32);
  if (numTLVs > MAX_TLVS) return null;
  const frame: TiMmwaveFrame = {
    type: 'ti-mmwave.frame',
    version,
    totalPacketLen: total,
    platform,
    frameNumber: u32(20),
    timeCpuCycles: u32(24),
    numDetectedObj: u32(28),
    numTLVs,
    headerBytes,
    tlvTypes: [],
    points: [],
    otherTlvs: [],
    rx,
  };
  if (headerBytes === 40) frame.subFrameNumber = u32(36);
  const end = p + total;
  let q = p + headerBytes;
  const sdk3 = tiVersionMajor(version) >= 3;
  let sideInfo: Int16Array | undefined;
  for (let i = 0; i < numTLVs; i++) {
    if (q + TI_TLV_HEADER_BYTES > end) return null;
    const type = dv.getUint32(q, true);
    const length = dv.getUint32(q + 4, true);
    q += TI_TLV_HEADER_BYTES;
    if (length > end - q) return null;
    frame.tlvTypes.push(type);
    if (!parseTlv(b, dv, q, length, type, sdk3, frame, slab, (s) => (sideInfo = s))) {
      if (isKnownType(type)) counts.badTlvs++;
      else counts.unknownTlvs++;
      frame.otherTlvs.push({ type, payload: new Uint8Array(b.subarray(q, q + length)) });
    }
    q += length;
  }
  if (sideInfo !== undefined) {
    const n = Math.min(frame.points.length, sideInfo.length / 2);
    for (let i = 0; i < n; i++) {
      frame.points[i].snrDb = sideInfo[2 * i] / 10;
      frame.points[i].noiseDb = sideInfo[2 * i + 1] / 10;
    }
  }
  return frame;
}

function isKnownType(type: number): boolean {
  return type === TLV_DETECTED_POINTS || type === TLV_RANGE_PROFILE || type === TLV_NOISE_PROFILE
    || type === TLV_AZIMUTH_STATIC_HEATMAP || type === TLV_RANGE_DOPPLER_HEATMAP || type === TLV_STATS
    || type === TLV_SIDE_INFO || type === TLV_TEMPERATURE;
}

/** Fills the frame from one TLV; false when the type is unknown or the length does not fit. */
function parseTlv(
  b: Uint8Array, dv: DataView, q: number, length: number, type: number, sdk3: boolean, frame: TiMmwaveFrame,
  slab: TypedArraySlab | undefined, setSideInfo: (s: Int16Array) => void,
): boolean {
  switch (type) {
    case TLV_DETECTED_POINTS:
      return sdk3 ? parseFloatPoints(dv, q, length, frame) : parseQPoints(dv, q, length, frame);
    case TLV_SIDE_INFO: {
      if (length % 4 !== 0) return false;
      setSideInfo(readI16s(b, dv, q, length / 2, slab));
      return true;
    }
    case TLV_RANGE_PROFILE:
    case TLV_NOISE_PROFILE:
    case TLV_RANGE_DOPPLER_HEATMAP: {
      if (length % 2 !== 0) return false;
      const a = readU16s(b, dv, q, length / 2, slab);
      if (type === TLV_RANGE_PROFILE) frame.rangeProfile = a;
      else if (type === TLV_NOISE_PROFILE) frame.noiseProfile = a;
      else frame.rangeDopplerHeatmap = a;
      return true;
    }
    case TLV_AZIMUTH_STATIC_HEATMAP:
      if (length % 4 !== 0) return false;
      frame.azimuthStaticHeatmap = readI16s(b, dv, q, length / 2, slab);
      return true;
    case TLV_STATS: {
      if (length !== 24) return false;
      const g = (i: number): number => dv.getUint32(q + 4 * i, true);
      frame.stats = {
        interFrameProcessingTimeUs: g(0),
        transmitOutputTimeUs: g(1),
        interFrameProcessingMarginUs: g(2),
        interChirpProcessingMarginUs: g(3),
        activeFrameCpuLoadPct: g(4),
        interFrameCpuLoadPct: g(5),
      };
      return true;
    }
    case TLV_TEMPERATURE: {
      if (length !== 28) return false;
      const sensorsC: number[] = [];
      for (let i = 0; i < 10; i++) sensorsC.push(dv.getInt16(q + 8 + 2 * i, true));
      frame.temperatures = { validFlag: dv.getInt32(q, true), timeMs: dv.getUint32(q + 4, true), sensorsC };
      return true;
    }
    default:
      return false;
  }
}

/** SDK 3.x: f32 x, y, z, velocity per point. */
function parseFloatPoints(dv: DataView, q: number, length: number, frame: TiMmwaveFrame): boolean {
  if (length % 16 !== 0) return false;
  const n = length / 16;
  for (let i = 0, o = q; i < n; i++, o += 16) {
    frame.points.push({
      x: dv.getFloat32(o, true), y: dv.getFloat32(o + 4, true), z: dv.getFloat32(o + 8, true), velocity: dv.getFloat32(o + 12, true),
    });
  }
  frame.pointFormat = 'float';
  return true;
}

/** SDK 1.x/2.x: u16 count, u16 xyzQFormat, then {u16 rangeIdx, i16 dopplerIdx, u16 peakVal, i16 x, y, z}. */
function parseQPoints(dv: DataView, q: number, length: number, frame: TiMmwaveFrame): boolean {
  if (length < 4) return false;
  const n = dv.getUint16(q, true);
  const qFormat = dv.getUint16(q + 2, true);
  if (qFormat > 30 || 4 + 12 * n > length) return false;
  const scale = 1 / 2 ** qFormat;
  for (let i = 0, o = q + 4; i < n; i++, o += 12) {
    const point: TiPoint = {
      x: dv.getInt16(o + 6, true) * scale,
      y: dv.getInt16(o + 8, true) * scale,
      z: dv.getInt16(o + 10, true) * scale,
      velocity: Number.NaN,
      rangeIdx: dv.getUint16(o, true),
      dopplerIdx: dv.getInt16(o + 2, true),
      peakVal: dv.getUint16(o + 4, true),
    };
    frame.points.push(point);
  }
  frame.pointFormat = 'q';
  frame.xyzQFormat = qFormat;
  return true;
}

/** Every platform Lookout runs on (x64, arm64) is little-endian like the sensor; others take the slow path. */
const HOST_LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

function readU16s(b: Uint8Array, dv: DataView, q: number, n: number, slab?: TypedArraySlab): Uint16Array {
  const a = slab ? slab.u16(n) : new Uint16Array(n);
  // One native copy instead of a DataView call per bin: heatmaps are tens of thousands of bins.
  if (HOST_LITTLE_ENDIAN) new Uint8Array(a.buffer, a.byteOffset, 2 * n).set(b.subarray(q, q + 2 * n));
  else for (let i = 0; i < n; i++) a[i] = dv.getUint16(q + 2 * i, true);
  return a;
}

function readI16s(b: Uint8Array, dv: DataView, q: number, n: number, slab?: TypedArraySlab): Int16Array {
  const a = slab ? slab.i16(n) : new Int16Array(n);
  if (HOST_LITTLE_ENDIAN) new Uint8Array(a.buffer, a.byteOffset, 2 * n).set(b.subarray(q, q + 2 * n));
  else for (let i = 0; i < n; i++) a[i] = dv.getInt16(q + 2 * i, true);
  return a;
}
