import pino from 'pino';
import { detectionConfigSchema, type DetectionConfig } from './config.js';
import type { DetectorKernels } from './kernel-types.js';
import { DetectionStage } from './stage.js';
import type { VideoSpoke } from './types.js';

/**
 * What `lookout calibrate` measures on some turns of video, and the detection block it
 * recommends: the level method where the radar has processed its video (most cells exactly 0,
 * strong returns saturated, a handful of codes), CFAR with a log LUT estimated from the noise
 * where the video is raw (a noise floor whose power is exponential: in dB its quartiles are
 * 6.83 dB apart and its median is 1.59 dB below the mean).
 */

export interface VideoSurvey {
  spokes: number;
  /** Antenna turns seen whole. */
  turns: number;
  spokesPerTurn: number;
  cellsPerSpoke: number;
  rangeCellMetres: number;
  resolutionBits: number;
  /** Codes that occur, ascending, and how many cells had each. */
  codes: number[];
  counts: number[];
  zeroShare: number;
  /** The highest code holding at least 0.1 % of the cells (where returns saturate) and its share. */
  topCode: number;
  topShare: number;
  /** Quartiles and 90th percentile of the codes (interpolated within codes). */
  q25: number;
  q50: number;
  q75: number;
  q90: number;
  /** (q90 - q50) / (q75 - q25): 0.763 for log-compressed exponential noise. */
  shapeRatio: number;
  /** The noise floor looks exponential (raw video). */
  exponentialNoise: boolean;
  kind: 'raw' | 'processed';
}

/** Quantiles of 10 log10(X), X ~ Exp(1): q25, q50, q75, q90 in dB. */
const EXP_DB = { q25: 10 * Math.log10(-Math.log(0.75)), q50: 10 * Math.log10(Math.LN2), q75: 10 * Math.log10(-Math.log(0.25)), q90: 10 * Math.log10(-Math.log(0.1)) };
const EXP_SHAPE = (EXP_DB.q90 - EXP_DB.q50) / (EXP_DB.q75 - EXP_DB.q25);

/** Collects the statistics of a stream of spokes. */
export class VideoSurveyor {
  private readonly histogram = new Float64Array(65536);
  private cells = 0;
  private spokeCount = 0;
  private fullTurns = 0;
  private lastAzimuth = -1;
  private seenWrap = false;
  private geometry: { cells: number; rangeCellMetres: number; bits: number; width: number } | null = null;
  /** Spokes kept for evaluating the recommended block. */
  readonly spokes: VideoSpoke[] = [];

  constructor(private readonly maxTurns: number) {}

  /** Adds a spoke; returns false once `maxTurns` whole turns have been seen. */
  push(spoke: VideoSpoke): boolean {
    if (this.fullTurns >= this.maxTurns) return false;
    const az = spoke.startAzimuth;
    if (this.lastAzimuth >= 0 && az < this.lastAzimuth - 32768) {
      if (this.seenWrap) this.fullTurns++;
      this.seenWrap = true;
      if (this.fullTurns >= this.maxTurns) return false;
    }
    this.lastAzimuth = az;
    this.geometry ??= { cells: spoke.cells.length, rangeCellMetres: spoke.rangeCellMetres, bits: spoke.resolutionBits, width: (spoke.endAzimuth - spoke.startAzimuth) & 0xffff };
    const h = this.histogram;
    const c = spoke.cells;
    for (let i = 0; i < c.length; i++) h[Math.min(65535, c[i])]++;
    this.cells += c.length;
    this.spokeCount++;
    this.spokes.push({ ...spoke, cells: spoke.cells.slice() });
    return true;
  }

  get turnsSeen(): number {
    return this.fullTurns;
  }

  result(): VideoSurvey | null {
    const g = this.geometry;
    if (!g || this.cells === 0) return null;
    const codes: number[] = [];
    const counts: number[] = [];
    for (let v = 0; v < 65536; v++) {
      if (this.histogram[v] === 0) continue;
      codes.push(v);
      counts.push(this.histogram[v]);
    }
    const quantile = (p: number): number => {
      const target = p * this.cells;
      let acc = 0;
      for (let k = 0; k < codes.length; k++) {
        if (acc + counts[k] >= target) return codes[k] - 0.5 + (target - acc) / counts[k];
        acc += counts[k];
      }
      return codes[codes.length - 1];
    };
    const q25 = quantile(0.25);
    const q50 = quantile(0.5);
    const q75 = quantile(0.75);
    const q90 = quantile(0.9);
    const zeroShare = (this.histogram[0] ?? 0) / this.cells;
    // A stray cell or two at a higher code is not where the video saturates.
    let top = codes.length - 1;
    while (top > 0 && counts[top] < 0.001 * this.cells) top--;
    const topCode = codes[top];
    const topShare = counts[top] / this.cells;
    const shapeRatio = q75 > q25 ? (q90 - q50) / (q75 - q25) : 0;
    const exponentialNoise = zeroShare < 0.05 && codes.length > 32 && Math.abs(shapeRatio - EXP_SHAPE) < 0.2 * EXP_SHAPE;
    const spokesPerTurn = g.width > 0 ? Math.round(65536 / g.width) : Math.round(this.spokeCount / Math.max(1, this.fullTurns + 1));
    return {
      spokes: this.spokeCount,
      turns: this.fullTurns,
      spokesPerTurn,
      cellsPerSpoke: g.cells,
      rangeCellMetres: g.rangeCellMetres,
      resolutionBits: g.bits,
      codes,
      counts,
      zeroShare,
      topCode,
      topShare,
      q25,
      q50,
      q75,
      q90,
      shapeRatio,
      exponentialNoise,
      kind: exponentialNoise ? 'raw' : 'processed',
    };
  }
}

