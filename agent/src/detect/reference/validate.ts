import type { VideoArray } from '../kernel-types.js';

/**
 * Argument checks of every kernel, the same as the native addon's (native/src/args.h): misuse
 * is a TypeError, a value out of range a RangeError, each with a message naming the argument.
 */

export function checkVideo(name: string, v: unknown): asserts v is VideoArray {
  if (!(v instanceof Uint8Array || v instanceof Uint16Array || v instanceof Float32Array)) {
    throw new TypeError(`${name} must be a Uint8Array, Uint16Array or Float32Array`);
  }
}

export function checkDims(rowsName: string, rows: unknown, colsName: string, cols: unknown): void {
  checkInt(rowsName, rows, 1);
  checkInt(colsName, cols, 1);
  if ((rows as number) * (cols as number) > 0x7fffffff) throw new RangeError(`${rowsName} x ${colsName} must be < 2^31`);
}

export function checkInt(name: string, v: unknown, min: number, max = 0x7fffffff): number {
  if (typeof v !== 'number') throw new TypeError(`${name} must be a number`);
  if (!Number.isInteger(v) || v < min || v > max) throw new RangeError(`${name} must be an integer in [${min}, ${max}], got ${v}`);
  return v;
}

export function checkNumber(name: string, v: unknown, min: number, minExclusive: boolean): number {
  if (typeof v !== 'number') throw new TypeError(`${name} must be a number`);
  if (!Number.isFinite(v) || (minExclusive ? v <= min : v < min)) {
    throw new RangeError(`${name} must be a finite number ${minExclusive ? '>' : '>='} ${min}, got ${v}`);
  }
  return v;
}

export function optionalNumber(name: string, v: unknown, min: number, dflt: number): number {
  if (v === undefined || v === null) return dflt;
  return checkNumber(name, v, min, false);
}

export function checkOptions(name: string, v: unknown): asserts v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) throw new TypeError(`${name} must be an object`);
}

export function checkLength(name: string, v: { length: number }, expected: number): void {
  if (v.length !== expected) throw new RangeError(`${name} has ${v.length} elements, expected ${expected}`);
}

export function checkMask(name: string, v: unknown, expected: number): Uint8Array {
  if (!(v instanceof Uint8Array)) throw new TypeError(`${name} must be a Uint8Array`);
  checkLength(name, v, expected);
  return v;
}

/** The lookup table for this video, or null; its length must cover every code. */
export function checkLut(v: unknown, video: VideoArray): Float32Array | null {
  if (v === undefined || v === null) return null;
  if (!(v instanceof Float32Array)) throw new TypeError('lut must be a Float32Array');
  if (video instanceof Float32Array) throw new TypeError('lut cannot be used with Float32Array video (already linear power)');
  const need = video instanceof Uint8Array ? 256 : 65536;
  if (v.length !== need) throw new RangeError(`lut has ${v.length} entries, expected ${need} for ${video instanceof Uint8Array ? 'Uint8Array' : 'Uint16Array'} video`);
  return v;
}

export function checkMethod<T extends string>(v: unknown, allowed: readonly T[]): T {
  if (typeof v !== 'string') throw new TypeError('method must be a string');
  if (!(allowed as readonly string[]).includes(v)) throw new RangeError(`method must be one of ${allowed.join(', ')}, got "${v}"`);
  return v as T;
}

/** Linear power of one row into `p` (float32), through the LUT when there is one. */
export function powerRow(video: VideoArray, lut: Float32Array | null, offset: number, cols: number, p: Float32Array): void {
  if (lut) {
    for (let c = 0; c < cols; c++) p[c] = lut[video[offset + c]]!;
  } else {
    for (let c = 0; c < cols; c++) p[c] = video[offset + c]!;
  }
}
