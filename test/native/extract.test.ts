import { describe, expect, it } from 'vitest';
import { PLOT_CELL, PLOT_COUNT, PLOT_PEAK, PLOT_ROW, PLOT_ROW_MAX, PLOT_ROW_MIN, PLOT_STRIDE, PLOT_SUM } from '../../agent/src/detect/kernel-types.js';
import { both } from './kernels.js';

describe.each(both)('plot extraction (%s)', (_name, kernels) => {
  const S = 360;
  const C = 50;

  function turnWithBlobAcrossNorth(): { mask: Uint8Array; video: Float32Array } {
    const mask = new Uint8Array(S * C);
    const video = new Float32Array(S * C).fill(1);
    // Spokes 358, 359, 0, 1 at cells 20..21, power 4 on the last two spokes of the turn and 2 on
    // the first two: the centroid leans to the end of the turn.
    for (const [s, p] of [[358, 4], [359, 4], [0, 2], [1, 2]] as const) {
      for (const c of [20, 21]) {
        mask[s * C + c] = 1;
        video[s * C + c] = p;
      }
    }
    mask[100 * C + 10] = 1; // an isolated single cell elsewhere
    return { mask, video };
  }

  it('a target straddling 0/360 degrees is one plot with wrap, centred across north', () => {
    const { mask, video } = turnWithBlobAcrossNorth();
    const out = new Float64Array(10 * PLOT_STRIDE);
    const n = kernels.extractPlots(mask, video, S, C, { wrap: true }, out);
    expect(n).toBe(2);
    const plots = [0, 1].map((i) => out.subarray(i * PLOT_STRIDE, (i + 1) * PLOT_STRIDE));
    const blob = plots.find((p) => p[PLOT_COUNT] === 8)!;
    expect(blob).toBeDefined();
    // Rows 358, 359 (weight 8 each) and 360, 361 (the first spokes, taken after the last): (358*8+359*8+360*4+361*4)/24.
    expect(blob[PLOT_ROW]! % S).toBeCloseTo((358 * 8 + 359 * 8 + 360 * 4 + 361 * 4) / 24, 9);
    expect(blob[PLOT_ROW_MAX]! - blob[PLOT_ROW_MIN]!).toBe(3);
    expect(blob[PLOT_CELL]).toBe(21);
    expect(blob[PLOT_PEAK]).toBe(4);
    expect(blob[PLOT_SUM]).toBe(24);
  });

  it('without wrap the same turn gives two pieces', () => {
    const { mask, video } = turnWithBlobAcrossNorth();
    const out = new Float64Array(10 * PLOT_STRIDE);
    expect(kernels.extractPlots(mask, video, S, C, {}, out)).toBe(3);
  });

  it('streamed: a component is closed as soon as a spoke does not continue it', () => {
    const ex = kernels.createPlotExtractor({});
    const mask = new Uint8Array(3 * C);
    const video = new Float32Array(3 * C).fill(1);
    mask[5] = 1; // row 0
    mask[C + 6] = 1; // row 1, diagonal neighbour
    expect(ex.push(mask.subarray(0, 2 * C), video.subarray(0, 2 * C), 2, C, 10)).toBe(0);
    // Row 2 empty: the component (rows 10..11) closes now, one spoke after its last.
    expect(ex.push(mask.subarray(2 * C), video.subarray(2 * C), 1, C, 12)).toBe(1);
    const out = new Float64Array(PLOT_STRIDE);
    expect(ex.take(out)).toBe(1);
    expect(out[PLOT_ROW]).toBe(10.5);
    expect(out[PLOT_COUNT]).toBe(2);
    expect(ex.take(out)).toBe(0);
  });

  it('size filters drop plots and count them', () => {
    const ex = kernels.createPlotExtractor({ minCells: 2, maxCells: 3 });
    const mask = new Uint8Array(4 * C);
    mask[0] = 1; // 1 cell: too small
    mask[10] = mask[11] = 1; // 2 cells: kept
    mask[20] = mask[21] = mask[22] = mask[23] = 1; // 4 cells: too large
    ex.push(mask, new Uint8Array(4 * C), 4, C, 0);
    expect(ex.flush()).toBe(1);
    expect(ex.dropped).toBe(2);
  });

  it('power-weighted centroid in range, and unweighted when all power is 0', () => {
    const mask = new Uint8Array(C);
    const video = new Float32Array(C);
    mask[10] = mask[11] = 1;
    video[10] = 1;
    video[11] = 3;
    const out = new Float64Array(PLOT_STRIDE);
    kernels.extractPlots(mask, video, 1, C, {}, out);
    expect(out[PLOT_CELL]).toBe((10.5 * 1 + 11.5 * 3) / 4);
    kernels.extractPlots(mask, new Float32Array(C), 1, C, {}, out);
    expect(out[PLOT_CELL]).toBe(11);
  });
});
