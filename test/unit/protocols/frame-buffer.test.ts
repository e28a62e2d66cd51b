import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrameBuffer, type FrameScan } from '../../../agent/src/protocols/frame-buffer.js';

/** A toy protocol: frames of `n` bytes starting with 0xAA; other bytes are skipped. */
function toyScan(n: number, out: number[][], seen: Array<{ isChunk: boolean; carried: number }>, chunkRef: { current?: Uint8Array }): FrameScan<Uint8Array> {
  return (buf, pos, end, carried) => {
    seen.push({ isChunk: buf === chunkRef.current, carried });
    let p = pos;
    while (p < end) {
      if (buf[p] !== 0xaa) {
        p++;
        continue;
      }
      if (end - p < n) return p;
      out.push([...buf.subarray(p, p + n)]);
      p += n;
    }
    return p;
  };
}

function frames(count: number, n: number): Uint8Array {
  const b = new Uint8Array(count * n);
  for (let i = 0; i < count; i++) {
    b[i * n] = 0xaa;
    for (let k = 1; k < n; k++) b[i * n + k] = (i + k) % 0xaa;
  }
  return b;
}

describe('FrameBuffer', () => {
  it('gives the same frames for any chunking and holds at most one unfinished frame between pushes', () => {
    const n = 7;
    const bytes = frames(40, n);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 30 }), (cuts) => {
        const out: number[][] = [];
        const ref: { current?: Uint8Array } = {};
        const fb = new FrameBuffer(n);
        const scan = toyScan(n, out, [], ref);
        let prev = 0;
        for (const c of [...cuts, bytes.length].sort((a, b) => a - b)) {
          ref.current = bytes.subarray(prev, c);
          fb.push(ref.current, scan);
          expect(fb.length).toBeLessThanOrEqual(n);
          prev = c;
        }
        expect(out).toHaveLength(40);
        expect(out.map((f) => f[1])).toEqual(Array.from({ length: 40 }, (_, i) => (i + 1) % 0xaa));
        expect(fb.counters).toEqual({ bufferOverflows: 0, bufferOverflowBytes: 0 });
      }),
      { numRuns: 200 },
    );
  });

  it('scans a chunk where it lies when nothing is carried, and says how many carried bytes came before', () => {
    const n = 5;
    const out: number[][] = [];
    const seen: Array<{ isChunk: boolean; carried: number }> = [];
    const ref: { current?: Uint8Array } = {};
    const fb = new FrameBuffer(n);
    const scan = toyScan(n, out, seen, ref);
    const bytes = frames(3, n);
    ref.current = bytes.subarray(0, 12); // two frames and 2 bytes of the third
    fb.push(ref.current, scan);
    expect(seen).toEqual([{ isChunk: true, carried: 0 }]);
    expect(fb.length).toBe(2);
    ref.current = bytes.subarray(12);
    fb.push(ref.current, scan);
    // The pending frame is finished in the buffer, then the rest is scanned in the chunk itself.
    expect(seen.slice(1)).toEqual([{ isChunk: false, carried: 2 }, { isChunk: true, carried: 0 }]);
    expect(out).toHaveLength(3);
    expect(fb.length).toBe(0);
  });

  it('stays bounded under a scan that never finishes a frame, counting what it drops', () => {
    const fb = new FrameBuffer(10);
    const never: FrameScan<Uint8Array> = (_b, pos) => pos;
    fb.push(new Uint8Array(25), never);
    expect(fb.length).toBe(10);
    expect(fb.counters).toEqual({ bufferOverflows: 1, bufferOverflowBytes: 15 });
    fb.push(new Uint8Array(3), never);
    expect(fb.length).toBe(10);
    expect(fb.counters.bufferOverflowBytes).toBe(18);
    fb.rescan(never);
    expect(fb.clear()).toBe(10);
    expect(fb.length).toBe(0);
  });

  it('writes its counters where it is told, rescans what it holds, and refuses misuse', () => {
    const counters = { bufferOverflows: 0, bufferOverflowBytes: 0, other: 1 };
    const fb = new FrameBuffer(4, counters);
    expect(fb.counters).toBe(counters);
    fb.push(Uint8Array.from([1, 2, 3]), (_b, pos) => pos);
    const got: number[] = [];
    fb.rescan((b, pos, end, carried) => {
      got.push(...b.subarray(pos, end), carried);
      return end - 1;
    });
    expect(got).toEqual([1, 2, 3, 3]);
    expect(fb.length).toBe(1);
    expect(() => fb.push(Uint8Array.from([9]), (_b, _pos, end) => end + 1)).toThrow(RangeError);
    expect(() => new FrameBuffer(0)).toThrow(RangeError);
    expect(() => new FrameBuffer(1.5)).toThrow(RangeError);
    expect(() => new FrameBuffer(4, undefined, () => new Uint8Array(3))).toThrow(TypeError);
    const buf = new FrameBuffer(4, undefined, (n) => Buffer.alloc(n));
    buf.push(Buffer.from([1, 2]), (b, pos) => {
      expect(Buffer.isBuffer(b)).toBe(true);
      return pos;
    });
  });
});
