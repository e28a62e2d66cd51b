import { PLOT_STRIDE, type ExtractOptions, type ExtractTurnOptions, type PlotExtractor, type VideoArray } from '../kernel-types.js';
import { checkDims, checkInt, checkLength, checkLut, checkMask, checkOptions, checkVideo } from './validate.js';

/**
 * Streaming 8-connected component labelling over (row = spoke, cell), the twin of
 * native/src/extract.cc. Runs of detected cells in a row are joined to the runs of the row
 * before them that they touch (diagonals included); a component that no run of the new row
 * continues is closed at once, so a plot leaves a few spokes after the antenna has passed it.
 * Sums are float64 in the same order as the native code, so both give identical plots.
 */

interface Comp {
  parent: number;
  origin: number;
  lastRow: number;
  rowMin: number;
  rowMax: number;
  cellMin: number;
  cellMax: number;
  sumW: number;
  sumWR: number;
  sumWC: number;
  sumR: number;
  sumC: number;
  peak: number;
  count: number;
  touchesFirst: boolean;
  wrapped: boolean;
  closed: boolean;
  held: boolean;
}

interface Run {
  start: number;
  end: number;
  label: number;
}

export interface ExtractorSettings {
  lut: Float32Array | null;
  minCells: number;
  maxCells: number;
  /** Streaming only: a component spanning this many rows is cut into a plot; 0 = never. */
  maxRows: number;
}

export function checkExtractOptions(options: unknown): ExtractorSettings {
  checkOptions('options', options);
  const minCells = options.minCells === undefined || options.minCells === null ? 1 : checkInt('minCells', options.minCells, 1);
  const maxCells = options.maxCells === undefined || options.maxCells === null ? 0x7fffffff : checkInt('maxCells', options.maxCells, 1);
  if (maxCells < minCells) throw new RangeError(`maxCells ${maxCells} is below minCells ${minCells}`);
  const maxRows = options.maxRows === undefined || options.maxRows === null ? 0 : checkInt('maxRows', options.maxRows, 0);
  let lut: Float32Array | null = null;
  if (options.lut !== undefined && options.lut !== null) {
    if (!(options.lut instanceof Float32Array)) throw new TypeError('lut must be a Float32Array');
    if (options.lut.length !== 256 && options.lut.length !== 65536) throw new RangeError(`lut has ${options.lut.length} entries, expected 256 or 65536`);
    lut = options.lut;
  }
  return { lut, minCells, maxCells, maxRows };
}

export class ReferencePlotExtractor implements PlotExtractor {
  private readonly settings: ExtractorSettings;
  private comps: Comp[] = [];
  private prevRuns: Run[] = [];
  private firstRuns: Run[] | null = null;
  private held: number[] = [];
  /** Component slots free for reuse, so a stream of any length runs in bounded memory. */
  private freeSlots: number[] = [];
  private released: number[] = [];
  private nextRow: number | null = null;
  private pending: number[] = [];
  private holdFirst = false;
  private droppedCount = 0;

  constructor(options: ExtractOptions) {
    this.settings = checkExtractOptions(options);
  }

  get dropped(): number {
    return this.droppedCount;
  }

  /** Closed plots waiting to be taken. */
  get waiting(): number {
    return this.pending.length / PLOT_STRIDE;
  }

  push(mask: Uint8Array, video: VideoArray, rows: number, cols: number, firstRow: number): number {
    checkDims('rows', rows, 'cols', cols);
    checkMask('mask', mask, rows * cols);
    checkVideo('video', video);
    checkLength('video', video, rows * cols);
    if (typeof firstRow !== 'number') throw new TypeError('firstRow must be a number');
    if (!Number.isSafeInteger(firstRow) || firstRow < 0) throw new RangeError(`firstRow must be a non-negative safe integer, got ${firstRow}`);
    const lut = this.lutFor(video);
    this.pushChecked(mask, video, lut, rows, cols, firstRow);
    return this.pending.length / PLOT_STRIDE;
  }

  /** Used by extractPlots: marks components of the first row as held until the turn closes. */
  beginTurn(): void {
    this.holdFirst = true;
  }

  lutFor(video: VideoArray): Float32Array | null {
    const lut = this.settings.lut;
    if (lut === null) return null;
    if (video instanceof Float32Array) throw new TypeError('lut cannot be used with Float32Array video (already linear power)');
    const need = video instanceof Uint8Array ? 256 : 65536;
    if (lut.length !== need) throw new RangeError(`lut has ${lut.length} entries, expected ${need} for this video`);
    return lut;
  }

  pushChecked(mask: Uint8Array, video: VideoArray, lut: Float32Array | null, rows: number, cols: number, firstRow: number): void {
    if (this.nextRow !== null && firstRow !== this.nextRow) this.closeAll();
    for (let r = 0; r < rows; r++) this.addRow(mask, video, lut, r * cols, cols, firstRow + r);
    this.nextRow = firstRow + rows;
  }

