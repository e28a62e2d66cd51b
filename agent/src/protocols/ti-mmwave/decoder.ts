import type { ReceiveTime } from '../../io/types.js';
import { FrameBuffer } from '../frame-buffer.js';
import { newDecoderCounters, type DecoderCounters, type StreamDecoder, type StreamDecoderOptions } from '../types.js';
import { TypedArraySlab } from '../cat240/slab.js';
import { parseTiFrame } from './frame.js';
import { TI_ACK_PING_BYTES, TI_HEADER_BYTES, TI_HEADER_BYTES_NO_SUBFRAME, TI_MAGIC, type TiMmwaveFrame } from './types.js';

export interface TiMmwaveCounters extends DecoderCounters {
  /** 16 x 0xFF answers to `ackPing`, skipped (not counted in bytesSkipped). */
  ackPings: number;
  /** A magic and a plausible length, but TLVs that do not fit, or the next frame's magic inside. */
  badFrames: number;
  /** Known TLVs whose length does not fit their layout (kept raw in `otherTlvs`). */
  badTlvs: number;
  /** TLVs of types Lookout does not interpret (kept raw); `unknownType` counts the same. */
  unknownTlvs: number;
  /** frameNumber jumped forward (within a run of frames). */
  frameNumberGaps: number;
  /** Frames missing in those jumps. */
  framesLost: number;
}

export interface TiMmwaveDecoderOptions extends StreamDecoderOptions<TiMmwaveFrame> {
  /**
   * Largest totalPacketLen accepted; bounds the bytes held between pushes (maxFrameBytes + 8;
   * the frame buffer allocates twice that). Default 256 KiB:
   * a 512 x 64 range-Doppler heatmap with points and profiles is about 70 KiB.
   */
  maxFrameBytes?: number;
}

const NO_RX: ReceiveTime = { monoMs: 0, wallMs: 0 };
const MAGIC = Buffer.from(TI_MAGIC);
const MAGIC_LEN = MAGIC.length;
const MIN_FRAME_BYTES = TI_HEADER_BYTES_NO_SUBFRAME;
const OK = 0;
const BAD = 1;
const WAIT = 2;

/**
 * Streaming decoder of the TI mmWave out-of-box demo data port.
 *
 * Framing (PROTOCOLS.md): find the magic, read totalPacketLen; the frame is accepted when its
 * TLVs fit inside totalPacketLen and no other magic starts inside it — a magic inside means this
 * frame was cut short and its length swallowed the head of the next one, which is then decoded.
 * This is the "next magic at start + totalPacketLen" rule asked the other way round: it gives the
 * same answer on the real capture (every frame is followed by a magic there) but does not hold
 * a frame back until the next one arrives (a whole frame period, 33-100 ms, on a drone).
 * 16 x 0xFF (the answer to `ackPing`) between frames are counted and skipped.
 */
export class TiMmwaveDecoder implements StreamDecoder<TiMmwaveFrame> {
  readonly counters: TiMmwaveCounters;
  readonly maxFrameBytes: number;
  /** Most bytes held between pushes: one largest frame plus the next magic. */
  readonly bufferCapacity: number;
  private readonly onFrame: (frame: TiMmwaveFrame) => void;
  /** Buffer: the scan looks for the 8-byte magic with Buffer#indexOf. */
  private readonly pending: FrameBuffer<Buffer>;
  private readonly scanPushed = (b: Buffer, pos: number, end: number): number => this.scan(b, pos, end, this.lastRx, false, false);
  private readonly scanIdle = (b: Buffer, pos: number, end: number): number => this.scan(b, pos, end, this.lastRx, true, false);
  private readonly scanFinal = (b: Buffer, pos: number, end: number): number => this.scan(b, pos, end, this.lastRx, true, true);
  private readonly slab = new TypedArraySlab();
  private skipping = false;
  private lastRx: ReceiveTime = NO_RX;
  private lastFrameNumber: number | undefined;

  constructor(options: TiMmwaveDecoderOptions) {
    if (typeof options?.onFrame !== 'function') throw new TypeError('TiMmwaveDecoder needs an onFrame callback');
    const max = options.maxFrameBytes ?? 256 * 1024;
    if (!Number.isInteger(max) || max < TI_HEADER_BYTES || max > 64 * 1024 * 1024) {
      throw new RangeError(`maxFrameBytes must be an integer in ${TI_HEADER_BYTES}..${64 * 1024 * 1024}, got ${String(max)}`);
    }
    this.onFrame = options.onFrame;
    this.maxFrameBytes = max;
    this.bufferCapacity = max + MAGIC_LEN;
    this.counters = {
      ...newDecoderCounters(),
      ackPings: 0, badFrames: 0, badTlvs: 0, unknownTlvs: 0, frameNumberGaps: 0, framesLost: 0,
    };
    this.pending = new FrameBuffer(this.bufferCapacity, this.counters, (n) => Buffer.alloc(n));
  }

  get bufferedBytes(): number {
    return this.pending.length;
  }

