import { deflateSync } from 'node:zlib';
import {
  BLOCK_HEADER_BYTES, CAT240_CATEGORY, FRN_I000, FRN_I010, FRN_I020, FRN_I030, FRN_I040, FRN_I041, FRN_I048,
  FRN_I049, FRN_I140, MSG_TYPE_SUMMARY, MSG_TYPE_VIDEO, TIME_OF_DAY_TICKS_PER_S, VIDEO_BLOCK_FRN, VIDEO_BLOCK_UNIT,
  resolutionCode,
} from './uap.js';
import {
  CAT240_MAX_BLOCK_BYTES, type Cat240Resolution, type Cat240Summary, type Cat240Video, type Cat240VideoBlockItem,
  type Cat240VideoHeaderItem,
} from './types.js';

/**
 * What a video message needs. A decoded `Cat240Video` is accepted as is (its `videoHeader`,
 * `videoBlock` and `compressed` are honoured), so decode → encode reproduces the bytes.
 * `cellCount` defaults to `cells.length`.
 */
export type Cat240VideoInput = Omit<Cat240Video, 'type' | 'rx' | 'rangeCellMetres' | 'cellCount' | 'compressed'> & {
  cellCount?: number;
  compressed?: boolean;
};

export interface Cat240VideoEncodeOptions {
  /**
   * I240/040 (ns) or I240/041 (fs). Default: the input's `videoHeader`, else I040 when
   * `cellDurationFs` is a whole number of ns, else I041.
   */
  header?: Cat240VideoHeaderItem;
  /**
   * I240/050, /051 or /052. Default: the input's `videoBlock`, else the smallest unit whose
   * REP (at most 255) holds the video octets.
   */
  block?: Cat240VideoBlockItem;
  /** zlib-compress the video octets (C bit). Default: the input's `compressed`, else false. */
  compress?: boolean;
  /** zlib level when compressing (default 6, zlib's). */
  compressionLevel?: number;
}

const U32_MAX = 0xffff_ffff;

/** One data block (CAT 240, LEN) holding one video message. */
export function encodeCat240Video(v: Cat240VideoInput, opts: Cat240VideoEncodeOptions = {}): Buffer {
  return encodeCat240Block([encodeCat240VideoRecord(v, opts)]);
}

/** One data block holding one video summary message. */
export function encodeCat240Summary(s: Omit<Cat240Summary, 'type' | 'rx'>): Buffer {
  return encodeCat240Block([encodeCat240SummaryRecord(s)]);
}

/** A data block around already encoded records (several records per block are legal). */
export function encodeCat240Block(records: readonly Uint8Array[]): Buffer {
  let total = BLOCK_HEADER_BYTES;
  for (const r of records) total += r.length;
  if (records.length === 0) throw new RangeError('a CAT240 data block needs at least one record');
  if (total > CAT240_MAX_BLOCK_BYTES) throw new RangeError(`CAT240 data block of ${total} bytes exceeds LEN's ${CAT240_MAX_BLOCK_BYTES}`);
  const out = Buffer.allocUnsafe(total);
  out[0] = CAT240_CATEGORY;
  out.writeUInt16BE(total, 1);
  let p = BLOCK_HEADER_BYTES;
  for (const r of records) {
    out.set(r, p);
    p += r.length;
  }
  return out;
}

/** The record of a video message: FSPEC, 010, 000, 020, 040|041, 048, 049, 050|051|052, [140]. */
export function encodeCat240VideoRecord(v: Cat240VideoInput, opts: Cat240VideoEncodeOptions = {}): Buffer {
  checkInt('sac', v.sac, 0, 255);
  checkInt('sic', v.sic, 0, 255);
  checkInt('msgIndex', v.msgIndex, 0, U32_MAX);
  checkInt('startAzimuth', v.startAzimuth, 0, 0xffff);
  checkInt('endAzimuth', v.endAzimuth, 0, 0xffff);
  checkInt('startRangeCell', v.startRangeCell, 0, U32_MAX);
  checkInt('cellDurationFs', v.cellDurationFs, 0, Number.MAX_SAFE_INTEGER);
  const bits = v.resolutionBits;
  const resCode = resolutionCode(bits);
  const cellCount = v.cellCount ?? v.cells.length;
  checkInt('cellCount', cellCount, 0, 0xffffff);
  if (cellCount > v.cells.length) throw new RangeError(`cellCount ${cellCount} exceeds the ${v.cells.length} cells given`);

  const header = opts.header ?? v.videoHeader ?? (v.cellDurationFs % 1e6 === 0 && v.cellDurationFs / 1e6 <= U32_MAX ? 'I040' : 'I041');
  let cellDur: number;
  if (header === 'I040') {
    if (v.cellDurationFs % 1e6 !== 0) throw new RangeError(`I240/040 carries whole ns; cellDurationFs ${v.cellDurationFs} is not (use I041)`);
    cellDur = v.cellDurationFs / 1e6;
  } else {
    cellDur = v.cellDurationFs;
  }
  checkInt(`${header} CELL_DUR`, cellDur, 0, U32_MAX);

  const packed = packCells(v.cells, cellCount, bits);
  const compress = opts.compress ?? v.compressed ?? false;
  const video = compress ? deflateSync(packed, { level: opts.compressionLevel ?? 6 }) : packed;
  if (video.length > 0xffff) throw new RangeError(`${video.length} video octets exceed NB_VB's 65535`);
  const block = opts.block ?? v.videoBlock ?? smallestBlock(video.length);
  const unit = VIDEO_BLOCK_UNIT[block];
  const rep = Math.ceil(video.length / unit);
  if (rep > 255) throw new RangeError(`${video.length} video octets need ${rep} repetitions of ${block}; REP holds 255`);

  const hasTime = v.timeOfDaySeconds !== undefined;
  const size = 2 + 2 + 1 + 4 + 12 + 2 + 5 + 1 + rep * unit + (hasTime ? 3 : 0);
  const out = Buffer.alloc(size);
  writeFspec(out, [FRN_I010, FRN_I000, FRN_I020, header === 'I040' ? FRN_I040 : FRN_I041, FRN_I048, FRN_I049,
    VIDEO_BLOCK_FRN[block], ...(hasTime ? [FRN_I140] : [])]);
  let p = 2;
  out[p++] = v.sac;
  out[p++] = v.sic;
  out[p++] = MSG_TYPE_VIDEO;
  out.writeUInt32BE(v.msgIndex, p); p += 4;
  out.writeUInt16BE(v.startAzimuth, p); p += 2;
  out.writeUInt16BE(v.endAzimuth, p); p += 2;
  out.writeUInt32BE(v.startRangeCell, p); p += 4;
  out.writeUInt32BE(cellDur, p); p += 4;
  out[p++] = compress ? 0x80 : 0;
  out[p++] = resCode;
  out.writeUInt16BE(video.length, p); p += 2;
  out.writeUIntBE(cellCount, p, 3); p += 3;
  out[p++] = rep;
  out.set(video, p);
  p += rep * unit; // the tail of the last unit stays zero
  if (hasTime) writeTimeOfDay(out, p, v.timeOfDaySeconds!);
  return out;
}

