/**
 * The bounded buffer every streaming decoder keeps between pushes: the bytes of one unfinished
 * frame. A chunk is scanned where it lies (no copy on the hot path); only its unfinished tail is
 * copied here, and the next chunk's head is appended to it until the pending frame is settled,
 * after which scanning goes back to the chunk itself.
 *
 * The decoder's scan function says how far it got: `scan(buf, pos, end, carried)` decodes the
 * frames in buf[pos, end) and returns where the unfinished one starts (end when none is).
 * `carried` is how many bytes at the start of `buf` arrived in earlier pushes (0 when `buf` is
 * the chunk). A scan never leaves more than `maxHeldBytes`; if one does, the oldest bytes are
 * dropped and counted (`bufferOverflows`, `bufferOverflowBytes`), so memory stays bounded whatever the scan.
 */

export type FrameScan<B extends Uint8Array> = (buf: B, pos: number, end: number, carried: number) => number;

/** Where a FrameBuffer counts what it had to drop (a decoder's counters; see DecoderCounters). */
export interface OverflowCounters {
  /** Times a scan left more than the buffer holds. */
  bufferOverflows: number;
  /** Bytes dropped for it (not counted in bytesSkipped). */
  bufferOverflowBytes: number;
}

export class FrameBuffer<B extends Uint8Array = Uint8Array> {
  /** Most bytes held between pushes: one unfinished frame. */
  readonly maxHeldBytes: number;
  readonly counters: OverflowCounters;
  private readonly carry: B;
  private held = 0;

  /**
   * `maxHeldBytes`: the longest unfinished frame a scan may leave. The buffer is twice that: a
   * pending frame plus enough of the next chunk to settle it. `counters`: where overflows are
   * counted (default its own). `alloc` makes the buffer (a Buffer for decoders that use Buffer
   * methods); default a Uint8Array.
   */
  constructor(
    maxHeldBytes: number,
    counters: OverflowCounters = { bufferOverflows: 0, bufferOverflowBytes: 0 },
    alloc: (bytes: number) => B = (n) => new Uint8Array(n) as B,
  ) {
    if (!Number.isInteger(maxHeldBytes) || maxHeldBytes < 1 || maxHeldBytes > 2 ** 30) {
      throw new RangeError(`maxHeldBytes must be an integer in 1..2^30, got ${String(maxHeldBytes)}`);
    }
    this.maxHeldBytes = maxHeldBytes;
    this.counters = counters;
    this.carry = alloc(2 * maxHeldBytes);
    if (!(this.carry instanceof Uint8Array) || this.carry.length !== 2 * maxHeldBytes) throw new TypeError('FrameBuffer: alloc must return a Uint8Array of the asked length');
  }

  /** Bytes held now (at most maxHeldBytes between pushes). */
  get length(): number {
    return this.held;
  }

  push(chunk: B, scan: FrameScan<B>): void {
    const carry = this.carry;
    let ci = 0;
    // Bytes at the start of the carry that came before this chunk.
    let earlier = this.held;
    while (this.held > 0) {
      if (ci >= chunk.length) return;
      const take = Math.min(chunk.length - ci, carry.length - this.held);
      carry.set(chunk.subarray(ci, ci + take), this.held);
      const old = this.held;
      const end = old + take;
      ci += take;
      const p = this.bounded(scan(carry, 0, end, earlier), end);
      earlier = Math.max(0, earlier - p);
      if (p >= old) {
        // Past the carried bytes: what is left of the pending frame is still in the chunk.
        ci -= end - p;
        this.held = 0;
        break;
      }
      carry.copyWithin(0, p, end);
      this.held = end - p;
    }
    const p = this.bounded(scan(chunk, ci, chunk.length, 0), chunk.length);
    carry.set(chunk.subarray(p), 0);
    this.held = chunk.length - p;
  }

  /** Scans the held bytes again (an idle link's flush, or the end with a final scan) and keeps what it leaves. */
  rescan(scan: FrameScan<B>): void {
    if (this.held === 0) return;
    const end = this.held;
    const p = this.bounded(scan(this.carry, 0, end, end), end);
    this.carry.copyWithin(0, p, end);
    this.held = end - p;
  }

  /** Drops what is held; returns how many bytes that was. */
  clear(): number {
    const n = this.held;
    this.held = 0;
    return n;
  }

  /** Where to keep from: the scan's answer, moved up so that at most maxHeldBytes stay. */
  private bounded(p: number, end: number): number {
    if (!(p <= end)) throw new RangeError(`FrameBuffer: a scan returned ${p}, past the end ${end}`);
    if (end - p <= this.maxHeldBytes) return p;
    const keepFrom = end - this.maxHeldBytes;
    this.counters.bufferOverflows++;
    this.counters.bufferOverflowBytes += keepFrom - p;
    return keepFrom;
  }
}
