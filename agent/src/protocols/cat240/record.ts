import { inflateSync } from 'node:zlib';
import type { ReceiveTime } from '../../io/types.js';
import type { TypedArraySlab } from './slab.js';
import {
  FRN_I000, FRN_I010, FRN_I020, FRN_I030, FRN_I040, FRN_I041, FRN_I048, FRN_I049, FRN_I050, FRN_I051, FRN_I052,
  FRN_I140, FRN_RE, FRN_SP, MAX_FRN, MSG_TYPE_SUMMARY, MSG_TYPE_VIDEO, RES_CODE_TO_BITS, TIME_OF_DAY_TICKS_PER_S,
  frnBit,
} from './uap.js';
import { SPEED_OF_LIGHT_M_PER_S, type Cat240Message, type Cat240Resolution, type Cat240Video, type Cat240VideoBlockItem } from './types.js';

/** Why a block's records were refused; the decoder turns these into counters. */
export const RecordFault = {
  None: 0,
  /** Items do not fit, a mandatory item is missing, a value is illegal. */
  Structure: 1,
  /** The compressed video does not inflate to the announced cells. */
  Decompress: 2,
  /** More cells than the decoder is configured to accept. */
  TooManyCells: 3,
} as const;
export type RecordFault = (typeof RecordFault)[keyof typeof RecordFault];

export interface ParseLimits {
  maxCellsPerMessage: number;
  /** Where cell arrays come from (default: a fresh array each). */
  slab?: TypedArraySlab;
}

const B_FRN_I010 = frnBit(FRN_I010);
const B_FRN_I000 = frnBit(FRN_I000);
const B_FRN_I020 = frnBit(FRN_I020);
const B_FRN_I030 = frnBit(FRN_I030);
const B_FRN_I040 = frnBit(FRN_I040);
const B_FRN_I041 = frnBit(FRN_I041);
const B_FRN_I048 = frnBit(FRN_I048);
const B_FRN_I049 = frnBit(FRN_I049);
const B_FRN_I050 = frnBit(FRN_I050);
const B_FRN_I051 = frnBit(FRN_I051);
const B_FRN_I052 = frnBit(FRN_I052);
const B_FRN_I140 = frnBit(FRN_I140);
const B_FRN_RE = frnBit(FRN_RE);
const B_FRN_SP = frnBit(FRN_SP);
const SUMMARY_FORBIDDEN = B_FRN_I040 | B_FRN_I041 | B_FRN_I048 | B_FRN_I049 | B_FRN_I050 | B_FRN_I051 | B_FRN_I052;

/**
 * Parses the records of one data block (bytes `start`..`end`, after the 3-byte header) and
 * appends the messages to `out`. All or nothing: on a fault `out` may hold partial results and the
 * caller discards them. Never throws on any bytes.
 */
export function parseBlockRecords(
  b: Uint8Array, start: number, end: number, rx: ReceiveTime, limits: ParseLimits, out: Cat240Message[],
): RecordFault {
  let p = start;
  if (p >= end) return RecordFault.Structure;
  while (p < end) {
    const r = parseRecord(b, p, end, rx, limits, out);
    if (r < 0) return -r as RecordFault;
    p = r;
  }
  return RecordFault.None;
}

