import type { Logger } from 'pino';
import type { AlertBody, PlotsBody, RecordBodies, RecordKind, TrackRecord, TracksBody } from '../wire/types.js';
import { TRACK_STATUS } from '../wire/types.js';
import { destination, inverse, type LatLon } from './geodesy.js';
import type { PlatformPose } from './georef.js';
import type { TrackerConfig } from './tracker/config.js';
import type { TrackerPlot } from './tracker/frame.js';
import { Tracker, type OwnShip, type TrackerResult, type TrackUpdate } from './tracker/tracker.js';
import type { TrackingConfig } from './tracking-config.js';

/** Where the stage puts its records (the outbox). */
export interface TrackingSink {
  append<K extends RecordKind>(kind: K, body: RecordBodies[K]): unknown;
}

export interface TrackingStageOptions {
  /** Sensor id: the tracks' `sensor`, and the alerts' `details.sensor`. */
  sensor: string;
  config: TrackingConfig;
  /** The tracker's settings for this sensor (see sensorTrackerConfig). */
  tracker: TrackerConfig;
  sink: TrackingSink;
  /** A moving platform's pose (own ship); absent on a fixed site. */
  platform?: PlatformPose;
  /** A fixed site's antenna position (CPA reference, measurement geometry). */
  site?: LatLon;
  logger?: Logger;
}

export interface TrackingCounters {
  /** Scans handed to the tracker. */
  scans: number;
  plots: number;
  /** Plots without a finite position or time (not tracked). */
  badPlots: number;
  /** Plots that arrived after their scan was closed (tracked in the next scan). */
  latePlots: number;
  /** Scans closed early because the plots held reached maxPendingPlots. */
  forcedCloses: number;
  /** Live tracks (any status) and confirmed or coasting ones after the last scan. */
  live: number;
  confirmed: number;
  /** Tracks started and ended since start. */
  created: number;
  deleted: number;
  /** Track updates and `tracks` records sent. */
  updates: number;
  records: number;
  zoneAlerts: number;
  cpaAlerts: number;
  /** Scans the tracker refused (time going backwards, a bad plot). */
  errors: number;
  /** On a moving platform: scans closed without a fresh own-ship pose. */
  withoutPose: number;
}

/** Own ship's speed and course from two poses this far apart when the nav source gives neither. */
const VELOCITY_BASE_MS = 2000;
/** Empty scans closed in one go at most (a jump of the turn counter is not that many misses). */
const MAX_EMPTY_SCANS = 16;

/** A plots body's plots as the tracker takes them, with their scans (positions from the batch origin when they carry none). */
function trackerPlots(body: PlotsBody, counters: { badPlots: number }): Array<[TrackerPlot, number]> {
  const out: Array<[TrackerPlot, number]> = [];
  for (const p of body.plots) {
    let latitude = p.latitude;
    let longitude = p.longitude;
    if ((latitude === undefined || longitude === undefined) && body.origin) ({ latitude, longitude } = destination(body.origin, p.bearingDegrees, p.rangeMetres));
    if (latitude === undefined || longitude === undefined || !Number.isFinite(latitude) || !Number.isFinite(longitude) || !Number.isFinite(p.timeMs)) {
      counters.badPlots++;
      continue;
    }
    const plot: TrackerPlot = { timeMs: p.timeMs, latitude, longitude, rangeMetres: p.rangeMetres, bearingDegrees: p.bearingDegrees, rangeExtentMetres: p.rangeExtentMetres, azimuthExtentDegrees: p.azimuthExtentDegrees, cellCount: p.cellCount, peakPower: p.peakPower };
    out.push([plot, p.scan]);
  }
  return out;
}

/**
 * The live tracking stage of one sensor: takes its plots after the georeference (plots records'
 * bodies), holds them per scan, and runs Lookout's tracker when a scan closes (an antenna turn,
 * or a TI frame). On a moving platform own ship at the scan's time comes from the nav pose.
 * Confirmed and coasting tracks (tentative ones when asked) go out as `tracks` records, one per
 * scan; guard-zone entries and CPA breaches as `alerts`, once each (with hysteresis).
 */
