/**
 * The live tracking stage: plots after the georeference in, `tracks` and `alerts` records out.
 * Boats are simulated here in the site's local frame (straight legs, polar noise of a radar,
 * Pd 1 unless said), one scan every 2.5 s.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../agent/src/sim/rng.js';
import { TrackingStage } from '../../../agent/src/track/stage.js';
import { PoseHistory, type Pose } from '../../../agent/src/track/pose.js';
import { LocalFrame } from '../../../agent/src/track/tracker/frame.js';
import { trackerConfig, type TrackerConfigInput } from '../../../agent/src/track/tracker/config.js';
import { sensorTrackerConfig, trackingConfigSchema } from '../../../agent/src/track/tracking-config.js';
import { decodeRecord, encodeRecord, type AlertBody, type PlotRecord, type PlotsBody, type TracksBody } from '../../../agent/src/wire/index.js';
import { LookoutError } from '../../../agent/src/errors.js';
import { measureTrackWire } from '../../../agent/src/bench/track-wire.js';
import { recordingSink } from '../../helpers/sensor.js';

const SITE = { latitude: 43.2965, longitude: 5.3698 };
const T0 = 1_790_000_000_000;
const PERIOD_MS = 2500;
const frame = new LocalFrame(SITE);

interface Boat {
  east: number;
  north: number;
  vEast: number;
  vNorth: number;
  /** Scans (inclusive range) in which it is seen; all when absent. */
  seen?: [number, number];
  /** From this many seconds on it turns at 3 degrees a second until it runs back the way it came. */
  reverseAtS?: number;
}

function boatAt(b: Boat, s: number): { east: number; north: number } {
  if (b.reverseAtS === undefined || s <= b.reverseAtS) return { east: b.east + b.vEast * s, north: b.north + b.vNorth * s };
  // The turn integrated in 0.1 s steps: velocity rotated clockwise at 3 deg/s for 60 s.
  let e = b.east + b.vEast * b.reverseAtS;
  let n = b.north + b.vNorth * b.reverseAtS;
  let ve = b.vEast;
  let vn = b.vNorth;
  const dt = 0.1;
  const w = ((3 * Math.PI) / 180) * dt;
  for (let t = b.reverseAtS; t < s; t += dt) {
    if (t < b.reverseAtS + 60) [ve, vn] = [ve * Math.cos(w) + vn * Math.sin(w), -ve * Math.sin(w) + vn * Math.cos(w)];
    e += ve * dt;
    n += vn * dt;
  }
  return { east: e, north: n };
}

/** The plots of scan k: one per boat seen, placed with noise; lat/lon carried (as on a moving platform). */
function scanPlots(boats: Boat[], k: number, rng: Rng, origin: { east: number; north: number } = { east: 0, north: 0 }): PlotRecord[] {
  const plots: PlotRecord[] = [];
  boats.forEach((b, i) => {
    if (b.seen && (k < b.seen[0] || k > b.seen[1])) return;
    const timeMs = T0 + k * PERIOD_MS + i * 10;
    const s = (timeMs - T0) / 1000;
    const at = boatAt(b, s);
    // Polar noise as the default measurement model has it: 1.5 m in range, 0.12 degree in bearing.
    const range = Math.hypot(at.east - origin.east, at.north - origin.north) + 1.5 * rng.gaussian();
    const bearing = Math.atan2(at.east - origin.east, at.north - origin.north) + ((0.12 * Math.PI) / 180) * rng.gaussian();
    const geo = frame.toGeo(origin.east + range * Math.sin(bearing), origin.north + range * Math.cos(bearing));
    plots.push({ timeMs, scan: k, rangeMetres: range, bearingDegrees: ((bearing * 180) / Math.PI + 360) % 360, rangeExtentMetres: 6, azimuthExtentDegrees: 2, peakPower: 1000, meanPower: 500, cellCount: 6, ...geo });
  });
  return plots;
}