/** Returns the position after the record, or a negated RecordFault. */
function parseRecord(
  b: Uint8Array, start: number, end: number, rx: ReceiveTime, limits: ParseLimits, out: Cat240Message[],
): number {
  let p = start;
  let present = 0;
  let frn = 1;
  for (;;) {
    if (p >= end) return -RecordFault.Structure;
    const octet = b[p++];
    for (let bit = 7; bit >= 1; bit--, frn++) {
      if ((octet & (1 << bit)) !== 0) {
        if (frn > MAX_FRN) return -RecordFault.Structure;
        present |= frnBit(frn);
      }
    }
    if ((octet & 1) === 0) break;
    if (frn > MAX_FRN) return -RecordFault.Structure;
  }
  if ((present & B_FRN_I010) === 0 || (present & B_FRN_I000) === 0) return -RecordFault.Structure;

  if (p + 3 > end) return -RecordFault.Structure;
  const sac = b[p];
  const sic = b[p + 1];
  const msgType = b[p + 2];
  p += 3;

  let msgIndex = 0;
  if ((present & B_FRN_I020) !== 0) {
    if (p + 4 > end) return -RecordFault.Structure;
    msgIndex = readU32(b, p);
    p += 4;
  }
  let summary: string | undefined;
  if ((present & B_FRN_I030) !== 0) {
    if (p >= end) return -RecordFault.Structure;
    const rep = b[p++];
    if (p + rep > end) return -RecordFault.Structure;
    summary = asciiString(b, p, rep);
    p += rep;
  }
  const hasI040 = (present & B_FRN_I040) !== 0;
  const headerCount = (hasI040 ? 1 : 0) + ((present & B_FRN_I041) !== 0 ? 1 : 0);
  let startAzimuth = 0;
  let endAzimuth = 0;
  let startRangeCell = 0;
  let cellDurationFs = 0;
  if (headerCount > 1) return -RecordFault.Structure;
  if (headerCount === 1) {
    if (p + 12 > end) return -RecordFault.Structure;
    startAzimuth = (b[p] << 8) | b[p + 1];
    endAzimuth = (b[p + 2] << 8) | b[p + 3];
    startRangeCell = readU32(b, p + 4);
    const dur = readU32(b, p + 8);
    // Nanoseconds scale to femtoseconds exactly up to 2^32 ns * 1e6 < 2^53.
    cellDurationFs = hasI040 ? dur * 1e6 : dur;
    p += 12;
  }
  let compressed = false;
  let resCode = 0;
  if ((present & B_FRN_I048) !== 0) {
    if (p + 2 > end) return -RecordFault.Structure;
    compressed = (b[p] & 0x80) !== 0;
    resCode = b[p + 1]!;
    p += 2;
  }
  let validOctets = 0;
  let cellCount = 0;
  if ((present & B_FRN_I049) !== 0) {
    if (p + 5 > end) return -RecordFault.Structure;
    validOctets = (b[p] << 8) | b[p + 1];
    cellCount = (b[p + 2] << 16) | (b[p + 3] << 8) | b[p + 4];
    p += 5;
  }
  let blockItem: Cat240VideoBlockItem | undefined;
  let blockStart = 0;
  let blockOctets = 0;
  const blockItems = present & (B_FRN_I050 | B_FRN_I051 | B_FRN_I052);
  if (blockItems !== 0) {
    // Exactly one of the three: a power of two.
    if ((blockItems & (blockItems - 1)) !== 0) return -RecordFault.Structure;
    const unit = blockItems === B_FRN_I050 ? 4 : blockItems === B_FRN_I051 ? 64 : 256;
    if (p >= end) return -RecordFault.Structure;
    const rep = b[p++];
    blockOctets = rep * unit;
    if (p + blockOctets > end) return -RecordFault.Structure;
    blockItem = blockItems === B_FRN_I050 ? 'I050' : blockItems === B_FRN_I051 ? 'I051' : 'I052';
    blockStart = p;
    p += blockOctets;
  }
  let timeOfDaySeconds: number | undefined;
  if ((present & B_FRN_I140) !== 0) {
    if (p + 3 > end) return -RecordFault.Structure;
    timeOfDaySeconds = ((b[p] << 16) | (b[p + 1] << 8) | b[p + 2]) / TIME_OF_DAY_TICKS_PER_S;
    p += 3;
  }
  if ((present & B_FRN_RE) !== 0) {
    p = skipExplicit(b, p, end);
    if (p < 0) return -RecordFault.Structure;
  }
  if ((present & B_FRN_SP) !== 0) {
    p = skipExplicit(b, p, end);
    if (p < 0) return -RecordFault.Structure;
  }

  if (msgType === MSG_TYPE_SUMMARY) {
    if (summary === undefined || (present & SUMMARY_FORBIDDEN) !== 0) return -RecordFault.Structure;
    const msg: Cat240Message = { type: 'cat240.summary', sac, sic, summary, rx };
    if (timeOfDaySeconds !== undefined) msg.timeOfDaySeconds = timeOfDaySeconds;
    out.push(msg);
    return p;
  }
  if (msgType !== MSG_TYPE_VIDEO) return -RecordFault.Structure;
  if (summary !== undefined || headerCount !== 1 || (present & B_FRN_I020) === 0 || (present & B_FRN_I048) === 0
    || (present & B_FRN_I049) === 0 || blockItem === undefined) return -RecordFault.Structure;
  if (resCode < 1 || resCode >= RES_CODE_TO_BITS.length) return -RecordFault.Structure;
  // A cell of no duration puts every cell at range 0: the spoke cannot be placed.
  if (cellDurationFs === 0) return -RecordFault.Structure;
  const bits = RES_CODE_TO_BITS[resCode] as Cat240Resolution;
  if (validOctets > blockOctets) return -RecordFault.Structure;
  if (cellCount > limits.maxCellsPerMessage) return -RecordFault.TooManyCells;
  const neededOctets = Math.ceil((cellCount * bits) / 8);

  let src: Uint8Array;
  let srcOff: number;
  if (compressed) {
    try {
      // maxOutputLength bounds memory whatever the compressed octets claim.
      src = inflateSync(b.subarray(blockStart, blockStart + validOctets), { maxOutputLength: Math.max(neededOctets, 1) });
    } catch {
      return -RecordFault.Decompress;
    }
    if (src.length < neededOctets) return -RecordFault.Decompress;
    srcOff = 0;
  } else {
    if (neededOctets > validOctets) return -RecordFault.Structure;
    src = b;
    srcOff = blockStart;
  }
  const video: Cat240Video = {
    type: 'cat240.video',
    sac,
    sic,
    msgIndex,
    startAzimuth,
    endAzimuth,
    startRangeCell,
    cellDurationFs,
    rangeCellMetres: (SPEED_OF_LIGHT_M_PER_S * cellDurationFs * 1e-15) / 2,
    compressed,
    resolutionBits: bits,
    cellCount,
    cells: unpackCells(src, srcOff, cellCount, bits, limits.slab),
    videoHeader: hasI040 ? 'I040' : 'I041',
    videoBlock: blockItem,
    rx,
  };
  if (timeOfDaySeconds !== undefined) video.timeOfDaySeconds = timeOfDaySeconds;
  out.push(video);
  return p;
}