export class TrackingStage {
  readonly counters: TrackingCounters = { scans: 0, plots: 0, badPlots: 0, latePlots: 0, forcedCloses: 0, live: 0, confirmed: 0, created: 0, deleted: 0, updates: 0, records: 0, zoneAlerts: 0, cpaAlerts: 0, errors: 0, withoutPose: 0 };
  readonly name: string;
  private readonly tracker: Tracker;
  /** Open scans: scan number → plots. */
  private readonly open = new Map<number, TrackerPlot[]>();
  private pending = 0;
  private lastClosed: number | undefined;
  private lastCloseMs = -Infinity;
  private maxId = 0;
  /** Ids sent at least once (only those have their end announced). */
  private readonly sent = new Set<number>();
  /** Ids whose CPA alert is raised and not yet re-armed. */
  private readonly cpaRaised = new Set<number>();
  /** Turn clock of a radar: the turn seen last and when it began (north). */
  private turn = -1;
  private turnStartMs = 0;

  constructor(private readonly options: TrackingStageOptions) {
    if (typeof options?.sink?.append !== 'function') throw new TypeError('TrackingStage needs a sink');
    this.name = `track:${options.sensor}`;
    this.tracker = new Tracker(options.tracker);
  }

  start(): void {}

  /** Closes the scans still open (their plots are tracked) and stays usable. */
  stop(): void {
    this.flush();
  }

  /** Plots of one batch after the georeference, each held for its scan until that scan closes. */
  push(body: PlotsBody): void {
    for (const [p, scan0] of trackerPlots(body, this.counters)) {
      let scan = scan0;
      if (this.lastClosed !== undefined && scan <= this.lastClosed) {
        this.counters.latePlots++;
        scan = this.lastClosed + 1;
      }
      const list = this.open.get(scan);
      if (list) list.push(p);
      else this.open.set(scan, [p]);
      this.pending++;
      this.counters.plots++;
      // A source that never says when a scan ends: a plot two scans on closes the older ones.
      const oldest = this.oldestOpen();
      if (oldest !== undefined && oldest < scan - 1) this.closeScansBefore(scan - 1, this.latestTime(oldest, scan - 1));
    }
    while (this.pending > this.options.config.maxPendingPlots) {
      const oldest = this.oldestOpen()!;
      this.counters.forcedCloses++;
      this.closeScansBefore(oldest + 1, this.latestTime(oldest, oldest + 1));
    }
  }

  /**
   * A radar's turn clock, called with every spoke: the turn counter of its scan assembler, the
   * spoke's azimuth (fraction of a turn from north) and its time. A quarter turn after north the
   * plots of the previous turn are all out of the extractor: that turn closes, at the time the
   * antenna passed north.
   */
  radarSpoke(turn: number, turnFraction: number, wallMs: number): void {
    if (turn !== this.turn) {
      this.turn = turn;
      this.turnStartMs = wallMs;
    }
    const closedThrough = this.lastClosed ?? -1;
    if (turn - 1 > closedThrough && (turnFraction >= 0.25 || turn - 2 > closedThrough)) this.closeScansBefore(turn, this.turnStartMs);
  }

  /**
   * One whole scan at once (a TI frame: its number need not increase, a sensor restarts at 1):
   * what is open closes first, then this scan, at `timeMs`.
   */
  pushScan(body: PlotsBody | undefined, scan: number, timeMs: number): void {
    if (this.open.size > 0) this.flush();
    const plots = body ? trackerPlots(body, this.counters).map(([p]) => p) : [];
    this.counters.plots += plots.length;
    this.update(scan, plots, timeMs);
  }