  take(out: Float64Array): number {
    if (!(out instanceof Float64Array)) throw new TypeError('out must be a Float64Array');
    const n = Math.min(Math.floor(out.length / PLOT_STRIDE), this.pending.length / PLOT_STRIDE);
    for (let i = 0; i < n * PLOT_STRIDE; i++) out[i] = this.pending[i]!;
    this.pending.splice(0, n * PLOT_STRIDE);
    return n;
  }

  flush(): number {
    this.closeAll();
    this.nextRow = null;
    return this.pending.length / PLOT_STRIDE;
  }

  reset(): void {
    this.comps = [];
    this.freeSlots = [];
    this.released = [];
    this.prevRuns = [];
    this.firstRuns = null;
    this.held = [];
    this.nextRow = null;
    this.pending = [];
    this.holdFirst = false;
  }

  /** End of a whole turn: joins the last row to the first (azimuth wrap), then closes all. */
  finishTurn(rows: number): void {
    const first = this.firstRuns;
    if (first !== null && rows >= 3) {
      let j0 = 0;
      for (const run of this.prevRuns) {
        while (j0 < first.length && first[j0].end < run.start - 1) j0++;
        for (let j = j0; j < first.length && first[j].start <= run.end + 1; j++) {
          const a = this.find(run.label);
          const b = this.find(first[j].label);
          if (a === b) continue;
          const ca = this.comps[a];
          const shift = ca.touchesFirst && !ca.wrapped ? 0 : rows;
          this.merge(a, b, shift);
          ca.wrapped = true;
        }
      }
    }
    this.holdFirst = false;
    for (const h of this.held) this.comps[h].held = false;
    this.closeAll();
    for (const h of this.held) {
      const c = this.comps[h];
      if (c.parent === h && !c.closed) this.close(h);
    }
    this.held = [];
    this.recycle();
    this.firstRuns = null;
    this.nextRow = null;
  }

  private find(i: number): number {
    let r = i;
    while (this.comps[r].parent !== r) r = this.comps[r].parent;
    let x = i;
    while (this.comps[x].parent !== r) {
      const next = this.comps[x].parent;
      this.comps[x].parent = r;
      x = next;
    }
    return r;
  }

  /** Merges component b into a; b's rows are taken `shift` rows later. */
  private merge(a: number, b: number, shift: number): void {
    const A = this.comps[a];
    const B = this.comps[b];
    const d = B.origin + shift - A.origin;
    A.sumW = A.sumW + B.sumW;
    A.sumWR = A.sumWR + (B.sumWR + d * B.sumW);
    A.sumWC = A.sumWC + B.sumWC;
    A.sumR = A.sumR + (B.sumR + d * B.count);
    A.sumC = A.sumC + B.sumC;
    A.count = A.count + B.count;
    if (B.peak > A.peak) A.peak = B.peak;
    if (B.rowMin + shift < A.rowMin) A.rowMin = B.rowMin + shift;
    if (B.rowMax + shift > A.rowMax) A.rowMax = B.rowMax + shift;
    if (B.cellMin < A.cellMin) A.cellMin = B.cellMin;
    if (B.cellMax > A.cellMax) A.cellMax = B.cellMax;
    if (B.lastRow > A.lastRow) A.lastRow = B.lastRow;
    A.touchesFirst = A.touchesFirst || B.touchesFirst;
    A.wrapped = A.wrapped || B.wrapped;
    B.parent = a;
    this.released.push(b);
  }

  private newComp(row: number): number {
    const slot = this.freeSlots.pop();
    const id = slot ?? this.comps.length;
    this.comps[id] = {
      parent: id,
      origin: row,
      lastRow: row,
      rowMin: row,
      rowMax: row,
      cellMin: 0x7fffffff,
      cellMax: -1,
      sumW: 0,
      sumWR: 0,
      sumWC: 0,
      sumR: 0,
      sumC: 0,
      peak: 0,
      count: 0,
      touchesFirst: false,
      wrapped: false,
      closed: false,
      held: false,
    };
    return id;
  }

