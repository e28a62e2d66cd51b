import type { Logger } from 'pino';
import { systemClock, type Clock } from '../io/types.js';
import { normalizeDegrees, type LatLon } from '../track/geodesy.js';
import type { DetectionConfig } from './config.js';
import {
  PLOT_CELL,
  PLOT_CELL_MAX,
  PLOT_CELL_MIN,
  PLOT_COUNT,
  PLOT_PEAK,
  PLOT_ROW,
  PLOT_ROW_MAX,
  PLOT_ROW_MIN,
  PLOT_STRIDE,
  PLOT_SUM,
  testedCells1d,
  type Cfar1dOptions,
  type DetectorKernels,
  type PlotExtractor,
} from './kernel-types.js';
import { buildLut } from './lut.js';
import { hasMasks, rasterizeMasks } from './masks.js';
import { ScanAssembler, type Sector, type SpokeGeometry } from './scan-assembler.js';
import { defaultOsRank, thresholdFactor } from './thresholds.js';
import type { Plot, VideoSpoke } from './types.js';

export interface DetectionStageOptions {
  config: DetectionConfig;
  kernels: DetectorKernels;
  logger: Logger;
  onPlots: (plots: Plot[]) => void;
  /** The radar's position: needed for polygon masks only. */
  radar?: LatLon;
  clock?: Clock;
}

export interface DetectionCounters {
  spokes: number;
  turns: number;
  duplicateSpokes: number;
  lateSpokes: number;
  missingSpokes: number;
  geometryChanges: number;
  spokesPerTurn: number;
  sectors: number;
  /** Cells with a full CFAR window (edge cells are not tested and not counted). */
  cellsTested: number;
  /** Cells over threshold, before masks. */
  detections: number;
  /** Detections removed by the blanking masks. */
  blanked: number;
  plots: number;
  plotsLastTurn: number;
  /** Plots dropped by minPlotCells / maxPlotCells. */
  plotsDropped: number;
  /** Sectors whose processing took longer than the antenna took to sweep them. */
  overruns: number;
  /** Sectors not tested: spokes too short for the CFAR window. */
  sectorsSkipped: number;
  lastSectorMs: number;
  maxSectorMs: number;
  /** 1 when the TypeScript reference detector runs because the native addon did not load. */
  nativeFallback: number;
}

/** Plots taken from the extractor per call. */
const PLOT_BATCH = 256;

/**
 * The detection stage of one radar-video sensor: scan assembly, CFAR along range per sector of
 * a few spokes, clutter map, masks, and streaming plot extraction, so each plot leaves a few
 * spokes after the antenna has passed it (and one straddling north is one plot).
 */
export class DetectionStage {
  readonly counters: DetectionCounters;
  private config: DetectionConfig;
  private readonly kernels: DetectorKernels;
  private readonly logger: Logger;
  private readonly onPlots: (plots: Plot[]) => void;
  private readonly radar: LatLon | undefined;
  private readonly clock: Clock;
  private readonly assembler: ScanAssembler;
  private running = false;
  private geometry: SpokeGeometry | null = null;
  private extractor: PlotExtractor | null = null;
  private cfarOptions: Cfar1dOptions | null = null;
  private lut: Float32Array | null = null;
  private blank: Uint8Array | null = null;
  private clutterMap: Float32Array | null = null;
  private clutterUpdates = new Uint32Array(0);
  private readonly plotBuffer = new Float64Array(PLOT_BATCH * PLOT_STRIDE);
  private plotsThisTurn = 0;
  private warnedShort = false;

  constructor(options: DetectionStageOptions) {
    this.config = options.config;
    this.kernels = options.kernels;
    this.logger = options.logger;
    this.onPlots = options.onPlots;
    this.radar = options.radar;
    this.clock = options.clock ?? systemClock;
    this.counters = {
      spokes: 0,
      turns: 0,
      duplicateSpokes: 0,
      lateSpokes: 0,
      missingSpokes: 0,
      geometryChanges: 0,
      spokesPerTurn: 0,
      sectors: 0,
      cellsTested: 0,
      detections: 0,
      blanked: 0,
      plots: 0,
      plotsLastTurn: 0,
      plotsDropped: 0,
      overruns: 0,
      sectorsSkipped: 0,
      lastSectorMs: 0,
      maxSectorMs: 0,
      nativeFallback: options.kernels.nativeLoadError === null ? 0 : 1,
    };
    this.assembler = new ScanAssembler({
      sectorSpokes: this.config.sectorSpokes,
      ...(this.config.spokesPerTurn === undefined ? {} : { spokesPerTurn: this.config.spokesPerTurn }),
      onSector: (sector) => this.processSector(sector),
      onGeometry: (geometry) => this.setGeometry(geometry),
    });
  }

