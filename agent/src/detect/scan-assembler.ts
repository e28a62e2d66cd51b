import type { VideoSpoke } from './types.js';

/**
 * Turns a stream of spokes into sectors of a turn. Spokes carry azimuths in 1/65536 turn; the
 * assembler infers the spokes per turn from them (or takes it from the config), gives each
 * spoke its index in the turn, counts turns when the azimuth passes north, drops duplicates and
 * spokes that arrive late, counts missing ones, and hands over a sector (a few spokes, aligned
 * on multiples of `sectorSpokes` in the turn) as soon as a spoke beyond it arrives.
 */

export type SectorVideo = Uint8Array | Uint16Array | Float32Array;

export interface SpokeGeometry {
  spokesPerTurn: number;
  cols: number;
  startRangeCell: number;
  rangeCellMetres: number;
  /** Element type of the sector video: codes through a LUT (u8/u16) or linear power (f32). */
  dtype: 'u8' | 'u16' | 'f32';
  resolutionBits: number;
  /** The spokes carry 32-bit codes (Uint32Array), stored as f32 numbers still to be converted. */
  codes32: boolean;
}

export interface Sector {
  geometry: SpokeGeometry;
  turn: number;
  /** Index in the turn of the first spoke, and its absolute row (turn x spokesPerTurn + index). */
  firstSpoke: number;
  firstRow: number;
  rows: number;
  /** rows x cols video; rows of missing spokes are zero. */
  video: SectorVideo;
  /** 1 for each row whose spoke arrived. */
  present: Uint8Array;
  /** Monotonic ms of the first and last spoke received in the sector. */
  firstMonoMs: number;
  lastMonoMs: number;
}

/** Each spoke's centre azimuth (degrees) and wall-clock ms, by index in the turn (the latest seen). */
export interface SpokeTimes {
  readonly centreDegrees: Float64Array;
  readonly wallMs: Float64Array;
}

export interface ScanAssemblerOptions {
  sectorSpokes: number;
  spokesPerTurn?: number;
  onSector(sector: Sector): void;
  /**
   * A new geometry (first spokes, or the sensor changed range/resolution): the stage resets.
   * `times` is filled in as spokes of this geometry arrive (for plot bearings and times).
   */
  onGeometry(geometry: SpokeGeometry, times: SpokeTimes): void;
  /** The antenna passed north: called once the sectors of the turn before have been handed over. */
  onTurn?(turn: number): void;
  /** Where to count (the stage's own counters, so it never reads the assembler's); default: a new object. */
  counters?: ScanAssemblerCounters;
}

export interface ScanAssemblerCounters {
  spokes: number;
  turns: number;
  duplicateSpokes: number;
  lateSpokes: number;
  missingSpokes: number;
  geometryChanges: number;
}

/** Spokes that must agree on the spokes per turn before it is trusted. */
const INFERENCE_SPOKES = 8;

function spokeDtype(cells: VideoSpoke['cells']): SpokeGeometry['dtype'] {
  return cells instanceof Uint8Array ? 'u8' : cells instanceof Uint16Array ? 'u16' : 'f32';
}

export class ScanAssembler {
  readonly counters: ScanAssemblerCounters;
  /** Centre azimuth (degrees) and wall-clock ms of the latest spoke seen at each index. */
  centreDegrees = new Float64Array(0);
  wallMs = new Float64Array(0);
  private geometry: SpokeGeometry | null = null;
  private pending: VideoSpoke[] = [];
  private candidates: number[] = [];
  private lastIndex = -1;
  private turn = 0;
  private sector: Sector | null = null;

  constructor(private readonly options: ScanAssemblerOptions) {
    this.counters = options.counters ?? { spokes: 0, turns: 0, duplicateSpokes: 0, lateSpokes: 0, missingSpokes: 0, geometryChanges: 0 };
  }

  get currentGeometry(): SpokeGeometry | null {
    return this.geometry;
  }

  get currentTurn(): number {
    return this.turn;
  }

  push(spoke: VideoSpoke): void {
    this.counters.spokes++;
    const g = this.geometry;
    if (g !== null && !this.sameGeometry(g, spoke)) {
      this.flush();
      this.counters.geometryChanges++;
      this.geometry = null;
      this.candidates = [];
    }
    if (this.geometry === null) {
      this.infer(spoke);
      return;
    }
    this.place(spoke);
  }

  /** Hands over the open sector (end of data or stop). */
  flush(): void {
    if (this.sector) {
      const s = this.sector;
      this.sector = null;
      this.options.onSector(s);
    }
  }

  private sameGeometry(g: SpokeGeometry, spoke: VideoSpoke): boolean {
    return (
      spoke.cells.length === g.cols &&
      spoke.startRangeCell === g.startRangeCell &&
      spoke.rangeCellMetres === g.rangeCellMetres &&
      spokeDtype(spoke.cells) === g.dtype &&
      spoke.resolutionBits === g.resolutionBits
    );
  }