  push(chunk: Uint8Array, rx: ReceiveTime): void {
    this.lastRx = rx;
    this.pending.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength), this.scanPushed);
  }

  /**
   * Nothing more is coming for now (an idle gap on the link): a complete frame held back because
   * its last bytes could start a magic is emitted. A frame still arriving is kept whole.
   */
  flush(): void {
    this.pending.rescan(this.scanIdle);
  }

  end(): void {
    this.pending.rescan(this.scanFinal);
    this.skip(this.pending.clear());
    this.skipping = false;
  }

  /**
   * Decodes the frames of b[pos, len) and returns where an undecided one starts (len when none).
   * `atEnd`: no more bytes for now (flush or end); `final`: never again (end), so incomplete bytes are dropped.
   */
  private scan(b: Buffer, pos: number, len: number, rx: ReceiveTime, atEnd: boolean, final: boolean): number {
    let p = pos;
    while (p < len) {
      const c = b[p];
      if (c === 0xff) {
        let run = 1;
        while (run < TI_ACK_PING_BYTES && p + run < len && b[p + run] === 0xff) run++;
        if (run === TI_ACK_PING_BYTES) {
          this.counters.ackPings++;
          p += run;
          continue;
        }
        if (p + run === len && !final) break; // the run may go on in the next chunk
        this.skip(run);
        p += run;
        continue;
      }
      if (c !== TI_MAGIC[0]) {
        let q = p + 1;
        while (q < len && b[q] !== TI_MAGIC[0] && b[q] !== 0xff) q++;
        this.skip(q - p);
        p = q;
        continue;
      }
      const m = magicAt(b, p, len);
      if (m === WAIT) {
        if (final) {
          this.skip(len - p);
          p = len;
        }
        break;
      }
      if (m === BAD) {
        this.skip(1);
        p++;
        continue;
      }
      const v = this.tryFrame(b, p, len, rx, atEnd, final);
      if (v === WAIT) break;
      if (v === BAD) {
        this.skip(1);
        p++;
        continue;
      }
      p += v;
    }
    return p;
  }

  /** Returns the frame length when a frame was emitted, else BAD or WAIT. */
  private tryFrame(b: Buffer, p: number, len: number, rx: ReceiveTime, atEnd: boolean, final: boolean): number {
    const avail = len - p;
    if (avail < MIN_FRAME_BYTES) {
      if (final) {
        this.countBad();
        return BAD;
      }
      return WAIT;
    }
    const total = b.readUInt32LE(p + 12);
    if (total < MIN_FRAME_BYTES || total > this.maxFrameBytes) {
      if (total > this.maxFrameBytes) this.counters.oversize++;
      this.countBad();
      return BAD;
    }
    // A magic starting inside is decisive even before the whole frame is here: it is cut short.
    const inner = innerMagic(b, p, total, len);
    if (inner === BAD) {
      this.countBad();
      return BAD;
    }
    if (inner === WAIT && !atEnd) return WAIT;
    if (avail < total) {
      if (final) {
        this.countBad();
        return BAD;
      }
      return WAIT;
    }
    const counts = { unknownTlvs: 0, badTlvs: 0 };
    const frame = parseTiFrame(b, p, total, rx, counts, this.slab);
    if (frame === null) {
      this.countBad();
      return BAD;
    }
    const c = this.counters;
    c.framesOk++;
    c.unknownTlvs += counts.unknownTlvs;
    c.unknownType += counts.unknownTlvs;
    c.badTlvs += counts.badTlvs;
    this.trackFrameNumber(frame.frameNumber);
    this.skipping = false;
    this.onFrame(frame);
    return total;
  }

  private trackFrameNumber(n: number): void {
    const last = this.lastFrameNumber;
    this.lastFrameNumber = n;
    if (last === undefined) return;
    const jump = (n - last - 1) >>> 0;
    // A sensor restart resets the count (a backwards jump): not loss.
    if (jump === 0 || jump >= 0x8000_0000) return;
    this.counters.frameNumberGaps++;
    this.counters.framesLost += jump;
  }

  /** Only a frame where one was expected is "bad"; while hunting, failed candidates are noise. */
  private countBad(): void {
    if (!this.skipping) this.counters.badFrames++;
  }

  private skip(n: number): void {
    if (n <= 0) return;
    this.counters.bytesSkipped += n;
    if (!this.skipping) {
      this.skipping = true;
      this.counters.resyncs++;
    }
  }
}

/** Is the magic at b[p]? WAIT when the bytes so far (to len) match but are too few. */
function magicAt(b: Buffer, p: number, len: number): number {
  const n = Math.min(MAGIC_LEN, len - p);
  for (let i = 0; i < n; i++) if (b[p + i] !== TI_MAGIC[i]) return BAD;
  return n === MAGIC_LEN ? OK : WAIT;
}

/**
 * BAD when a magic starts inside (p, p + total); WAIT when the bytes buffered (to len) end with
 * what could be the first bytes of one starting inside; OK otherwise.
 */
function innerMagic(b: Buffer, p: number, total: number, len: number): number {
  const end = p + total;
  if (b.subarray(0, Math.min(len, end + MAGIC_LEN - 1)).indexOf(MAGIC, p + 1) >= 0) return BAD;
  for (let s = Math.max(p + 1, len - MAGIC_LEN + 1); s < Math.min(end, len); s++) {
    let i = 0;
    while (s + i < len && b[s + i] === TI_MAGIC[i]) i++;
    if (s + i === len) return WAIT;
  }
  return OK;
}
