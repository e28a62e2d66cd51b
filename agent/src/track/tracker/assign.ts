/**
 * Linear assignment for data association: the shortest augmenting path algorithm of Jonker and
 * Volgenant (as in Crouse, "On implementing 2D rectangular assignment algorithms", 2016), on a
 * dense rows x cols cost matrix with rows <= cols. Infinity marks a forbidden pair; the tracker
 * always adds a finite "missed" column per row, so a complete assignment exists.
 */

/**
 * Minimum-cost assignment of every row to a distinct column. `cost` is row-major rows x cols.
 * Returns the column of each row; throws RangeError when no finite assignment exists.
 */
export function solveAssignment(cost: ArrayLike<number>, rows: number, cols: number): Int32Array {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) throw new TypeError('rows and cols are non-negative integers');
  if (cost.length !== rows * cols) throw new TypeError(`cost has ${cost.length} entries, expected ${rows} x ${cols}`);
  if (rows > cols) throw new RangeError('more rows than columns: transpose the problem');
  const rowOf = new Int32Array(cols).fill(-1); // row assigned to each column
  const colOf = new Int32Array(rows).fill(-1);
  const u = new Float64Array(rows); // row potentials
  const v = new Float64Array(cols); // column potentials
  const shortest = new Float64Array(cols);
  const path = new Int32Array(cols);
  const remaining = new Int32Array(cols);
  const scannedCol = new Uint8Array(cols);
  const scannedRow = new Uint8Array(rows);
  for (let cur = 0; cur < rows; cur++) {
    // Dijkstra-like search for the shortest augmenting path from row `cur`.
    shortest.fill(Infinity);
    scannedCol.fill(0);
    scannedRow.fill(0);
    let nRemaining = cols;
    for (let j = 0; j < cols; j++) remaining[j] = cols - 1 - j;
    let minVal = 0;
    let i = cur;
    let sink = -1;
    while (sink === -1) {
      scannedRow[i] = 1;
      let index = -1;
      let lowest = Infinity;
      for (let it = 0; it < nRemaining; it++) {
        const j = remaining[it];
        const c = cost[i * cols + j];
        const r = minVal + c - u[i] - v[j];
        if (r < shortest[j]) {
          path[j] = i;
          shortest[j] = r;
        }
        if (shortest[j] < lowest || (shortest[j] === lowest && rowOf[j] === -1)) {
          lowest = shortest[j]!;
          index = it;
        }
      }
      minVal = lowest;
      if (!Number.isFinite(minVal)) throw new RangeError(`no finite assignment exists for row ${cur}`);
      const j = remaining[index];
      if (rowOf[j] === -1) sink = j;
      else i = rowOf[j]!;
      scannedCol[j] = 1;
      remaining[index] = remaining[--nRemaining]!;
    }
    // Update the potentials.
    u[cur] += minVal;
    for (let r = 0; r < rows; r++) if (scannedRow[r] && r !== cur) u[r] += minVal - shortest[colOf[r]];
    for (let j = 0; j < cols; j++) if (scannedCol[j]) v[j] -= minVal - shortest[j];
    // Augment along the path.
    let j = sink;
    for (;;) {
      const r = path[j];
      rowOf[j] = r;
      const prev = colOf[r];
      colOf[r] = j;
      if (r === cur) break;
      j = prev;
    }
  }
  return colOf;
}

/** Nearest-first assignment (the baseline): repeatedly takes the cheapest remaining finite pair. */
export function solveGreedy(cost: ArrayLike<number>, rows: number, cols: number): Int32Array {
  const pairs: Array<[number, number, number]> = [];
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) {
    const c = cost[i * cols + j];
    if (Number.isFinite(c)) pairs.push([c, i, j]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  const colOf = new Int32Array(rows).fill(-1);
  const used = new Uint8Array(cols);
  for (const [, i, j] of pairs) {
    if (colOf[i] !== -1 || used[j]) continue;
    colOf[i] = j;
    used[j] = 1;
  }
  return colOf;
}

export function assignmentCost(cost: ArrayLike<number>, cols: number, colOf: Int32Array): number {
  let s = 0;
  for (let i = 0; i < colOf.length; i++) s += cost[i * cols + colOf[i]];
  return s;
}

/** Union-find over n elements (path halving, union by size). */
export class DisjointSets {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
    this.size = new Int32Array(n).fill(1);
  }
  find(a: number): number {
    const p = this.parent;
    while (p[a] !== a) {
      p[a] = p[p[a]]!;
      a = p[a]!;
    }
    return a;
  }
  union(a: number, b: number): void {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return;
    if (this.size[ra] < this.size[rb]) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra] += this.size[rb];
  }
}

/** One gated track-plot pair with its cost. */
export interface GatedPair {
  track: number;
  plot: number;
  cost: number;
}

/**
 * Splits the gated pairs into independent clusters (tracks linked through shared plots) and
 * solves each with a missed column per track (cost `missCost[track]`). Returns the plot of each
 * track (-1: missed). Tracks with no gated pair are missed without any solving.
 */
export function associate(nTracks: number, nPlots: number, pairs: readonly GatedPair[], missCost: ArrayLike<number>, method: 'optimal' | 'greedy' = 'optimal'): Int32Array {
  const result = new Int32Array(nTracks).fill(-1);
  if (pairs.length === 0) return result;
  const sets = new DisjointSets(nTracks + nPlots);
  for (const p of pairs) sets.union(p.track, nTracks + p.plot);
  const clusters = new Map<number, GatedPair[]>();
  for (const p of pairs) {
    const root = sets.find(p.track);
    let list = clusters.get(root);
    if (!list) clusters.set(root, (list = []));
    list.push(p);
  }
  for (const list of clusters.values()) {
    if (list.length === 1) {
      const p = list[0];
      if (p.cost < missCost[p.track]) result[p.track] = p.plot;
      continue;
    }
    const tIndex = new Map<number, number>();
    const pIndex = new Map<number, number>();
    for (const p of list) {
      if (!tIndex.has(p.track)) tIndex.set(p.track, tIndex.size);
      if (!pIndex.has(p.plot)) pIndex.set(p.plot, pIndex.size);
    }
    const rows = tIndex.size;
    const nP = pIndex.size;
    const cols = nP + rows;
    const cost = new Float64Array(rows * cols).fill(Infinity);
    for (const p of list) cost[tIndex.get(p.track)! * cols + pIndex.get(p.plot)!] = p.cost;
    const tracks = [...tIndex.keys()];
    const plots = [...pIndex.keys()];
    for (let r = 0; r < rows; r++) cost[r * cols + nP + r] = missCost[tracks[r]]!;
    const colOf = method === 'optimal' ? solveAssignment(cost, rows, cols) : solveGreedy(cost, rows, cols);
    for (let r = 0; r < rows; r++) {
      const c = colOf[r];
      if (c >= 0 && c < nP) result[tracks[r]] = plots[c]!;
    }
  }
  return result;
}