  private infer(spoke: VideoSpoke): void {
    if (this.pending.length > 0 && !this.sameGeometryRaw(this.pending[0], spoke)) this.pending = [];
    this.pending.push(spoke);
    let spokesPerTurn = this.options.spokesPerTurn;
    if (spokesPerTurn === undefined) {
      // The azimuth step of each spoke: its own width, else the step from the spoke before.
      const width = (spoke.endAzimuth - spoke.startAzimuth) & 0xffff;
      let step = width;
      if (step === 0 && this.pending.length >= 2) step = (spoke.startAzimuth - this.pending[this.pending.length - 2].startAzimuth) & 0xffff;
      if (step === 0 || step > 65536 / 8) step = 0;
      this.candidates.push(step);
      if (this.candidates.length > INFERENCE_SPOKES) this.candidates.shift();
      // Steps agree within 4 %: widths of a spoke count that does not divide 65536 alternate
      // (2000 spokes: 32 and 33); their mean gives the count.
      const lo = Math.min(...this.candidates);
      const hi = Math.max(...this.candidates);
      if (this.candidates.length < INFERENCE_SPOKES || lo === 0 || hi > lo * 1.04) {
        if (this.pending.length > 64) this.pending.shift();
        return;
      }
      const mean = this.candidates.reduce((a, b) => a + b, 0) / this.candidates.length;
      spokesPerTurn = Math.round(65536 / mean);
    }
    this.geometry = {
      spokesPerTurn,
      cols: spoke.cells.length,
      startRangeCell: spoke.startRangeCell,
      rangeCellMetres: spoke.rangeCellMetres,
      dtype: spokeDtype(spoke.cells),
      resolutionBits: spoke.resolutionBits,
      codes32: spoke.cells instanceof Uint32Array,
    };
    this.centreDegrees = new Float64Array(spokesPerTurn);
    this.wallMs = new Float64Array(spokesPerTurn);
    for (let s = 0; s < spokesPerTurn; s++) this.centreDegrees[s] = ((s + 0.5) * 360) / spokesPerTurn;
    this.lastIndex = -1;
    this.options.onGeometry(this.geometry, { centreDegrees: this.centreDegrees, wallMs: this.wallMs });
    const replay = this.pending;
    this.pending = [];
    for (const s of replay) this.place(s);
  }

  private sameGeometryRaw(a: VideoSpoke, b: VideoSpoke): boolean {
    return a.cells.length === b.cells.length && a.startRangeCell === b.startRangeCell && a.rangeCellMetres === b.rangeCellMetres && spokeDtype(a.cells) === spokeDtype(b.cells);
  }

  /** Index of a spoke in the turn, from the centre of its azimuth span. */
  spokeIndex(spoke: VideoSpoke): number {
    const S = this.geometry!.spokesPerTurn;
    let width = (spoke.endAzimuth - spoke.startAzimuth) & 0xffff;
    if (width === 0 || width > (4 * 65536) / S) width = 65536 / S;
    const centre = spoke.startAzimuth + width / 2;
    return Math.floor((centre * S) / 65536) % S;
  }

  private place(spoke: VideoSpoke): void {
    const g = this.geometry!;
    const S = g.spokesPerTurn;
    const s = this.spokeIndex(spoke);
    let newTurn = false;
    if (this.lastIndex >= 0) {
      const d = s - this.lastIndex;
      if (d === 0) {
        this.counters.duplicateSpokes++;
        return;
      }
      if (d < -S / 2) {
        this.turn++;
        this.counters.turns++;
        newTurn = true;
        this.counters.missingSpokes += s + S - this.lastIndex - 1;
      } else if (d < 0 || d > S / 2) {
        this.counters.lateSpokes++;
        return;
      } else {
        this.counters.missingSpokes += d - 1;
      }
    }
    this.lastIndex = s;
    const width = (spoke.endAzimuth - spoke.startAzimuth) & 0xffff;
    const centre = width === 0 || width > (4 * 65536) / S ? ((s + 0.5) * 360) / S : ((spoke.startAzimuth + width / 2) * 360) / 65536;
    this.centreDegrees[s] = centre % 360;
    this.wallMs[s] = spoke.rx.wallMs;
    const row = this.turn * S + s;
    let sector = this.sector;
    if (sector !== null && (row < sector.firstRow || row >= sector.firstRow + sector.rows)) {
      this.sector = null;
      this.options.onSector(sector);
      sector = null;
    }
    if (sector === null) sector = this.sector = this.openSector(s, row, spoke.rx.monoMs);
    const r = row - sector.firstRow;
    const cols = g.cols;
    const dst = sector.video;
    const src = spoke.cells;
    if (src instanceof Uint32Array) {
      for (let i = 0; i < cols; i++) dst[r * cols + i] = src[i]!;
    } else {
      dst.set(src, r * cols);
    }
    sector.present[r] = 1;
    sector.lastMonoMs = spoke.rx.monoMs;
    if (newTurn) this.options.onTurn?.(this.turn);
  }

  private openSector(index: number, row: number, monoMs: number): Sector {
    const g = this.geometry!;
    const K = this.options.sectorSpokes;
    const firstSpoke = Math.floor(index / K) * K;
    const rows = Math.min(K, g.spokesPerTurn - firstSpoke);
    const n = rows * g.cols;
    const video = g.dtype === 'u8' ? new Uint8Array(n) : g.dtype === 'u16' ? new Uint16Array(n) : new Float32Array(n);
    return {
      geometry: g,
      turn: this.turn,
      firstSpoke,
      firstRow: row - (index - firstSpoke),
      rows,
      video,
      present: new Uint8Array(rows),
      firstMonoMs: monoMs,
      lastMonoMs: monoMs,
    };
  }
}
