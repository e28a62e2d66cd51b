/**
 * A uniform grid over points in the local frame, rebuilt every scan, so gating and the
 * initiation exclusion look at the plots near a track instead of all of them (a busy coastal
 * scan is 5,000 plots against 1,000 tracks: 5 M pairs without it).
 */
export class PointGrid {
  private readonly cells = new Map<number, number[]>();
  private xs: ArrayLike<number> = [];
  private ys: ArrayLike<number> = [];

  constructor(readonly cellMetres: number) {
    if (!(cellMetres > 0) || !Number.isFinite(cellMetres)) throw new RangeError(`a grid cell is a positive size, got ${cellMetres}`);
  }

  private static key(cx: number, cy: number): number {
    // Exact for |cx|, |cy| < 2^20 cells (a 10 m cell spans ±10,000 km).
    return (cx + 0x100000) * 0x200000 + (cy + 0x100000);
  }

  /** Indexes points `indices` of the coordinate arrays (the arrays are kept, not copied). */
  build(xs: ArrayLike<number>, ys: ArrayLike<number>, indices: Iterable<number>): void {
    this.cells.clear();
    this.xs = xs;
    this.ys = ys;
    const c = this.cellMetres;
    for (const i of indices) {
      const k = PointGrid.key(Math.floor(xs[i] / c), Math.floor(ys[i] / c));
      const list = this.cells.get(k);
      if (list) list.push(i);
      else this.cells.set(k, [i]);
    }
  }

  /** Calls `visit` for every indexed point within the square of half-side `radius` around (x, y). */
  forEachNear(x: number, y: number, radius: number, visit: (index: number) => void): void {
    const c = this.cellMetres;
    const x0 = Math.floor((x - radius) / c);
    const x1 = Math.floor((x + radius) / c);
    const y0 = Math.floor((y - radius) / c);
    const y1 = Math.floor((y + radius) / c);
    const xs = this.xs;
    const ys = this.ys;
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > this.cells.size) {
      // A very wide search (a track coasting for long): walking the occupied cells is cheaper.
      for (const list of this.cells.values()) for (const i of list) if (Math.abs(xs[i] - x) <= radius && Math.abs(ys[i] - y) <= radius) visit(i);
      return;
    }
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const list = this.cells.get(PointGrid.key(cx, cy));
        if (!list) continue;
        for (const i of list) if (Math.abs(xs[i] - x) <= radius && Math.abs(ys[i] - y) <= radius) visit(i);
      }
    }
  }

  /** Whether any indexed point lies within `radius` (Euclidean) of (x, y). */
  anyWithin(x: number, y: number, radius: number): boolean {
    const c = this.cellMetres;
    const r2 = radius * radius;
    const x0 = Math.floor((x - radius) / c);
    const x1 = Math.floor((x + radius) / c);
    const y0 = Math.floor((y - radius) / c);
    const y1 = Math.floor((y + radius) / c);
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const list = this.cells.get(PointGrid.key(cx, cy));
        if (!list) continue;
        for (const i of list) if ((this.xs[i] - x) ** 2 + (this.ys[i] - y) ** 2 < r2) return true;
      }
    }
    return false;
  }
}
