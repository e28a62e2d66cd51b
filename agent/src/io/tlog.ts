/**
 * MAVLink `.tlog` files: each packet preceded by a u64 big-endian timestamp in µs since the
 * Unix epoch. The file carries no record length: each record ends where its MAVLink packet ends,
 * and the packet length comes from the packet header. This module only splits a file into
 * timestamped packets; it checks a packet's CRC (crc.ts, crc-extra.ts) but decodes nothing.
 */
import { crcExtraOf } from '../protocols/mavlink/crc-extra.js';
import { mavlinkCrc } from '../protocols/mavlink/crc.js';

export const TLOG_TIMESTAMP_BYTES = 8;
export const MAVLINK_V1_MAGIC = 0xfe;
export const MAVLINK_V2_MAGIC = 0xfd;
/** The largest packet: v2, 255 payload bytes, signed. */
export const MAVLINK_MAX_PACKET_BYTES = 255 + 12 + 13;

export interface TlogRecord {
  /** Microseconds since the Unix epoch, as recorded. */
  timestampUs: number;
  /** One whole MAVLink packet (v1 or v2, with signature when signed). */
  packet: Buffer;
}

export interface TlogCounters {
  records: number;
  /** Bytes skipped to find the next plausible record (a corrupt or foreign file region). */
  bytesSkipped: number;
  resyncs: number;
  /** A last record cut short by the end of the file. */
  truncated: number;
  /**
   * Records whose timestamp stepped outside the plausible window (more than a minute back, or
   * more than `maxGapUs` forward) but whose packet passed its CRC: taken, and the clock followed.
   */
  clockSteps: number;
}

/**
 * Length of the MAVLink packet starting at `off`: v1 (0xFE) len + 8; v2 (0xFD) len + 12, and 13
 * more when incompat_flags bit 0 (signed) is set. 0 when more bytes are needed to tell; -1 when
 * `off` is not a packet start.
 */
export function mavlinkPacketLength(b: Uint8Array, off: number): number {
  if (off >= b.length) return 0;
  const magic = b[off];
  if (magic === MAVLINK_V1_MAGIC) {
    if (off + 2 > b.length) return 0;
    return b[off + 1] + 8;
  }
  if (magic === MAVLINK_V2_MAGIC) {
    if (off + 3 > b.length) return 0;
    return b[off + 1] + 12 + ((b[off + 2] & 0x01) !== 0 ? 13 : 0);
  }
  return -1;
}

export interface TlogSplitterOptions {
  onRecord: (record: TlogRecord) => void;
  /**
   * A record's timestamp within this window after the last good one (and not more than a minute
   * before it) is plausible. Outside it, the record is taken only when its packet passes its CRC
   * (a clock step: a log paused and resumed, a flight controller whose clock was reset), else it
   * is taken for corruption. Default one day.
   */
  maxGapUs?: number;
}

/** How far back a timestamp may go before it is a clock step (timestamps of a log jitter a little). */
export const CLOCK_BACKWARDS_TOLERANCE_US = 60e6;
/** How far forward, by default, before it is a clock step (or corruption). */
export const DEFAULT_MAX_GAP_US = 86_400e6;

/** True when `deltaUs` from one record's timestamp to the next is a clock step, not the passing of time. */
export function isClockStep(deltaUs: number, maxGapUs = DEFAULT_MAX_GAP_US): boolean {
  return deltaUs < -CLOCK_BACKWARDS_TOLERANCE_US || deltaUs > maxGapUs;
}

/**
 * Splits a tlog byte stream, pushed in chunks of any size, into records. Never throws on bad
 * bytes: where no packet start follows a timestamp it skips a byte and looks for one that does.
 * A packet that frames and passes its CRC is a record whatever its timestamp says (a clock step
 * is counted in `clockSteps`); one whose CRC cannot be checked or fails needs a timestamp close
 * to the last good one. Its buffer holds at most one record.
 */
export class TlogSplitter {
  readonly counters: TlogCounters = { records: 0, bytesSkipped: 0, resyncs: 0, truncated: 0, clockSteps: 0 };
  private readonly onRecord: (record: TlogRecord) => void;
  private readonly maxGapUs: number;
  private buf = Buffer.alloc(TLOG_TIMESTAMP_BYTES + MAVLINK_MAX_PACKET_BYTES);
  private len = 0;
  private lastTimestampUs: number | undefined;
  private skipping = false;

  constructor(options: TlogSplitterOptions) {
    if (typeof options?.onRecord !== 'function') throw new TypeError('TlogSplitter needs an onRecord callback');
    this.onRecord = options.onRecord;
    this.maxGapUs = options.maxGapUs ?? DEFAULT_MAX_GAP_US;
  }

  push(chunk: Uint8Array): void {
    let off = 0;
    while (off < chunk.length) {
      const n = Math.min(this.buf.length - this.len, chunk.length - off);
      this.buf.set(chunk.subarray(off, off + n), this.len);
      this.len += n;
      off += n;
      this.scan(false);
    }
  }

  end(): void {
    this.scan(true);
    if (this.len > 0) {
      this.counters.truncated++;
      this.counters.bytesSkipped += this.len;
    }
    this.len = 0;
  }

