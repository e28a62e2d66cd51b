import type { Rng } from './rng.js';

/**
 * Clutter and target-fluctuation generators for the detection tests and scenarios, on top of
 * synthesizeSpokePower's unit-mean exponential noise: everything here is linear power (noise
 * mean 1) added to or shaping a spoke's power, then quantised like any video.
 */

/** Swerling 0 (steady) or 1 (Rayleigh amplitude, redrawn once per scan) target fluctuation. */
export type SwerlingModel = 0 | 1;

/** The factor on a target's mean SNR for one scan. */
export function swerlingFactor(model: SwerlingModel, rng: Rng): number {
  return model === 1 ? rng.exponential(1) : 1;
}

export interface SeaClutterOptions {
  /** Clutter-to-noise ratio of the mean clutter power (linear). */
  cnr: number;
  /** K-distribution shape: small (0.1..1) is spiky sea, large tends to Rayleigh. */
  nu: number;
  /** Cells over which the gamma texture stays correlated (1 = independent per cell). */
  correlationCells: number;
}

/**
 * K-distributed sea clutter: power = cnr x texture x speckle, with texture ~ Gamma(nu, 1/nu)
 * (mean 1) held over blocks of `correlationCells` cells (block edges at a random offset per
 * spoke, then linearly interpolated so the texture has no steps) and speckle ~ Exp(1) per cell.
 * Adds the clutter power to `power` in place.
 */
export function addSeaClutter(power: Float32Array, o: SeaClutterOptions, rng: Rng): void {
  if (!(o.nu > 0) || !(o.cnr >= 0) || !(o.correlationCells >= 1)) throw new RangeError('sea clutter needs nu > 0, cnr >= 0, correlationCells >= 1');
  const L = Math.max(1, Math.round(o.correlationCells));
  const n = power.length;
  const offset = Math.floor(rng.uniform() * L);
  let prev = rng.gamma(o.nu) / o.nu;
  let next = rng.gamma(o.nu) / o.nu;
  let pos = -offset;
  for (let i = 0; i < n; i++) {
    if (i - pos >= L) {
      pos += L;
      prev = next;
      next = rng.gamma(o.nu) / o.nu;
    }
    const t = L === 1 ? prev : prev + ((next - prev) * (i - pos)) / L;
    power[i] = power[i] + o.cnr * t * rng.exponential(1);
  }
}

export interface LandPatch {
  fromDegrees: number;
  toDegrees: number;
  fromMetres: number;
  toMetres: number;
  /** Mean land return over noise (dB). */
  powerDb: number;
}

function inArc(az: number, from: number, to: number): boolean {
  const a = ((az % 360) + 360) % 360;
  return from <= to ? a >= from && a <= to : a >= from || a <= to;
}

/**
 * Land: persistent strong returns in fixed patches (a coast, a jetty). Their level is steady
 * from scan to scan (a Gamma texture of shape 50, so a few per cent of spread), which is what
 * a clutter map learns. Adds to `power` in place for the spoke at `azimuthDegrees`.
 */
export function addLand(power: Float32Array, azimuthDegrees: number, patches: readonly LandPatch[], rangeCellMetres: number, startRangeCell: number, rng: Rng): void {
  for (const p of patches) {
    if (!inArc(azimuthDegrees, p.fromDegrees, p.toDegrees)) continue;
    const level = 10 ** (p.powerDb / 10);
    const first = Math.max(0, Math.ceil(p.fromMetres / rangeCellMetres - 0.5 - startRangeCell));
    const last = Math.min(power.length - 1, Math.floor(p.toMetres / rangeCellMetres - 0.5 - startRangeCell));
    for (let i = first; i <= last; i++) power[i] = power[i] + (level * rng.gamma(50)) / 50;
  }
}

/**
 * Pre-thresholded video, as many radars send it: codes below `thresholdCode` become 0, so most
 * of a spoke is exactly 0 and only what crossed the radar's own threshold keeps its code.
 */
export function preThreshold(codes: Uint8Array | Uint16Array, thresholdCode: number): void {
  for (let i = 0; i < codes.length; i++) if (codes[i] < thresholdCode) codes[i] = 0;
}
