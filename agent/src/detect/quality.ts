/**
 * Per-turn quality of a detector's picture, the figures a field engineer judges it by (and that
 * `lookout calibrate` prints): plots per turn, the share of a turn's plots that recur in the
 * next one, the share of the video's non-zero cells that are detected, and the cells the
 * clutter map has learnt.
 */

export interface QualityFigures {
  /** Plots of the last full turn. */
  plotsLastTurn: number;
  /** Of the plots of the turn before the last, per mille found again in the last turn. */
  recurrencePermille: number;
  /** Of the last turn's non-zero cells, per mille detected (after the clutter map and masks). */
  coveredPermille: number;
  /** Cells the clutter map held as learnt at the end of the last turn. */
  cellsLearnt: number;
  /** Full turns measured so far. */
  turnsMeasured: number;
}

/** A plot as the quality counters see it: absolute rows (spokes) and cells. */
export interface QualityPlot {
  row: number;
  cell: number;
  rowMin: number;
  rowMax: number;
  cellMin: number;
  cellMax: number;
}

/** How far (spokes and cells) past a plot's extents the next turn's centroid may lie. */
const RECUR_SPOKES = 2;
const RECUR_CELLS = 2;

export class TurnQuality {
  readonly figures: QualityFigures = { plotsLastTurn: 0, recurrencePermille: 0, coveredPermille: 0, cellsLearnt: 0, turnsMeasured: 0 };
  private current: QualityPlot[] = [];
  private previous: QualityPlot[] | null = null;
  private nonZero = 0;
  private detected = 0;

  addPlot(p: QualityPlot): void {
    this.current.push(p);
  }

  addCells(nonZero: number, detected: number): void {
    this.nonZero += nonZero;
    this.detected += detected;
  }

  /**
   * Closes a turn. `full`: the turn was seen whole (not the partial first one), so its figures
   * count. A plot of the turn before recurs when a plot of this turn has its centroid inside
   * the old plot's extents grown by 2 spokes and 2 cells (a point target: within 2 of each).
   */
  endTurn(spokesPerTurn: number, full: boolean, cellsLearnt: number): void {
    const f = this.figures;
    if (full) {
      f.plotsLastTurn = this.current.length;
      f.coveredPermille = this.nonZero > 0 ? Math.round((1000 * this.detected) / this.nonZero) : 0;
      f.cellsLearnt = cellsLearnt;
      if (this.previous) f.recurrencePermille = recurrence(this.previous, this.current, spokesPerTurn);
      f.turnsMeasured++;
    }
    this.previous = full ? this.current : null;
    this.current = [];
    this.nonZero = 0;
    this.detected = 0;
  }
}

function recurrence(before: readonly QualityPlot[], after: readonly QualityPlot[], S: number): number {
  if (before.length === 0) return 0;
  const bySpoke = new Map<number, QualityPlot[]>();
  for (const q of after) {
    const s = ((Math.round(q.row) % S) + S) % S;
    const list = bySpoke.get(s);
    if (list) list.push(q);
    else bySpoke.set(s, [q]);
  }
  let found = 0;
  for (const p of before) {
    const span = Math.min(S, p.rowMax - p.rowMin + 1 + 2 * RECUR_SPOKES);
    let hit = false;
    for (let k = 0; k < span && !hit; k++) {
      const s = ((((p.rowMin - RECUR_SPOKES + k) % S) + S) % S) | 0;
      const list = bySpoke.get(s);
      if (!list) continue;
      for (const q of list) {
        if (q.cell >= p.cellMin - RECUR_CELLS && q.cell <= p.cellMax + 1 + RECUR_CELLS) {
          hit = true;
          break;
        }
      }
    }
    if (hit) found++;
  }
  return Math.round((1000 * found) / before.length);
}
