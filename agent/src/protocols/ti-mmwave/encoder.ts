import {
  TI_FRAME_ALIGN, TI_MAGIC, TI_TLV_HEADER_BYTES, TLV_AZIMUTH_STATIC_HEATMAP, TLV_DETECTED_POINTS, TLV_NOISE_PROFILE,
  TLV_RANGE_DOPPLER_HEATMAP, TLV_RANGE_PROFILE, TLV_SIDE_INFO, TLV_STATS, TLV_TEMPERATURE, tiHeaderBytes, tiVersionMajor,
  type TiMmwaveFrame,
} from './types.js';

/**
 * What a frame needs. A decoded `TiMmwaveFrame` is accepted as is: its `tlvTypes` order is
 * followed, so decode → encode reproduces the frame (with zero padding unless `padByte` says).
 * `numDetectedObj`, `numTLVs`, `totalPacketLen` and `headerBytes` are computed.
 */
export type TiMmwaveFrameInput = Omit<TiMmwaveFrame,
  'type' | 'rx' | 'totalPacketLen' | 'numDetectedObj' | 'numTLVs' | 'headerBytes' | 'tlvTypes' | 'otherTlvs' | 'pointFormat'> & {
  tlvTypes?: number[];
  otherTlvs?: TiMmwaveFrame['otherTlvs'];
  numDetectedObj?: number;
};

export interface TiMmwaveEncodeOptions {
  /** Value of the padding bytes (real firmware leaves them non-zero). Default 0. */
  padByte?: number;
  /** Send side info (TLV 7) when the points carry snrDb/noiseDb. Default true. */
  sideInfo?: boolean;
}

/** The firmware's order: points, side info, profiles, heatmaps, stats, temperatures (as in the capture). */
const DEFAULT_ORDER = [TLV_DETECTED_POINTS, TLV_SIDE_INFO, TLV_RANGE_PROFILE, TLV_NOISE_PROFILE, TLV_AZIMUTH_STATIC_HEATMAP,
  TLV_RANGE_DOPPLER_HEATMAP, TLV_STATS, TLV_TEMPERATURE];

/** SDK 3.4.0.3, the capture's version. */
export const TI_SDK_3_4 = 0x03040003;
export const TI_PLATFORM_XWR16XX = 0xa1642;

/** Encodes one data-port frame: header, TLVs, padding to a multiple of 32. */
export function encodeTiMmwaveFrame(f: TiMmwaveFrameInput, opts: TiMmwaveEncodeOptions = {}): Buffer {
  const sdk3 = tiVersionMajor(f.version) >= 3;
  const headerBytes = tiHeaderBytes(f.version, f.platform);
  const withSide = (opts.sideInfo ?? true) && f.points.length > 0 && f.points.every((p) => p.snrDb !== undefined && p.noiseDb !== undefined);
  const tlvs: Array<[number, Buffer]> = [];
  const others = new Map<number, Buffer[]>();
  for (const t of f.otherTlvs ?? []) {
    const list = others.get(t.type) ?? [];
    list.push(Buffer.from(t.payload.buffer, t.payload.byteOffset, t.payload.byteLength));
    others.set(t.type, list);
  }
  const order = f.tlvTypes ?? [...DEFAULT_ORDER, ...others.keys()];
  for (const type of order) {
    const payload = tlvPayload(type, f, sdk3, withSide, others);
    if (payload !== undefined) tlvs.push([type, payload]);
  }
  let size = headerBytes;
  for (const [, p] of tlvs) size += TI_TLV_HEADER_BYTES + p.length;
  const total = Math.ceil(size / TI_FRAME_ALIGN) * TI_FRAME_ALIGN;
  const out = Buffer.alloc(total, opts.padByte ?? 0);
  out.set(TI_MAGIC, 0);
  out.writeUInt32LE(f.version >>> 0, 8);
  out.writeUInt32LE(total, 12);
  out.writeUInt32LE(f.platform >>> 0, 16);
  out.writeUInt32LE(f.frameNumber >>> 0, 20);
  out.writeUInt32LE(f.timeCpuCycles >>> 0, 24);
  out.writeUInt32LE((f.numDetectedObj ?? f.points.length) >>> 0, 28);
  out.writeUInt32LE(tlvs.length, 32);
  if (headerBytes === 40) out.writeUInt32LE((f.subFrameNumber ?? 0) >>> 0, 36);
  let p = headerBytes;
  for (const [type, payload] of tlvs) {
    out.writeUInt32LE(type, p);
    out.writeUInt32LE(payload.length, p + 4);
    out.set(payload, p + 8);
    p += TI_TLV_HEADER_BYTES + payload.length;
  }
  return out;
}