  /** Closes every open scan before `scan` (and the empty ones in between), the last at `timeMs`. */
  closeScansBefore(scan: number, timeMs: number): void {
    const keys = [...this.open.keys()].filter((k) => k < scan).sort((a, b) => a - b);
    const first = this.lastClosed === undefined ? keys[0] ?? scan - 1 : this.lastClosed + 1;
    const todo = new Set(keys);
    for (let k = Math.max(first, scan - MAX_EMPTY_SCANS); k < scan; k++) todo.add(k);
    const order = [...todo].sort((a, b) => a - b);
    const t0 = Number.isFinite(this.lastCloseMs) ? this.lastCloseMs : timeMs;
    order.forEach((k, i) => {
      const plots = this.open.get(k) ?? [];
      this.open.delete(k);
      this.pending -= plots.length;
      // The last scan closes at the time given; an earlier one at its last plot, or (empty) in step.
      let t = t0 + ((timeMs - t0) * (i + 1)) / order.length;
      if (i === order.length - 1) t = timeMs;
      else if (plots.length > 0) t = plots.reduce((m, p) => Math.max(m, p.timeMs), -Infinity);
      t = Math.max(t, this.lastCloseMs);
      this.update(k, plots, t);
    });
  }

  /** Closes every open scan now, at the time of its last plot. */
  flush(): void {
    const last = this.open.size === 0 ? undefined : Math.max(...this.open.keys());
    if (last !== undefined) this.closeScansBefore(last + 1, this.latestTime(this.oldestOpen()!, last + 1));
  }

  /**
   * The tracker's new settings from the next scan on (`set-tracker`): the live tracks and their
   * ids stay (Tracker.reconfigure). Returns the tracker sections that changed.
   */
  reconfigureTracker(tracker: TrackerConfig): string[] {
    const changed = this.tracker.reconfigure(tracker);
    this.options.tracker = this.tracker.config;
    if (changed.length > 0) this.options.logger?.info({ changed }, 'tracker settings changed live');
    return changed;
  }

  /** Counters for status, without the prefix the runtime adds. */
  counterValues(): Record<string, number> {
    return { ...this.counters };
  }

  private oldestOpen(): number | undefined {
    let m: number | undefined;
    for (const k of this.open.keys()) if (m === undefined || k < m) m = k;
    return m;
  }

  /** The time of the latest plot of the open scans in [from, to). */
  private latestTime(from: number, to: number): number {
    let t = this.lastCloseMs;
    for (const [k, plots] of this.open) if (k >= from && k < to) for (const p of plots) t = Math.max(t, p.timeMs);
    return t;
  }

  /** Own ship at a time (moving platform), or the site (fixed); `origin` is the sensor's position. */
  private where(timeMs: number): { ownShip?: OwnShip; site?: LatLon; origin?: LatLon } {
    const { platform, site } = this.options;
    if (!platform) return site ? { site, origin: site } : {};
    const p = platform.poseAt(timeMs);
    if (!p || p.stale) {
      this.counters.withoutPose++;
      return site ? { site, origin: site } : {};
    }
    let speedMps = p.speedMps;
    let courseDegrees = p.courseDegrees;
    if (speedMps === undefined || courseDegrees === undefined) {
      const q = platform.poseAt(timeMs - VELOCITY_BASE_MS);
      const d = q && !q.stale ? inverse(q, p) : undefined;
      speedMps ??= d ? d.distanceMetres / (VELOCITY_BASE_MS / 1000) : 0;
      courseDegrees ??= d && d.distanceMetres > 0 ? d.bearingDegrees : (p.headingDegrees ?? 0);
    }
    const origin = { latitude: p.latitude, longitude: p.longitude };
    return { ownShip: { ...origin, speedMps, courseDegrees }, origin };
  }

  private update(scan: number, plots: TrackerPlot[], at: number): void {
    // A wall clock stepped back must not stop the tracker: the scan closes at the last close time.
    const timeMs = Math.max(at, this.lastCloseMs);
    const { ownShip, site, origin } = this.where(timeMs);
    let r: TrackerResult;
    try {
      r = this.tracker.update({ timeMs, scan, plots, ...(ownShip ? { ownShip } : {}), ...(site ? { site } : {}) });
    } catch (err) {
      this.counters.errors++;
      this.options.logger?.error({ err, scan }, 'scan not tracked');
      return;
    }
    this.lastClosed = scan;
    this.lastCloseMs = timeMs;
    const c = this.counters;
    c.scans++;
    c.live = this.tracker.liveTracks;
    c.confirmed = 0;
    for (const t of r.tracks) {
      if (t.status !== 'tentative') c.confirmed++;
      if (t.id > this.maxId) {
        c.created += t.id - this.maxId;
        this.maxId = t.id;
      }
    }
    c.deleted += r.deleted.length;
    this.publish(scan, r, origin);
    this.raiseAlerts(r);
  }

