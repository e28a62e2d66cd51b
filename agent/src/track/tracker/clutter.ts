/**
 * A clutter map: how many false plots per m² per scan each part of the picture gives, learnt
 * from the plots that turned out to be nothing (sea clutter near the antenna, a pier, a wake field, rain).
 * The tracker adds the plots of every tentative track that dies unconfirmed (a plot that
 * started nothing does not exist: each unassigned plot starts a track or lies next to one).
 * Counts per square cell decay with a memory of `memoryScans`; a prior density, worth
 * `priorScans` scans of observation, keeps a quiet cell from reading as zero. The tracker uses
 * it to decide how much a tentative track's hits prove: in quiet water two plots that line up
 * are a boat; in clutter they are not.
 */
export interface ClutterMapOptions {
  cellMetres: number;
  memoryScans: number;
  priorPerKm2: number;
  priorScans: number;
}

interface Cell {
  count: number;
  scan: number;
}

export class ClutterMap {
  private readonly cells = new Map<number, Cell>();
  private scans = 0;
  private readonly keep: number;

  constructor(readonly options: ClutterMapOptions) {
    if (!(options.cellMetres > 0) || !(options.memoryScans >= 1) || !(options.priorPerKm2 >= 0) || !(options.priorScans >= 0)) throw new RangeError('clutter map: cellMetres > 0, memoryScans >= 1, priorPerKm2 >= 0, priorScans >= 0');
    this.keep = 1 - 1 / options.memoryScans;
  }

  private key(x: number, y: number): number {
    const c = this.options.cellMetres;
    return (Math.floor(x / c) + 0x100000) * 0x200000 + (Math.floor(y / c) + 0x100000);
  }

  /** Counts one more scan observed. */
  closeScan(): void {
    this.scans++;
    // Cells that have decayed to nothing are forgotten, so the map stays bounded.
    if (this.scans % 64 === 0) for (const [k, c] of this.cells) if (c.count * this.keep ** (this.scans - c.scan) < 0.01) this.cells.delete(k);
  }

  /** Adds `count` false plots at (x, y). */
  add(x: number, y: number, count = 1): void {
    const k = this.key(x, y);
    const cell = this.cells.get(k);
    if (cell) {
      cell.count = cell.count * this.keep ** (this.scans - cell.scan) + count;
      cell.scan = this.scans;
    } else this.cells.set(k, { count, scan: this.scans });
  }

  /** False plots per m² per scan around (x, y). */
  density(x: number, y: number): number {
    const { cellMetres, priorPerKm2, priorScans } = this.options;
    const area = cellMetres * cellMetres;
    const cell = this.cells.get(this.key(x, y));
    const count = cell ? cell.count * this.keep ** (this.scans - cell.scan) : 0;
    // Effective number of scans observed under the decay: 1 + keep + keep² + ...
    const seen = this.keep === 0 ? Math.min(1, this.scans) : (1 - this.keep ** this.scans) / (1 - this.keep);
    return (count + (priorPerKm2 / 1e6) * area * priorScans) / ((seen + priorScans) * area);
  }

  get size(): number {
    return this.cells.size;
  }
}
