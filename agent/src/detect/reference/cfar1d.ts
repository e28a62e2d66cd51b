import type { Cfar1dOptions, VideoArray } from '../kernel-types.js';
import { checkDims, checkInt, checkLength, checkLut, checkMask, checkMethod, checkNumber, checkOptions, checkVideo, optionalNumber, powerRow } from './validate.js';

/**
 * 1-D CFAR along each row, the TypeScript twin of native/src/cfar1d.cc. Arithmetic is float32
 * in the same order as the native code (Float32Array stores round like C++ floats), so both
 * give the same detections bit for bit.
 */

const METHODS = ['ca', 'go', 'so', 'os'] as const;
const FLOAT32_MIN = 2 ** -149;
const FLOAT32_MAX = 3.4028234663852886e38;

export interface Cfar1dPlan {
  method: (typeof METHODS)[number];
  guard: number;
  train: number;
  k: number;
  scale: number;
  lut: Float32Array | null;
  minThreshold: number;
  clutterMap: Float32Array | null;
  clutterScale: number;
}

export function checkCfar1d(input: unknown, rows: unknown, cols: unknown, options: unknown, out: unknown): Cfar1dPlan {
  checkVideo('input', input);
  checkDims('rows', rows, 'cols', cols);
  const r = rows as number;
  const c = cols as number;
  checkLength('input', input, r * c);
  checkMask('out', out, r * c);
  checkOptions('options', options);
  const method = checkMethod(options.method, METHODS);
  const guard = checkInt('guard', options.guard, 0);
  const train = checkInt('train', options.train, 1);
  if (2 * (guard + train) + 1 > c) throw new RangeError(`guard ${guard} and train ${train} do not fit in ${c} cells (need 2 x (guard + train) + 1 <= cols)`);
  let k = 0;
  if (method === 'os') k = checkInt('k', options.k, 1, 2 * train);
  const scale = checkNumber('scale', options.scale, 0, true);
  // The 1-D kernels work in float32: a scale that is 0 or +inf there has no meaning (and 0 x inf
  // would be NaN), so it must be a float32 number.
  if (scale < FLOAT32_MIN || scale > FLOAT32_MAX) throw new RangeError(`scale must be within float32's range [1.4e-45, 3.4e38], got ${scale}`);
  const lut = checkLut(options.lut, input);
  const minThreshold = optionalNumber('minThreshold', options.minThreshold, 0, 0);
  let clutterMap: Float32Array | null = null;
  if (options.clutterMap !== undefined && options.clutterMap !== null) {
    if (!(options.clutterMap instanceof Float32Array)) throw new TypeError('clutterMap must be a Float32Array');
    checkLength('clutterMap', options.clutterMap, r * c);
    clutterMap = options.clutterMap;
  }
  const clutterScale = optionalNumber('clutterScale', options.clutterScale, 0, 1);
  return { method, guard, train, k, scale, lut, minThreshold, clutterMap, clutterScale };
}

/**
 * W[i] = sum of p[i .. i+T) for i in [0, n-T], by doubling: blocks of 2^b cells from blocks of
 * 2^(b-1), then the blocks of T's set bits from the highest down. The same order as native.
 */
export function windowSums(p: Float32Array, n: number, T: number, W: Float32Array, blocks: Float32Array[]): void {
  let hb = 0;
  while (1 << (hb + 1) <= T) hb++;
  blocks[0] = p;
  for (let b = 1; b <= hb; b++) {
    const prev = blocks[b - 1];
    const cur = blocks[b] && blocks[b].length >= n ? blocks[b] : (blocks[b] = new Float32Array(n));
    const half = 1 << (b - 1);
    const end = n - (1 << b);
    for (let i = 0; i <= end; i++) cur[i] = prev[i] + prev[i + half];
  }
  const last = n - T;
  const top = blocks[hb];
  for (let i = 0; i <= last; i++) W[i] = top[i]!;
  let offset = 1 << hb;
  for (let b = hb - 1; b >= 0; b--) {
    if ((T & (1 << b)) === 0) continue;
    const blk = blocks[b];
    for (let i = 0; i <= last; i++) W[i] = W[i] + blk[i + offset];
    offset += 1 << b;
  }
}

export function cfar1dReference(input: VideoArray, rows: number, cols: number, options: Cfar1dOptions, out: Uint8Array): number {
  const plan = checkCfar1d(input, rows, cols, options, out);
  return runCfar1d(input, rows, cols, plan, out);
}

export function runCfar1d(input: VideoArray, rows: number, cols: number, plan: Cfar1dPlan, out: Uint8Array): number {
  const { method, guard: g, train: T, k, lut, clutterMap } = plan;
  const p = new Float32Array(cols);
  const W = new Float32Array(cols);
  const blocks: Float32Array[] = [];
  const refs = new Float32Array(2 * T);
  const f = new Float32Array(4);
  f[0] = method === 'ca' ? plan.scale / (2 * T) : method === 'os' ? plan.scale : plan.scale / T;
  f[1] = plan.minThreshold;
  f[2] = plan.clutterScale;
  const kf = f[0];
  const mf = f[1];
  const csf = f[2];
  const first = g + T;
  const last = cols - g - T - 1;
  out.fill(0);
  let detections = 0;
  for (let r = 0; r < rows; r++) {
    const off = r * cols;
    powerRow(input, lut, off, cols, p);
    if (method !== 'os') windowSums(p, cols, T, W, blocks);
    for (let c = first; c <= last; c++) {
      let thr: number;
      if (method === 'os') {
        for (let j = 0; j < T; j++) {
          const a = p[c - g - T + j];
          const b = p[c + g + 1 + j];
          refs[j] = a !== a ? Infinity : a;
          refs[T + j] = b !== b ? Infinity : b;
        }
        refs.sort();
        f[3] = refs[k - 1] * kf;
      } else {
        const L = W[c - g - T];
        const R = W[c + g + 1];
        if (method === 'ca') {
          f[3] = L + R;
          f[3] = f[3] * kf;
        } else if (method === 'go') {
          f[3] = (L > R ? L : R) * kf;
        } else {
          f[3] = (L < R ? L : R) * kf;
        }
      }
      thr = f[3]!;
      if (thr < mf) thr = mf;
      if (clutterMap) {
        f[3] = clutterMap[off + c] * csf;
        const ct = f[3];
        if (thr < ct) thr = ct;
      }
      if (p[c] > thr) {
        out[off + c] = 1;
        detections++;
      }
    }
  }
  return detections;
}
