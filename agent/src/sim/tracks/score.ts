/**
 * Scoring of track output against truth, scan by scan. GOSPA (García-Fernández, Rahmathullah,
 * Svensson: "Generalized optimal sub-pattern assignment metric", 2017) with p = 2 and α = 2,
 * so d = sqrt(min over assignments of Σ d(x,y)² + c²/2 (missed + false)) with pairs only closer
 * than c; split into its localisation, missed and false parts. Then, on that same optimal
 * assignment: ID switches, time to confirm, speed and course errors, moving/stationary
 * reports and CPA/TCPA errors per truth target.
 */
import { solveAssignment } from '../../track/tracker/assign.js';
import { LocalFrame } from '../../track/tracker/frame.js';
import type { LatLon } from '../../track/geodesy.js';

export interface ScoredTrack extends LatLon {
  timeMs: number;
  scan?: number;
  id: number;
  status: string;
  speedMps?: number;
  courseDegrees?: number;
  moving?: boolean;
  cpaMetres?: number | null;
  tcpaSeconds?: number | null;
}

export interface ScoredTruth extends LatLon {
  timeMs: number;
  scan?: number;
  target: number;
  speedMps?: number;
  courseDegrees?: number;
  detected?: boolean;
  merged?: boolean;
  cpaMetres?: number;
  tcpaSeconds?: number;
}

export interface ScoreOptions {
  /** GOSPA cut-off, metres (100). */
  cutoffMetres?: number;
  /** Statuses that count as reported tracks (confirmed and coasting). */
  statuses?: readonly string[];
  /** Speed and course errors only for targets faster than this (3 m/s). */
  minSpeedForCourseMps?: number;
  /** Speed, course and CPA errors only from this many scans after a target's first match (0). */
  settleScans?: number;
  /** CPA/TCPA errors only while the truth's closest approach is at least this far ahead (30 s). */
  minTcpaSeconds?: number;
}

export interface TargetScore {
  target: number;
  /** First scan the target gave a plot (its own or shared). */
  firstSeenScan: number | null;
  /** Scans from then to the first scan a reported track matches it (time to confirm). */
  scansToConfirm: number | null;
  secondsToConfirm: number | null;
  /** First scan it gave a plot of its own after the last scan it shared one (resolved). */
  firstResolvedScan: number | null;
  /** Scans from then to the first scan (from then on) a reported track matches it. */
  scansToConfirmAfterResolved: number | null;
  idSwitches: number;
  /** Distinct track ids matched to it. */
  trackIds: number[];
  /** Scans after its first match with no reported track matched. */
  unmatchedAfterConfirm: number;
  movingScans: number;
  stationaryScans: number;
  /** First scan (from its first match) whose matched track says stationary. */
  scansToStationary: number | null;
  /** Mean |error| / truth of CPA and TCPA while it closes (as for the whole run below). */
  cpaRelativeError: number | null;
  tcpaRelativeError: number | null;
}

export interface Score {
  scans: number;
  cutoffMetres: number;
  /** Mean over scans of the per-scan GOSPA, metres. */
  gospa: number;
  /** Means over scans of the three parts of GOSPA², m² (they add up to the mean of GOSPA²). */
  localisation: number;
  missed: number;
  false: number;
  meanMissedTargets: number;
  meanFalseTracks: number;
  idSwitches: number;
  speedRmseMps: number | null;
  courseRmseDegrees: number | null;
  /** Mean |error| / truth over matched scans of closing targets (truth TCPA > minTcpaSeconds). */
  cpaRelativeError: number | null;
  tcpaRelativeError: number | null;
  targets: TargetScore[];
}

interface Scan {
  key: number;
  timeMs: number;
  tracks: ScoredTrack[];
  truth: ScoredTruth[];
}

function groupByScan(tracks: readonly ScoredTrack[], truth: readonly ScoredTruth[]): Scan[] {
  const useScan = truth.every((t) => t.scan !== undefined) && tracks.every((t) => t.scan !== undefined);
  const scans = new Map<number, Scan>();
  const get = (key: number, timeMs: number): Scan => {
    let s = scans.get(key);
    if (!s) scans.set(key, (s = { key, timeMs, tracks: [], truth: [] }));
    return s;
  };
  for (const t of truth) get(useScan ? t.scan! : t.timeMs, t.timeMs).truth.push(t);
  // Tracks of a scan with no truth line still count (all false).
  for (const t of tracks) get(useScan ? t.scan! : t.timeMs, t.timeMs).tracks.push(t);
  return [...scans.values()].sort((a, b) => a.key - b.key);
}