/** The record of a video summary: FSPEC, 010, 000, 030, [140]. */
export function encodeCat240SummaryRecord(s: Omit<Cat240Summary, 'type' | 'rx'>): Buffer {
  checkInt('sac', s.sac, 0, 255);
  checkInt('sic', s.sic, 0, 255);
  if (typeof s.summary !== 'string') throw new TypeError('summary must be a string');
  if (s.summary.length > 255) throw new RangeError(`I240/030 holds 255 characters, got ${s.summary.length}`);
  // eslint-disable-next-line no-control-regex -- the range of ASCII starts at NUL
  if (!/^[\x00-\x7f]*$/.test(s.summary)) throw new RangeError('I240/030 is ASCII');
  const hasTime = s.timeOfDaySeconds !== undefined;
  const fspec = hasTime ? 2 : 1;
  const out = Buffer.alloc(fspec + 3 + 1 + s.summary.length + (hasTime ? 3 : 0));
  writeFspec(out, [FRN_I010, FRN_I000, FRN_I030, ...(hasTime ? [FRN_I140] : [])]);
  let p = fspec;
  out[p++] = s.sac;
  out[p++] = s.sic;
  out[p++] = MSG_TYPE_SUMMARY;
  out[p++] = s.summary.length;
  out.write(s.summary, p, 'latin1');
  p += s.summary.length;
  if (hasTime) writeTimeOfDay(out, p, s.timeOfDaySeconds!);
  return out;
}

/** Packs cells most significant bits first, multi-octet cells big-endian. */
export function packCells(cells: ArrayLike<number>, n: number, bits: Cat240Resolution): Buffer {
  const out = Buffer.alloc(Math.ceil((n * bits) / 8));
  const max = bits === 32 ? U32_MAX : (1 << bits) - 1;
  for (let i = 0; i < n; i++) {
    const c = cells[i];
    if (!(c >= 0 && c <= max) || !Number.isInteger(c)) throw new RangeError(`cell ${i} = ${c} does not fit ${bits} bits`);
  }
  switch (bits) {
    case 8:
      for (let i = 0; i < n; i++) out[i] = cells[i]!;
      break;
    case 16:
      for (let i = 0; i < n; i++) out.writeUInt16BE(cells[i], 2 * i);
      break;
    case 32:
      for (let i = 0; i < n; i++) out.writeUInt32BE(cells[i], 4 * i);
      break;
    default: {
      const perOctet = 8 / bits;
      for (let i = 0; i < n; i++) {
        const q = Math.floor(i / perOctet);
        out[q] = out[q] | (cells[i] << (8 - bits * ((i % perOctet) + 1)));
      }
    }
  }
  return out;
}

function smallestBlock(octets: number): Cat240VideoBlockItem {
  for (const b of ['I050', 'I051', 'I052'] as const) if (Math.ceil(octets / VIDEO_BLOCK_UNIT[b]) <= 255) return b;
  return 'I052'; // too large for any; the REP check reports it
}

/** FSPEC octets for the given FRNs (ascending): bits 8..2 flag items, bit 1 is FX. */
function writeFspec(out: Buffer, frns: readonly number[]): void {
  const last = frns[frns.length - 1];
  const octets = Math.ceil(last / 7);
  for (let i = 0; i < octets; i++) out[i] = i < octets - 1 ? 1 : 0;
  for (const f of frns) {
    const i = Math.floor((f - 1) / 7);
    out[i] = out[i] | (1 << (7 - ((f - 1) % 7)));
  }
}

function writeTimeOfDay(out: Buffer, p: number, seconds: number): void {
  const ticks = Math.round(seconds * TIME_OF_DAY_TICKS_PER_S);
  checkInt('timeOfDaySeconds * 128', ticks, 0, 0xffffff);
  out.writeUIntBE(ticks, p, 3);
}

function checkInt(name: string, value: number, min: number, max: number): void {
  if (typeof value !== 'number') throw new TypeError(`${name} must be a number`);
  if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`${name} must be an integer in ${min}..${max}, got ${value}`);
}
