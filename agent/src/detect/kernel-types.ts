/**
 * The contract shared by the native detector (native/src) and its TypeScript twin
 * (agent/src/detect/reference): the same functions, the same arguments, the same results.
 * TypedArray in, TypedArray out; the caller supplies the output buffers.
 */

/** Raw video: log-compressed or linear codes (u8/u16, through a lookup table) or f32 linear power. */
export type VideoArray = Uint8Array | Uint16Array | Float32Array;

export type Cfar1dMethod = 'ca' | 'go' | 'so' | 'os';
export type Cfar2dMethod = 'ca' | 'os';

export interface PowerOptions {
  /**
   * Code -> linear power, applied on the fly: 256 entries for Uint8Array video, 65536 for
   * Uint16Array. Not allowed with Float32Array video (already linear power).
   */
  lut?: Float32Array | null;
  /** Minimum threshold in linear power (a per-sensor noise floor); 0 or absent = none. */
  minThreshold?: number;
}

export interface Cfar1dOptions extends PowerOptions {
  method: Cfar1dMethod;
  /** Guard cells on each side of the cell under test. */
  guard: number;
  /** Reference cells on each side (N = 2 x train). */
  train: number;
  /** OS: rank (1-based) of the reference cell taken as the clutter estimate, 1 <= k <= N. */
  k?: number;
  /**
   * Threshold factor. CA: times the mean of the N reference cells; GO/SO: times the larger /
   * smaller half-window mean; OS: times the k-th smallest reference cell.
   */
  scale: number;
  /** Per-cell clutter-map mean (rows x cols, linear power), compared after `clutterScale`. */
  clutterMap?: Float32Array | null;
  /** A cell must also exceed clutterScale x clutterMap[i] (default 1). */
  clutterScale?: number;
}

export interface Cfar2dOptions extends PowerOptions {
  method: Cfar2dMethod;
  guardRange: number;
  guardDoppler: number;
  trainRange: number;
  trainDoppler: number;
  /** OS: rank (1-based) among the N reference cells. */
  k?: number;
  /** CA: times the mean of the reference cells; OS: times the k-th smallest. */
  scale: number;
}

export interface LevelOptions {
  /** A cell is a hit when its code (or f32 value) is at or above this. */
  level: number;
  /** Optional lower level: a run along range at or above it that reaches `level` is all hit. */
  hysteresisLevel?: number;
}

export interface HitMapOptions {
  /** Index in the turn of the first of the call's spokes (rows); the map holds the whole turn. */
  firstSpoke: number;
  /** A hit within this many cells along range and spokes across of a learnt cell is cleared. */
  spreadCells?: number;
  spreadSpokes?: number;
  /** 1 per row whose spoke arrived: the others are neither learnt nor forgotten. Absent: all. */
  present?: Uint8Array | null;
  /** Turns of the recursive hit frequency (weight 1/T per turn). */
  timeConstantTurns: number;
  /** Hit frequency (0..1] at or above which a cell is learnt as clutter. */
  threshold: number;
  /** false: use the map as it is (frozen), do not update it. */
  learn?: boolean;
}

export interface ExtractOptions {
  lut?: Float32Array | null;
  /** Plots with fewer / more cells are dropped (counted). */
  minCells?: number;
  maxCells?: number;
  /**
   * Streaming extractor only: a component spanning this many rows (the spokes of a turn) is
   * closed as a plot and what continues it starts a new one, so a ring of returns round the
   * whole turn (the radar's own near-range ring) yields a plot per turn instead of never closing.
   */
  maxRows?: number;
}

export interface ExtractTurnOptions extends ExtractOptions {
  /** Rows are the spokes of one whole turn: row rows-1 neighbours row 0. */
  wrap?: boolean;
}

/**
 * One plot in a Float64Array, PLOT_STRIDE numbers each:
 * [rowCentroid, cellCentroid, rowMin, rowMax, cellMin, cellMax, peakPower, sumPower, cellCount,
 * sumCell] (sumCell: the unweighted sum of the cells' centres c + 0.5, for the return's area).
 * Rows are absolute (the caller's row numbering; with wrap, a plot across the last row may
 * carry rows >= rows: take them modulo rows). cellCentroid is in cells from column 0 with a
 * cell's centre at c + 0.5, weighted by power (unweighted when all its power is 0).
 */
