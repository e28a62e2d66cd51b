import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLOT_STRIDE, type Cfar1dMethod, type Cfar1dOptions, type Cfar2dOptions, type VideoArray } from '../../agent/src/detect/kernel-types.js';
import { buildLut } from '../../agent/src/detect/lut.js';
import { native, reference } from './kernels.js';

/**
 * Native equals reference: the same detections bit for bit (integer and f32 video alike, since
 * both do the same float32/float64 operations in the same order) and the same plots.
 */

type Dtype = 'u8' | 'u16' | 'f32';

/** native/valgrind.sh runs fewer cases (memcheck slows node about 30 times). */
const RUNS = (n: number): number => Number(process.env.LOOKOUT_FAST_CHECK_RUNS ?? n);

/** Runs the 1-D CFAR in both implementations: the same count and the same cells, bit for bit. */
function expectSameCfar1d(input: VideoArray, rows: number, cols: number, opts: Cfar1dOptions): void {
  const a = new Uint8Array(rows * cols);
  const b = new Uint8Array(rows * cols);
  expect(native.cfar1d(input, rows, cols, opts, a)).toBe(reference.cfar1d(input, rows, cols, opts, b));
  expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
}

/** The same for the 2-D CFAR. */
function expectSameCfar2d(input: VideoArray, rows: number, cols: number, opts: Cfar2dOptions): void {
  const a = new Uint8Array(rows * cols);
  const b = new Uint8Array(rows * cols);
  expect(native.cfar2d(input, rows, cols, opts, a)).toBe(reference.cfar2d(input, rows, cols, opts, b));
  expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
}

/** Reference cells of a 2-D window. */
const refCells = (gr: number, gd: number, tr: number, td: number): number => (2 * (gr + tr) + 1) * (2 * (gd + td) + 1) - (2 * gr + 1) * (2 * gd + 1);

function makeVideo(dtype: Dtype, n: number, seed: number, spiky: boolean): VideoArray {
  let s = seed >>> 0 || 1;
  const next = (): number => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
  const v = dtype === 'u8' ? new Uint8Array(n) : dtype === 'u16' ? new Uint16Array(n) : new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const e = -Math.log(1 - next());
    const x = spiky && next() < 0.02 ? e * 200 : e;
    if (dtype === 'f32') v[i] = x;
    else if (dtype === 'u8') v[i] = Math.min(255, Math.round(40 + 10 * Math.log10(x + 1e-9) * 4));
    else v[i] = Math.min(65535, Math.round(x * 100));
  }
  return v;
}

const cfarCase = fc.record({
  dtype: fc.constantFrom<Dtype>('u8', 'u16', 'f32'),
  method: fc.constantFrom<Cfar1dMethod>('ca', 'go', 'so', 'os'),
  rows: fc.integer({ min: 1, max: 6 }),
  cols: fc.integer({ min: 3, max: 300 }),
  guard: fc.integer({ min: 0, max: 6 }),
  train: fc.integer({ min: 1, max: 40 }),
  kFrac: fc.double({ min: 0, max: 1, noNaN: true }),
  scale: fc.double({ min: 0.01, max: 40, noNaN: true }),
  useLut: fc.boolean(),
  logLut: fc.boolean(),
  minThreshold: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 50, noNaN: true })),
  clutter: fc.boolean(),
  seed: fc.integer(),
  spiky: fc.boolean(),
});