function tlvPayload(type: number, f: TiMmwaveFrameInput, sdk3: boolean, withSide: boolean, others: Map<number, Buffer[]>): Buffer | undefined {
  switch (type) {
    case TLV_DETECTED_POINTS:
      if (f.points.length === 0) return undefined;
      return sdk3 ? floatPoints(f) : qPoints(f);
    case TLV_SIDE_INFO: {
      if (!withSide) return undefined;
      const b = Buffer.alloc(4 * f.points.length);
      f.points.forEach((pt, i) => {
        b.writeInt16LE(tenths('snrDb', pt.snrDb!), 4 * i);
        b.writeInt16LE(tenths('noiseDb', pt.noiseDb!), 4 * i + 2);
      });
      return b;
    }
    case TLV_RANGE_PROFILE:
      return f.rangeProfile && u16s(f.rangeProfile);
    case TLV_NOISE_PROFILE:
      return f.noiseProfile && u16s(f.noiseProfile);
    case TLV_RANGE_DOPPLER_HEATMAP:
      return f.rangeDopplerHeatmap && u16s(f.rangeDopplerHeatmap);
    case TLV_AZIMUTH_STATIC_HEATMAP: {
      const a = f.azimuthStaticHeatmap;
      if (!a) return undefined;
      if (a.length % 2 !== 0) throw new RangeError('azimuthStaticHeatmap holds (imag, real) pairs: even length');
      const b = Buffer.alloc(2 * a.length);
      a.forEach((v, i) => b.writeInt16LE(v, 2 * i));
      return b;
    }
    case TLV_STATS: {
      const s = f.stats;
      if (!s) return undefined;
      const b = Buffer.alloc(24);
      [s.interFrameProcessingTimeUs, s.transmitOutputTimeUs, s.interFrameProcessingMarginUs, s.interChirpProcessingMarginUs,
        s.activeFrameCpuLoadPct, s.interFrameCpuLoadPct].forEach((v, i) => b.writeUInt32LE(v >>> 0, 4 * i));
      return b;
    }
    case TLV_TEMPERATURE: {
      const t = f.temperatures;
      if (!t) return undefined;
      if (t.sensorsC.length !== 10) throw new RangeError('temperatures.sensorsC holds ten values');
      const b = Buffer.alloc(28);
      b.writeInt32LE(t.validFlag | 0, 0);
      b.writeUInt32LE(t.timeMs >>> 0, 4);
      t.sensorsC.forEach((v, i) => b.writeInt16LE(v, 8 + 2 * i));
      return b;
    }
    default: {
      const list = others.get(type);
      return list?.shift();
    }
  }
}

function floatPoints(f: TiMmwaveFrameInput): Buffer {
  const b = Buffer.alloc(16 * f.points.length);
  f.points.forEach((pt, i) => {
    b.writeFloatLE(pt.x, 16 * i);
    b.writeFloatLE(pt.y, 16 * i + 4);
    b.writeFloatLE(pt.z, 16 * i + 8);
    b.writeFloatLE(pt.velocity, 16 * i + 12);
  });
  return b;
}

/** SDK 1.x/2.x: u16 count, u16 xyzQFormat, 12 bytes per point. */
function qPoints(f: TiMmwaveFrameInput): Buffer {
  const qFormat = f.xyzQFormat ?? 7;
  if (!Number.isInteger(qFormat) || qFormat < 0 || qFormat > 30) throw new RangeError(`xyzQFormat must be in 0..30, got ${qFormat}`);
  if (f.points.length > 0xffff) throw new RangeError('too many points for the u16 count');
  const scale = 2 ** qFormat;
  const b = Buffer.alloc(4 + 12 * f.points.length);
  b.writeUInt16LE(f.points.length, 0);
  b.writeUInt16LE(qFormat, 2);
  f.points.forEach((pt, i) => {
    const o = 4 + 12 * i;
    b.writeUInt16LE(pt.rangeIdx ?? 0, o);
    b.writeInt16LE(pt.dopplerIdx ?? 0, o + 2);
    b.writeUInt16LE(pt.peakVal ?? 0, o + 4);
    b.writeInt16LE(Math.round(pt.x * scale), o + 6);
    b.writeInt16LE(Math.round(pt.y * scale), o + 8);
    b.writeInt16LE(Math.round(pt.z * scale), o + 10);
  });
  return b;
}

function u16s(a: ArrayLike<number>): Buffer {
  const b = Buffer.alloc(2 * a.length);
  for (let i = 0; i < a.length; i++) b.writeUInt16LE(a[i], 2 * i);
  return b;
}

function tenths(name: string, db: number): number {
  const v = Math.round(db * 10);
  if (!(v >= -32768 && v <= 32767)) throw new RangeError(`${name} ${db} dB does not fit i16 tenths of dB`);
  return v;
}
