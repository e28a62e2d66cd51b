import { describe, expect, it } from 'vitest';
import { both } from './kernels.js';

/** Every bad argument is a TypeError or RangeError with a message, in both implementations. */

const u8 = new Uint8Array(64);
const ok1 = { method: 'ca', guard: 1, train: 4, scale: 5 };
const ok2 = { method: 'ca', guardRange: 1, guardDoppler: 1, trainRange: 1, trainDoppler: 1, scale: 5 };

type Case = [string, 'TypeError' | 'RangeError', (k: (typeof both)[number][1]) => unknown];

const cases: Case[] = [
  ['cfar1d input not a typed array', 'TypeError', (k) => k.cfar1d([1, 2, 3] as unknown as Uint8Array, 1, 3, ok1 as never, new Uint8Array(3))],
  ['cfar1d input Int16Array', 'TypeError', (k) => k.cfar1d(new Int16Array(64) as unknown as Uint8Array, 1, 64, ok1 as never, new Uint8Array(64))],
  ['cfar1d rows not a number', 'TypeError', (k) => k.cfar1d(u8, '1' as unknown as number, 64, ok1 as never, new Uint8Array(64))],
  ['cfar1d rows 0', 'RangeError', (k) => k.cfar1d(u8, 0, 64, ok1 as never, new Uint8Array(64))],
  ['cfar1d cols negative', 'RangeError', (k) => k.cfar1d(u8, 1, -64, ok1 as never, new Uint8Array(64))],
  ['cfar1d rows NaN', 'RangeError', (k) => k.cfar1d(u8, NaN, 64, ok1 as never, new Uint8Array(64))],
  ['cfar1d rows 1.5', 'RangeError', (k) => k.cfar1d(u8, 1.5, 64, ok1 as never, new Uint8Array(64))],
  ['cfar1d rows x cols != length', 'RangeError', (k) => k.cfar1d(u8, 2, 64, ok1 as never, new Uint8Array(128))],
  ['cfar1d out wrong length', 'RangeError', (k) => k.cfar1d(u8, 1, 64, ok1 as never, new Uint8Array(63))],
  ['cfar1d out not Uint8Array', 'TypeError', (k) => k.cfar1d(u8, 1, 64, ok1 as never, new Float32Array(64) as unknown as Uint8Array)],
  ['cfar1d options null', 'TypeError', (k) => k.cfar1d(u8, 1, 64, null as never, new Uint8Array(64))],
  ['cfar1d method unknown', 'RangeError', (k) => k.cfar1d(u8, 1, 64, { ...ok1, method: 'xx' } as never, new Uint8Array(64))],
  ['cfar1d method not a string', 'TypeError', (k) => k.cfar1d(u8, 1, 64, { ...ok1, method: 3 } as never, new Uint8Array(64))],
  ['cfar1d guard negative', 'RangeError', (k) => k.cfar1d(u8, 1, 64, { ...ok1, guard: -1 } as never, new Uint8Array(64))],
  ['cfar1d train 0', 'RangeError', (k) => k.cfar1d(u8, 1, 64, { ...ok1, train: 0 } as never, new Uint8Array(64))],
  ['cfar1d train missing', 'TypeError', (k) => k.cfar1d(u8, 1, 64, { method: 'ca', guard: 1, scale: 5 } as never, new Uint8Array(64))],
  ['cfar1d window does not fit', 'RangeError', (k) => k.cfar1d(u8, 1, 64, { ...ok1, guard: 10, train: 22 } as never, new Uint8Array(64))],
  ['cfar1d os k missing', 'TypeError', (k) => k.cfar1d(u8, 1, 64, { ...ok1, method: 'os' } as never, new Uint8Array(64))],
  ['cfar1d os k 0', 'RangeError', (k) => k.cfar1d(u8, 1, 64, { ...ok1, method: 'os', k: 0 } as never, new Uint8Array(64))],
  ['cfar1d os k > N', 'RangeError', (k) => k.cfar1d(u8, 1, 64, { ...ok1, method: 'os', k: 9 } as never, new Uint8Array(64))],
  ['cfar1d scale 0', 'RangeError', (k) => k.cfar1d(u8, 1, 64, { ...ok1, scale: 0 } as never, new Uint8Array(64))],
  ['cfar1d scale NaN', 'RangeError', (k) => k.cfar1d(u8, 1, 64, { ...ok1, scale: NaN } as never, new Uint8Array(64))],
  ['cfar1d scale Infinity', 'RangeError', (k) => k.cfar1d(u8, 1, 64, { ...ok1, scale: Infinity } as never, new Uint8Array(64))],
  ['cfar1d scale 0 in float32', 'RangeError', (k) => k.cfar1d(u8, 1, 64, { ...ok1, scale: 1e-50 } as never, new Uint8Array(64))],
  ['cfar1d scale +inf in float32', 'RangeError', (k) => k.cfar1d(u8, 1, 64, { ...ok1, method: 'os', k: 4, scale: 1e39 } as never, new Uint8Array(64))],
  ['cfar1d lut wrong length', 'RangeError', (k) => k.cfar1d(u8, 1, 64, { ...ok1, lut: new Float32Array(255) } as never, new Uint8Array(64))],
  ['cfar1d lut wrong type', 'TypeError', (k) => k.cfar1d(u8, 1, 64, { ...ok1, lut: new Float64Array(256) } as never, new Uint8Array(64))],
  ['cfar1d lut with f32 video', 'TypeError', (k) => k.cfar1d(new Float32Array(64), 1, 64, { ...ok1, lut: new Float32Array(256) } as never, new Uint8Array(64))],
  ['cfar1d minThreshold negative', 'RangeError', (k) => k.cfar1d(u8, 1, 64, { ...ok1, minThreshold: -1 } as never, new Uint8Array(64))],
  ['cfar1d minThreshold NaN', 'RangeError', (k) => k.cfar1d(u8, 1, 64, { ...ok1, minThreshold: NaN } as never, new Uint8Array(64))],
  ['cfar1d clutterMap wrong length', 'RangeError', (k) => k.cfar1d(u8, 1, 64, { ...ok1, clutterMap: new Float32Array(3) } as never, new Uint8Array(64))],
  ['cfar1d clutterMap wrong type', 'TypeError', (k) => k.cfar1d(u8, 1, 64, { ...ok1, clutterMap: new Uint8Array(64) } as never, new Uint8Array(64))],
  ['cfar1dAsync bad rows throws at once', 'RangeError', (k) => k.cfar1dAsync(u8, 0, 64, ok1 as never, new Uint8Array(64))],
  ['cfar2d method go', 'RangeError', (k) => k.cfar2d(u8, 8, 8, { ...ok2, method: 'go' } as never, new Uint8Array(64))],
  ['cfar2d range window does not fit', 'RangeError', (k) => k.cfar2d(u8, 8, 8, { ...ok2, trainRange: 3 } as never, new Uint8Array(64))],
  ['cfar2d Doppler window does not fit', 'RangeError', (k) => k.cfar2d(u8, 8, 8, { ...ok2, trainDoppler: 3 } as never, new Uint8Array(64))],
  ['cfar2d no training cells', 'RangeError', (k) => k.cfar2d(u8, 8, 8, { ...ok2, trainRange: 0, trainDoppler: 0 } as never, new Uint8Array(64))],
  ['cfar2d os k too large', 'RangeError', (k) => k.cfar2d(u8, 8, 8, { ...ok2, method: 'os', k: 17 } as never, new Uint8Array(64))],
  ['cfar2d guard not a number', 'TypeError', (k) => k.cfar2d(u8, 8, 8, { ...ok2, guardRange: '1' } as never, new Uint8Array(64))],
  ['cfar2dAsync pfa-like scale 0', 'RangeError', (k) => k.cfar2dAsync(u8, 8, 8, { ...ok2, scale: 0 } as never, new Uint8Array(64))],
  ['applyMask lengths differ', 'RangeError', (k) => k.applyMask(new Uint8Array(4), new Uint8Array(5))],
  ['applyMask not Uint8Array', 'TypeError', (k) => k.applyMask(new Uint8Array(4), new Uint16Array(4) as unknown as Uint8Array)],
  ['updateClutterMap weight 0', 'RangeError', (k) => k.updateClutterMap(new Float32Array(4), new Uint8Array(4), null, 0)],
  ['updateClutterMap weight 2', 'RangeError', (k) => k.updateClutterMap(new Float32Array(4), new Uint8Array(4), null, 2)],
  ['updateClutterMap lengths differ', 'RangeError', (k) => k.updateClutterMap(new Float32Array(4), new Uint8Array(5), null, 0.5)],
  ['updateClutterMap map not Float32Array', 'TypeError', (k) => k.updateClutterMap(new Float64Array(4) as unknown as Float32Array, new Uint8Array(4), null, 0.5)],
  ['extractPlots mask wrong length', 'RangeError', (k) => k.extractPlots(new Uint8Array(3), u8, 8, 8, {}, new Float64Array(90))],
  ['extractPlots out not Float64Array', 'TypeError', (k) => k.extractPlots(new Uint8Array(64), u8, 8, 8, {}, new Float32Array(90) as unknown as Float64Array)],
  ['extractPlots minCells 0', 'RangeError', (k) => k.extractPlots(new Uint8Array(64), u8, 8, 8, { minCells: 0 }, new Float64Array(90))],
  ['extractPlots maxCells < minCells', 'RangeError', (k) => k.extractPlots(new Uint8Array(64), u8, 8, 8, { minCells: 5, maxCells: 4 }, new Float64Array(90))],
  ['extractPlots lut for u16 video of 256', 'RangeError', (k) => k.extractPlots(new Uint8Array(64), new Uint16Array(64), 8, 8, { lut: new Float32Array(256) }, new Float64Array(90))],
  ['createPlotExtractor options missing', 'TypeError', (k) => k.createPlotExtractor(undefined as never)],
  ['createPlotExtractor lut of 100', 'RangeError', (k) => k.createPlotExtractor({ lut: new Float32Array(100) })],
  ['PlotExtractor.push firstRow negative', 'RangeError', (k) => k.createPlotExtractor({}).push(new Uint8Array(64), u8, 8, 8, -1)],
  ['PlotExtractor.push firstRow 0.5', 'RangeError', (k) => k.createPlotExtractor({}).push(new Uint8Array(64), u8, 8, 8, 0.5)],
  ['PlotExtractor.push video wrong length', 'RangeError', (k) => k.createPlotExtractor({}).push(new Uint8Array(64), new Uint8Array(3), 8, 8, 0)],
  ['PlotExtractor.push lut with f32 video', 'TypeError', (k) => k.createPlotExtractor({ lut: new Float32Array(256) }).push(new Uint8Array(64), new Float32Array(64), 8, 8, 0)],
  ['PlotExtractor.take out not Float64Array', 'TypeError', (k) => k.createPlotExtractor({}).take(new Float32Array(9) as unknown as Float64Array)],
];

