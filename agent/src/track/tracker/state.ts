/** A live track's state inside the tracker (not part of its output). */
import type { Imm } from './filter.js';
import type { TrackStatus } from './types.js';

export interface Track {
  id: number;
  imm: Imm;
  timeMs: number;
  status: TrackStatus;
  /** Bit k set: a plot k scans ago. */
  history: number;
  age: number;
  hits: number;
  misses: number;
  lastHitMs: number;
  moving: boolean;
  /** Tentative: product over its hits of the chance that clutter alone explains them. */
  risk: number;
  /** Zones this track has raised and not yet left by the margin. */
  inZones: Set<string>;
  /** The target's extent beyond a point target, along and across the range, from its recent plots (m). */
  alongMetres: number;
  acrossMetres: number;
  /** Scans in a row this track has looked like a younger copy of another. */
  duplicateScans: number;
  /** Where its first plot was. */
  birthEast: number;
  birthNorth: number;
}

export function popcount(x: number): number {
  let n = 0;
  for (; x; x &= x - 1) n++;
  return n;
}
