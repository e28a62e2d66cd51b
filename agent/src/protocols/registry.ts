import { Cat240Decoder } from './cat240/decoder.js';
import type { Cat240Message } from './cat240/types.js';
import { MavlinkDecoder } from './mavlink/decoder.js';
import type { MavlinkPacket } from './mavlink/types.js';
import { Nmea0183Decoder } from './nmea0183/decoder.js';
import { TYPED_SENTENCES, type NmeaSentence } from './nmea0183/types.js';
import { TiMmwaveDecoder } from './ti-mmwave/decoder.js';
import { tiVersionString, type TiMmwaveFrame } from './ti-mmwave/types.js';
import { PROTOCOL_NAMES, type ProtocolName, type StreamDecoder } from './types.js';

/**
 * Protocol name → decoder factory + JSON view. The `decode` verb and the agent build decoders
 * from here so that a protocol is added in one place.
 *
 * JSON views: one object per frame with a `type` field, no receive time (the caller adds one
 * when it means something, e.g. tlog timestamps). Binary arrays (CAT240 video cells, TI
 * profiles and heatmaps, unknown MAVLink payloads) print compactly: with `binary: 'summary'`
 * (default) as `{ length, min, max, mean }`; with `binary: 'base64'` as `{ length, base64 }` of
 * the array's bytes in its own element type, little-endian.
 */
export type BinaryView = 'summary' | 'base64';

export interface JsonViewOptions {
  binary?: BinaryView;
}

export interface ProtocolEntry<F = unknown> {
  name: ProtocolName;
  /** `options` go to the decoder's constructor beside onFrame (e.g. MAVLink `signingKey`). */
  createDecoder(onFrame: (frame: F) => void, options?: Record<string, unknown>): StreamDecoder<F>;
  toJson(frame: F, options?: JsonViewOptions): Record<string, unknown>;
}

type TypedArray = Uint8Array | Uint16Array | Uint32Array | Int16Array | Float32Array;

export function binaryJson(a: TypedArray, view: BinaryView = 'summary'): Record<string, unknown> {
  if (view === 'base64') return { length: a.length, base64: Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64') };
  if (a.length === 0) return { length: 0 };
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  return { length: a.length, min, max, mean: Math.round((sum / a.length) * 1000) / 1000 };
}

function cat240Json(m: Cat240Message, o: JsonViewOptions = {}): Record<string, unknown> {
  const { rx: _rx, ...rest } = m;
  if (rest.type === 'cat240.summary') return rest;
  const { cells, ...video } = rest;
  return { ...video, cells: binaryJson(cells, o.binary) };
}

function tiJson(f: TiMmwaveFrame, o: JsonViewOptions = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {
    type: f.type,
    frame: f.frameNumber,
    version: tiVersionString(f.version),
    platform: `0x${f.platform.toString(16)}`,
    subFrame: f.subFrameNumber,
    numDetectedObj: f.numDetectedObj,
    tlvTypes: f.tlvTypes,
    totalPacketLen: f.totalPacketLen,
    points: f.points.map((p) => {
      const q: Record<string, number> = { x: p.x, y: p.y, z: p.z, velocity: p.velocity };
      if (p.snrDb !== undefined) q.snrDb = p.snrDb;
      if (p.noiseDb !== undefined) q.noiseDb = p.noiseDb;
      if (p.rangeIdx !== undefined) q.rangeIdx = p.rangeIdx;
      if (p.dopplerIdx !== undefined) q.dopplerIdx = p.dopplerIdx;
      if (p.peakVal !== undefined) q.peakVal = p.peakVal;
      return q;
    }),
  };
  if (f.rangeProfile) out.rangeProfile = binaryJson(f.rangeProfile, o.binary);
  if (f.noiseProfile) out.noiseProfile = binaryJson(f.noiseProfile, o.binary);
  if (f.azimuthStaticHeatmap) out.azimuthStaticHeatmap = binaryJson(f.azimuthStaticHeatmap, o.binary);
  if (f.rangeDopplerHeatmap) out.rangeDopplerHeatmap = binaryJson(f.rangeDopplerHeatmap, o.binary);
  if (f.stats) out.stats = f.stats;
  if (f.temperatures) out.temperatures = f.temperatures;
  if (f.otherTlvs.length > 0) out.otherTlvs = f.otherTlvs.map((t) => ({ type: t.type, payload: binaryJson(t.payload, o.binary) }));
  return out;
}

function nmeaJson(s: NmeaSentence): Record<string, unknown> {
  const { rx: _rx, ...rest } = s;
  // Typed sentences carry their values; the raw fields stay only where nothing else does.
  if (s.talker !== 'P' && (TYPED_SENTENCES as readonly string[]).includes(s.sentence)) {
    const { fields: _fields, ...typed } = rest;
    return typed;
  }
  return rest;
}

function mavlinkJson(p: MavlinkPacket, o: JsonViewOptions = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {
    type: 'mavlink',
    version: p.version,
    msgid: p.msgid,
    name: p.name,
    sysid: p.sysid,
    compid: p.compid,
    seq: p.seq,
    signed: p.signature !== null,
  };
  if (p.signature !== null) out.signature = p.signature;
  if (p.message === null) {
    out.verified = p.verified;
    out.payload = binaryJson(p.payload, o.binary);
  }
  else {
    const { name: _name, ...fields } = p.message;
    Object.assign(out, fields);
  }
  return out;
}

/** The frame type each protocol's decoder emits. */
export interface FrameOf {
  cat240: Cat240Message;
  'ti-mmwave': TiMmwaveFrame;
  nmea0183: NmeaSentence;
  mavlink: MavlinkPacket;
}

export const PROTOCOLS: { readonly [K in ProtocolName]: ProtocolEntry<FrameOf[K]> } = {
  cat240: {
    name: 'cat240',
    createDecoder: (onFrame: (f: Cat240Message) => void, options = {}) => new Cat240Decoder({ ...options, onFrame }),
    toJson: cat240Json,
  },
  'ti-mmwave': {
    name: 'ti-mmwave',
    createDecoder: (onFrame: (f: TiMmwaveFrame) => void, options = {}) => new TiMmwaveDecoder({ ...options, onFrame }),
    toJson: tiJson,
  },
  nmea0183: {
    name: 'nmea0183',
    createDecoder: (onFrame: (f: NmeaSentence) => void, options = {}) => new Nmea0183Decoder({ ...options, onFrame }),
    toJson: nmeaJson,
  },
  mavlink: {
    name: 'mavlink',
    createDecoder: (onFrame: (f: MavlinkPacket) => void, options = {}) => new MavlinkDecoder({ ...options, onFrame }),
    toJson: mavlinkJson,
  },
};

export function isProtocolName(name: string): name is ProtocolName {
  return (PROTOCOL_NAMES as readonly string[]).includes(name);
}

/** The entry for a protocol name, typed loosely for callers that route frames generically. */
export function protocolEntry(name: ProtocolName): ProtocolEntry<unknown> {
  return PROTOCOLS[name];
}