  private publish(scan: number, r: TrackerResult, origin: LatLon | undefined): void {
    const cfg = this.options.config;
    const tracks: TrackRecord[] = [];
    for (const t of r.tracks) {
      if (t.status === 'tentative' && !cfg.publishTentative) continue;
      tracks.push(this.record(t));
      this.sent.add(t.id);
    }
    const deleted = r.deleted.filter((id) => this.sent.delete(id));
    if (tracks.length === 0 && deleted.length === 0) return;
    tracks.sort((a, b) => a.id - b.id);
    const body: TracksBody = { sensor: this.options.sensor, source: 'tracker', scan, tracks };
    if (origin) body.origin = origin;
    if (deleted.length > 0) body.deleted = deleted;
    this.options.sink.append('tracks', body);
    this.counters.records++;
    this.counters.updates += tracks.length;
  }

  private record(t: TrackUpdate): TrackRecord {
    const rec: TrackRecord = {
      id: t.id,
      timeMs: t.timeMs,
      latitude: t.latitude,
      longitude: t.longitude,
      speedMetresPerSecond: t.speedMps,
      courseDegrees: t.courseDegrees,
      status: TRACK_STATUS[t.status],
      moving: t.moving,
      cpaAlert: t.cpaAlert,
    };
    // Where relevant: a closing track within the horizon.
    if (t.cpaMetres !== null && t.tcpaSeconds !== null && t.tcpaSeconds > 0 && t.tcpaSeconds <= this.options.config.cpaHorizonSeconds) {
      rec.cpaMetres = t.cpaMetres;
      rec.tcpaSeconds = t.tcpaSeconds;
    }
    return rec;
  }

  private raiseAlerts(r: TrackerResult): void {
    const { sensor, sink, config } = this.options;
    const tracker = this.tracker.config;
    for (const a of r.alerts) {
      this.counters.zoneAlerts++;
      const body: AlertBody = {
        severity: 'warning',
        code: 'ZONE_ENTRY',
        message: `track ${a.id} of ${sensor} entered guard zone ${a.zone}`,
        trackId: a.id,
        details: { sensor, zone: a.zone, trackId: String(a.id), timeMs: String(a.timeMs), latitude: a.latitude.toFixed(7), longitude: a.longitude.toFixed(7) },
      };
      sink.append('alerts', body);
    }
    for (const id of r.deleted) this.cpaRaised.delete(id);
    for (const t of r.tracks) {
      if (this.cpaRaised.has(t.id)) {
        const opened = t.cpaMetres === null || t.cpaMetres > tracker.cpa.alertCpaMetres + config.cpaRearmMetres;
        const passed = t.tcpaSeconds === null || t.tcpaSeconds < -config.cpaRearmSeconds;
        if (opened || passed) this.cpaRaised.delete(t.id);
        continue;
      }
      if (!t.cpaAlert || t.cpaMetres === null || t.tcpaSeconds === null) continue;
      this.cpaRaised.add(t.id);
      this.counters.cpaAlerts++;
      sink.append('alerts', {
        severity: 'warning',
        code: 'CPA_BREACH',
        message: `track ${t.id} of ${sensor} closes to ${Math.round(t.cpaMetres)} m in ${Math.round(t.tcpaSeconds)} s`,
        trackId: t.id,
        details: { sensor, trackId: String(t.id), timeMs: String(t.timeMs), cpaMetres: t.cpaMetres.toFixed(1), tcpaSeconds: t.tcpaSeconds.toFixed(1), latitude: t.latitude.toFixed(7), longitude: t.longitude.toFixed(7) },
      });
    }
  }
}