export const PLOT_STRIDE = 10;
export const PLOT_ROW = 0;
export const PLOT_CELL = 1;
export const PLOT_ROW_MIN = 2;
export const PLOT_ROW_MAX = 3;
export const PLOT_CELL_MIN = 4;
export const PLOT_CELL_MAX = 5;
export const PLOT_PEAK = 6;
export const PLOT_SUM = 7;
export const PLOT_COUNT = 8;
export const PLOT_SUM_CELL = 9;

/**
 * Streaming 8-connected component labelling: feed rows (spokes) in order; a component is
 * closed (and becomes a plot) as soon as a row arrives that does not continue it.
 */
export interface PlotExtractor {
  /**
   * Adds `rows` rows of detections (mask, non-zero = detected) with their video, the first
   * one being row number `firstRow`. A jump in row numbers closes every open component.
   * Returns the number of closed plots waiting to be taken.
   */
  push(mask: Uint8Array, video: VideoArray, rows: number, cols: number, firstRow: number): number;
  /** Moves up to out.length / PLOT_STRIDE waiting plots into `out`; returns how many. */
  take(out: Float64Array): number;
  /** Closes every open component (end of data). Returns the number waiting. */
  flush(): number;
  /** Forgets everything (open components and waiting plots). */
  reset(): void;
  /** Plots dropped by the size filters since creation. */
  readonly dropped: number;
}

export interface DetectorKernels {
  readonly impl: 'native' | 'reference';
  /** Why the native addon did not load (reference fallback), else null. */
  readonly nativeLoadError: string | null;
  /** 1-D CFAR along each row; out[i] = 1 for a detection, 0 otherwise. Returns detections. */
  cfar1d(input: VideoArray, rows: number, cols: number, options: Cfar1dOptions, out: Uint8Array): number;
  cfar1dAsync(input: VideoArray, rows: number, cols: number, options: Cfar1dOptions, out: Uint8Array): Promise<number>;
  /** 2-D CFAR on a range-Doppler map (rows = range, cols = Doppler, wrap in Doppler). */
  cfar2d(input: VideoArray, rows: number, cols: number, options: Cfar2dOptions, out: Uint8Array): number;
  cfar2dAsync(input: VideoArray, rows: number, cols: number, options: Cfar2dOptions, out: Uint8Array): Promise<number>;
  /** Level detection on processed video; out[i] = 1 for a hit. Returns hits. */
  levelDetect(input: VideoArray, rows: number, cols: number, options: LevelOptions, out: Uint8Array): number;
  /**
   * One turn of the hit-frequency clutter map (1 byte per cell, map = spokesPerTurn x cols) over
   * `rows` spokes from options.firstSpoke: clears the hits near learnt cells, then learns this
   * turn's hits. stats[0] += learnt cells of those spokes. Returns hits left.
   */
  updateHitMap(map: Uint8Array, hits: Uint8Array, rows: number, cols: number, options: HitMapOptions, stats?: Uint32Array | null): number;
  /** Clears detections where blank[i] != 0; returns the detections left. */
  applyMask(detections: Uint8Array, blank: Uint8Array): number;
  /** map[i] += weight x (power[i] - map[i]), float32 arithmetic. */
  updateClutterMap(map: Float32Array, input: VideoArray, lut: Float32Array | null, weight: number): void;
  /**
   * Connected components of a whole matrix at once. Writes up to out.length / PLOT_STRIDE plots
   * and returns how many there are (possibly more than written).
   */
  extractPlots(mask: Uint8Array, video: VideoArray, rows: number, cols: number, options: ExtractTurnOptions, out: Float64Array): number;
  extractPlotsAsync(mask: Uint8Array, video: VideoArray, rows: number, cols: number, options: ExtractTurnOptions, out: Float64Array): Promise<number>;
  createPlotExtractor(options: ExtractOptions): PlotExtractor;
}

/** Cells with a full reference window along a row of `cols` cells. */
export function testedCells1d(rows: number, cols: number, guard: number, train: number): number {
  return rows * Math.max(0, cols - 2 * (guard + train));
}

export function testedCells2d(rows: number, cols: number, guardRange: number, trainRange: number): number {
  return Math.max(0, rows - 2 * (guardRange + trainRange)) * cols;
}