describe('native equals reference', () => {
  it('1-D CFAR: same detections on random video and parameters', () => {
    fc.assert(
      fc.property(cfarCase, (c) => {
        const train = Math.max(1, Math.min(c.train, Math.floor((c.cols - 1) / 2) - c.guard));
        fc.pre(2 * (c.guard + train) + 1 <= c.cols);
        const n = c.rows * c.cols;
        const input = makeVideo(c.dtype, n, c.seed, c.spiky);
        const lut = c.useLut && c.dtype !== 'f32' ? buildLut(c.logLut ? { type: 'log', dbPerCount: 0.25, zeroCountDb: -24 } : { type: 'linear' }, c.dtype === 'u8' ? 8 : 16) : null;
        const clutterMap = c.clutter ? (makeVideo('f32', n, c.seed + 1, false) as Float32Array) : null;
        const opts = {
          method: c.method,
          guard: c.guard,
          train,
          k: 1 + Math.floor(c.kFrac * (2 * train - 1)),
          scale: c.scale,
          lut,
          minThreshold: c.minThreshold,
          clutterMap,
          clutterScale: 2,
        };
        expectSameCfar1d(input, c.rows, c.cols, opts);
      }),
      { numRuns: RUNS(400) },
    );
  });

  it('1-D OS on u8 with a non-monotone table takes the generic path and still agrees', () => {
    const lut = new Float32Array(256);
    for (let i = 0; i < 256; i++) lut[i] = (i * 37) % 101;
    const input = makeVideo('u8', 4 * 200, 7, true);
    const opts = { method: 'os' as const, guard: 2, train: 12, k: 18, scale: 3, lut };
    expectSameCfar1d(input, 4, 200, opts);
  });

  it('1-D OS on 8-bit video: log tables (a shift in codes), linear and none, every k, several scales and floors', () => {
    const input = makeVideo('u8', 6 * 150, 11, true);
    const tables = [
      buildLut({ type: 'log', dbPerCount: 0.25, zeroCountDb: -24 }, 8),
      buildLut({ type: 'log', dbPerCount: 0.5, zeroCountDb: -40 }, 8),
      buildLut({ type: 'linear' }, 8),
      null,
    ];
    for (const lut of tables) {
      for (let k = 1; k <= 16; k++) {
        for (const scale of [0.7, 1, 2.5, 6.5024, 40]) {
          for (const minThreshold of [0, 3]) {
            const opts = { method: 'os' as const, guard: 1, train: 8, k, scale, lut, minThreshold };
            expectSameCfar1d(input, 6, 150, opts);
          }
        }
      }
    }
  });

  it('2-D CFAR: same detections on random maps and parameters', () => {
    fc.assert(
      fc.property(
        fc.record({
          dtype: fc.constantFrom<Dtype>('u8', 'u16', 'f32'),
          method: fc.constantFrom<'ca' | 'os'>('ca', 'os'),
          rows: fc.integer({ min: 3, max: 40 }),
          cols: fc.integer({ min: 3, max: 40 }),
          gr: fc.integer({ min: 0, max: 3 }),
          gd: fc.integer({ min: 0, max: 3 }),
          tr: fc.integer({ min: 0, max: 6 }),
          td: fc.integer({ min: 0, max: 6 }),
          kFrac: fc.double({ min: 0, max: 1, noNaN: true }),
          scale: fc.double({ min: 0.01, max: 40, noNaN: true }),
          minThreshold: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 50, noNaN: true })),
          seed: fc.integer(),
        }),
        (c) => {
          fc.pre(2 * (c.gr + c.tr) + 1 <= c.rows && 2 * (c.gd + c.td) + 1 <= c.cols && (c.tr > 0 || c.td > 0));
          const nRef = refCells(c.gr, c.gd, c.tr, c.td);
          const n = c.rows * c.cols;
          const input = makeVideo(c.dtype, n, c.seed, true);
          const opts = { method: c.method, guardRange: c.gr, guardDoppler: c.gd, trainRange: c.tr, trainDoppler: c.td, k: 1 + Math.floor(c.kFrac * (nRef - 1)), scale: c.scale, minThreshold: c.minThreshold };
          expectSameCfar2d(input, c.rows, c.cols, opts);
        },
      ),
      { numRuns: RUNS(300) },
    );
  });

  // Values where a shortcut could part from the reference's sort-and-pick: NaN (ordered as
  // +inf), infinities, negatives, signed zeros, ties; the smallest and largest scales
  // (float32's in 1-D, where kf x power is float32 and can be 0 or +inf); tables with
  // plateaus, zeros and +inf; NaN clutter levels.
  const awkward = fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 1e-30, 0.5, 1, 1, 2, 3, 100, -1, 3.4e38);
  const awkwardScale = fc.constantFrom(2 ** -149, 1e-40, 0.5, 3, 1e30, 3.4028234663852886e38);
  const awkwardScale2d = fc.constantFrom(1e-320, 1e-40, 0.5, 3, 1e30, 1e300);
  const awkwardLut = (kind: number): Float32Array => {
    const lut = new Float32Array(256);
    for (let i = 0; i < 256; i++) lut[i] = kind === 0 ? 0 : kind === 1 ? Math.floor(i / 16) : kind === 2 ? (i < 250 ? i * i : Infinity) : -10 + i;
    return lut;
  };

  it('1-D CFAR on awkward values and scales: same detections', () => {
    fc.assert(
      fc.property(
        fc.record({
          method: fc.constantFrom<Cfar1dMethod>('os', 'os', 'ca', 'go', 'so'),
          u8: fc.boolean(),
          lutKind: fc.integer({ min: -1, max: 3 }),
          cols: fc.integer({ min: 3, max: 120 }),
          rows: fc.integer({ min: 1, max: 3 }),
          guard: fc.integer({ min: 0, max: 3 }),
          train: fc.integer({ min: 1, max: 20 }),
          kFrac: fc.double({ min: 0, max: 1, noNaN: true }),
          scale: awkwardScale,
          minThreshold: fc.constantFrom(0, 0.5, 1e-45, 3.4e38, 1e300),
          clutter: fc.boolean(),
          values: fc.array(awkward, { minLength: 360, maxLength: 360 }),
          codes: fc.uint8Array({ minLength: 360, maxLength: 360 }),
          clutterValues: fc.array(awkward, { minLength: 360, maxLength: 360 }),
        }),
        (c) => {
          const train = Math.max(1, Math.min(c.train, Math.floor((c.cols - 1) / 2) - c.guard));
          fc.pre(2 * (c.guard + train) + 1 <= c.cols);
          const n = c.rows * c.cols;
          const input = c.u8 ? c.codes.slice(0, n) : Float32Array.from(c.values.slice(0, n));
          const opts = {
            method: c.method,
            guard: c.guard,
            train,
            k: 1 + Math.floor(c.kFrac * (2 * train - 1)),
            scale: c.scale,
            lut: c.u8 && c.lutKind >= 0 ? awkwardLut(c.lutKind) : null,
            minThreshold: c.minThreshold,
            clutterMap: c.clutter ? Float32Array.from(c.clutterValues.slice(0, n)) : null,
            clutterScale: 2,
          };
          expectSameCfar1d(input, c.rows, c.cols, opts);
        },
      ),
      { numRuns: RUNS(400) },
    );
  });

  it('2-D CFAR on awkward values and scales: same detections', () => {
    fc.assert(
      fc.property(
        fc.record({
          method: fc.constantFrom<'ca' | 'os'>('ca', 'os'),
          rows: fc.integer({ min: 3, max: 14 }),
          cols: fc.integer({ min: 3, max: 20 }),
          gr: fc.integer({ min: 0, max: 2 }),
          gd: fc.integer({ min: 0, max: 2 }),
          tr: fc.integer({ min: 0, max: 3 }),
          td: fc.integer({ min: 0, max: 3 }),
          kFrac: fc.double({ min: 0, max: 1, noNaN: true }),
          scale: awkwardScale2d,
          minThreshold: fc.constantFrom(0, 0.5, 1e-45, 3.4e38, 1e300),
          values: fc.array(awkward, { minLength: 280, maxLength: 280 }),
        }),
        (c) => {
          fc.pre(2 * (c.gr + c.tr) + 1 <= c.rows && 2 * (c.gd + c.td) + 1 <= c.cols && (c.tr > 0 || c.td > 0));
          const nRef = refCells(c.gr, c.gd, c.tr, c.td);
          const n = c.rows * c.cols;
          const input = Float32Array.from(c.values.slice(0, n));
          const opts = { method: c.method, guardRange: c.gr, guardDoppler: c.gd, trainRange: c.tr, trainDoppler: c.td, k: 1 + Math.floor(c.kFrac * (nRef - 1)), scale: c.scale, minThreshold: c.minThreshold };
          expectSameCfar2d(input, c.rows, c.cols, opts);
        },
      ),
      { numRuns: RUNS(400) },
    );
  });

  it('plot extraction: same plots, whole turns with wrap and streamed in sectors', () => {
    fc.assert(
      fc.property(
        fc.record({
          rows: fc.integer({ min: 1, max: 40 }),
          cols: fc.integer({ min: 1, max: 60 }),
          density: fc.double({ min: 0, max: 0.6, noNaN: true }),
          dtype: fc.constantFrom<Dtype>('u8', 'u16', 'f32'),
          wrap: fc.boolean(),
          minCells: fc.integer({ min: 1, max: 3 }),
          maxCells: fc.integer({ min: 3, max: 400 }),
          sector: fc.integer({ min: 1, max: 9 }),
          seed: fc.integer(),
        }),
        (c) => {
          const n = c.rows * c.cols;
          const video = makeVideo(c.dtype, n, c.seed, false);
          const coin = makeVideo('f32', n, c.seed ^ 0x55, false) as Float32Array;
          const mask = new Uint8Array(n);
          for (let i = 0; i < n; i++) mask[i] = 1 - Math.exp(-coin[i]!) < c.density ? 1 + (i % 3) : 0;
          const opts = { wrap: c.wrap, minCells: c.minCells, maxCells: c.maxCells };
          const a = new Float64Array(n * PLOT_STRIDE);
          const b = new Float64Array(n * PLOT_STRIDE);
          const na = native.extractPlots(mask, video, c.rows, c.cols, opts, a);
          const nb = reference.extractPlots(mask, video, c.rows, c.cols, opts, b);
          expect(na).toBe(nb);
          expect(Array.from(a.subarray(0, na * PLOT_STRIDE))).toEqual(Array.from(b.subarray(0, nb * PLOT_STRIDE)));
          // Streamed in sectors from an arbitrary first row: the same plots as one call.
          const streams = [native, reference].map((k) => {
            const ex = k.createPlotExtractor({ minCells: c.minCells, maxCells: c.maxCells });
            const got: number[] = [];
            const buf = new Float64Array(3 * PLOT_STRIDE);
            for (let r = 0; r < c.rows; r += c.sector) {
              const rr = Math.min(c.sector, c.rows - r);
              ex.push(mask.subarray(r * c.cols, (r + rr) * c.cols), video.subarray(r * c.cols, (r + rr) * c.cols), rr, c.cols, 1000 + r);
              for (let m; (m = ex.take(buf)) > 0; ) got.push(...buf.subarray(0, m * PLOT_STRIDE));
            }
            ex.flush();
            for (let m; (m = ex.take(buf)) > 0; ) got.push(...buf.subarray(0, m * PLOT_STRIDE));
            return got;
          });
          expect(streams[0]).toEqual(streams[1]);
          if (!c.wrap) expect(streams[0]!.length).toBe(na * PLOT_STRIDE);
        },
      ),
      { numRuns: RUNS(300) },
    );
  });

  it('clutter map update and mask application agree', () => {
    const input = makeVideo('u8', 5000, 3, true);
    const lut = buildLut({ type: 'log', dbPerCount: 0.25, zeroCountDb: -24 }, 8);
    const a = new Float32Array(5000).fill(1);
    const b = new Float32Array(5000).fill(1);
    for (const w of [1, 0.5, 0.1, 0.01]) {
      native.updateClutterMap(a, input, lut, w);
      reference.updateClutterMap(b, input, lut, w);
    }
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
    const det = (makeVideo('u8', 5000, 4, false) as Uint8Array).map((x) => (x > 45 ? 1 : 0));
    const blank = (makeVideo('u8', 5000, 5, false) as Uint8Array).map((x) => (x > 40 ? 1 : 0));
    const d1 = det.slice();
    const d2 = det.slice();
    expect(native.applyMask(d1, blank)).toBe(reference.applyMask(d2, blank));
    expect(Buffer.from(d1).equals(Buffer.from(d2))).toBe(true);
  });
});