  /** The kernels in use ('native' or 'reference') and why native did not load. */
  get impl(): DetectorKernels['impl'] {
    return this.kernels.impl;
  }

  async start(): Promise<void> {
    this.running = true;
    const c = this.config;
    this.logger.info(
      { impl: this.kernels.impl, method: c.method, guard: c.guard, train: c.train, pfa: c.pfa, scale: this.factor(), noiseFloor: c.noiseFloor, sectorSpokes: c.sectorSpokes },
      'detection started',
    );
  }

  /** Processes what is pending (the open sector, the open plots) and stops. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.assembler.flush();
    if (this.extractor) {
      this.extractor.flush();
      this.drainPlots();
    }
    this.running = false;
  }

  /**
   * New settings from the next sector on (a `set-detection` command): thresholds, LUT, masks
   * and clutter map are rebuilt for the current geometry. `sectorSpokes` and `spokesPerTurn`
   * stay as started (the scan assembler is built with them).
   */
  reconfigure(config: DetectionConfig): void {
    this.config = { ...config, sectorSpokes: this.config.sectorSpokes, spokesPerTurn: this.config.spokesPerTurn };
    if (this.geometry) this.setGeometry(this.geometry);
  }

  pushSpoke(spoke: VideoSpoke): void {
    this.assembler.push(spoke);
    this.syncAssemblerCounters();
  }

  private factor(): number {
    const c = this.config;
    if (c.scale !== undefined) return c.scale;
    return thresholdFactor(c.method, c.train, c.pfa, c.method === 'os' ? this.rank() : undefined);
  }

  private rank(): number {
    return this.config.k ?? defaultOsRank(2 * this.config.train);
  }

  private syncAssemblerCounters(): void {
    const a = this.assembler.counters;
    const c = this.counters;
    c.spokes = a.spokes;
    c.duplicateSpokes = a.duplicateSpokes;
    c.lateSpokes = a.lateSpokes;
    c.missingSpokes = a.missingSpokes;
    c.geometryChanges = a.geometryChanges;
    if (a.turns !== c.turns) {
      c.turns = a.turns;
      c.plotsLastTurn = this.plotsThisTurn;
      this.plotsThisTurn = 0;
    }
  }

  private setGeometry(g: SpokeGeometry): void {
    if (this.extractor) {
      this.extractor.flush();
      this.drainPlots();
    }
    this.geometry = g;
    this.counters.spokesPerTurn = g.spokesPerTurn;
    const c = this.config;
    this.lut = g.dtype === 'f32' ? null : buildLut(c.lut, g.dtype === 'u8' ? 8 : 16);
    this.extractor = this.kernels.createPlotExtractor({ lut: this.lut, minCells: c.minPlotCells, maxCells: c.maxPlotCells });
    this.cfarOptions = {
      method: c.method,
      guard: c.guard,
      train: c.train,
      ...(c.method === 'os' ? { k: this.rank() } : {}),
      scale: this.factor(),
      lut: this.lut,
      minThreshold: c.noiseFloor,
    };
    this.blank = null;
    if (hasMasks(c.masks)) {
      try {
        this.blank = rasterizeMasks(c.masks, g, this.radar);
      } catch (err) {
        this.logger.error({ err }, 'masks not applied');
      }
    }
    this.clutterMap = c.clutterMap.enabled ? new Float32Array(g.spokesPerTurn * g.cols) : null;
    this.clutterUpdates = new Uint32Array(Math.ceil(g.spokesPerTurn / c.sectorSpokes));
    this.warnedShort = false;
    this.logger.info({ spokesPerTurn: g.spokesPerTurn, cells: g.cols, dtype: g.dtype, rangeCellMetres: g.rangeCellMetres }, 'video geometry');
  }

