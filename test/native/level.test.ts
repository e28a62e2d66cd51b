import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLOT_COUNT, PLOT_ROW_MAX, PLOT_ROW_MIN, PLOT_STRIDE, type VideoArray } from '../../agent/src/detect/kernel-types.js';
import { both, native, reference } from './kernels.js';

/**
 * The level detector and the hit-frequency clutter map: native equals reference (the same hits,
 * the same map bytes, the same counts) on random processed video and parameters; and what each
 * is for, checked on small hand-made cases in both implementations.
 */

const RUNS = (n: number): number => Number(process.env.LOOKOUT_FAST_CHECK_RUNS ?? n);

type Dtype = 'u8' | 'u16' | 'f32';

/** Processed-looking video: mostly 0, runs of levels, some saturated; xorshift from a seed. */
function processedVideo(dtype: Dtype, n: number, seed: number, density: number): VideoArray {
  let s = seed >>> 0 || 1;
  const next = (): number => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
  const top = dtype === 'u8' ? 255 : dtype === 'u16' ? 4000 : 100;
  const v = dtype === 'u8' ? new Uint8Array(n) : dtype === 'u16' ? new Uint16Array(n) : new Float32Array(n);
  let run = 0;
  let value = 0;
  for (let i = 0; i < n; i++) {
    if (run === 0) {
      run = 1 + Math.floor(next() * 12);
      value = next() < density ? (next() < 0.4 ? top : Math.floor(next() * top) + (dtype === 'f32' ? next() : 0)) : 0;
    }
    v[i] = value;
    run--;
  }
  return v;
}

