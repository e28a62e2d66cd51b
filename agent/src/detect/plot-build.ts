import { normalizeDegrees } from '../track/geodesy.js';
import type { PlotSizeConfig } from './config.js';
import {
  PLOT_CELL,
  PLOT_CELL_MAX,
  PLOT_CELL_MIN,
  PLOT_COUNT,
  PLOT_PEAK,
  PLOT_ROW,
  PLOT_ROW_MAX,
  PLOT_ROW_MIN,
  PLOT_SUM,
  PLOT_SUM_CELL,
} from './kernel-types.js';
import type { SpokeGeometry, SpokeTimes } from './scan-assembler.js';
import type { Plot, PlotSizeClass } from './types.js';

/**
 * Area on the water of a return's polar cells: cell c of a spoke spans rangeCell metres in
 * range and (startRangeCell + c + 0.5) x rangeCell x 2π / spokesPerTurn metres across, so the
 * sum needs only the cell count and the unweighted sum of the cells' centres.
 */
export function returnArea(g: SpokeGeometry, cellCount: number, sumCell: number): number {
  const dTheta = (2 * Math.PI) / g.spokesPerTurn;
  return g.rangeCellMetres * g.rangeCellMetres * dTheta * (cellCount * g.startRangeCell + sumCell);
}

export function sizeClass(area: number, s: PlotSizeConfig): PlotSizeClass {
  if (area > s.extendedSquareMetres) return 'extended';
  if (area <= s.smallMaxSquareMetres) return 'small';
  if (area <= s.mediumMaxSquareMetres) return 'medium';
  return 'large';
}

/** The plot of one extractor record (PLOT_STRIDE numbers at `o`). */
export function buildPlot(out: Float64Array, o: number, g: SpokeGeometry, spokes: SpokeTimes, sizes: PlotSizeConfig): Plot {
  const S = g.spokesPerTurn;
  const row = out[o + PLOT_ROW];
  const i0 = Math.floor(row);
  const f = row - i0;
  const a0 = spokes.centreDegrees[((i0 % S) + S) % S];
  const a1 = spokes.centreDegrees[(((i0 + 1) % S) + S) % S];
  let d = a1 - a0;
  if (d > 180) d -= 360;
  if (d < -180) d += 360;
  const nearest = Math.round(row);
  const count = out[o + PLOT_COUNT];
  const area = returnArea(g, count, out[o + PLOT_SUM_CELL]);
  return {
    timeMs: spokes.wallMs[((nearest % S) + S) % S],
    scan: Math.floor(nearest / S),
    rangeMetres: (g.startRangeCell + out[o + PLOT_CELL]) * g.rangeCellMetres,
    bearingDegrees: normalizeDegrees(a0 + f * d),
    rangeExtentMetres: (out[o + PLOT_CELL_MAX] - out[o + PLOT_CELL_MIN] + 1) * g.rangeCellMetres,
    azimuthExtentDegrees: ((out[o + PLOT_ROW_MAX] - out[o + PLOT_ROW_MIN] + 1) * 360) / S,
    peakPower: out[o + PLOT_PEAK],
    meanPower: out[o + PLOT_SUM] / count,
    cellCount: count,
    areaSquareMetres: area,
    sizeClass: sizeClass(area, sizes),
  };
}
