import type { Logger } from 'pino';
import { systemClock, type Clock } from '../io/types.js';
import type { LatLon } from '../track/geodesy.js';
import { clutterTimeConstant, type DetectionConfig } from './config.js';
import { HitMapStore } from './hit-map.js';
import {
  PLOT_CELL,
  PLOT_CELL_MAX,
  PLOT_CELL_MIN,
  PLOT_ROW,
  PLOT_ROW_MAX,
  PLOT_ROW_MIN,
  PLOT_STRIDE,
  testedCells1d,
  type Cfar1dOptions,
  type DetectorKernels,
  type HitMapOptions,
  type LevelOptions,
  type PlotExtractor,
} from './kernel-types.js';
import { buildLut } from './lut.js';
import { hasMasks, rasterizeMasks } from './masks.js';
import { buildPlot } from './plot-build.js';
import { TurnQuality, type QualityFigures } from './quality.js';
import { ScanAssembler, type Sector, type SpokeGeometry, type SpokeTimes } from './scan-assembler.js';
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
  /** Where the hit-frequency clutter map is kept across restarts; absent: memory only. */
  clutterMapPath?: string;
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
  /** Plots dropped by minPlotCells / maxPlotCells and the plotSize area limits. */
  plotsDropped: number;
  /** Extended returns (land, jetties) seen, and those kept off the wire (plotSize.sendExtended). */
  plotsExtended: number;
  plotsExtendedHeld: number;
  /** Hits cleared because the clutter map had learnt their cells. */
  hitsLearnt: number;
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
/** The hit map is written to the data directory every this many turns (and at stop). */
const SAVE_EVERY_TURNS = 20;

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
  private readonly hitMap: HitMapStore;
  private hitMapOptions: Omit<HitMapOptions, 'firstSpoke'> | null = null;
  private levelOptions: LevelOptions | null = null;
  private readonly learntStats = new Uint32Array(1);
  /** The detections of one sector, reused from sector to sector. */
  private mask = new Uint8Array(0);
  private readonly plotBuffer = new Float64Array(PLOT_BATCH * PLOT_STRIDE);
  private plotsThisTurn = 0;
  private warnedShort = false;
  private readonly quality = new TurnQuality();
  /** Turn of the first sector seen since the geometry was set (its turn is partial). */
  private firstTurn = -1;
  private areaDropped = 0;
  private lastSectorTurn = -1;
  private spokeTimes: SpokeTimes = { centreDegrees: new Float64Array(0), wallMs: new Float64Array(0) };

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
      plotsExtended: 0,
      plotsExtendedHeld: 0,
      hitsLearnt: 0,
      overruns: 0,
      sectorsSkipped: 0,
      lastSectorMs: 0,
      maxSectorMs: 0,
      nativeFallback: options.kernels.nativeLoadError === null ? 0 : 1,
    };
    this.hitMap = new HitMapStore({ logger: this.logger, ...(options.clutterMapPath ? { path: options.clutterMapPath } : {}) });
    this.assembler = new ScanAssembler({
      sectorSpokes: this.config.sectorSpokes,
      ...(this.config.spokesPerTurn === undefined ? {} : { spokesPerTurn: this.config.spokesPerTurn }),
      counters: this.counters,
      onSector: (sector) => this.processSector(sector),
      onGeometry: (geometry, times) => this.setGeometry(geometry, times),
      onTurn: () => {
        this.counters.plotsLastTurn = this.plotsThisTurn;
        this.plotsThisTurn = 0;
      },
    });
  }

  /** Per-turn quality: plots per turn, recurrence, cells covered, cells learnt. */
  get qualityFigures(): Readonly<QualityFigures> {
    return this.quality.figures;
  }

  /** The kernels in use ('native' or 'reference') and why native did not load. */
  get impl(): DetectorKernels['impl'] {
    return this.kernels.impl;
  }

  async start(): Promise<void> {
    this.running = true;
    const c = this.config;
    this.logger.info(
      c.method === 'level'
        ? { impl: this.kernels.impl, method: c.method, level: c.level, hysteresisLevel: c.hysteresisLevel, clutterMap: c.clutterMap.enabled, sectorSpokes: c.sectorSpokes }
        : { impl: this.kernels.impl, method: c.method, guard: c.guard, train: c.train, pfa: c.pfa, scale: this.factor(), noiseFloor: c.noiseFloor, sectorSpokes: c.sectorSpokes },
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
    this.hitMap.save();
    this.running = false;
  }

  /**
   * New settings from the next sector on (a `set-detection` command): thresholds, LUT, masks
   * and clutter map are rebuilt for the current geometry. `sectorSpokes` and `spokesPerTurn`
   * stay as started (the scan assembler is built with them).
   */
  reconfigure(config: DetectionConfig): void {
    this.config = { ...config, sectorSpokes: this.config.sectorSpokes, spokesPerTurn: this.config.spokesPerTurn };
    if (this.geometry) this.setGeometry(this.geometry, this.spokeTimes);
  }

  pushSpoke(spoke: VideoSpoke): void {
    this.assembler.push(spoke);
  }

  private factor(): number {
    const c = this.config;
    if (c.method === 'level') return 1;
    if (c.scale !== undefined) return c.scale;
    return thresholdFactor(c.method, c.train, c.pfa, c.method === 'os' ? this.rank() : undefined);
  }

  private rank(): number {
    return this.config.k ?? defaultOsRank(2 * this.config.train);
  }

  /** The sector of a new turn has arrived: the turn before is closed for the quality figures. */
  private closeTurn(turn: number): void {
    const g = this.geometry!;
    const full = this.firstTurn >= 0 && turn - 1 > this.firstTurn;
    const learnt = this.hitMapOptions ? this.hitMap.learntCells(Math.ceil(this.hitMapOptions.threshold * 255)) : 0;
    this.quality.endTurn(g.spokesPerTurn, full, learnt);
    if (this.hitMapOptions?.learn) this.hitMap.turnDone(SAVE_EVERY_TURNS);
  }

  private setGeometry(g: SpokeGeometry, times: SpokeTimes): void {
    this.spokeTimes = times;
    if (this.extractor) {
      this.extractor.flush();
      this.drainPlots();
    }
    this.geometry = g;
    this.counters.spokesPerTurn = g.spokesPerTurn;
    const c = this.config;
    this.lut = g.dtype === 'f32' ? null : buildLut(c.lut, g.dtype === 'u8' ? 8 : 16);
    // A return round the whole turn (the near-range ring) is cut into one plot per turn.
    this.extractor = this.kernels.createPlotExtractor({ lut: this.lut, minCells: c.minPlotCells, maxCells: c.maxPlotCells, maxRows: g.spokesPerTurn });
    this.mask = new Uint8Array(Math.min(c.sectorSpokes, g.spokesPerTurn) * g.cols);
    this.firstTurn = -1;
    this.levelOptions = c.method === 'level' ? { level: c.level!, ...(c.hysteresisLevel === undefined ? {} : { hysteresisLevel: c.hysteresisLevel }) } : null;
    this.hitMapOptions = null;
    this.cfarOptions = {
      method: c.method === 'level' ? 'ca' : c.method,
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
    this.clutterMap = c.clutterMap.enabled && c.method !== 'level' ? new Float32Array(g.spokesPerTurn * g.cols) : null;
    if (c.clutterMap.enabled && c.method === 'level') {
      this.hitMap.open(g);
      this.hitMapOptions = {
        timeConstantTurns: clutterTimeConstant(c.clutterMap),
        threshold: c.clutterMap.threshold,
        learn: !c.clutterMap.freeze,
        spreadCells: Math.min(1024, Math.round(c.clutterMap.spreadMetres / g.rangeCellMetres)),
        spreadSpokes: c.clutterMap.spreadSpokes,
      };
    }
    this.clutterUpdates = new Uint32Array(Math.ceil(g.spokesPerTurn / c.sectorSpokes));
    this.warnedShort = false;
    this.logger.info({ spokesPerTurn: g.spokesPerTurn, cells: g.cols, dtype: g.dtype, rangeCellMetres: g.rangeCellMetres }, 'video geometry');
  }

  private processSector(sector: Sector): void {
    const t0 = this.clock.monoMs();
    const g = sector.geometry;
    const { rows } = sector;
    const cols = g.cols;
    this.counters.sectors++;
    if (this.firstTurn < 0) this.firstTurn = sector.turn;
    else if (sector.turn !== this.lastSectorTurn) this.closeTurn(sector.turn);
    this.lastSectorTurn = sector.turn;
    const mask = this.mask.subarray(0, rows * cols);
    const cellOffset = sector.firstSpoke * cols;
    const detected = this.levelOptions ? this.detectLevel(sector, mask, cellOffset) : this.detectCfar(sector, mask, cellOffset);
    if (detected < 0) return;
    this.extractor!.push(mask, sector.video, rows, cols, sector.firstRow);
    this.drainPlots();
    const ms = this.clock.monoMs() - t0;
    this.counters.lastSectorMs = ms;
    if (ms > this.counters.maxSectorMs) this.counters.maxSectorMs = ms;
    const sweptMs = ((sector.lastMonoMs - sector.firstMonoMs) * rows) / Math.max(1, rows - 1);
    if (rows > 1 && sweptMs > 0 && ms > sweptMs) this.counters.overruns++;
  }

  /** Clears the rows of spokes that did not arrive; returns the detections removed. */
  private clearMissing(sector: Sector, mask: Uint8Array): { present: number; removed: number } {
    const cols = sector.geometry.cols;
    let present = 0;
    let removed = 0;
    for (let r = 0; r < sector.rows; r++) {
      if (sector.present[r]) {
        present++;
        continue;
      }
      for (let i = r * cols; i < (r + 1) * cols; i++) removed += mask[i];
      mask.fill(0, r * cols, (r + 1) * cols);
    }
    return { present, removed };
  }

  private applyBlank(mask: Uint8Array, cellOffset: number, detections: number): number {
    if (!this.blank) return detections;
    const left = this.kernels.applyMask(mask, this.blank.subarray(cellOffset, cellOffset + mask.length));
    this.counters.blanked += detections - left;
    return left;
  }

  /** Processed video: level (and hysteresis), then the hit-frequency map, then masks. */
  private detectLevel(sector: Sector, mask: Uint8Array, cellOffset: number): number {
    const cols = sector.geometry.cols;
    const { rows, video } = sector;
    let hits = this.kernels.levelDetect(video, rows, cols, this.levelOptions!, mask);
    const { present, removed } = this.clearMissing(sector, mask);
    hits -= removed;
    this.counters.cellsTested += present * cols;
    this.counters.detections += hits;
    const hm = this.hitMapOptions;
    if (hm) {
      const left = this.kernels.updateHitMap(this.hitMap.map, mask, rows, cols, { ...hm, firstSpoke: sector.firstSpoke, present: sector.present }, this.learntStats);
      this.counters.hitsLearnt += hits - left;
      hits = left;
    }
    hits = this.applyBlank(mask, cellOffset, hits);
    let nonZero = 0;
    for (let r = 0; r < rows; r++) {
      if (!sector.present[r]) continue;
      for (let i = r * cols; i < (r + 1) * cols; i++) if (video[i] !== 0) nonZero++;
    }
    this.quality.addCells(nonZero, hits);
    return hits;
  }

  /** Raw video: CFAR along range (with the power-mean clutter map), then masks. */
  private detectCfar(sector: Sector, mask: Uint8Array, cellOffset: number): number {
    const g = sector.geometry;
    const { rows } = sector;
    const cols = g.cols;
    const c = this.config;
    if (g.codes32 && c.lut.type === 'log') {
      const v = sector.video;
      for (let i = 0; i < v.length; i++) v[i] = Math.pow(10, (c.lut.zeroCountDb + v[i] * c.lut.dbPerCount) / 10);
    }
    if (2 * (c.guard + c.train) + 1 > cols) {
      this.counters.sectorsSkipped++;
      if (!this.warnedShort) this.logger.error({ cols, guard: c.guard, train: c.train }, 'spokes too short for the CFAR window: no detection');
      this.warnedShort = true;
      return -1;
    }
    const opts = this.cfarOptions!;
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
    const { present, removed } = this.clearMissing(sector, mask);
    detections -= removed;
    this.counters.cellsTested += testedCells1d(present, cols, c.guard, c.train);
    this.counters.detections += detections;
    const left = this.applyBlank(mask, cellOffset, detections);
    if (this.clutterMap) this.updateClutter(sector, sectorId, cellOffset);
    this.quality.addCells(present * cols, left);
    return left;
  }

  private updateClutter(sector: Sector, sectorId: number, cellOffset: number): void {
    const c = this.config;
    const cols = sector.geometry.cols;
    const n = this.clutterUpdates[sectorId];
    // Running mean over the first turns, then the recursive mean of time constant T.
    const weight = Math.max(1 / (n + 1), 1 / clutterTimeConstant(c.clutterMap));
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
    const out = this.plotBuffer;
    const sizes = this.config.plotSize;
    const plots: Plot[] = [];
    let dropped = 0;
    for (;;) {
      const n = ex.take(out);
      for (let i = 0; i < n; i++) {
        const o = i * PLOT_STRIDE;
        const plot = buildPlot(out, o, g, this.spokeTimes, sizes);
        const area = plot.areaSquareMetres!;
        if (area < sizes.minAreaSquareMetres || (sizes.maxAreaSquareMetres !== undefined && area > sizes.maxAreaSquareMetres)) {
          dropped++;
          continue;
        }
        this.quality.addPlot({ row: out[o + PLOT_ROW], cell: out[o + PLOT_CELL], rowMin: out[o + PLOT_ROW_MIN], rowMax: out[o + PLOT_ROW_MAX], cellMin: out[o + PLOT_CELL_MIN], cellMax: out[o + PLOT_CELL_MAX] });
        this.plotsThisTurn++;
        if (plot.sizeClass === 'extended') {
          this.counters.plotsExtended++;
          if (!sizes.sendExtended) {
            this.counters.plotsExtendedHeld++;
            continue;
          }
        }
        plots.push(plot);
      }
      if (n < PLOT_BATCH) break;
    }
    this.areaDropped += dropped;
    this.counters.plotsDropped = ex.dropped + this.areaDropped;
    if (plots.length === 0) return;
    this.counters.plots += plots.length;
    try {
      this.onPlots(plots);
    } catch (err) {
      this.logger.error({ err }, 'plot consumer failed');
    }
  }
}