describe('level detection: native equals reference', () => {
  it('same hits on random processed video, levels and hysteresis', () => {
    fc.assert(
      fc.property(
        fc.record({
          dtype: fc.constantFrom<Dtype>('u8', 'u16', 'f32'),
          rows: fc.integer({ min: 1, max: 8 }),
          cols: fc.integer({ min: 1, max: 300 }),
          density: fc.double({ min: 0, max: 0.9, noNaN: true }),
          level: fc.double({ min: 0.01, max: 300, noNaN: true }),
          hystFrac: fc.option(fc.double({ min: 0.01, max: 1, noNaN: true }), { nil: undefined }),
          seed: fc.integer(),
        }),
        (c) => {
          const n = c.rows * c.cols;
          const video = processedVideo(c.dtype, n, c.seed, c.density);
          const opts = c.hystFrac === undefined ? { level: c.level } : { level: c.level, hysteresisLevel: c.level * c.hystFrac };
          const a = new Uint8Array(n);
          const b = new Uint8Array(n);
          expect(native.levelDetect(video, c.rows, c.cols, opts, a)).toBe(reference.levelDetect(video, c.rows, c.cols, opts, b));
          expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
        },
      ),
      { numRuns: RUNS(400) },
    );
  });

  it('same map bytes and hits over many turns, learning and frozen, with spreads and missing spokes', () => {
    fc.assert(
      fc.property(
        fc.record({
          spokes: fc.integer({ min: 1, max: 24 }),
          cols: fc.integer({ min: 1, max: 120 }),
          sector: fc.integer({ min: 1, max: 8 }),
          turns: fc.integer({ min: 1, max: 12 }),
          tc: fc.double({ min: 1, max: 200, noNaN: true }),
          threshold: fc.double({ min: 0.001, max: 1, noNaN: true }),
          density: fc.double({ min: 0, max: 0.9, noNaN: true }),
          spreadCells: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 12 })),
          spreadSpokes: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 })),
          missing: fc.boolean(),
          freezeAfter: fc.integer({ min: 0, max: 12 }),
          seed: fc.integer(),
        }),
        (c) => {
          const n = c.spokes * c.cols;
          const ma = new Uint8Array(n);
          const mb = new Uint8Array(n);
          const sa = new Uint32Array(1);
          const sb = new Uint32Array(1);
          for (let t = 0; t < c.turns; t++) {
            const video = processedVideo('u8', n, c.seed + t, c.density);
            for (let first = 0; first < c.spokes; first += c.sector) {
              const rows = Math.min(c.sector, c.spokes - first);
              const hits = Uint8Array.from(video.subarray(first * c.cols, (first + rows) * c.cols), (x) => (x > 0 ? 1 : 0));
              const present = c.missing ? Uint8Array.from({ length: rows }, (_, i) => ((i + t) % 3 === 0 ? 0 : 1)) : null;
              const opts = { firstSpoke: first, timeConstantTurns: c.tc, threshold: c.threshold, learn: c.freezeAfter === 0 || t < c.freezeAfter, spreadCells: c.spreadCells, spreadSpokes: c.spreadSpokes, present };
              const ha = hits.slice();
              const hb = hits.slice();
              expect(native.updateHitMap(ma, ha, rows, c.cols, opts, sa)).toBe(reference.updateHitMap(mb, hb, rows, c.cols, opts, sb));
              expect(Buffer.from(ha).equals(Buffer.from(hb))).toBe(true);
              expect(Buffer.from(ma).equals(Buffer.from(mb))).toBe(true);
            }
          }
          expect(sa[0]).toBe(sb[0]);
        },
      ),
      { numRuns: RUNS(200) },
    );
  });

  it('streamed extraction with a row cap (maxRows): the same plots', () => {
    fc.assert(
      fc.property(
        fc.record({
          rows: fc.integer({ min: 1, max: 60 }),
          cols: fc.integer({ min: 1, max: 40 }),
          density: fc.double({ min: 0, max: 0.9, noNaN: true }),
          maxRows: fc.integer({ min: 0, max: 20 }),
          sector: fc.integer({ min: 1, max: 9 }),
          seed: fc.integer(),
        }),
        (c) => {
          const n = c.rows * c.cols;
          const video = processedVideo('u8', n, c.seed, c.density);
          const mask = new Uint8Array(n);
          reference.levelDetect(video, c.rows, c.cols, { level: 1 }, mask);
          const streams = [native, reference].map((k) => {
            const ex = k.createPlotExtractor({ maxRows: c.maxRows });
            const got: number[] = [];
            const buf = new Float64Array(4 * PLOT_STRIDE);
            for (let r = 0; r < c.rows; r += c.sector) {
              const rr = Math.min(c.sector, c.rows - r);
              ex.push(mask.subarray(r * c.cols, (r + rr) * c.cols), video.subarray(r * c.cols, (r + rr) * c.cols), rr, c.cols, 77 + r);
              for (let m; (m = ex.take(buf)) > 0; ) got.push(...buf.subarray(0, m * PLOT_STRIDE));
            }
            ex.flush();
            for (let m; (m = ex.take(buf)) > 0; ) got.push(...buf.subarray(0, m * PLOT_STRIDE));
            return got;
          });
          expect(streams[0]).toEqual(streams[1]);
          // Every hit is in exactly one plot, and no plot spans more than maxRows rows.
          let cells = 0;
          for (let o = 0; o < streams[0]!.length; o += PLOT_STRIDE) {
            cells += streams[0]![o + PLOT_COUNT]!;
            if (c.maxRows > 0) expect(streams[0]![o + PLOT_ROW_MAX]! - streams[0]![o + PLOT_ROW_MIN]! + 1).toBeLessThanOrEqual(c.maxRows);
          }
          expect(cells).toBe(mask.reduce((a, x) => a + x, 0));
        },
      ),
      { numRuns: RUNS(300) },
    );
  });
});

