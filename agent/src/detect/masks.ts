import { inverse, normalizeDegrees, type LatLon } from '../track/geodesy.js';
import type { DetectionMasks } from './config.js';

/** The polar grid of one sensor's video: spokes x range cells. */
export interface PolarGrid {
  spokesPerTurn: number;
  cols: number;
  startRangeCell: number;
  rangeCellMetres: number;
}

const DEG = Math.PI / 180;

export function hasMasks(masks: DetectionMasks): boolean {
  return masks.sectors.length > 0 || masks.rings.length > 0 || masks.polygons.length > 0;
}

function inSector(bearing: number, from: number, to: number): boolean {
  if (to - from >= 360) return true;
  const f = normalizeDegrees(from);
  const t = normalizeDegrees(to);
  return f <= t ? bearing >= f && bearing <= t : bearing >= f || bearing <= t;
}

/**
 * Rasterises the blanking masks to the polar grid once per configuration: 1 = blanked, one
 * byte per (spoke, cell), spoke s centred on bearing (s + 0.5) x 360 / spokesPerTurn and cell c
 * on range (startRangeCell + c + 0.5) x rangeCellMetres. Polygons need the radar's position;
 * their vertices go to local polar coordinates by the WGS84 inverse problem, and each spoke's
 * ray is clipped against their edges (even-odd rule).
 */
export function rasterizeMasks(masks: DetectionMasks, grid: PolarGrid, radar: LatLon | undefined): Uint8Array {
  const { spokesPerTurn: S, cols, startRangeCell, rangeCellMetres } = grid;
  const out = new Uint8Array(S * cols);
  const cellRange = (c: number): number => (startRangeCell + c + 0.5) * rangeCellMetres;
  for (const ring of masks.rings) {
    for (let c = 0; c < cols; c++) {
      const r = cellRange(c);
      if (r >= ring.fromMetres && r <= ring.toMetres) for (let s = 0; s < S; s++) out[s * cols + c] = 1;
    }
  }
  for (const sector of masks.sectors) {
    const maxRange = sector.maxRangeMetres ?? Infinity;
    for (let s = 0; s < S; s++) {
      const bearing = ((s + 0.5) * 360) / S;
      if (!inSector(bearing, sector.fromDegrees, sector.toDegrees)) continue;
      for (let c = 0; c < cols; c++) {
        const r = cellRange(c);
        if (r >= sector.minRangeMetres && r <= maxRange) out[s * cols + c] = 1;
      }
    }
  }
  if (masks.polygons.length > 0) {
    if (!radar) throw new RangeError('polygon masks need the radar position');
    for (const polygon of masks.polygons) {
      const xy = polygon.points.map((p) => {
        const { distanceMetres, bearingDegrees } = inverse(radar, p);
        return [distanceMetres * Math.sin(bearingDegrees * DEG), distanceMetres * Math.cos(bearingDegrees * DEG)] as const;
      });
      const crossings: number[] = [];
      for (let s = 0; s < S; s++) {
        const theta = (((s + 0.5) * 360) / S) * DEG;
        const dx = Math.sin(theta);
        const dy = Math.cos(theta);
        crossings.length = 0;
        for (let i = 0; i < xy.length; i++) {
          const [px, py] = xy[i];
          const [qx, qy] = xy[(i + 1) % xy.length];
          const ex = qx - px;
          const ey = qy - py;
          const den = dx * ey - dy * ex;
          if (den === 0) continue;
          // origin + t d = p + u e  =>  t = (px ey - py ex) / den, u = (px dy - py dx) / den
          const t = (px * ey - py * ex) / den;
          const u = (px * dy - py * dx) / den;
          if (t > 0 && u >= 0 && u < 1) crossings.push(t);
        }
        if (crossings.length === 0) continue;
        crossings.sort((a, b) => a - b);
        let next = 0;
        for (let c = 0; c < cols; c++) {
          const r = cellRange(c);
          while (next < crossings.length && crossings[next] <= r) next++;
          if ((crossings.length - next) % 2 === 1) out[s * cols + c] = 1;
        }
      }
    }
  }
  return out;
}
