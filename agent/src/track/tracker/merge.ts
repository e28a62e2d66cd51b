import type { Gaussian } from './filter.js';
import { PointGrid } from './grid.js';
import type { TrackerConfig } from './config.js';
import type { Track } from './state.js';

export interface MergeCandidate {
  /** The track's estimate at its last update... */
  gaussian: Gaussian;
  /** ...and the seconds from then to the scan's close (its mean is moved on by this; its
   * covariance is not grown, which only makes the test stricter). */
  dt: number;
  /** How far its plots may sit from its centre because the target is big (σ, metres). */
  extentMetres: number;
}

/** Speed difference two estimates of one boat may show beyond their covariances (σ, m/s). */
const VELOCITY_SLACK_MPS = 0.3;

function mahalanobis2(dx: number, dy: number, sxx: number, sxy: number, syy: number): number {
  const det = sxx * syy - sxy * sxy;
  if (!(det > 0)) return Infinity;
  return (dx * dx * syy - 2 * dx * dy * sxy + dy * dy * sxx) / det;
}

/**
 * Pairs (i < j) of tracks that are statistically one target: the difference of their positions
 * within `gate` (chi-square, 2 dof) of the sum of their covariances plus both extents, and the
 * difference of their velocities too. A grid keeps this to the tracks near each other.
 */
export function duplicateTracks(candidates: readonly MergeCandidate[], gate: number): Array<[number, number]> {
  const n = candidates.length;
  const x = new Float64Array(n * 4);
  const p = new Float64Array(n * 6);
  const ext = new Float64Array(n);
  let maxSpread = 1;
  for (let i = 0; i < n; i++) {
    const g = candidates[i].gaussian;
    const dt = candidates[i].dt;
    x[i * 4] = g.x[0] + dt * g.x[2];
    x[i * 4 + 1] = g.x[1] + dt * g.x[3];
    x[i * 4 + 2] = g.x[2];
    x[i * 4 + 3] = g.x[3];
    // Position block [xx, xy, yy] and velocity block [xx, xy, yy].
    p[i * 6] = g.P[0];
    p[i * 6 + 1] = g.P[1];
    p[i * 6 + 2] = g.P[5];
    p[i * 6 + 3] = g.P[10];
    p[i * 6 + 4] = g.P[11];
    p[i * 6 + 5] = g.P[15];
    ext[i] = candidates[i].extentMetres;
    maxSpread = Math.max(maxSpread, Math.sqrt(Math.max(g.P[0], g.P[5])) + ext[i]);
  }
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = x[i * 4];
    ys[i] = x[i * 4 + 1];
  }
  // Two tracks further apart than sqrt(gate) x (both spreads) cannot pass.
  const radius = Math.sqrt(gate) * 2 * Math.min(maxSpread, 200);
  const grid = new PointGrid(Math.max(radius, 1));
  grid.build(xs, ys, xs.keys());
  const out: Array<[number, number]> = [];
  const v2 = VELOCITY_SLACK_MPS * VELOCITY_SLACK_MPS;
  for (let i = 0; i < n; i++) {
    grid.forEachNear(xs[i], ys[i], radius, (j) => {
      if (j <= i) return;
      const e2 = ext[i] * ext[i] + ext[j] * ext[j];
      const dp = mahalanobis2(xs[j] - xs[i], ys[j] - ys[i], p[i * 6] + p[j * 6] + e2, p[i * 6 + 1] + p[j * 6 + 1], p[i * 6 + 2] + p[j * 6 + 2] + e2);
      if (dp > gate) return;
      const dv = mahalanobis2(x[j * 4 + 2] - x[i * 4 + 2], x[j * 4 + 3] - x[i * 4 + 3], p[i * 6 + 3] + p[j * 6 + 3] + v2, p[i * 6 + 4] + p[j * 6 + 4], p[i * 6 + 5] + p[j * 6 + 5] + v2);
      if (dv <= gate) out.push([i, j]);
    });
  }
  return out;
}

/**
 * Two tracks on one hull (its points split into two clusters, a second echo that started a
 * track before the first was confirmed): when their positions and velocities agree within
 * their uncertainties on `mergeAfterScans` scans in a row, the younger is deleted and the
 * older (its id kept for life) goes on. Crossing boats agree in position for a scan or two,
 * never in velocity.
 */
export function mergeDuplicates(tracks: Track[], scanMs: number, config: TrackerConfig, gate: number, deleted: number[]): void {
  const after = config.lifecycle.mergeAfterScans;
  if (after <= 0 || tracks.length < 2) return;
  const f = config.measurement.extentFactor;
  // Only tracks whose velocity means something (confirmed on M plots): a young track's
  // velocity agrees with anything, and it may be a second boat just resolved.
  const grown = tracks.filter((t) => t.status !== 'tentative' && t.hits >= config.lifecycle.confirmHits);
  const pairs = duplicateTracks(
    grown.map((t) => ({ gaussian: t.imm.combined, dt: Math.max(0, (scanMs - t.timeMs) / 1000), extentMetres: f * Math.max(t.alongMetres, t.acrossMetres) })),
    gate,
  );
  const dup = new Map<Track, Track>();
  for (const [a, b] of pairs) {
    const ta = grown[a];
    const tb = grown[b];
    // The younger of the two (ids increase with age), and the older it copies.
    if (ta.id > tb.id) dup.set(ta, tb);
    else dup.set(tb, ta);
  }
  const drop = new Set<Track>();
  for (const t of tracks) {
    t.duplicateScans = dup.has(t) ? t.duplicateScans + 1 : 0;
    if (t.duplicateScans < after) continue;
    const older = dup.get(t)!;
    if (drop.has(older)) continue;
    drop.add(t);
    // The older id goes on with whichever estimate has been fed more recently (the copy may
    // have been taking the plots while the original coasted on a stale velocity).
    if (t.lastHitMs > older.lastHitMs) {
      older.imm = t.imm;
      older.timeMs = t.timeMs;
      older.lastHitMs = t.lastHitMs;
      older.misses = t.misses;
      older.history |= t.history;
      older.alongMetres = t.alongMetres;
      older.acrossMetres = t.acrossMetres;
      if (older.status === 'coasting' && t.misses === 0) older.status = 'confirmed';
    }
  }
  if (drop.size === 0) return;
  for (const t of drop) deleted.push(t.id);
  const keep = tracks.filter((t) => !drop.has(t));
  tracks.length = 0;
  tracks.push(...keep);
}