  private processSector(sector: Sector): void {
    const t0 = this.clock.monoMs();
    const g = sector.geometry;
    const { rows } = sector;
    const cols = g.cols;
    const c = this.config;
    this.counters.sectors++;
    if (g.codes32 && c.lut.type === 'log') {
      const v = sector.video;
      for (let i = 0; i < v.length; i++) v[i] = Math.pow(10, (c.lut.zeroCountDb + v[i] * c.lut.dbPerCount) / 10);
    }
    if (2 * (c.guard + c.train) + 1 > cols) {
      this.counters.sectorsSkipped++;
      if (!this.warnedShort) this.logger.error({ cols, guard: c.guard, train: c.train }, 'spokes too short for the CFAR window: no detection');
      this.warnedShort = true;
      return;
    }
    const mask = new Uint8Array(rows * cols);
    const opts = this.cfarOptions!;
    const cellOffset = sector.firstSpoke * cols;
    const sectorId = Math.floor(sector.firstSpoke / c.sectorSpokes);
    let clutter: Float32Array | null = null;
    if (this.clutterMap && this.clutterUpdates[sectorId] > 0) clutter = this.clutterMap.subarray(cellOffset, cellOffset + rows * cols);
    let detections = this.kernels.cfar1d(
      sector.video,
      rows,
      cols,
      clutter ? { ...opts, clutterMap: clutter, clutterScale: Math.pow(10, c.clutterMap.thresholdDb / 10) } : opts,
      mask,
    );
    let present = 0;
    for (let r = 0; r < rows; r++) {
      if (sector.present[r]) {
        present++;
        continue;
      }
      for (let i = r * cols; i < (r + 1) * cols; i++) detections -= mask[i];
      mask.fill(0, r * cols, (r + 1) * cols);
    }
    this.counters.cellsTested += testedCells1d(present, cols, c.guard, c.train);
    this.counters.detections += detections;
    if (this.blank) {
      const left = this.kernels.applyMask(mask, this.blank.subarray(cellOffset, cellOffset + rows * cols));
      this.counters.blanked += detections - left;
    }
    if (this.clutterMap) this.updateClutter(sector, sectorId, cellOffset);
    this.extractor!.push(mask, sector.video, rows, cols, sector.firstRow);
    this.drainPlots();
    const ms = this.clock.monoMs() - t0;
    this.counters.lastSectorMs = ms;
    if (ms > this.counters.maxSectorMs) this.counters.maxSectorMs = ms;
    const sweptMs = ((sector.lastMonoMs - sector.firstMonoMs) * rows) / Math.max(1, rows - 1);
    if (rows > 1 && sweptMs > 0 && ms > sweptMs) this.counters.overruns++;
  }

  private updateClutter(sector: Sector, sectorId: number, cellOffset: number): void {
    const c = this.config;
    const cols = sector.geometry.cols;
    const n = this.clutterUpdates[sectorId];
    // Running mean over the first turns, then the recursive mean of time constant T.
    const weight = Math.max(1 / (n + 1), 1 / c.clutterMap.timeConstantScans);
    for (let r = 0; r < sector.rows; r++) {
      if (!sector.present[r]) continue;
      const at = cellOffset + r * cols;
      this.kernels.updateClutterMap(this.clutterMap!.subarray(at, at + cols), sector.video.subarray(r * cols, (r + 1) * cols), this.lut, weight);
    }
    this.clutterUpdates[sectorId] = n + 1;
  }

  private drainPlots(): void {
    const g = this.geometry;
    const ex = this.extractor;
    if (!g || !ex) return;
    const S = g.spokesPerTurn;
    const degPerSpoke = 360 / S;
    const centre = this.assembler.centreDegrees;
    const wall = this.assembler.wallMs;
    const out = this.plotBuffer;
    const plots: Plot[] = [];
    for (;;) {
      const n = ex.take(out);
      for (let i = 0; i < n; i++) {
        const o = i * PLOT_STRIDE;
        const row = out[o + PLOT_ROW];
        const i0 = Math.floor(row);
        const f = row - i0;
        const a0 = centre[((i0 % S) + S) % S];
        const a1 = centre[(((i0 + 1) % S) + S) % S];
        let d = a1 - a0;
        if (d > 180) d -= 360;
        if (d < -180) d += 360;
        const nearest = Math.round(row);
        const count = out[o + PLOT_COUNT];
        plots.push({
          timeMs: wall[((nearest % S) + S) % S],
          scan: Math.floor(nearest / S),
          rangeMetres: (g.startRangeCell + out[o + PLOT_CELL]) * g.rangeCellMetres,
          bearingDegrees: normalizeDegrees(a0 + f * d),
          rangeExtentMetres: (out[o + PLOT_CELL_MAX] - out[o + PLOT_CELL_MIN] + 1) * g.rangeCellMetres,
          azimuthExtentDegrees: (out[o + PLOT_ROW_MAX] - out[o + PLOT_ROW_MIN] + 1) * degPerSpoke,
          peakPower: out[o + PLOT_PEAK],
          meanPower: out[o + PLOT_SUM] / count,
          cellCount: count,
        });
      }
      if (n < PLOT_BATCH) break;
    }
    this.counters.plotsDropped = ex.dropped;
    if (plots.length === 0) return;
    this.counters.plots += plots.length;
    this.plotsThisTurn += plots.length;
    try {
      this.onPlots(plots);
    } catch (err) {
      this.logger.error({ err }, 'plot consumer failed');
    }
  }
}
