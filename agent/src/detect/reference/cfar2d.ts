import type { Cfar2dOptions, VideoArray } from '../kernel-types.js';
import { windowSums } from './cfar1d.js';
import { checkDims, checkInt, checkLength, checkLut, checkMask, checkMethod, checkNumber, checkOptions, checkVideo, optionalNumber } from './validate.js';

/**
 * 2-D CFAR on a range-Doppler map (rows = range bins, cols = Doppler bins), wrap-around in
 * Doppler, none in range. CA by separable window sums in float32, OS by the k-th smallest
 * reference; the twin of native/src/kernels/cfar2d.cc: the same CA operations in the same order,
 * and the same OS decisions (native counts references instead of sorting them).
 */

const METHODS = ['ca', 'os'] as const;

export interface Cfar2dPlan {
  method: (typeof METHODS)[number];
  gr: number;
  gd: number;
  tr: number;
  td: number;
  k: number;
  n: number;
  scale: number;
  lut: Float32Array | null;
  minThreshold: number;
}

export function checkCfar2d(input: unknown, rows: unknown, cols: unknown, options: unknown, out: unknown): Cfar2dPlan {
  checkVideo('input', input);
  checkDims('rows', rows, 'cols', cols);
  const R = rows as number;
  const C = cols as number;
  checkLength('input', input, R * C);
  checkMask('out', out, R * C);
  checkOptions('options', options);
  const method = checkMethod(options.method, METHODS);
  const gr = checkInt('guardRange', options.guardRange, 0);
  const gd = checkInt('guardDoppler', options.guardDoppler, 0);
  const tr = checkInt('trainRange', options.trainRange, 0);
  const td = checkInt('trainDoppler', options.trainDoppler, 0);
  if (2 * (gr + tr) + 1 > R) throw new RangeError(`guardRange ${gr} and trainRange ${tr} do not fit in ${R} range bins (need 2 x (guard + train) + 1 <= rows)`);
  if (2 * (gd + td) + 1 > C) throw new RangeError(`guardDoppler ${gd} and trainDoppler ${td} do not fit in ${C} Doppler bins (need 2 x (guard + train) + 1 <= cols)`);
  if (R * (C + 2 * (gd + td)) > 0x7fffffff) throw new RangeError('rows x (cols + 2 x (guardDoppler + trainDoppler)) must be < 2^31 (the map padded for the Doppler wrap)');
  const n = (2 * (gr + tr) + 1) * (2 * (gd + td) + 1) - (2 * gr + 1) * (2 * gd + 1);
  if (n < 1) throw new RangeError('trainRange and trainDoppler are both 0: no reference cells');
  let k = 0;
  if (method === 'os') k = checkInt('k', options.k, 1, n);
  const scale = checkNumber('scale', options.scale, 0, true);
  const lut = checkLut(options.lut, input);
  const minThreshold = optionalNumber('minThreshold', options.minThreshold, 0, 0);
  return { method, gr, gd, tr, td, k, n, scale, lut, minThreshold };
}

export function cfar2dReference(input: VideoArray, rows: number, cols: number, options: Cfar2dOptions, out: Uint8Array): number {
  const plan = checkCfar2d(input, rows, cols, options, out);
  return runCfar2d(input, rows, cols, plan, out);
}

export function runCfar2d(input: VideoArray, rows: number, cols: number, plan: Cfar2dPlan, out: Uint8Array): number {
  const { gr, gd, tr, td, lut } = plan;
  const D = gd + td;
  const m = plan.minThreshold;
  const power = (i: number): number => (lut ? lut[input[i]] : input[i]);
  out.fill(0);
  let detections = 0;
  const r0 = gr + tr;
  const r1 = rows - gr - tr - 1;
  if (plan.method === 'ca') {
    // Separable box sums in float32 (Float32Array stores round like C++ floats): along Doppler,
    // window sums of each row padded by D columns each side for the wrap, by the 1-D doubling
    // (outer 2D+1 columns, inner 2gd+1); along range, those sums added top down from zero over
    // the outer and inner range bins; threshold kf x (outer - inner).
    const wd = cols + 2 * D;
    const prow = new Float32Array(wd);
    const W = new Float32Array(wd);
    const blocks: Float32Array[] = [];
    const outerRows = new Float32Array(rows * cols);
    const innerRows = new Float32Array(rows * cols);
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < wd; j++) {
        let c = (j - D) % cols;
        if (c < 0) c += cols;
        prow[j] = power(r * cols + c);
      }
      windowSums(prow, wd, 2 * D + 1, W, blocks);
      outerRows.set(W.subarray(0, cols), r * cols);
      windowSums(prow.subarray(td), wd - td, 2 * gd + 1, W, blocks);
      innerRows.set(W.subarray(0, cols), r * cols);
    }
    const f = new Float32Array(4);
    f[3] = plan.scale / plan.n;
    const kf = f[3];
    for (let r = r0; r <= r1; r++) {
      for (let c = 0; c < cols; c++) {
        f[0] = 0;
        for (let rr = r - gr - tr; rr <= r + gr + tr; rr++) f[0] = f[0] + outerRows[rr * cols + c];
        f[1] = 0;
        for (let rr = r - gr; rr <= r + gr; rr++) f[1] = f[1] + innerRows[rr * cols + c];
        f[2] = f[0] - f[1];
        f[2] = f[2] * kf;
        const thr = f[2];
        const p = power(r * cols + c);
        if (p > thr && p > m) {
          out[r * cols + c] = 1;
          detections++;
        }
      }
    }
    return detections;
  }
  const refs = new Float64Array(plan.n);
  for (let r = r0; r <= r1; r++) {
    for (let c = 0; c < cols; c++) {
      let n = 0;
      for (let rr = r - gr - tr; rr <= r + gr + tr; rr++) {
        for (let dc = -D; dc <= D; dc++) {
          if (Math.abs(rr - r) <= gr && Math.abs(dc) <= gd) continue;
          let cc = (c + dc) % cols;
          if (cc < 0) cc += cols;
          const v = power(rr * cols + cc);
          refs[n++] = v !== v ? Infinity : v;
        }
      }
      refs.sort();
      let thr = plan.scale * refs[plan.k - 1];
      if (thr < m) thr = m;
      if (power(r * cols + c) > thr) {
        out[r * cols + c] = 1;
        detections++;
      }
    }
  }
  return detections;
}