describe.each(both)('bad arguments (%s)', (_name, kernels) => {
  it.each(cases)('%s -> %s', (_label, kind, call) => {
    let thrown: unknown;
    try {
      const r = call(kernels);
      if (r instanceof Promise) r.catch(() => {});
    } catch (err) {
      thrown = err;
    }
    expect(thrown, 'expected a throw').toBeInstanceOf(Error);
    expect((thrown as Error).name).toBe(kind);
    expect((thrown as Error).message.length).toBeGreaterThan(5);
  });

  it('async variants resolve to the same counts as sync', async () => {
    const input = new Float32Array(4 * 64).map((_, i) => (i % 17 === 0 ? 100 : 1));
    const a = new Uint8Array(256);
    const b = new Uint8Array(256);
    const n = kernels.cfar1d(input, 4, 64, ok1 as never, a);
    await expect(kernels.cfar1dAsync(input, 4, 64, ok1 as never, b)).resolves.toBe(n);
    expect(n).toBeGreaterThan(0);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const m = new Uint8Array(64);
    const n2 = kernels.cfar2d(input.subarray(0, 64), 8, 8, ok2 as never, m);
    await expect(kernels.cfar2dAsync(input.subarray(0, 64), 8, 8, ok2 as never, new Uint8Array(64))).resolves.toBe(n2);
    const plots = new Float64Array(90);
    await expect(kernels.extractPlotsAsync(a, input, 4, 64, { wrap: true }, plots)).resolves.toBe(kernels.extractPlots(a, input, 4, 64, { wrap: true }, new Float64Array(90)));
  });
});
