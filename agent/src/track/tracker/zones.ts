import type { GuardZoneConfig } from './config.js';
import type { LocalFrame } from './frame.js';

/**
 * Guard zones in the local frame. A polygon is fixed on the Earth; a range/bearing sector is
 * centred on a point that may move with own ship. `signedDistance` is negative inside, positive
 * outside (metres to the boundary), which is what the exit hysteresis needs.
 */
export interface ZoneGeometry {
  name: string;
  signedDistance(east: number, north: number, centre: { east: number; north: number } | undefined): number;
}

function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

export function polygonSignedDistance(xs: ArrayLike<number>, ys: ArrayLike<number>, px: number, py: number): number {
  let inside = false;
  let best = Infinity;
  const n = xs.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = xs[i];
    const yi = ys[i];
    const xj = xs[j];
    const yj = ys[j];
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
    best = Math.min(best, segmentDistance(px, py, xi, yi, xj, yj));
  }
  return inside ? -best : best;
}

const DEG = Math.PI / 180;

/** Clockwise angle from `from` to `b` in [0, 360). */
function clockwise(from: number, b: number): number {
  return (((b - from) % 360) + 360) % 360;
}

export function buildZones(zones: readonly GuardZoneConfig[], frame: LocalFrame): ZoneGeometry[] {
  return zones.map((z): ZoneGeometry => {
    if ('polygon' in z) {
      const pts = z.polygon.map((p) => frame.toLocal(p));
      const xs = Float64Array.from(pts, (p) => p.east);
      const ys = Float64Array.from(pts, (p) => p.north);
      return { name: z.name, signedDistance: (e, n) => polygonSignedDistance(xs, ys, e, n) };
    }
    const s = z.sector;
    const fixed = s.centre ? frame.toLocal(s.centre) : undefined;
    const width = s.fromBearingDegrees === s.toBearingDegrees ? 360 : clockwise(s.fromBearingDegrees, s.toBearingDegrees);
    return {
      name: z.name,
      signedDistance: (e, n, moving) => {
        const c = fixed ?? moving;
        if (!c) return Infinity;
        const dx = e - c.east;
        const dy = n - c.north;
        const r = Math.hypot(dx, dy);
        const bearing = ((Math.atan2(dx, dy) / DEG) % 360 + 360) % 360;
        const radial = Math.max(s.minRangeMetres - r, r - s.maxRangeMetres);
        if (width >= 360) return radial;
        const off = clockwise(s.fromBearingDegrees, bearing);
        let angular: number;
        if (off <= width) angular = -Math.min(off, width - off) * DEG * r;
        else angular = Math.min(off - width, 360 - off) * DEG * r;
        return Math.max(radial, angular);
      },
    };
  });
}