const angleDiff = (a: number, b: number): number => Math.abs(((a - b + 540) % 360) - 180);

export function scoreTracks(tracks: readonly ScoredTrack[], truth: readonly ScoredTruth[], opts: ScoreOptions = {}): Score {
  const c = opts.cutoffMetres ?? 100;
  const c2 = c * c;
  const statuses = new Set(opts.statuses ?? ['confirmed', 'coasting']);
  const minSpeed = opts.minSpeedForCourseMps ?? 3;
  const minTcpa = opts.minTcpaSeconds ?? 30;
  const settle = opts.settleScans ?? 0;
  const reported = tracks.filter((t) => statuses.has(t.status));
  const origin = truth[0] ?? reported[0];
  const frame = origin ? new LocalFrame(origin) : undefined;
  const scans = groupByScan(reported, truth);
  const targets = new Map<number, TargetScore & { lastId: number | null; firstMatch: number | null; firstSeenMs: number; cpaSum: number; tcpaSum: number; cpaN: number }>();
  const targetOf = (id: number) => {
    let t = targets.get(id);
    if (!t) targets.set(id, (t = { target: id, firstSeenScan: null, scansToConfirm: null, secondsToConfirm: null, firstResolvedScan: null, scansToConfirmAfterResolved: null, idSwitches: 0, trackIds: [], unmatchedAfterConfirm: 0, movingScans: 0, stationaryScans: 0, scansToStationary: null, cpaRelativeError: null, tcpaRelativeError: null, lastId: null, firstMatch: null, firstSeenMs: 0, cpaSum: 0, tcpaSum: 0, cpaN: 0 }));
    return t;
  };
  // "Resolved" starts after the last scan a target shared its plot with another.
  const lastMerged = new Map<number, number>();
  scans.forEach((scan, k) => {
    for (const x of scan.truth) if (x.merged) lastMerged.set(x.target, k);
  });
  let sumGospa = 0;
  let sumLoc = 0;
  let sumMissed = 0;
  let sumFalse = 0;
  let nMissed = 0;
  let nFalse = 0;
  let speedSq = 0;
  let courseSq = 0;
  let nKin = 0;
  let cpaErr = 0;
  let tcpaErr = 0;
  let nCpa = 0;
  scans.forEach((scan, scanIndex) => {
    const X = scan.truth;
    const Y = scan.tracks;
    const xs = X.map((x) => frame!.toLocal(x));
    const ys = Y.map((y) => frame!.toLocal(y));
    // Rows: truth; columns: tracks, then one "unassigned" column per truth (cost c²/2; every
    // unassigned track adds c²/2 too, so a pair at distance ≥ c is never better than none).
    const rows = X.length;
    const cols = Y.length + rows;
    const cost = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < Y.length; j++) {
        const d2 = (xs[i].east - ys[j].east) ** 2 + (xs[i].north - ys[j].north) ** 2;
        // Pairing costs d² and saves a track's c²/2 (the truth's own c²/2 is its unassigned
        // column): relative to leaving both out it gains only when d < c.
        cost[i * cols + j] = Math.min(d2, c2);
      }
      for (let k = 0; k < rows; k++) cost[i * cols + Y.length + k] = k === i ? c2 : Infinity;
    }
    const colOf = rows > 0 ? solveAssignment(cost, rows, cols) : new Int32Array(0);
    let loc = 0;
    let matched = 0;
    for (let i = 0; i < rows; i++) {
      const j = colOf[i];
      if (j >= Y.length) continue;
      const d2 = (xs[i].east - ys[j].east) ** 2 + (xs[i].north - ys[j].north) ** 2;
      if (d2 < c2) {
        loc += d2;
        matched++;
      }
    }
    // Identities as in CLEAR MOT: last scan's pairs are favoured by (c/4)² (two boats at the
    // same point do not swap their labels in the score on a tie), the rest by the same
    // optimal assignment.
    const bonus = (c / 4) ** 2;
    for (let i = 0; i < rows; i++) {
      const prev = targets.get(X[i].target)?.lastId;
      if (prev === null || prev === undefined) continue;
      for (let j = 0; j < Y.length; j++) if (Y[j].id === prev && cost[i * cols + j] < c2) cost[i * cols + j] = Math.max(0, cost[i * cols + j] - bonus);
    }
    const idOf = rows > 0 ? solveAssignment(cost, rows, cols) : new Int32Array(0);
    const trackOfTruth = new Int32Array(rows).fill(-1);
    for (let i = 0; i < rows; i++) {
      const j = idOf[i];
      if (j < Y.length && (xs[i].east - ys[j].east) ** 2 + (xs[i].north - ys[j].north) ** 2 < c2) trackOfTruth[i] = j;
    }
    const missed = rows - matched;
    const falseTracks = Y.length - matched;
    const total = loc + (c2 / 2) * (missed + falseTracks);
    sumGospa += Math.sqrt(total);
    sumLoc += loc;
    sumMissed += (c2 / 2) * missed;
    sumFalse += (c2 / 2) * falseTracks;
    nMissed += missed;
    nFalse += falseTracks;
    for (let i = 0; i < rows; i++) {
      const x = X[i];
      const t = targetOf(x.target);
      const seen = (x.detected ?? true) || (x.merged ?? false);
      if (t.firstSeenScan === null && seen) {
        t.firstSeenScan = scanIndex;
        t.firstSeenMs = x.timeMs;
      }
      if (t.firstResolvedScan === null && scanIndex > (lastMerged.get(x.target) ?? -1) && (x.detected ?? true)) t.firstResolvedScan = scanIndex;
      const j = trackOfTruth[i];
      if (j < 0) {
        if (t.firstMatch !== null) t.unmatchedAfterConfirm++;
        continue;
      }
      const y = Y[j];
      if (t.firstMatch === null) t.firstMatch = scanIndex;
      if (t.scansToConfirm === null && t.firstSeenScan !== null) {
        t.scansToConfirm = scanIndex - t.firstSeenScan;
        t.secondsToConfirm = (x.timeMs - t.firstSeenMs) / 1000;
      }
      if (t.scansToConfirmAfterResolved === null && t.firstResolvedScan !== null) t.scansToConfirmAfterResolved = scanIndex - t.firstResolvedScan;
      if (t.lastId !== null && t.lastId !== y.id) t.idSwitches++;
      t.lastId = y.id;
      if (!t.trackIds.includes(y.id)) t.trackIds.push(y.id);
      if (y.moving === true) t.movingScans++;
      if (y.moving === false) {
        t.stationaryScans++;
        if (t.scansToStationary === null) t.scansToStationary = scanIndex - t.firstMatch;
      }
      if (scanIndex - t.firstMatch < settle) continue;
      if (x.speedMps !== undefined && x.speedMps > minSpeed && y.speedMps !== undefined) {
        speedSq += (y.speedMps - x.speedMps) ** 2;
        if (x.courseDegrees !== undefined && y.courseDegrees !== undefined) courseSq += angleDiff(y.courseDegrees, x.courseDegrees) ** 2;
        nKin++;
      }
      if (x.tcpaSeconds !== undefined && x.tcpaSeconds > minTcpa && x.cpaMetres !== undefined && y.cpaMetres != null && y.tcpaSeconds != null) {
        const ce = Math.abs(y.cpaMetres - x.cpaMetres) / Math.max(x.cpaMetres, 1);
        const te = Math.abs(y.tcpaSeconds - x.tcpaSeconds) / x.tcpaSeconds;
        cpaErr += ce;
        tcpaErr += te;
        nCpa++;
        t.cpaSum += ce;
        t.tcpaSum += te;
        t.cpaN++;
      }
    }
  });
  const n = Math.max(1, scans.length);
  const list = [...targets.values()].sort((a, b) => a.target - b.target).map(({ lastId: _l, firstMatch: _f, firstSeenMs: _m, cpaSum, tcpaSum, cpaN, ...rest }) => ({ ...rest, cpaRelativeError: cpaN > 0 ? cpaSum / cpaN : null, tcpaRelativeError: cpaN > 0 ? tcpaSum / cpaN : null }));
  return {
    scans: scans.length,
    cutoffMetres: c,
    gospa: sumGospa / n,
    localisation: sumLoc / n,
    missed: sumMissed / n,
    false: sumFalse / n,
    meanMissedTargets: nMissed / n,
    meanFalseTracks: nFalse / n,
    idSwitches: list.reduce((s, t) => s + t.idSwitches, 0),
    speedRmseMps: nKin > 0 ? Math.sqrt(speedSq / nKin) : null,
    courseRmseDegrees: nKin > 0 ? Math.sqrt(courseSq / nKin) : null,
    cpaRelativeError: nCpa > 0 ? cpaErr / nCpa : null,
    tcpaRelativeError: nCpa > 0 ? tcpaErr / nCpa : null,
    targets: list,
  };
}
