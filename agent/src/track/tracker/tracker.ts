import type { LatLon } from '../geodesy.js';
import { associate, type GatedPair } from './assign.js';
import { trackerConfigSchema, type TrackerConfig, type TrackerConfigInput } from './config.js';
import { chi2Inv2, gateDistance2, gaussian, Imm, innovation, type ImmModel } from './filter.js';
import { LocalFrame, toMeasurement, widenedCovariance, type Measurement } from './frame.js';
import { buildZones, type ZoneGeometry } from './zones.js';
import { PointGrid } from './grid.js';
import { closestApproach } from './cpa.js';
import { ClutterMap } from './clutter.js';
import { clusterPlots } from './cluster.js';
import { mergeDuplicates } from './merge.js';
import { markFragments } from './fragments.js';
import { popcount, type Track } from './state.js';
import type { TrackerDeps, TrackerResult, TrackerScan, TrackUpdate, ZoneAlert } from './types.js';

export type { OwnShip, TrackerDeps, TrackerResult, TrackerScan, TrackStatus, TrackUpdate, ZoneAlert } from './types.js';


const DEG = Math.PI / 180;
/** Cell of the same-scan birth check, metres: wider than the gate of two hull-sized plots. */
const BIRTH_CELL = 100;

/**
 * Multi-target tracker: IMM (quiet + manoeuvring CV) per track in a local east/north frame,
 * chi-square gating, globally optimal assignment per independent cluster (confirmed tracks
 * first, then tentative ones on what is left), M-of-N confirmation, coasting and deletion,
 * stationary/moving with hysteresis, CPA/TCPA and guard zones.
 */
export class Tracker {
  private cfg: TrackerConfig;
  private frame: LocalFrame | undefined;
  private zones: ZoneGeometry[] = [];
  private readonly tracks: Track[] = [];
  private nextId: number;
  private gate: number;
  private readonly mergeGate = chi2Inv2(0.99);
  private models: ImmModel[] = [];
  private birthMu: number[] = [];
  private clutter: ClutterMap;
  private lastScanMs = -Infinity;
  /** Plot coordinates of the scan being processed (for the gating grid). */
  private mx = new Float64Array(0);
  private my = new Float64Array(0);
  private readonly rBuf: [number, number, number] = [0, 0, 0];
  private readonly detBuf = new Float64Array(1);

  constructor(config: TrackerConfigInput | TrackerConfig = {}, deps: TrackerDeps = {}) {
    this.cfg = trackerConfigSchema.parse(config);
    this.nextId = deps.firstId ?? 1;
    this.gate = chi2Inv2(this.cfg.association.gateProbability);
    this.clutter = new ClutterMap(this.cfg.clutterMap);
    this.setModels();
  }

  get config(): TrackerConfig {
    return this.cfg;
  }

