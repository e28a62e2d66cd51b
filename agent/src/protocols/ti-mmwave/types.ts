import type { ReceiveTime } from '../../io/types.js';

/** The 8-byte frame magic: four u16 LE 0x0102, 0x0304, 0x0506, 0x0708. */
export const TI_MAGIC: Readonly<Uint8Array> = Uint8Array.from([0x02, 0x01, 0x04, 0x03, 0x06, 0x05, 0x08, 0x07]);
/** Header with subFrameNumber (every platform with SDK 3.x, xWR16xx/18xx/68xx always). */
export const TI_HEADER_BYTES = 40;
/** Header without subFrameNumber: xWR1443 with SDK 1.x/2.x. */
export const TI_HEADER_BYTES_NO_SUBFRAME = 36;
/** Frames are padded to a multiple of this (with bytes that are not zero). */
export const TI_FRAME_ALIGN = 32;
/** A TLV header: u32 type, u32 length (payload bytes). */
export const TI_TLV_HEADER_BYTES = 8;
/** The data port answers `ackPing` with this many 0xFF bytes. */
export const TI_ACK_PING_BYTES = 16;

export const TI_PLATFORM_XWR1443 = 0xa1443;

export const TLV_DETECTED_POINTS = 1;
export const TLV_RANGE_PROFILE = 2;
export const TLV_NOISE_PROFILE = 3;
export const TLV_AZIMUTH_STATIC_HEATMAP = 4;
export const TLV_RANGE_DOPPLER_HEATMAP = 5;
export const TLV_STATS = 6;
export const TLV_SIDE_INFO = 7;
export const TLV_TEMPERATURE = 9;

/** One detected point, in metres and m/s in the sensor frame (x right, y forward, z up). */
export interface TiPoint {
  x: number;
  y: number;
  z: number;
  /** Radial velocity, positive away. NaN for the SDK 1.x/2.x format, which carries only `dopplerIdx`. */
  velocity: number;
  /** From the side info TLV (7), 0.1 dB steps. */
  snrDb?: number;
  noiseDb?: number;
  /** SDK 1.x/2.x format only. */
  rangeIdx?: number;
  dopplerIdx?: number;
  peakVal?: number;
}

/** TLV 6: processing times in µs and CPU loads in %. */
export interface TiStats {
  interFrameProcessingTimeUs: number;
  transmitOutputTimeUs: number;
  interFrameProcessingMarginUs: number;
  interChirpProcessingMarginUs: number;
  activeFrameCpuLoadPct: number;
  interFrameCpuLoadPct: number;
}

/** TLV 9. */
export interface TiTemperatures {
  /** The raw flag: 0 means the readings are valid. */
  validFlag: number;
  timeMs: number;
  /** Ten sensors, °C. */
  sensorsC: number[];
}

/** A TLV of a type Lookout does not interpret, kept as it came. */
export interface TiRawTlv {
  type: number;
  payload: Uint8Array;
}

/** One data-port frame of the out-of-box demo. */
export interface TiMmwaveFrame {
  type: 'ti-mmwave.frame';
  /** major<<24 | minor<<16 | bugfix<<8 | build. */
  version: number;
  /** The header's totalPacketLen: header, TLVs and padding. */
  totalPacketLen: number;
  platform: number;
  frameNumber: number;
  timeCpuCycles: number;
  numDetectedObj: number;
  numTLVs: number;
  /** Absent with the 36-byte header (xWR1443, SDK < 3). */
  subFrameNumber?: number;
  headerBytes: 36 | 40;
  /** TLV types in the order they came (so an encoder can reproduce the frame). */
  tlvTypes: number[];
  /** TLV 1 layout: 'float' (SDK 3.x) or 'q' (SDK 1.x/2.x); absent without TLV 1. */
  pointFormat?: 'float' | 'q';
  /** SDK 1.x/2.x: the Q format of x, y, z. */
  xyzQFormat?: number;
  points: TiPoint[];
  /** TLV 2, one u16 per range bin (log2 magnitude in a platform Q format). */
  rangeProfile?: Uint16Array;
  /** TLV 3. */
  noiseProfile?: Uint16Array;
  /** TLV 4: complex i16 pairs, imaginary first, as sent. */
  azimuthStaticHeatmap?: Int16Array;
  /** TLV 5: numRangeBins x numDopplerBins u16, range-major. */
  rangeDopplerHeatmap?: Uint16Array;
  stats?: TiStats;
  temperatures?: TiTemperatures;
  /** TLVs of other types, raw. */
  otherTlvs: TiRawTlv[];
  rx: ReceiveTime;
}

export function tiVersionString(version: number): string {
  return `${version >>> 24}.${(version >>> 16) & 0xff}.${(version >>> 8) & 0xff}.${version & 0xff}`;
}

export function tiVersionMajor(version: number): number {
  return version >>> 24;
}

/** The header length a frame with this version and platform has. */
export function tiHeaderBytes(version: number, platform: number): 36 | 40 {
  return (platform & 0xfffff) === TI_PLATFORM_XWR1443 && tiVersionMajor(version) < 3 ? TI_HEADER_BYTES_NO_SUBFRAME : TI_HEADER_BYTES;
}
