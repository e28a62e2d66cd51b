import type { VideoLut } from './config.js';

/**
 * The lookup table from video codes to linear power: 256 entries for video of up to 8 bits,
 * 65536 for up to 16. `log`: power = 10^((zeroCountDb + code x dbPerCount) / 10), the inverse
 * of the simulator's quantizeLog; `linear`: power = code.
 */
export function buildLut(lut: VideoLut, bits: number): Float32Array {
  if (!Number.isInteger(bits) || bits < 1 || bits > 16) throw new RangeError(`a lookup table needs 1..16 bits of video, got ${bits}`);
  const size = bits <= 8 ? 256 : 65536;
  const table = new Float32Array(size);
  for (let v = 0; v < size; v++) {
    table[v] = lut.type === 'log' ? Math.pow(10, (lut.zeroCountDb + v * lut.dbPerCount) / 10) : v;
  }
  return table;
}

/** Linear power of a level in dB (re the noise mean), e.g. for a noise floor. */
export function dbToPower(db: number): number {
  return Math.pow(10, db / 10);
}
