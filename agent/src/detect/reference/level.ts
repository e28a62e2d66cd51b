import type { HitMapOptions, LevelOptions, VideoArray } from '../kernel-types.js';
import { checkDims, checkLength, checkMask, checkNumber, checkOptions, checkVideo } from './validate.js';

/**
 * The level detector for processed video and its hit-frequency clutter map: the twins of
 * native/src/kernels/level.cc, integer for integer.
 */

export interface LevelPlan {
  level: number;
  hysteresis: number;
}

export function checkLevelOptions(options: unknown): LevelPlan {
  checkOptions('options', options);
  const level = checkNumber('level', options.level, 0, true);
  let hysteresis = level;
  if (options.hysteresisLevel !== undefined && options.hysteresisLevel !== null) {
    hysteresis = checkNumber('hysteresisLevel', options.hysteresisLevel, 0, true);
    if (hysteresis > level) throw new RangeError(`hysteresisLevel ${hysteresis} must be <= level ${level}`);
  }
  return { level, hysteresis };
}

/**
 * out[i] = 1 where the cell is at or above `level`; with a hysteresis level, a run of cells
 * along the spoke (range) at or above it is a hit as a whole when it holds a cell at or above
 * `level` (a return's fringe joins its core). Integer video compares codes (a level between
 * codes means the next code up); f32 compares values. Returns the hits.
 */
export function levelDetectReference(input: VideoArray, rows: number, cols: number, options: LevelOptions, out: Uint8Array): number {
  checkVideo('input', input);
  checkDims('rows', rows, 'cols', cols);
  checkLength('input', input, rows * cols);
  if (!(out instanceof Uint8Array)) throw new TypeError('out must be a Uint8Array');
  checkLength('out', out, rows * cols);
  const plan = checkLevelOptions(options);
  let level = plan.level;
  let hyst = plan.hysteresis;
  if (!(input instanceof Float32Array)) {
    const max = input instanceof Uint8Array ? 255 : 65535;
    if (level > max) {
      out.fill(0);
      return 0;
    }
    level = Math.ceil(level);
    hyst = Math.ceil(hyst);
  }
  let hits = 0;
  const n = rows * cols;
  if (!(hyst < level)) {
    for (let i = 0; i < n; i++) {
      const h = input[i] >= level ? 1 : 0;
      out[i] = h;
      hits += h;
    }
    return hits;
  }
  for (let r = 0; r < rows; r++) {
    const off = r * cols;
    let c = 0;
    while (c < cols) {
      if (!(input[off + c] >= hyst)) {
        out[off + c++] = 0;
        continue;
      }
      const s = c;
      let core = false;
      while (c < cols && input[off + c] >= hyst) {
        core = core || input[off + c] >= level;
        c++;
      }
      out.fill(core ? 1 : 0, off + s, off + c);
      if (core) hits += c - s;
    }
  }
  return hits;
}

export interface HitMapPlan {
  weight16: number;
  threshold8: number;
  learn: boolean;
}

export function checkHitMapOptions(options: unknown): HitMapPlan {
  checkOptions('options', options);
  const tc = options.timeConstantTurns;
  if (typeof tc !== 'number') throw new TypeError('timeConstantTurns must be a number');
  if (!Number.isFinite(tc) || tc < 1 || tc > 10000) throw new RangeError(`timeConstantTurns must be in [1, 10000], got ${tc}`);
  const thr = options.threshold;
  if (typeof thr !== 'number') throw new TypeError('threshold must be a number');
  if (!Number.isFinite(thr) || thr <= 0 || thr > 1) throw new RangeError(`threshold must be in (0, 1], got ${thr}`);
  if (options.learn !== undefined && typeof options.learn !== 'boolean') throw new TypeError('learn must be a boolean');
  return { weight16: Math.floor(65536 / tc + 0.5), threshold8: Math.ceil(thr * 255), learn: options.learn !== false };
}

/**
 * One turn of the hit-frequency map over these cells (one byte of state each, 255 = a hit on
 * every turn): a cell at or above the threshold is learnt and its hit cleared; then, when
 * learning, state += (hit x 255 - state) x weight, truncated, at least one step toward the
 * target. stats[0] += the learnt cells. Returns the hits left.
 */
export function updateHitMapReference(map: Uint8Array, hits: Uint8Array, options: HitMapOptions, stats?: Uint32Array | null): number {
  if (!(map instanceof Uint8Array)) throw new TypeError('map must be a Uint8Array');
  checkMask('hits', hits, map.length);
  if (stats !== undefined && stats !== null) {
    if (!(stats instanceof Uint32Array)) throw new TypeError('stats must be a Uint32Array');
    if (stats.length < 1) throw new RangeError('stats needs at least 1 element');
  }
  const { weight16: w, threshold8: thr, learn } = checkHitMapOptions(options);
  let left = 0;
  let known = 0;
  for (let i = 0; i < map.length; i++) {
    const s = map[i];
    const h = hits[i] !== 0 ? 1 : 0;
    const learnt = s >= thr ? 1 : 0;
    known += learnt;
    const keep = h & (learnt ^ 1);
    hits[i] = keep;
    left += keep;
    if (learn) {
      const d = h * 255 - s;
      let step = Math.trunc((d * w) / 65536);
      if (step === 0) step = Math.sign(d);
      map[i] = s + step;
    }
  }
  if (stats) stats[0] += known;
  return left;
}