  /**
   * New settings from the next scan on, keeping the live tracks and their ids (`set-tracker`):
   * gates, lifecycle, CPA and stationary rules are read each scan; the motion models' noise and
   * sojourn times change in place for every track; guard zones are rebuilt (a track keeps the
   * zones it is in that still exist). When the turn model is switched on or off the number of
   * models changes: tracks born before keep theirs, new ones get the new set. A changed
   * `clutterMap` section starts the clutter density afresh. Returns what changed, in words.
   */
  reconfigure(config: TrackerConfigInput | TrackerConfig): string[] {
    const next = trackerConfigSchema.parse(config);
    const before = this.cfg;
    const changed = (Object.keys(next) as Array<keyof TrackerConfig>).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(before[k]));
    this.cfg = next;
    this.gate = chi2Inv2(next.association.gateProbability);
    if (changed.includes('clutterMap')) this.clutter = new ClutterMap(next.clutterMap);
    if (changed.includes('motion')) this.setModels();
    if (changed.includes('guardZones') && this.frame) {
      this.zones = buildZones(next.guardZones, this.frame);
      const names = new Set(this.zones.map((z) => z.name));
      for (const t of this.tracks) for (const z of t.inZones) if (!names.has(z)) t.inZones.delete(z);
    }
    return changed;
  }

  /**
   * The IMM's models from the motion settings. Model 0 is quiet and the last one the
   * manoeuvring CV (manoeuvreProbability is 1 - mu[0]). With the same number of models as
   * before, the objects the tracks' filters hold are updated in place.
   */
  private setModels(): void {
    const m = this.cfg.motion;
    const models: ImmModel[] = [{ q: m.quietNoiseM2PerS3, meanSojournSeconds: m.meanQuietSeconds }];
    if (m.turnRateDegreesPerSecond > 0) {
      for (const sign of [1, -1]) models.push({ q: m.turnNoiseM2PerS3, meanSojournSeconds: m.meanTurnSeconds, turnRateRadPerS: sign * m.turnRateDegreesPerSecond * DEG });
    }
    models.push({ q: m.manoeuvreNoiseM2PerS3, meanSojournSeconds: m.meanManoeuvreSeconds });
    if (this.models.length === models.length) models.forEach((model, i) => Object.assign(this.models[i], model));
    else this.models = models;
    // A new track is most likely running straight (most boats are, most of the time): 0.8 quiet,
    // the rest shared by the manoeuvring models. Measured on the scenarios' straight runs, an even
    // start gave the young track's course (and so its CPA) half again the error.
    const n = this.models.length;
    this.birthMu = this.models.map((_, i) => (i === 0 ? 0.8 : n === 2 ? 0.2 : i === n - 1 ? 0.1 : 0.1 / (n - 2)));
  }

  get liveTracks(): number {
    return this.tracks.length;
  }

  get origin(): LatLon | undefined {
    return this.frame?.origin;
  }

  update(scan: TrackerScan): TrackerResult {
    if (!Number.isFinite(scan.timeMs)) throw new TypeError('a scan needs a finite timeMs');
    if (scan.timeMs < this.lastScanMs) throw new RangeError(`scan at ${scan.timeMs} ms is older than the previous one (${this.lastScanMs} ms)`);
    this.lastScanMs = scan.timeMs;
    const cfg = this.cfg;
    if (!this.frame) {
      const o = cfg.cpa.protectedPoint ?? scan.site ?? scan.ownShip ?? scan.plots[0];
      if (!o) return { tracks: [], deleted: [], alerts: [] };
      this.frame = new LocalFrame({ latitude: o.latitude, longitude: o.longitude });
      this.zones = buildZones(cfg.guardZones, this.frame);
    }
    const frame = this.frame;
    const sensorPoint = scan.ownShip ?? scan.site;
    const sensor = sensorPoint ? frame.toLocal(sensorPoint) : undefined;
    const plots = cfg.measurement.pointClusterMetres > 0 ? clusterPlots(scan.plots, frame, cfg.measurement.pointClusterMetres, sensor) : scan.plots;
    const meas = plots.map((p, i) => toMeasurement(p, i, frame, cfg.measurement, sensor, scan.ownShip !== undefined));
    this.mx = Float64Array.from(meas, (m) => m.east);
    this.my = Float64Array.from(meas, (m) => m.north);
    const used = new Uint8Array(meas.length);
    const assigned = new Map<Track, Measurement>();

    const confirmed = this.tracks.filter((t) => t.status !== 'tentative');
    const tentative = this.tracks.filter((t) => t.status === 'tentative');
    this.associateStage(confirmed, meas, used, assigned, scan.timeMs);
    this.associateStage(tentative, meas, used, assigned, scan.timeMs);

    const deleted: number[] = [];
    const lc = cfg.lifecycle;
    const windowMask = (1 << lc.confirmWindowScans) - 1;
    const survivors: Track[] = [];
    for (const t of this.tracks) {
      const m = assigned.get(t);
      t.age++;
      t.history = (t.history << 1) & 0x3fffffff;
      if (m) {
        if (t.status === 'tentative') {
          // How likely clutter alone put a plot in this gate: density x gate ellipse area.
          const inn = innovation(t.imm.peek(Math.max(0, (m.timeMs - t.timeMs) / 1000)), m.east, m.north, this.noise(t, m));
          t.risk *= this.clutter.density(m.east, m.north) * Math.PI * this.gate * Math.sqrt(inn.det);
        }
        t.imm.predict(Math.max(0, (m.timeMs - t.timeMs) / 1000));
        t.imm.update(m.east, m.north, this.noise(t, m));
        if (m.polar) {
          const w = 1 / cfg.measurement.extentMemoryScans;
          t.alongMetres += w * (m.polar.alongMetres - t.alongMetres);
          t.acrossMetres += w * (m.polar.acrossMetres - t.acrossMetres);
        }
        t.timeMs = Math.max(t.timeMs, m.timeMs);
        t.history |= 1;
        t.hits++;
        t.misses = 0;
        t.lastHitMs = m.timeMs;
        if (t.status === 'coasting') t.status = 'confirmed';
        if (t.status === 'tentative' && (popcount(t.history & windowMask) >= lc.confirmHits || (t.hits >= 2 && t.risk <= lc.fastConfirmRisk))) t.status = 'confirmed';
      } else {
        t.imm.predict(Math.max(0, (scan.timeMs - t.timeMs) / 1000));
        t.timeMs = Math.max(t.timeMs, scan.timeMs);
        t.misses++;
        if (t.status === 'confirmed') t.status = 'coasting';
      }
      const P = t.imm.combined.P;
      const sigma = Math.sqrt(Math.max(P[0], P[5]));
      let dead: boolean;
      if (t.status === 'tentative') dead = t.misses >= lc.tentativeMaxMisses || t.age >= lc.tentativeMaxScans;
      // A track confirmed early on two hits has not earned the long coast yet.
      else if (t.hits < lc.confirmHits) dead = t.misses >= lc.tentativeMaxMisses;
      else dead = t.misses >= lc.deleteAfterMisses || scan.timeMs - t.lastHitMs > lc.maxCoastSeconds * 1000 || sigma > lc.maxPositionSigmaMetres;
      if (dead) {
        deleted.push(t.id);
        if (t.status === 'tentative') this.clutter.add(t.imm.combined.x[0], t.imm.combined.x[1], t.hits);
      }
      else survivors.push(t);
    }
    this.tracks.length = 0;
    this.tracks.push(...survivors);
    mergeDuplicates(this.tracks, scan.timeMs, this.cfg, this.mergeGate, deleted);

    this.clutter.closeScan();
    this.initiate(meas, used);
    return this.report(scan, sensor, deleted);
  }

  /** A plot's covariance as a measurement of this track: widened to the track's own extent. */
  private noise(t: Track, m: Measurement): readonly [number, number, number] {
    const p = m.polar;
    if (!p || (t.alongMetres <= p.alongMetres && t.acrossMetres <= p.acrossMetres)) return m.r;
    return widenedCovariance(p, t.alongMetres, t.acrossMetres, this.rBuf);
  }

  private associateStage(tracks: Track[], meas: Measurement[], used: Uint8Array, assigned: Map<Track, Measurement>, scanMs: number): void {
    if (tracks.length === 0) return;
    const free: number[] = [];
    for (let i = 0; i < meas.length; i++) if (!used[i]) free.push(i);
    if (free.length === 0) return;
    // A pair can pass the gate only if each axis of its innovation is within sqrt(gate * S_axis),
    // and S_axis <= P_axis + max R_axis: that bounds the square searched around each track.
    let maxR = 0;
    let maxDt = 0;
    for (const i of free) {
      const m = meas[i];
      maxR = Math.max(maxR, m.r[0], m.r[2]);
      maxDt = Math.max(maxDt, Math.abs(m.timeMs - scanMs) / 1000);
    }
    const n = tracks.length;
    const radii = new Float64Array(n);
    const cx = new Float64Array(n);
    const cy = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const t = tracks[k];
      const g = t.imm.peek(Math.max(0, (scanMs - t.timeMs) / 1000));
      const P = g.P;
      const speed = Math.hypot(g.x[2], g.x[3]);
      const velSigma = Math.sqrt(this.gate * Math.max(P[10], P[15]));
      const ext = this.cfg.measurement.extentFactor * Math.max(t.alongMetres, t.acrossMetres);
      radii[k] = Math.sqrt(this.gate * (Math.max(P[0], P[5]) + maxR + ext * ext)) + (speed + velSigma) * maxDt;
      cx[k] = g.x[0]!;
      cy[k] = g.x[1]!;
    }
    const sorted = Float64Array.from(radii).sort();
    const grid = new PointGrid(Math.max(1, sorted[sorted.length >> 1]));
    grid.build(this.mx, this.my, free);
    const pairs: GatedPair[] = [];
    const missCost = new Float64Array(n);
    const vMax = this.cfg.motion.maxSpeedMps;
    for (let k = 0; k < n; k++) {
      const t = tracks[k];
      let logDet = Infinity;
      // A track born last scan has no velocity yet: its second plot must be reachable at the
      // fastest speed expected (plus the position noise of both plots).
      const born = t.hits === 1 ? t.imm.combined : undefined;
      grid.forEachNear(cx[k], cy[k], radii[k], (i) => {
        const m = meas[i];
        if (born) {
          const dt = Math.abs(m.timeMs - t.timeMs) / 1000;
          const reach = vMax * dt + 3 * Math.sqrt(born.P[0] + born.P[5] + m.r[0] + m.r[2]);
          if ((m.east - born.x[0]) ** 2 + (m.north - born.x[1]) ** 2 > reach * reach) return;
        }
        const g = t.imm.peek(Math.max(0, (m.timeMs - t.timeMs) / 1000));
        const d2 = gateDistance2(g, m.east, m.north, this.noise(t, m), this.detBuf);
        if (d2 > this.gate) return;
        // Cost: the negative log-likelihood up to a constant (d² + ln|S|), so a tight track
        // pays more for a far plot than a loose one does.
        const ld = Math.log(this.detBuf[0]);
        logDet = Math.min(logDet, ld);
        pairs.push({ track: k, plot: i, cost: d2 + ld });
      });
      // Missing costs as much as the worst plot the gate admits, so any gated plot beats it.
      missCost[k] = this.gate + (Number.isFinite(logDet) ? logDet : 0);
    }
    const plotOf = associate(n, meas.length, pairs, missCost, this.cfg.association.method);
    for (let k = 0; k < n; k++) {
      const p = plotOf[k];
      if (p < 0) continue;
      used[p] = 1;
      assigned.set(tracks[k], meas[p]);
    }
  }

  private initiate(meas: Measurement[], used: Uint8Array): void {
    const ex = this.cfg.association.initiationExclusionMetres;
    // Confirmed tracks, and tentative ones that took a plot this scan (the split returns of a
    // boat first seen a scan ago must not start tracks of their own).
    const anchors = this.tracks.filter((t) => t.status !== 'tentative' || (t.history & 1) === 1);
    // Each anchor marks the unused plots inside its own gate (or closer than `ex`), and those
    // within the isolation distance: one grid query per anchor with its own radius.
    const free: number[] = [];
    for (let i = 0; i < meas.length; i++) if (!used[i]) free.push(i);
    const excluded = new Uint8Array(meas.length);
    const crowded = new Uint8Array(meas.length);
    const iso = this.cfg.lifecycle.fastConfirmIsolationMetres;
    if (anchors.length > 0 && free.length > 0) {
      const grid = new PointGrid(Math.max(ex, iso, 25));
      grid.build(this.mx, this.my, free);
      let maxR = 0;
      for (const i of free) maxR = Math.max(maxR, meas[i].r[0], meas[i].r[2]);
      for (const t of anchors) {
        const x = t.imm.combined.x;
        const P = t.imm.combined.P;
        const radius = Math.max(ex, Math.min(200, Math.sqrt(this.gate * (Math.max(P[0], P[5]) + maxR))));
        grid.forEachNear(x[0], x[1], Math.max(radius, iso), (i) => {
          const m = meas[i];
          const d2 = (x[0] - m.east) ** 2 + (x[1] - m.north) ** 2;
          if (t.status !== 'tentative' && d2 < iso * iso) crowded[i] = 1;
          if (excluded[i] || d2 > radius * radius) return;
          // Inside the gate with the plot's own noise, or well inside (99 %) the track's extent: a
          // piece of its hull. Two narrow plots far apart where a wide one was are a pair
          // resolving, and the second boat's plot starts its own track.
          if (d2 < ex * ex) excluded[i] = 1;
          else {
            const g = t.imm.peek(Math.max(0, (m.timeMs - t.timeMs) / 1000));
            if (gateDistance2(g, m.east, m.north, m.r, this.detBuf) < this.gate || gateDistance2(g, m.east, m.north, this.noise(t, m), this.detBuf) < this.mergeGate) excluded[i] = 1;
          }
        });
      }
    }
    // A sliver of a return broken off in the skirt of the beam (a beam width beside the boat's
    // own plot, at its range) is that boat again, whatever became of its plot.
    const mc = this.cfg.measurement;
    const fragment = new Uint8Array(meas.length);
    if (free.length > 0) markFragments(meas.map((m) => m.footprint), mc.fragmentBeamWidths * mc.beamWidthDegrees, fragment);
    const vSigma = this.cfg.motion.maxSpeedMps / 2;
    const births = new Map<number, Measurement[]>();
    for (const i of free) {
      // A plot left over inside a confirmed track's gate (the other half of a split return, a
      // second echo off a big hull, one boat of an unresolved pair) is not a new target.
      if (excluded[i] || fragment[i]) continue;
      const m = meas[i];
      let near = false;
      // Two plots of one hull in the same scan start one track, not two.
      const bx = Math.floor(m.east / BIRTH_CELL);
      const by = Math.floor(m.north / BIRTH_CELL);
      for (let gx = bx - 1; gx <= bx + 1 && !near; gx++) {
        for (let gy = by - 1; gy <= by + 1 && !near; gy++) {
          for (const o of births.get(gx * 0x200000 + gy) ?? []) {
            const dx = m.east - o.east;
            const dy = m.north - o.north;
            const sxx = m.r[0] + o.r[0];
            const sxy = m.r[1] + o.r[1];
            const syy = m.r[2] + o.r[2];
            const det = sxx * syy - sxy * sxy;
            if ((dx * dx * syy - 2 * dx * dy * sxy + dy * dy * sxx) / det < this.gate) near = true;
          }
        }
      }
      if (near) continue;
      const bk = bx * 0x200000 + by;
      const list = births.get(bk);
      if (list) list.push(m);
      else births.set(bk, [m]);
      const P = new Float64Array(16);
      P[0] = m.r[0];
      P[1] = m.r[1];
      P[4] = m.r[1];
      P[5] = m.r[2];
      P[10] = vSigma * vSigma;
      P[15] = vSigma * vSigma;
      const imm = new Imm(this.models, gaussian([m.east, m.north, 0, 0], P), this.birthMu);
      // Born next to a confirmed track (split returns, an unresolved pair): no early confirmation.
      const risk = crowded[i] ? Infinity : 1;
      this.tracks.push({ id: this.nextId++, imm, timeMs: m.timeMs, status: 'tentative', history: 1, age: 0, hits: 1, misses: 0, lastHitMs: m.timeMs, moving: false, risk, inZones: new Set(), alongMetres: m.polar?.alongMetres ?? 0, acrossMetres: m.polar?.acrossMetres ?? 0, duplicateScans: 0, birthEast: m.east, birthNorth: m.north });
    }
  }

  private report(scan: TrackerScan, sensor: { east: number; north: number } | undefined, deleted: number[]): TrackerResult {
    const cfg = this.cfg;
    const frame = this.frame!;
    let ref: { x: number; y: number; vx: number; vy: number } | undefined;
    if (scan.ownShip) {
      const o = frame.toLocal(scan.ownShip);
      const c = scan.ownShip.courseDegrees * DEG;
      ref = { x: o.east, y: o.north, vx: scan.ownShip.speedMps * Math.sin(c), vy: scan.ownShip.speedMps * Math.cos(c) };
    } else {
      const p = cfg.cpa.protectedPoint ? frame.toLocal(cfg.cpa.protectedPoint) : sensor;
      if (p) ref = { x: p.east, y: p.north, vx: 0, vy: 0 };
    }
    const st = cfg.stationary;
    const tracks: TrackUpdate[] = [];
    const alerts: ZoneAlert[] = [];
    for (const t of this.tracks) {
      const g = t.imm.peek(Math.max(0, (scan.timeMs - t.timeMs) / 1000));
      const [x, y, vx, vy] = [g.x[0], g.x[1], g.x[2], g.x[3]];
      const speed = Math.hypot(vx, vy);
      // Speed variance along the velocity direction.
      const ux = speed > 0 ? vx / speed : 1;
      const uy = speed > 0 ? vy / speed : 0;
      const sv2 = ux * ux * g.P[10] + 2 * ux * uy * g.P[11] + uy * uy * g.P[15];
      // Moving only when even the low end of the speed's confidence interval is above the
      // threshold: two noisy plots off a moored hull give a speed, not a boat under way.
      // ...and only once it has left the point where it was first seen: a moored hull's centroid
      // jumps between its ends (a speed), but it stays on its mooring.
      const away = (x - t.birthEast) ** 2 + (y - t.birthNorth) ** 2 > st.minDisplacementMetres ** 2;
      if (!t.moving && t.status !== 'tentative' && t.hits >= cfg.lifecycle.confirmHits && away && speed - st.significanceSigmas * Math.sqrt(sv2) > st.movingAboveMps) t.moving = true;
      else if (t.moving && speed < st.stationaryBelowMps) t.moving = false;
      let cpaMetres: number | null = null;
      let tcpaSeconds: number | null = null;
      if (ref) ({ cpaMetres, tcpaSeconds } = closestApproach({ east: x, north: y, vEast: vx, vNorth: vy }, { east: ref.x, north: ref.y, vEast: ref.vx, vNorth: ref.vy }));
      const live = t.status !== 'tentative';
      const cpaAlert = live && cpaMetres !== null && tcpaSeconds !== null && cpaMetres < cfg.cpa.alertCpaMetres && tcpaSeconds >= 0 && tcpaSeconds <= cfg.cpa.alertTcpaSeconds;
      const geo = frame.toGeo(x, y);
      if (live) {
        const centre = ref ? { east: ref.x, north: ref.y } : undefined;
        for (const z of this.zones) {
          const d = z.signedDistance(x, y, centre);
          if (d <= 0 && !t.inZones.has(z.name)) {
            t.inZones.add(z.name);
            alerts.push({ type: 'zone', zone: z.name, id: t.id, timeMs: scan.timeMs, latitude: geo.latitude, longitude: geo.longitude });
          } else if (d > cfg.guardZoneExitMarginMetres) t.inZones.delete(z.name);
        }
      }
      const course = ((Math.atan2(vx, vy) / DEG) % 360 + 360) % 360;
      tracks.push({
        id: t.id,
        timeMs: scan.timeMs,
        scan: scan.scan ?? 0,
        status: t.status,
        latitude: geo.latitude,
        longitude: geo.longitude,
        eastMetres: x,
        northMetres: y,
        speedMps: speed,
        courseDegrees: course,
        moving: t.moving,
        cpaMetres,
        tcpaSeconds,
        cpaAlert,
        hits: t.hits,
        misses: t.misses,
        positionSigmaMetres: Math.sqrt(Math.max(g.P[0], g.P[5])),
        manoeuvreProbability: 1 - t.imm.mu[0],
      });
    }
    return { tracks, deleted, alerts };
  }
}