  private addRow(mask: Uint8Array, video: VideoArray, lut: Float32Array | null, off: number, cols: number, row: number): void {
    const prev = this.prevRuns;
    const cur: Run[] = [];
    let j0 = 0;
    let c = 0;
    while (c < cols) {
      if (mask[off + c] === 0) {
        c++;
        continue;
      }
      const s = c;
      while (c < cols && mask[off + c] !== 0) c++;
      const e = c - 1;
      while (j0 < prev.length && prev[j0].end < s - 1) j0++;
      let label = -1;
      for (let j = j0; j < prev.length && prev[j].start <= e + 1; j++) {
        const r = this.find(prev[j].label);
        if (label < 0) label = r;
        else if (r !== label) this.merge(label, r, 0);
      }
      if (label < 0) label = this.newComp(row);
      const comp = this.comps[label];
      const dr = row - comp.origin;
      for (let x = s; x <= e; x++) {
        const v = lut ? lut[video[off + x]] : video[off + x];
        const w = v > 0 ? v : 0;
        const xc = x + 0.5;
        comp.sumW = comp.sumW + w;
        comp.sumWR = comp.sumWR + w * dr;
        comp.sumWC = comp.sumWC + w * xc;
        comp.sumR = comp.sumR + dr;
        comp.sumC = comp.sumC + xc;
        if (w > comp.peak) comp.peak = w;
      }
      comp.count += e - s + 1;
      if (s < comp.cellMin) comp.cellMin = s;
      if (e > comp.cellMax) comp.cellMax = e;
      if (row > comp.rowMax) comp.rowMax = row;
      comp.lastRow = row;
      cur.push({ start: s, end: e, label });
    }
    for (const run of cur) run.label = this.find(run.label);
    if (this.holdFirst && this.firstRuns === null) {
      this.firstRuns = cur.map((r) => ({ ...r }));
      for (const run of cur) this.comps[run.label].touchesFirst = true;
    } else if (this.firstRuns !== null) {
      for (const run of this.firstRuns) run.label = this.find(run.label);
    }
    for (const run of prev) {
      const r = this.find(run.label);
      const comp = this.comps[r];
      if (comp.lastRow < row && !comp.closed && !comp.held) this.close(r);
    }
    if (this.settings.maxRows > 0 && !this.holdFirst) this.cutLong(cur, row);
    this.prevRuns = cur;
    this.recycle();
  }

  /**
   * Closes a component that spans maxRows rows (a ring of returns round the whole turn would
   * never close); what continues it from the next row on is a new, empty component.
   */
  private cutLong(cur: Run[], row: number): void {
    const span = this.settings.maxRows;
    for (let i = 0; i < cur.length; i++) {
      const r = cur[i].label;
      const comp = this.comps[r];
      if (comp.closed || row - comp.rowMin + 1 < span) continue;
      this.close(r);
      const fresh = this.newComp(row + 1);
      this.comps[fresh].lastRow = row;
      for (let j = i; j < cur.length; j++) if (cur[j].label === r) cur[j].label = fresh;
    }
  }

  /** After a row nothing refers to merged or closed components any more: reuse their slots. */
  private recycle(): void {
    for (const id of this.released) this.freeSlots.push(id);
    this.released = [];
  }

  private closeAll(): void {
    for (const run of this.prevRuns) {
      const r = this.find(run.label);
      const comp = this.comps[r];
      if (!comp.closed && !comp.held) this.close(r);
    }
    this.prevRuns = [];
    this.recycle();
  }

  private close(id: number): void {
    const c = this.comps[id];
    if (this.holdFirst && c.touchesFirst) {
      c.held = true;
      this.held.push(id);
      return;
    }
    c.closed = true;
    this.released.push(id);
    // The empty remainder of a component cut by maxRows that nothing continued.
    if (c.count === 0) return;
    if (c.count < this.settings.minCells || c.count > this.settings.maxCells) {
      this.droppedCount++;
      return;
    }
    const weighted = c.sumW > 0;
    this.pending.push(
      c.origin + (weighted ? c.sumWR / c.sumW : c.sumR / c.count),
      weighted ? c.sumWC / c.sumW : c.sumC / c.count,
      c.rowMin,
      c.rowMax,
      c.cellMin,
      c.cellMax,
      c.peak,
      c.sumW,
      c.count,
      c.sumC,
    );
  }
}

export function createReferencePlotExtractor(options: ExtractOptions): ReferencePlotExtractor {
  return new ReferencePlotExtractor(options);
}

/** Connected components of one whole matrix (a turn when `wrap`); the twin of native extractPlots. */
export function extractPlotsReference(mask: Uint8Array, video: VideoArray, rows: number, cols: number, options: ExtractTurnOptions, out: Float64Array): number {
  checkDims('rows', rows, 'cols', cols);
  checkMask('mask', mask, rows * cols);
  checkVideo('video', video);
  checkLength('video', video, rows * cols);
  checkOptions('options', options);
  if (!(out instanceof Float64Array)) throw new TypeError('out must be a Float64Array');
  const settings = checkExtractOptions(options);
  const lut = checkLut(settings.lut, video);
  const wrap = options.wrap === true;
  const ex = new ReferencePlotExtractor({ lut, minCells: settings.minCells, maxCells: settings.maxCells, maxRows: settings.maxRows });
  if (wrap) ex.beginTurn();
  ex.pushChecked(mask, video, lut, rows, cols, 0);
  if (wrap) ex.finishTurn(rows);
  else ex.flush();
  const total = ex.waiting;
  ex.take(out);
  return total;
}