function stage(opts: { tracking?: Record<string, unknown>; tracker?: TrackerConfigInput; platform?: PoseHistory; site?: boolean } = {}) {
  const sink = recordingSink();
  const s = new TrackingStage({
    sensor: 'radar1',
    config: trackingConfigSchema.parse(opts.tracking ?? {}),
    tracker: trackerConfig(opts.tracker ?? {}),
    sink,
    ...(opts.platform ? { platform: opts.platform } : {}),
    ...(opts.site === false ? {} : { site: SITE }),
  });
  return { s, sink };
}

/** Feeds scans 0..n-1 as one batch each and closes each at the end of its turn. */
function run(s: TrackingStage, boats: Boat[], n: number, seed = 1): void {
  const rng = new Rng(seed);
  for (let k = 0; k < n; k++) {
    const plots = scanPlots(boats, k, rng);
    if (plots.length > 0) s.push({ sensor: 'radar1', plots });
    s.closeScansBefore(k + 1, T0 + k * PERIOD_MS + 2000);
  }
}

const crossing: Boat[] = [
  { east: -400, north: 1000, vEast: 6, vNorth: 0 },
  { east: 0, north: 1353, vEast: 0, vNorth: -5 },
];

describe('TrackingStage', () => {
  it('sends confirmed tracks as tracker-marked records, one per scan, ids stable for life; tentative ones stay home', () => {
    const { s, sink } = stage();
    run(s, crossing, 40);
    const batches = sink.of('tracks');
    expect(batches.length).toBeGreaterThan(30);
    for (const b of batches) {
      expect(b.source).toBe('tracker');
      expect(b.sensor).toBe('radar1');
      expect(b.origin).toEqual(SITE);
      for (const t of b.tracks) expect(t.status).not.toBe(0);
    }
    // The two boats keep one id each from the first record to the last.
    const ids = new Set(batches.flatMap((b) => b.tracks.map((t) => t.id)));
    expect(ids.size).toBe(2);
    const last = batches[batches.length - 1];
    expect(last.tracks.map((t) => t.id)).toEqual([...ids].sort((a, b) => a - b));
    expect(last.scan).toBe(39);
    // Each boat's track near its truth: 6 m/s east and 5 m/s south.
    const speeds = last.tracks.map((t) => Math.round(t.speedMetresPerSecond)).sort();
    expect(speeds).toEqual([5, 6]);
    for (const t of last.tracks) expect(t.moving).toBe(true);
    expect(s.counters).toMatchObject({ scans: 40, plots: 80, live: 2, confirmed: 2, deleted: 0, created: 2, records: batches.length, errors: 0, latePlots: 0 });
    expect(s.counters.updates).toBe(batches.reduce((n, b) => n + b.tracks.length, 0));
  });

  it('with publishTentative the tentative tracks go out too (status 0)', () => {
    const { s, sink } = stage({ tracking: { publishTentative: true } });
    run(s, crossing, 6);
    expect(sink.of('tracks')[0].tracks.every((t) => t.status === 0)).toBe(true);
  });

  it('every record it makes survives the wire: encoded and decoded back, within the fixed point', () => {
    const { s, sink } = stage();
    run(s, crossing, 30);
    for (const body of sink.of('tracks')) {
      const back = decodeRecord(encodeRecord({ unit: 'u', session: 1, seq: 5, kind: 'tracks', timeMs: T0, body })).body as TracksBody;
      expect(back.source).toBe('tracker');
      expect(back.scan).toBe(body.scan);
      expect(back.tracks.map((t) => t.id)).toEqual(body.tracks.map((t) => t.id));
      back.tracks.forEach((t, i) => {
        const o = body.tracks[i];
        expect(t.latitude).toBeCloseTo(o.latitude, 6);
        expect(t.longitude).toBeCloseTo(o.longitude, 6);
        expect(Math.abs(t.speedMetresPerSecond - o.speedMetresPerSecond)).toBeLessThanOrEqual(0.05 + 1e-9);
        expect(Math.abs(((t.courseDegrees - o.courseDegrees + 540) % 360) - 180)).toBeLessThanOrEqual(360 / 8192 + 1e-9);
        expect(t.status).toBe(o.status);
        expect(t.moving).toBe(o.moving);
        expect(t.cpaMetres === undefined).toBe(o.cpaMetres === undefined);
      });
    }
  });

  it('a boat that is no longer seen coasts, then its end is announced once; a tentative track never sent ends silently', () => {
    const boats: Boat[] = [{ east: 500, north: 500, vEast: 3, vNorth: 0, seen: [0, 14] }, { east: -800, north: 0, vEast: 0, vNorth: 4, seen: [10, 10] }];
    const { s, sink } = stage();
    run(s, boats, 30);
    const batches = sink.of('tracks');
    const id = batches[0].tracks[0].id;
    expect(batches.some((b) => b.tracks.some((t) => t.id === id && t.status === 2))).toBe(true);
    const ends = batches.filter((b) => b.deleted?.length);
    expect(ends).toHaveLength(1);
    expect(ends[0].deleted).toEqual([id]);
    expect(ends[0].tracks).toEqual([]);
    // The one-plot boat made a tentative track that was deleted, but never announced.
    expect(s.counters.deleted).toBe(2);
    expect(s.counters.created).toBe(2);
  });

  it('a radar turn closes a quarter turn after north, at the time north was passed; a turn without plots is still a scan (a miss)', () => {
    const { s, sink } = stage();
    const rng = new Rng(3);
    const boat: Boat[] = [{ east: 0, north: 900, vEast: 4, vNorth: 0 }];
    for (let k = 0; k < 12; k++) {
      const north = T0 + k * PERIOD_MS;
      // Spokes of turn k: the previous turn closes once the antenna is 90 degrees past north.
      for (const f of [0, 0.1, 0.2]) s.radarSpoke(k, f, north + f * PERIOD_MS);
      expect(s.counters.scans).toBe(Math.max(0, k - 1));
      s.radarSpoke(k, 0.3, north + 0.3 * PERIOD_MS);
      expect(s.counters.scans).toBe(k);
      // Turn 8 gives no plot: the boat is missed there.
      if (k !== 8) s.push({ sensor: 'radar1', plots: scanPlots(boat, k, rng) });
    }
    const batches = sink.of('tracks');
    const at9 = batches.find((b) => b.scan === 8)!;
    expect(at9.tracks[0].status).toBe(2);
    expect(at9.tracks[0].timeMs).toBe(T0 + 9 * PERIOD_MS);
    expect(batches.find((b) => b.scan === 9)!.tracks[0].status).toBe(1);
  });

  it('a plot that comes after its scan closed is tracked in the next scan and counted late', () => {
    const { s } = stage();
    const rng = new Rng(4);
    const boat: Boat[] = [{ east: 0, north: 900, vEast: 4, vNorth: 0 }];
    s.push({ sensor: 'radar1', plots: scanPlots(boat, 0, rng) });
    s.closeScansBefore(1, T0 + 2000);
    s.push({ sensor: 'radar1', plots: scanPlots(boat, 0, rng) });
    expect(s.counters.latePlots).toBe(1);
    s.flush();
    expect(s.counters).toMatchObject({ scans: 2, plots: 2 });
  });

  it('without a turn clock a plot two scans on closes the older scans; past maxPendingPlots the oldest closes early', () => {
    const { s } = stage({ tracking: { maxPendingPlots: 3 } });
    const rng = new Rng(5);
    const boats: Boat[] = [0, 1, 2, 3].map((i) => ({ east: i * 300, north: 800, vEast: 0, vNorth: 2 }));
    s.push({ sensor: 'radar1', plots: scanPlots(boats, 0, rng).slice(0, 2) });
    // Scan 2 closes scan 0; scan 1 may still get plots.
    s.push({ sensor: 'radar1', plots: scanPlots(boats, 2, rng).slice(0, 1) });
    expect(s.counters.scans).toBe(1);
    // 1 + 4 plots held: scans 1 and 2 close early, then scan 3 itself (what is left of it would be late).
    s.push({ sensor: 'radar1', plots: scanPlots(boats, 3, rng) });
    expect(s.counters.forcedCloses).toBe(2);
    expect(s.counters.scans).toBe(4);
    expect(s.counters.plots).toBe(7);
  });

  it('plots of a batch with an origin (a fixed site: no per-plot lat/lon) are placed from range and bearing', () => {
    const { s, sink } = stage();
    const rng = new Rng(6);
    for (let k = 0; k < 8; k++) {
      const plots = scanPlots([{ east: 300, north: 400, vEast: 0, vNorth: 3 }], k, rng).map(({ latitude: _a, longitude: _b, ...p }) => p);
      s.push({ sensor: 'radar1', origin: SITE, plots } satisfies PlotsBody);
      s.closeScansBefore(k + 1, T0 + k * PERIOD_MS + 2000);
    }
    const t = sink.of('tracks').at(-1)!.tracks[0];
    const p = frame.toLocal(t);
    expect(Math.hypot(p.east - 300, p.north - (400 + 3 * 17.5))).toBeLessThan(10);
  });

  it('a guard-zone entry raises one alert (zone, track, time), not one per scan inside', () => {
    const a = frame.toGeo(-100, 600);
    const b = frame.toGeo(100, 600);
    const c = frame.toGeo(100, 800);
    const d = frame.toGeo(-100, 800);
    const { s, sink } = stage({ tracker: { guardZones: [{ name: 'pier', polygon: [a, b, c, d] }] } });
    run(s, [{ east: -500, north: 700, vEast: 8, vNorth: 0 }], 60);
    const alerts = sink.of('alerts');
    expect(alerts).toHaveLength(1);
    const id = sink.of('tracks')[0].tracks[0].id;
    expect(alerts[0]).toMatchObject({ code: 'ZONE_ENTRY', severity: 'warning', trackId: id, details: { zone: 'pier', sensor: 'radar1', trackId: String(id) } });
    // It entered between x = -100 (scan 20) and a few scans later; the alert says when.
    const when = Number(alerts[0].details!.timeMs);
    expect(when).toBeGreaterThanOrEqual(T0 + 19 * PERIOD_MS);
    expect(when).toBeLessThanOrEqual(T0 + 25 * PERIOD_MS);
    expect(s.counters.zoneAlerts).toBe(1);
  });

  it('a CPA breach raises one alert per approach; CPA/TCPA go out with closing tracks only', () => {
    // Closing on the site to pass 100 m off at 6 m/s, then opening; a second boat going away.
    const boats: Boat[] = [
      { east: 100, north: 1500, vEast: 0, vNorth: -6 },
      { east: -300, north: 300, vEast: -4, vNorth: 4 },
    ];
    const { s, sink } = stage({ tracker: { cpa: { alertCpaMetres: 200, alertTcpaSeconds: 300 } } });
    run(s, boats, 160);
    const cpa = sink.of('alerts').filter((a: AlertBody) => a.code === 'CPA_BREACH');
    expect(cpa).toHaveLength(1);
    expect(Number(cpa[0].details!.cpaMetres)).toBeGreaterThan(50);
    expect(Number(cpa[0].details!.cpaMetres)).toBeLessThan(200);
    const batches = sink.of('tracks');
    const closing = batches[10].tracks.find((t) => t.speedMetresPerSecond > 5 && t.latitude > SITE.latitude)!;
    expect(closing.cpaMetres).toBeGreaterThan(50);
    expect(closing.cpaMetres).toBeLessThan(150);
    expect(closing.tcpaSeconds).toBeGreaterThan(0);
    const opening = batches[10].tracks.find((t) => t.id !== closing.id)!;
    expect(opening.cpaMetres).toBeUndefined();
    // After the pass (about 250 s in) the track opens: no CPA on the wire, the alert bit clear.
    const after = batches.at(-1)!.tracks.find((t) => t.id === closing.id)!;
    expect(after.cpaMetres).toBeUndefined();
    expect(after.cpaAlert).toBe(false);
    expect(s.counters.cpaAlerts).toBe(1);
  });

  it('a CPA alert re-arms once the approach is past: a boat that turns back and closes again raises a second one', () => {
    // Passes 100 m east of the site at 6 m/s about 250 s in, runs on to 300 s, turns (3 deg/s) and comes back.
    const { s, sink } = stage({ tracker: { cpa: { alertCpaMetres: 200, alertTcpaSeconds: 120 } } });
    run(s, [{ east: 100, north: 1500, vEast: 0, vNorth: -6, reverseAtS: 300 }], 220);
    const cpa = sink.of('alerts').filter((a: AlertBody) => a.code === 'CPA_BREACH');
    expect(cpa).toHaveLength(2);
    // The same track both times: it kept its id through the turn, and its alert re-armed.
    expect(cpa[1].trackId).toBe(cpa[0].trackId);
    const t1 = Number(cpa[0].details!.timeMs);
    const t2 = Number(cpa[1].details!.timeMs);
    // The first within alertTcpaSeconds before the pass; the second on the way back.
    expect(t1).toBeGreaterThan(T0 + 100_000);
    expect(t1).toBeLessThan(T0 + 250_000);
    expect(t2).toBeGreaterThan(T0 + 300_000);
  });

  it('on a moving platform own ship comes from the nav pose at the scan: origin, CPA reference; speed and course from the poses when nav gives none', () => {
    const poses = new PoseHistory({ maxAgeMs: 2000 });
    const own = (t: number): Pose => {
      const s = (t - T0) / 1000;
      const g = frame.toGeo(0, 3 * s);
      return { timeMs: t, ...g, altitudeMetres: null, headingDegrees: 0, courseDegrees: null, speedMps: null, source: 'sim', quality: { fix: 'gnss', hdop: null, satellites: null } };
    };
    for (let t = T0 - 5000; t <= T0 + 80 * PERIOD_MS; t += 1000) poses.push(own(t));
    // A boat dead ahead, stationary: own ship at 3 m/s north closes on it.
    const { s, sink } = stage({ platform: poses, site: false });
    run(s, [{ east: 30, north: 600, vEast: 0, vNorth: 0 }], 30);
    const batches = sink.of('tracks');
    const last = batches.at(-1)!;
    const scanMs = T0 + 29 * PERIOD_MS + 2000;
    const o = own(scanMs);
    expect(last.origin!.latitude).toBeCloseTo(o.latitude, 7);
    expect(last.origin!.longitude).toBeCloseTo(o.longitude, 7);
    const t = last.tracks[0];
    expect(t.moving).toBe(false);
    // Relative to own ship it closes at 3 m/s from (600 - 3 * 74.5) m ahead, passing 30 m abeam.
    expect(t.tcpaSeconds!).toBeGreaterThan((600 - 3 * 74.5) / 3 - 15);
    expect(t.tcpaSeconds!).toBeLessThan((600 - 3 * 74.5) / 3 + 15);
    expect(t.cpaMetres!).toBeLessThan(60);
    expect(s.counters.withoutPose).toBe(0);
    // Past the end of the poses they are stale: counted, and the scan is tracked all the same.
    s.closeScansBefore(200, T0 + 200 * PERIOD_MS);
    expect(s.counters.withoutPose).toBeGreaterThan(0);
    expect(s.counters.errors).toBe(0);
  });

  it('TI frames: one scan per frame, an empty frame too; a frame counter that starts again does not stop it', () => {
    const { s, sink } = stage();
    const rng = new Rng(7);
    const boat: Boat[] = [{ east: 5, north: 30, vEast: 0.5, vNorth: 0 }];
    for (let k = 0; k < 30; k++) {
      const frameNumber = k < 20 ? 1000 + k : k - 19;
      const plots = k === 12 ? [] : scanPlots(boat, k, rng);
      s.pushScan(plots.length ? { sensor: 'mmw', plots } : undefined, frameNumber, T0 + k * PERIOD_MS + 100);
    }
    expect(s.counters).toMatchObject({ scans: 30, plots: 29, errors: 0 });
    const ids = new Set(sink.of('tracks').flatMap((b) => b.tracks.map((t) => t.id)));
    expect(ids.size).toBe(1);
    expect(sink.of('tracks').at(-1)!.scan).toBe(10);
  });

  it('a busy batch costs at most 16 bytes per track update on the wire (200 boats, 500 plots a turn; deterministic scene)', () => {
    const f = measureTrackWire(200, 500, 30);
    expect(f.updatesPerRecord).toBeGreaterThan(150);
    expect(f.bytesPerUpdate).toBeLessThanOrEqual(16);
    expect(f.bytesPerUpdate).toBeLessThan(f.rowBytesPerUpdate / 2);
  });

  it('counts and skips a plot without a finite position or time; the scan goes on', () => {
    const { s } = stage();
    const rng = new Rng(8);
    const [good] = scanPlots([{ east: 0, north: 500, vEast: 1, vNorth: 0 }], 0, rng);
    s.push({ sensor: 'radar1', plots: [good, { ...good, latitude: Number.NaN }, { ...good, timeMs: Number.POSITIVE_INFINITY }, { ...good, latitude: undefined, longitude: undefined }] });
    s.flush();
    expect(s.counters).toMatchObject({ plots: 1, badPlots: 3, scans: 1, errors: 0, live: 1 });
  });

  it('refuses a stage without a sink', () => {
    expect(() => new TrackingStage({ sensor: 'x', config: trackingConfigSchema.parse({}), tracker: trackerConfig(), sink: undefined as never })).toThrow(TypeError);
  });
});