  private scan(atEnd: boolean): void {
    const b = this.buf;
    let p = 0;
    while (p < this.len) {
      const avail = this.len - p;
      if (avail < TLOG_TIMESTAMP_BYTES + 1) break;
      const view = b.subarray(0, this.len);
      const size = mavlinkPacketLength(view, p + TLOG_TIMESTAMP_BYTES);
      if (size === 0) break;
      const ts = readU64BE(b, p);
      if (size < 0) {
        this.skip(1);
        p++;
        continue;
      }
      const plausible = this.plausible(ts);
      if (avail < TLOG_TIMESTAMP_BYTES + size) {
        // An implausible timestamp needs the whole packet to be judged on its CRC.
        if (atEnd && (this.skipping || !plausible)) {
          this.skip(1);
          p++;
          continue;
        }
        break;
      }
      if (!plausible) {
        if (!packetChecks(view, p + TLOG_TIMESTAMP_BYTES, size)) {
          this.skip(1);
          p++;
          continue;
        }
        this.counters.clockSteps++;
      }
      const start = p + TLOG_TIMESTAMP_BYTES;
      this.lastTimestampUs = ts;
      this.skipping = false;
      this.counters.records++;
      p = start + size;
      this.onRecord({ timestampUs: ts, packet: Buffer.from(b.subarray(start, p)) });
    }
    if (p > 0) {
      b.copyWithin(0, p, this.len);
      this.len -= p;
    }
  }

  /** A timestamp near the last good one (the first record of a file takes any). */
  private plausible(ts: number): boolean {
    if (this.lastTimestampUs === undefined) return true;
    return !isClockStep(ts - this.lastTimestampUs, this.maxGapUs);
  }

  private skip(n: number): void {
    this.counters.bytesSkipped += n;
    if (!this.skipping) {
      this.skipping = true;
      this.counters.resyncs++;
    }
  }
}

/**
 * True when the packet at b[off, off + size) passes its CRC with its id's CRC_EXTRA; false when
 * it fails or its id has no known CRC_EXTRA (it cannot be checked).
 */
function packetChecks(b: Uint8Array, off: number, size: number): boolean {
  const v2 = b[off] === MAVLINK_V2_MAGIC;
  const len = b[off + 1];
  const crcExtra = crcExtraOf(v2 ? b[off + 7] | (b[off + 8] << 8) | (b[off + 9] << 16) : b[off + 5]);
  if (crcExtra < 0) return false;
  const crcAt = off + (v2 ? 10 : 6) + len;
  if (crcAt + 2 > off + size) return false;
  return mavlinkCrc(b, off + 1, crcAt, crcExtra) === (b[crcAt] | (b[crcAt + 1] << 8));
}

/** All records of a whole tlog held in memory, with the splitter's counters. */
export function splitTlog(bytes: Uint8Array): { records: TlogRecord[]; counters: TlogCounters } {
  const records: TlogRecord[] = [];
  const s = new TlogSplitter({ onRecord: (r) => records.push(r) });
  s.push(bytes);
  s.end();
  return { records, counters: s.counters };
}

/** Yields the records of a tlog file, reading it in blocks (memory stays at one block). */
export async function* readTlogFile(path: string, blockBytes = 64 * 1024): AsyncGenerator<TlogRecord, TlogCounters> {
  const { open } = await import('node:fs/promises');
  const fh = await open(path, 'r');
  const pending: TlogRecord[] = [];
  const splitter = new TlogSplitter({ onRecord: (r) => pending.push(r) });
  try {
    const block = Buffer.alloc(blockBytes);
    for (;;) {
      const { bytesRead } = await fh.read(block, 0, blockBytes, null);
      if (bytesRead === 0) break;
      splitter.push(block.subarray(0, bytesRead));
      while (pending.length > 0) yield pending.shift()!;
    }
    splitter.end();
    while (pending.length > 0) yield pending.shift()!;
    return splitter.counters;
  } finally {
    await fh.close();
  }
}

/** u64 BE as a number: µs since 1970 stay below 2^53 until the year 2255. */
export function readU64BE(b: Uint8Array, p: number): number {
  const hi = ((b[p] << 24) | (b[p + 1] << 16) | (b[p + 2] << 8) | b[p + 3]) >>> 0;
  const lo = ((b[p + 4] << 24) | (b[p + 5] << 16) | (b[p + 6] << 8) | b[p + 7]) >>> 0;
  return hi * 4294967296 + lo;
}

export function writeU64BE(b: Uint8Array, p: number, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`a u64 timestamp must be a safe non-negative integer, got ${value}`);
  const hi = Math.floor(value / 4294967296);
  const lo = value % 4294967296;
  b[p] = hi >>> 24;
  b[p + 1] = (hi >>> 16) & 0xff;
  b[p + 2] = (hi >>> 8) & 0xff;
  b[p + 3] = hi & 0xff;
  b[p + 4] = lo >>> 24;
  b[p + 5] = (lo >>> 16) & 0xff;
  b[p + 6] = (lo >>> 8) & 0xff;
  b[p + 7] = lo & 0xff;
}
