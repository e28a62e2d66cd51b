import type { HitMapOptions, LevelOptions, VideoArray } from '../kernel-types.js';
import { checkDims, checkInt, checkLength, checkMask, checkNumber, checkOptions, checkVideo } from './validate.js';

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
  firstSpoke: number;
  spreadCells: number;
  spreadSpokes: number;
  present: Uint8Array | null;
}

export function checkHitMapOptions(options: unknown, rows: number, spokesPerTurn: number): HitMapPlan {
  checkOptions('options', options);
  const tc = options.timeConstantTurns;
  if (typeof tc !== 'number') throw new TypeError('timeConstantTurns must be a number');
  if (!Number.isFinite(tc) || tc < 1 || tc > 10000) throw new RangeError(`timeConstantTurns must be in [1, 10000], got ${tc}`);
  const thr = options.threshold;
  if (typeof thr !== 'number') throw new TypeError('threshold must be a number');
  if (!Number.isFinite(thr) || thr <= 0 || thr > 1) throw new RangeError(`threshold must be in (0, 1], got ${thr}`);
  if (options.learn !== undefined && typeof options.learn !== 'boolean') throw new TypeError('learn must be a boolean');
  const firstSpoke = checkInt('firstSpoke', options.firstSpoke, 0, spokesPerTurn - rows);
  const spreadCells = options.spreadCells === undefined || options.spreadCells === null ? 0 : checkInt('spreadCells', options.spreadCells, 0, 1024);
  const spreadSpokes = options.spreadSpokes === undefined || options.spreadSpokes === null ? 0 : checkInt('spreadSpokes', options.spreadSpokes, 0, 8);
  let present: Uint8Array | null = null;
  if (options.present !== undefined && options.present !== null) present = checkMask('present', options.present, rows);
  return { weight16: Math.floor(65536 / tc + 0.5), threshold8: Math.ceil(thr * 255), learn: options.learn !== false, firstSpoke, spreadCells, spreadSpokes, present };
}

/**
 * One turn of the hit-frequency map over `rows` spokes from options.firstSpoke (one byte of
 * state per cell of the turn, map = spokesPerTurn x cols, 255 = a hit on every recent turn).
 * First every hit near a learnt cell (state at or above the threshold, within spreadSpokes
 * spokes and spreadCells cells, across north) is cleared: the fringe of learnt structure that
 * comes and goes from turn to turn goes with it. Then, when learning, each present spoke's
 * cells move toward 255 (hit) or 0: state += (target - state) x weight, truncated, at least one
 * step. stats[0] += learnt cells of these spokes (before the update). Returns the hits left.
 */
export function updateHitMapReference(map: Uint8Array, hits: Uint8Array, rows: number, cols: number, options: HitMapOptions, stats?: Uint32Array | null): number {
  if (!(map instanceof Uint8Array)) throw new TypeError('map must be a Uint8Array');
  checkDims('rows', rows, 'cols', cols);
  checkMask('hits', hits, rows * cols);
  if (map.length % cols !== 0 || map.length < rows * cols) throw new RangeError(`map has ${map.length} elements: not whole spokes of ${cols} cells covering ${rows} rows`);
  if (stats !== undefined && stats !== null) {
    if (!(stats instanceof Uint32Array)) throw new TypeError('stats must be a Uint32Array');
    if (stats.length < 1) throw new RangeError('stats needs at least 1 element');
  }
  const S = map.length / cols;
  const plan = checkHitMapOptions(options, rows, S);
  const { weight16: w, threshold8: thr, learn, firstSpoke, spreadCells: dc, spreadSpokes: ds, present } = plan;
  const near = new Uint8Array(cols);
  let left = 0;
  let known = 0;
  // Pass 1: hits near learnt cells become 2 (a hit, cleared), the others stay 1.
  for (let r = 0; r < rows; r++) {
    // Learnt cells of this spoke and its neighbours, then spread along range by a running count.
    near.fill(0);
    for (let k = -ds; k <= ds; k++) {
      const at = ((((firstSpoke + r + k) % S) + S) % S) * cols;
      for (let c = 0; c < cols; c++) if (map[at + c] >= thr) near[c] = 1;
    }
    const off = r * cols;
    let run = 0;
    for (let c = 0; c < dc && c < cols; c++) run += near[c];
    for (let c = 0; c < cols; c++) {
      if (c + dc < cols) run += near[c + dc];
      if (c - dc - 1 >= 0) run -= near[c - dc - 1];
      if (hits[off + c] === 0) continue;
      if (run === 0) {
        hits[off + c] = 1;
        left++;
      } else {
        hits[off + c] = 2;
      }
    }
  }
  // Pass 2: learn on the spokes that arrived. A cell's input is whether this turn had a hit
  // within the spread of it (among the call's spokes): structure whose fringe comes and goes
  // cell by cell is learnt as an area; then 2 -> 0.
  const nearHit = near;
  for (let r = 0; r < rows; r++) {
    const at = (firstSpoke + r) * cols;
    if (!present || present[r]) {
      nearHit.fill(0);
      const r0 = Math.max(0, r - ds);
      const r1 = Math.min(rows - 1, r + ds);
      for (let k = r0; k <= r1; k++) {
        const o = k * cols;
        for (let c = 0; c < cols; c++) if (hits[o + c] !== 0) nearHit[c] = 1;
      }
      let run = 0;
      for (let c = 0; c < dc && c < cols; c++) run += nearHit[c];
      for (let c = 0; c < cols; c++) {
        if (c + dc < cols) run += nearHit[c + dc];
        if (c - dc - 1 >= 0) run -= nearHit[c - dc - 1];
        const s = map[at + c];
        if (s >= thr) known++;
        if (!learn) continue;
        const d = (run > 0 ? 255 : 0) - s;
        let step = Math.trunc((d * w) / 65536);
        if (step === 0) step = Math.sign(d);
        map[at + c] = s + step;
      }
    }
  }
  for (let i = 0; i < rows * cols; i++) if (hits[i] === 2) hits[i] = 0;
  if (stats) stats[0] += known;
  return left;
}
