import { Rng } from '../../../agent/src/sim/rng.js';
import { quantizeLog, synthesizeSpokePower, type Echo } from '../../../agent/src/sim/video.js';
import type { VideoSpoke } from '../../../agent/src/detect/types.js';

export interface SpokeStreamOptions {
  spokesPerTurn: number;
  cols: number;
  rangeCellMetres: number;
  beamwidthDegrees: number;
  echoes: Echo[];
  seed: number;
  turns: number;
  /** Starting spoke (to begin mid-turn). */
  startSpoke?: number;
  dbPerCount?: number;
  zeroCountDb?: number;
  /** Codes below this are sent as 0 (pre-thresholded video). */
  preThresholdCode?: number;
}

/** Log-compressed 8-bit spokes of noise plus echoes, as the lead's simulator makes them. */
export function* spokeStream(o: SpokeStreamOptions): Generator<VideoSpoke> {
  const rng = new Rng(o.seed);
  const power = new Float32Array(o.cols);
  const S = o.spokesPerTurn;
  const start = o.startSpoke ?? 0;
  for (let k = start; k < start + o.turns * S; k++) {
    const index = k % S;
    synthesizeSpokePower(power, { azimuthDegrees: ((index + 0.5) * 360) / S, beamwidthDegrees: o.beamwidthDegrees, rangeCellMetres: o.rangeCellMetres, startRangeCell: 0, echoes: o.echoes }, rng);
    const cells = new Uint8Array(o.cols);
    quantizeLog(power, { dbPerCount: o.dbPerCount ?? 0.25, zeroCountDb: o.zeroCountDb ?? -24 }, 8, cells);
    if (o.preThresholdCode !== undefined) for (let i = 0; i < cells.length; i++) if (cells[i]! < o.preThresholdCode) cells[i] = 0;
    yield {
      startAzimuth: Math.round((index * 65536) / S) & 0xffff,
      endAzimuth: Math.round(((index + 1) * 65536) / S) & 0xffff,
      startRangeCell: 0,
      rangeCellMetres: o.rangeCellMetres,
      cells,
      resolutionBits: 8,
      rx: { monoMs: k * 1.2, wallMs: 1_700_000_000_000 + k * 1.2 },
    };
  }
}
