/**
 * Fixed point of the wire (DESIGN.md, Wire contract): lat/lon in 1e-7 degree, bearings in
 * 1/65536 turn, power in dB; and the small integer helpers of the delta-coded columns.
 */

export const E7 = 1e7;

/** Degrees -> 1/65536 turn in [0, 65536). */
export function degreesToB16(deg: number): number {
  const b = Math.round((deg / 360) * 65536) % 65536;
  return b < 0 ? b + 65536 : b;
}
export function b16ToDegrees(b: number): number {
  return (b * 360) / 65536;
}
export function toE7(deg: number): number {
  return Math.round(deg * E7);
}
export function fromE7(v: number): number {
  return v / E7;
}
export function powerToDb(linear: number): number {
  return Math.round(10 * Math.log10(Math.max(linear, 1e-30)));
}

/** 64-bit fields decode as Long when the `long` package is present: make them numbers (safe below 2^53). */
export function n64(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v === null || v === undefined) return 0;
  if (typeof v === 'object' && typeof (v as { toNumber?: unknown }).toNumber === 'function') return (v as { toNumber(): number }).toNumber();
  return Number(v);
}

export function clampInt32(v: number): number {
  return v > 0x7fffffff ? 0x7fffffff : v < -0x80000000 ? -0x80000000 : v;
}

/** Smallest signed step on the circle, in [-32768, 32767]. */
export function wrapB16Delta(d: number): number {
  return ((((d + 32768) % 65536) + 65536) % 65536) - 32768;
}