describe.each(both)('level detection (%s)', (_name, k) => {
  it('hits at or above the level; hysteresis joins a fringe run to its core, not a run without one', () => {
    const v = Uint8Array.from([0, 17, 34, 255, 34, 17, 0, 34, 34, 0, 51, 0]);
    const out = new Uint8Array(v.length);
    expect(k.levelDetect(v, 1, v.length, { level: 51 }, out)).toBe(2);
    expect(Array.from(out)).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0]);
    expect(k.levelDetect(v, 1, v.length, { level: 51, hysteresisLevel: 17 }, out)).toBe(6);
    expect(Array.from(out)).toEqual([0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 0]);
    // A level between codes means the next code up; above the top code nothing is a hit.
    expect(k.levelDetect(v, 1, v.length, { level: 33.5 }, out)).toBe(6);
    expect(k.levelDetect(v, 1, v.length, { level: 256 }, out)).toBe(0);
  });

  it('bad arguments are TypeError / RangeError', () => {
    const v = new Uint8Array(8);
    const out = new Uint8Array(8);
    expect(() => k.levelDetect(v, 1, 8, { level: 0 }, out)).toThrow(RangeError);
    expect(() => k.levelDetect(v, 1, 8, { level: 5, hysteresisLevel: 6 }, out)).toThrow(RangeError);
    expect(() => k.levelDetect(v, 2, 8, { level: 5 }, out)).toThrow(RangeError);
    expect(() => k.levelDetect(v, 1, 8, { level: '5' } as never, out)).toThrow(TypeError);
    const ok = { firstSpoke: 0, timeConstantTurns: 5, threshold: 0.5 };
    expect(() => k.updateHitMap(new Uint8Array(4), new Uint8Array(3), 1, 4, ok)).toThrow(RangeError);
    expect(() => k.updateHitMap(new Uint8Array(6), new Uint8Array(4), 1, 4, ok)).toThrow(RangeError);
    expect(() => k.updateHitMap(new Uint8Array(8), new Uint8Array(4), 1, 4, { ...ok, firstSpoke: 2 })).toThrow(RangeError);
    expect(() => k.updateHitMap(new Uint8Array(4), new Uint8Array(4), 1, 4, { ...ok, timeConstantTurns: 0.5 })).toThrow(RangeError);
    expect(() => k.updateHitMap(new Uint8Array(4), new Uint8Array(4), 1, 4, { ...ok, threshold: 0 })).toThrow(RangeError);
    expect(() => k.updateHitMap(new Uint8Array(4), new Uint8Array(4), 1, 4, { ...ok, learn: 1 } as never)).toThrow(TypeError);
    expect(() => k.updateHitMap(new Uint8Array(4), new Uint8Array(4), 1, 4, { ...ok, present: new Uint8Array(2) })).toThrow(RangeError);
  });

  it('the hit map learns a cell hit every turn within a few turns, and not one hit for two turns', () => {
    // Two spokes of one cell: spoke 0 structure, hit every turn; spoke 1 a boat passing on turns 2 and 3.
    const map = new Uint8Array(2);
    const opts = { firstSpoke: 0, timeConstantTurns: 10, threshold: 0.3 };
    const left: number[] = [];
    for (let t = 0; t < 8; t++) {
      const hits = Uint8Array.from([1, t === 2 || t === 3 ? 1 : 0]);
      k.updateHitMap(map, hits, 2, 1, opts);
      left.push(hits[0]! + 10 * hits[1]!);
    }
    // 1 - 0.9^n >= 0.3 from n = 4: the structure's hit is cleared from the fifth turn on.
    expect(left).toEqual([1, 1, 11, 11, 0, 0, 0, 0]);
    expect(map[1]).toBeLessThan(77);
    // Frozen: the map does not move.
    const before = map.slice();
    k.updateHitMap(map, Uint8Array.from([0, 1]), 2, 1, { ...opts, learn: false });
    expect(Array.from(map)).toEqual(Array.from(before));
    // With a spread of one spoke, the boat beside the learnt structure is cleared too.
    const hits = Uint8Array.from([1, 1]);
    expect(k.updateHitMap(map, hits, 2, 1, { ...opts, spreadSpokes: 1, learn: false })).toBe(0);
  });
});
