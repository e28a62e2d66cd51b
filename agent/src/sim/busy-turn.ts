/**
 * Synthetic plots for benchmarks and tests: a busy turn of a coastal radar (sea clutter near
 * the antenna, scattered contacts further out), in the order a detector emits them (bearing).
 */
import type { PlotRecord } from '../wire/types.js';
import { Rng } from './rng.js';

export interface BusyTurnOptions {
  plots?: number;
  rpm?: number;
  seed?: number;
  startMs?: number;
  scan?: number;
  rangeCellMetres?: number;
  cells?: number;
  spokes?: number;
}

/** One turn of plots, bearing order. Default: 600 plots, 48 rpm, 1024 cells of 7.5 m, 2048 spokes. */
export function busyTurnPlots(o: BusyTurnOptions = {}): PlotRecord[] {
  const n = o.plots ?? 600;
  const rpm = o.rpm ?? 48;
  const rng = new Rng(o.seed ?? 1);
  const rnd = (): number => rng.uniform();
  const cell = o.rangeCellMetres ?? 7.5;
  const cells = o.cells ?? 1024;
  const spokes = o.spokes ?? 2048;
  const turnMs = 60_000 / rpm;
  const start = o.startMs ?? 1_790_000_000_000;
  const plots: PlotRecord[] = [];
  for (let i = 0; i < n; i++) {
    const clutter = rnd() < 0.6;
    const rangeCell = clutter ? 20 + Math.floor(rnd() * rnd() * 300) : 20 + Math.floor(rnd() * (cells - 20));
    const spoke = rnd() * spokes;
    const bearing = (spoke * 360) / spokes;
    const cellsInPlot = 1 + Math.floor(rnd() * 12);
    const peak = 10 ** ((13 + rnd() * 30) / 10);
    plots.push({
      timeMs: start + (bearing / 360) * turnMs,
      scan: o.scan ?? 1,
      rangeMetres: (rangeCell + rnd()) * cell,
      bearingDegrees: bearing,
      rangeExtentMetres: cell * (1 + Math.floor(rnd() * 3)),
      azimuthExtentDegrees: (360 / spokes) * (1 + Math.floor(rnd() * 5)),
      peakPower: peak,
      meanPower: peak / 10 ** ((rnd() * 6) / 10),
      cellCount: cellsInPlot,
    });
  }
  plots.sort((a, b) => a.bearingDegrees - b.bearingDegrees);
  return plots;
}
