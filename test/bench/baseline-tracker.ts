/**
 * The baseline the tracker must beat (issue 12), not shipped: what a radar plotter does out of
 * the box. Per track an alpha-beta filter with fixed gains in the local frame; association by
 * greedy nearest neighbour inside a fixed circular gate (the closest pair first, as radar_pi
 * does: it is what swaps the labels of two crossing boats); 2-of-3 confirmation; a confirmed
 * track coasts and is deleted after 3 misses in a row; moving above 1 m/s.
 */
import { LocalFrame } from '../../agent/src/track/tracker/frame.js';
import type { LatLon } from '../../agent/src/track/geodesy.js';

export interface BaselineOptions {
  alpha?: number;
  beta?: number;
  gateMetres?: number;
  confirmHits?: number;
  confirmWindow?: number;
  deleteAfterMisses?: number;
}

export interface BaselineScan {
  timeMs: number;
  scan?: number;
  plots: ReadonlyArray<LatLon & { timeMs: number }>;
  site?: LatLon;
  ownShip?: LatLon;
}

export interface BaselineTrack extends LatLon {
  id: number;
  timeMs: number;
  scan: number;
  status: 'tentative' | 'confirmed' | 'coasting';
  speedMps: number;
  courseDegrees: number;
  moving: boolean;
}

interface T {
  id: number;
  x: number;
  y: number;
  vx: number;
  vy: number;
  t: number;
  hits: number;
  history: number;
  age: number;
  misses: number;
  confirmed: boolean;
}

export class BaselineTracker {
  private frame: LocalFrame | undefined;
  private tracks: T[] = [];
  private nextId = 1;
  private readonly o: Required<BaselineOptions>;

  constructor(opts: BaselineOptions = {}) {
    this.o = { alpha: 0.5, beta: 0.2, gateMetres: 50, confirmHits: 2, confirmWindow: 3, deleteAfterMisses: 3, ...opts };
  }

  get liveTracks(): number {
    return this.tracks.length;
  }

  update(scan: BaselineScan): { tracks: BaselineTrack[]; deleted: number[] } {
    if (!this.frame) {
      const o = scan.site ?? scan.ownShip ?? scan.plots[0];
      if (!o) return { tracks: [], deleted: [] };
      this.frame = new LocalFrame(o);
    }
    const frame = this.frame;
    const zs = scan.plots.map((p) => ({ ...frame.toLocal(p), t: p.timeMs }));
    const g2 = this.o.gateMetres ** 2;
    // Every gated pair, nearest first; a track or plot taken is not offered again.
    const pairs: Array<[number, number, number]> = [];
    const cell = this.o.gateMetres;
    const grid = new Map<string, number[]>();
    zs.forEach((z, j) => {
      const k = `${Math.floor(z.east / cell)},${Math.floor(z.north / cell)}`;
      (grid.get(k) ?? grid.set(k, []).get(k)!).push(j);
    });
    this.tracks.forEach((tr, i) => {
      const cx = Math.floor(tr.x / cell);
      const cy = Math.floor(tr.y / cell);
      for (let gx = cx - 1; gx <= cx + 1; gx++) for (let gy = cy - 1; gy <= cy + 1; gy++) {
        for (const j of grid.get(`${gx},${gy}`) ?? []) {
          const z = zs[j]!;
          const dt = (z.t - tr.t) / 1000;
          const d2 = (z.east - tr.x - tr.vx * dt) ** 2 + (z.north - tr.y - tr.vy * dt) ** 2;
          if (d2 <= g2) pairs.push([d2, i, j]);
        }
      }
    });
    pairs.sort((a, b) => a[0] - b[0]);
    const plotOf = new Int32Array(this.tracks.length).fill(-1);
    const used = new Uint8Array(zs.length);
    for (const [, i, j] of pairs) {
      if (plotOf[i] !== -1 || used[j]) continue;
      plotOf[i] = j;
      used[j] = 1;
    }
    const { alpha, beta } = this.o;
    const deleted: number[] = [];
    const mask = (1 << this.o.confirmWindow) - 1;
    const live: T[] = [];
    this.tracks.forEach((tr, i) => {
      tr.age++;
      tr.history = (tr.history << 1) & mask;
      const j = plotOf[i]!;
      if (j >= 0) {
        const z = zs[j]!;
        const dt = Math.max(1e-3, (z.t - tr.t) / 1000);
        const px = tr.x + tr.vx * dt;
        const py = tr.y + tr.vy * dt;
        const rx = z.east - px;
        const ry = z.north - py;
        if (tr.hits === 1) {
          // Second plot: the velocity is the difference of the first two.
          tr.vx = (z.east - tr.x) / dt;
          tr.vy = (z.north - tr.y) / dt;
          tr.x = z.east;
          tr.y = z.north;
        } else {
          tr.x = px + alpha * rx;
          tr.y = py + alpha * ry;
          tr.vx += (beta / dt) * rx;
          tr.vy += (beta / dt) * ry;
        }
        tr.t = z.t;
        tr.hits++;
        tr.history |= 1;
        tr.misses = 0;
        let h = 0;
        for (let b = tr.history; b; b &= b - 1) h++;
        if (!tr.confirmed && h >= this.o.confirmHits) tr.confirmed = true;
      } else tr.misses++;
      const dead = tr.confirmed ? tr.misses >= this.o.deleteAfterMisses : tr.age >= this.o.confirmWindow - 1 && tr.misses > 0;
      if (dead) deleted.push(tr.id);
      else live.push(tr);
    });
    this.tracks = live;
    zs.forEach((z, j) => {
      if (used[j]) return;
      this.tracks.push({ id: this.nextId++, x: z.east, y: z.north, vx: 0, vy: 0, t: z.t, hits: 1, history: 1, age: 0, misses: 0, confirmed: false });
    });
    const tracks = this.tracks.map((tr): BaselineTrack => {
      const dt = (scan.timeMs - tr.t) / 1000;
      const g = frame.toGeo(tr.x + tr.vx * dt, tr.y + tr.vy * dt);
      const speed = Math.hypot(tr.vx, tr.vy);
      return {
        id: tr.id,
        timeMs: scan.timeMs,
        scan: scan.scan ?? 0,
        status: !tr.confirmed ? 'tentative' : tr.misses > 0 ? 'coasting' : 'confirmed',
        latitude: g.latitude,
        longitude: g.longitude,
        speedMps: speed,
        courseDegrees: (((Math.atan2(tr.vx, tr.vy) * 180) / Math.PI) % 360 + 360) % 360,
        moving: speed > 1,
      };
    });
    return { tracks, deleted };
  }
}
