/**
 * Beam-skirt fragments of a radar return. A point target lights every spoke within about a beam
 * width of it; in the skirts of the beam its echo is only a few dB over the threshold, so noise
 * breaks the return: the detector sends the body of it as one plot and, a spoke or two beyond
 * its edge, a cell or two as a plot of their own. At 1.2 km such a fragment sits 20 m from the
 * body (one beam width), at 5 km 80 m: far outside the gate of the body's track, so on its own it
 * would start a track beside the boat (and with the next turns' fragments confirm it).
 */

/** Where a radar plot's cells lie: its centroid and extents in range and azimuth. */
export interface Footprint {
  rangeMetres: number;
  bearingDegrees: number;
  rangeExtentMetres: number;
  azimuthExtentDegrees: number;
}

/** Absolute difference of two bearings, degrees in [0, 180] (across north too). */
export function bearingGap(a: number, b: number): number {
  const d = (((a - b) % 360) + 540) % 360;
  return Math.abs(d - 180);
}

/**
 * Marks (1 in `out`) the plots of one scan that are fragments of another: narrower in azimuth
 * than `limitDegrees` (a real target's return spans about the beam), overlapping a wider plot in
 * range, and no more than `limitDegrees` from that plot's edge in azimuth (edges from the
 * centroid and the extent; across north too). Plots without a footprint (TI points, plain
 * positions) are never marked. Returns how many were marked.
 */
export function markFragments(footprints: ReadonlyArray<Footprint | undefined>, limitDegrees: number, out: Uint8Array): number {
  if (!(limitDegrees > 0)) return 0;
  const narrow: number[] = [];
  const wide: number[] = [];
  let maxExtent = 0;
  footprints.forEach((f, i) => {
    if (!f) return;
    if (f.azimuthExtentDegrees < limitDegrees) narrow.push(i);
    else {
      wide.push(i);
      maxExtent = Math.max(maxExtent, f.rangeExtentMetres);
    }
  });
  if (narrow.length === 0 || wide.length === 0) return 0;
  // The wide plots by range bin: a narrow plot's partner overlaps it in range, so it lies within
  // (its extent + the widest extent) / 2 of it.
  const bin = Math.max(1, maxExtent);
  const bins = new Map<number, number[]>();
  for (const i of wide) {
    const k = Math.floor(footprints[i]!.rangeMetres / bin);
    const list = bins.get(k);
    if (list) list.push(i);
    else bins.set(k, [i]);
  }
  let marked = 0;
  for (const i of narrow) {
    const f = footprints[i]!;
    const reach = (f.rangeExtentMetres + maxExtent) / 2;
    const k0 = Math.floor((f.rangeMetres - reach) / bin);
    const k1 = Math.floor((f.rangeMetres + reach) / bin);
    search: for (let k = k0; k <= k1; k++) {
      for (const j of bins.get(k) ?? []) {
        const w = footprints[j]!;
        if (Math.abs(w.rangeMetres - f.rangeMetres) > (w.rangeExtentMetres + f.rangeExtentMetres) / 2) continue;
        const gap = bearingGap(w.bearingDegrees, f.bearingDegrees) - (w.azimuthExtentDegrees + f.azimuthExtentDegrees) / 2;
        if (gap > limitDegrees) continue;
        out[i] = 1;
        marked++;
        break search;
      }
    }
  }
  return marked;
}
