import { addLand, addSeaClutter, preThreshold, type LandPatch, type SeaClutterOptions } from './clutter.js';
import type { Rng } from './rng.js';

/**
 * Synthesis of one spoke of radar video. Noise is complex Gaussian of unit mean power (so its
 * power is exponential with mean 1, the CFAR's design assumption); each echo adds a coherent
 * amplitude shaped by a two-way Gaussian beam in azimuth and a triangular pulse response in range.
 */

export interface Echo {
  rangeMetres: number;
  azimuthDegrees: number;
  /** Peak signal-to-noise power ratio (linear) at beam centre on a cell centre. */
  snr: number;
}

export interface SpokeSynthesis {
  azimuthDegrees: number;
  /** Two-way -3 dB beamwidth in azimuth. */
  beamwidthDegrees: number;
  rangeCellMetres: number;
  startRangeCell: number;
  echoes: readonly Echo[];
  /** K-distributed sea clutter added to the noise (agent/src/sim/clutter.ts). */
  seaClutter?: SeaClutterOptions;
  /** Land: persistent strong returns in fixed patches. */
  land?: readonly LandPatch[];
}

/** Fills `out` (one element per range cell) with linear power, noise mean 1. */
export function synthesizeSpokePower(out: Float32Array, spoke: SpokeSynthesis, rng: Rng): void {
  const n = out.length;
  for (let i = 0; i < n; i++) out[i] = rng.exponential(1);
  const beamK = (4 * Math.LN2) / (spoke.beamwidthDegrees * spoke.beamwidthDegrees);
  for (const echo of spoke.echoes) {
    let dAz = Math.abs(echo.azimuthDegrees - spoke.azimuthDegrees) % 360;
    if (dAz > 180) dAz = 360 - dAz;
    if (dAz > 3 * spoke.beamwidthDegrees) continue;
    const beamPower = Math.exp(-beamK * dAz * dAz);
    const x = echo.rangeMetres / spoke.rangeCellMetres - spoke.startRangeCell;
    const first = Math.max(0, Math.floor(x - 1.5));
    const last = Math.min(n - 1, Math.ceil(x + 0.5));
    for (let i = first; i <= last; i++) {
      const w = 1 - Math.abs(x - (i + 0.5));
      if (w <= 0) continue;
      const amplitude = Math.sqrt(echo.snr * beamPower) * w;
      // Coherent sum with this cell's noise: redraw the noise as complex so the echo adds to it.
      const re = amplitude + rng.gaussian() * Math.SQRT1_2;
      const im = rng.gaussian() * Math.SQRT1_2;
      out[i] = re * re + im * im;
    }
  }
  // Clutter after the echoes: its power adds to whatever the cell holds (incoherent sum). No
  // random draws without it, so scenarios without clutter stay byte-identical.
  if (spoke.seaClutter) addSeaClutter(out, spoke.seaClutter, rng);
  if (spoke.land && spoke.land.length > 0) addLand(out, spoke.azimuthDegrees, spoke.land, spoke.rangeCellMetres, spoke.startRangeCell, rng);
}

export interface LogVideoScale {
  /** Decibels per video count. */
  dbPerCount: number;
  /** Decibels (relative to the noise mean) that code 0 stands for. */
  zeroCountDb: number;
}

/**
 * Log-compresses linear power into video codes of `bits` bits (what a log amplifier does).
 * With `preThresholdCode`, codes below it are sent as 0 (a radar that thresholds its own video).
 */
export function quantizeLog(power: Float32Array, scale: LogVideoScale, bits: number, out: Uint8Array | Uint16Array, preThresholdCode?: number): void {
  const max = (1 << bits) - 1;
  const inv = 1 / scale.dbPerCount;
  for (let i = 0; i < power.length; i++) {
    const p = power[i];
    const db = p > 0 ? 10 * Math.log10(p) : -1e9;
    const code = Math.round((db - scale.zeroCountDb) * inv);
    out[i] = code < 0 ? 0 : code > max ? max : code;
  }
  if (preThresholdCode !== undefined && preThresholdCode > 0) preThreshold(out, preThresholdCode);
}