/** RE and SP: explicit length, the first octet counts itself; content not interpreted. */
function skipExplicit(b: Uint8Array, p: number, end: number): number {
  if (p >= end) return -1;
  const len = b[p];
  if (len < 1 || p + len > end) return -1;
  return p + len;
}

function readU32(b: Uint8Array, p: number): number {
  return ((b[p] << 24) | (b[p + 1] << 16) | (b[p + 2] << 8) | b[p + 3]) >>> 0;
}

function asciiString(b: Uint8Array, p: number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(b[p + i]);
  return s;
}

/** A plain Uint8Array over the same memory: its subarray() skips Buffer's slower constructor. */
function toPlain(src: Uint8Array): Uint8Array {
  return Object.getPrototypeOf(src) === Uint8Array.prototype ? src : new Uint8Array(src.buffer, src.byteOffset, src.byteLength);
}

/**
 * Cells are packed most significant bits first, multi-octet cells big-endian (ASTERIX order).
 * The result never shares the decoder's buffer (it is reused): a fresh array or a slab view.
 */
export function unpackCells(
  src: Uint8Array, off: number, n: number, bits: Cat240Resolution, slab?: TypedArraySlab,
): Uint8Array | Uint16Array | Uint32Array {
  switch (bits) {
    case 8: {
      const out = slab ? slab.u8(n) : new Uint8Array(n);
      out.set(toPlain(src).subarray(off, off + n));
      return out;
    }
    case 16: {
      const out = slab ? slab.u16(n) : new Uint16Array(n);
      for (let i = 0, q = off; i < n; i++, q += 2) out[i] = (src[q] << 8) | src[q + 1];
      return out;
    }
    case 32: {
      const out = slab ? slab.u32(n) : new Uint32Array(n);
      for (let i = 0, q = off; i < n; i++, q += 4) out[i] = (src[q] << 24) | (src[q + 1] << 16) | (src[q + 2] << 8) | src[q + 3];
      return out;
    }
    default: {
      const out = slab ? slab.u8(n) : new Uint8Array(n);
      const perOctet = 8 / bits;
      const mask = (1 << bits) - 1;
      for (let i = 0; i < n; i++) {
        const octet = src[off + Math.floor(i / perOctet)];
        const shift = 8 - bits * ((i % perOctet) + 1);
        out[i] = (octet >> shift) & mask;
      }
      return out;
    }
  }
}