describe('tracking configuration', () => {
  it('defaults: enabled, plots and tentative tracks off; unknown keys refused', () => {
    expect(trackingConfigSchema.parse({})).toMatchObject({ enabled: true, publishPlots: false, publishTentative: false });
    expect(trackingConfigSchema.safeParse({ publishplots: true }).success).toBe(false);
  });

  it('per-sensor settings are checked against the tracker section and merged over it key by key', () => {
    const bad = trackingConfigSchema.safeParse({ settings: { measurement: { rangeCellMetres: -1 } } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].path).toEqual(['settings', 'measurement', 'rangeCellMetres']);
    const unit = trackerConfig({ measurement: { spokesPerTurn: 4096 }, cpa: { alertCpaMetres: 300 } });
    const merged = sensorTrackerConfig('mmw', unit, { measurement: { rangeCellMetres: 0.05 } });
    expect(merged.measurement).toMatchObject({ rangeCellMetres: 0.05, spokesPerTurn: 4096 });
    expect(merged.cpa.alertCpaMetres).toBe(300);
    expect(sensorTrackerConfig('mmw', unit, undefined)).toBe(unit);
  });

  it('a merge that breaks a rule across keys is a configuration error naming the sensor', () => {
    const unit = trackerConfig({ stationary: { movingAboveMps: 1.2, stationaryBelowMps: 0.6 } });
    expect(() => sensorTrackerConfig('r1', unit, { stationary: { stationaryBelowMps: 2 } })).toThrow(LookoutError);
    try {
      sensorTrackerConfig('r1', unit, { stationary: { stationaryBelowMps: 2 } });
    } catch (e) {
      expect(e).toMatchObject({ code: 'E_CONFIG', details: { sensor: 'r1' } });
    }
  });
});