export interface Recommendation {
  /** The block for sensors[].detection (the YAML document's `detection:`). */
  detection: Record<string, unknown>;
  reasons: string[];
}

const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;

export function recommend(s: VideoSurvey): Recommendation {
  const reasons: string[] = [
    `${s.spokes} spokes, ${s.turns} whole turns, ${s.spokesPerTurn} spokes per turn, ${s.cellsPerSpoke} cells of ${s.rangeCellMetres.toFixed(3)} m (${(s.cellsPerSpoke * s.rangeCellMetres).toFixed(0)} m), ${s.resolutionBits}-bit cells`,
    `${s.codes.length} codes in use (${s.codes.length <= 20 ? s.codes.join(' ') : `${s.codes[0]}..${s.codes[s.codes.length - 1]}`}); ${pct(s.zeroShare)} of cells are 0; ${pct(s.topShare)} at ${s.topCode}, the highest code with 0.1 % of the cells or more (saturation)`,
    `quantiles of the codes: q25 ${s.q25.toFixed(1)}, q50 ${s.q50.toFixed(1)}, q75 ${s.q75.toFixed(1)}, q90 ${s.q90.toFixed(1)}; shape (q90-q50)/(q75-q25) = ${s.shapeRatio.toFixed(3)} (exponential noise in dB: ${EXP_SHAPE.toFixed(3)})`,
  ];
  if (s.kind === 'raw') {
    const dbPerCount = (EXP_DB.q75 - EXP_DB.q25) / (s.q75 - s.q25);
    const zeroCountDb = EXP_DB.q50 - s.q50 * dbPerCount;
    reasons.push(
      'raw video: a noise floor on every cell whose spread matches exponential power after a log amplifier',
      `LUT from the noise: ${dbPerCount.toFixed(4)} dB per count (6.83 dB between the noise quartiles), code 0 = ${zeroCountDb.toFixed(2)} dB re the noise mean`,
      'recommended: CA-CFAR along range (guard 2, train 16, Pfa 1e-6) through that LUT; a clutter map (power mean) can be enabled for land',
    );
    return {
      detection: {
        method: 'ca',
        guard: 2,
        train: 16,
        pfa: 1e-6,
        lut: { type: 'log', dbPerCount: Number(dbPerCount.toFixed(5)), zeroCountDb: Number(zeroCountDb.toFixed(3)) },
        spokesPerTurn: s.spokesPerTurn,
      },
      reasons,
    };
  }
  const level = s.codes.find((c) => c > 0) ?? 1;
  // The map's spread: 7.5 m in range, and across as many spokes as make about 7.5 m at half the
  // video's range (at most 5: at long range a spoke is metres wide and a boat would be learnt).
  const spreadMetres = 7.5;
  const spokeMetres = ((s.cellsPerSpoke * s.rangeCellMetres) / 2) * ((2 * Math.PI) / s.spokesPerTurn);
  const spreadSpokes = Math.max(1, Math.min(5, Math.round(spreadMetres / spokeMetres)));
  reasons.push(
    `processed video: ${s.zeroShare > 0.3 ? 'most cells are exactly 0' : 'no exponential noise floor'}${s.codes.length <= 16 ? `, only ${s.codes.length} codes` : ''}${s.topShare > 0.01 ? ', strong returns saturate' : ''}: the radar has thresholded it already, so there is no noise to set a false-alarm rate on`,
    `recommended: the level method at the lowest non-zero code (${level}), so every cell the radar kept is a hit and a return is one plot; no upper limit on plot size (a jetty is thousands of cells)`,
    `clutter map: hit frequency over 8 turns, a cell hit on 30 % of them is learnt (with a spread of ${spreadMetres} m and ${spreadSpokes} spokes, so the flickering edge of structure goes with it); a boat crossing is there a turn or two and is not learnt`,
  );
  return {
    detection: {
      method: 'level',
      level,
      spokesPerTurn: s.spokesPerTurn,
      maxPlotCells: s.spokesPerTurn * s.cellsPerSpoke,
      clutterMap: { enabled: true, timeConstantTurns: 8, threshold: 0.3, spreadMetres, spreadSpokes },
    },
    reasons,
  };
}

export interface BlockFigures {
  /** Whole turns measured. */
  turns: number;
  plotsPerTurn: number;
  /** Mean share of a turn's plots found again in the next turn. */
  recurrence: number;
  /** Mean share of non-zero cells detected. */
  covered: number;
  /** Cells learnt by the clutter map at the end. */
  cellsLearnt: number;
  /** Plots per turn, turn by turn. */
  perTurn: number[];
}

/** Runs a detection block over spokes (no persistence) and averages its per-turn quality figures. */
export function evaluateBlock(spokes: readonly VideoSpoke[], block: unknown, kernels: DetectorKernels): BlockFigures {
  const config: DetectionConfig = detectionConfigSchema.parse(block);
  const stage = new DetectionStage({ config, kernels, logger: pino({ level: 'silent' }), onPlots: () => {} });
  const perTurn: number[] = [];
  const rec: number[] = [];
  const cov: number[] = [];
  let measured = 0;
  for (const spoke of spokes) {
    stage.pushSpoke(spoke);
    const f = stage.qualityFigures;
    if (f.turnsMeasured !== measured) {
      measured = f.turnsMeasured;
      perTurn.push(f.plotsLastTurn);
      cov.push(f.coveredPermille / 1000);
      if (measured > 1) rec.push(f.recurrencePermille / 1000);
    }
  }
  const mean = (a: number[]): number => (a.length ? a.reduce((x, y) => x + y, 0) / a.length : 0);
  return { turns: perTurn.length, plotsPerTurn: mean(perTurn), recurrence: mean(rec), covered: mean(cov), cellsLearnt: stage.qualityFigures.cellsLearnt, perTurn };
}
