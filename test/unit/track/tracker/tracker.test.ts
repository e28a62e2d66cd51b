import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { Tracker, type TrackerScan } from '../../../../agent/src/track/tracker/tracker.js';
import { trackerConfig, trackerConfigSchema } from '../../../../agent/src/track/tracker/config.js';
import { LocalFrame } from '../../../../agent/src/track/tracker/frame.js';

const SITE = { latitude: 43.2965, longitude: 5.3698 };
const frame = new LocalFrame(SITE);
const T0 = 1_750_000_000_000;
const PERIOD = 2000;

/** A point plot at local (east, north) with its range and bearing from the site. */
function plot(east: number, north: number, timeMs: number) {
  return { timeMs, ...frame.toGeo(east, north), rangeMetres: Math.hypot(east, north), bearingDegrees: ((Math.atan2(east, north) * 180) / Math.PI + 360) % 360, rangeExtentMetres: 3, azimuthExtentDegrees: 1.8 };
}

function scan(k: number, pts: Array<[number, number]>): TrackerScan {
  return { timeMs: T0 + (k + 1) * PERIOD, scan: k, site: SITE, plots: pts.map(([e, n]) => plot(e, n, T0 + k * PERIOD + 1000)) };
}

/** M-of-N only: early confirmation off, so the life cycle is the configured one. */
const MN = { lifecycle: { fastConfirmRisk: 0 } };

describe('Tracker life cycle', () => {
  it('confirms on M of N, keeps its id, coasts through misses and is deleted after K', () => {
    const t = new Tracker({ lifecycle: { fastConfirmRisk: 0, confirmHits: 3, confirmWindowScans: 4, deleteAfterMisses: 4 } });
    const boat = (k: number): [number, number] => [-500 + 10 * k, 800];
    const status: string[] = [];
    const ids = new Set<number>();
    const deleted: number[] = [];
    for (let k = 0; k < 20; k++) {
      // Hits on 0, 2, 3 (3 of 4), plots until 12, nothing after.
      const pts = k === 1 || k > 12 ? [] : [boat(k)];
      const r = t.update(scan(k, pts));
      status.push(r.tracks[0]?.status ?? '-');
      for (const u of r.tracks) ids.add(u.id);
      deleted.push(...r.deleted);
    }
    expect(status.slice(0, 4)).toEqual(['tentative', 'tentative', 'tentative', 'confirmed']);
    expect(status.slice(12, 17)).toEqual(['confirmed', 'coasting', 'coasting', 'coasting', '-']);
    expect([...ids]).toEqual([1]);
    expect(deleted).toEqual([1]);
    expect(t.liveTracks).toBe(0);
  });

  it('an empty scan is a miss for every track; a tentative track dies after its misses', () => {
    const t = new Tracker(MN);
    t.update(scan(0, [[100, 500]]));
    expect(t.liveTracks).toBe(1);
    const r1 = t.update(scan(1, []));
    expect(r1.tracks[0]!.misses).toBe(1);
    const r2 = t.update(scan(2, []));
    expect(r2.deleted).toEqual([1]);
    expect(t.liveTracks).toBe(0);
  });

  it('confirms early on two hits in quiet water, never next to a confirmed track', () => {
    const t = new Tracker();
    t.update(scan(0, [[-500, 800]]));
    expect(t.update(scan(1, [[-490, 800]])).tracks[0]!.status).toBe('confirmed');
    // A second boat born 60 m from the confirmed one waits for M of N.
    t.update(scan(2, [[-480, 800], [-420, 800]]));
    const r = t.update(scan(3, [[-470, 800], [-410, 800]]));
    expect(r.tracks.map((u) => u.status)).toEqual(['confirmed', 'tentative']);
  });

  it('deletes a coasting track whose position uncertainty passes the limit', () => {
    const t = new Tracker({ lifecycle: { fastConfirmRisk: 0, deleteAfterMisses: 50, maxCoastSeconds: 1000, maxPositionSigmaMetres: 30 } });
    for (let k = 0; k < 4; k++) t.update(scan(k, [[-500 + 10 * k, 800]]));
    let k = 4;
    let last = t.update(scan(k, []));
    while (last.deleted.length === 0 && k < 60) last = t.update(scan(++k, []));
    expect(last.deleted).toEqual([1]);
    expect(k).toBeLessThan(50);
  });

  it('refuses a scan older than the last one and a scan without a time', () => {
    const t = new Tracker();
    t.update(scan(5, []));
    expect(() => t.update(scan(4, []))).toThrow(RangeError);
    expect(() => t.update({ timeMs: Number.NaN, plots: [] })).toThrow(TypeError);
  });

  it('two trackers share nothing (no module state): ids start again at 1', () => {
    const a = new Tracker(MN);
    const b = new Tracker(MN);
    a.update(scan(0, [[100, 100], [300, 300]]));
    expect(b.update(scan(0, [[100, 100]])).tracks[0]!.id).toBe(1);
    expect(new Tracker(MN, { firstId: 1000 }).update(scan(0, [[1, 1]])).tracks[0]!.id).toBe(1000);
  });
});

describe('Tracker outputs', () => {
  it('gives speed, course and CPA/TCPA of a straight boat against the site', () => {
    // The boat passes 200 m off: an alert distance of 250 m is clear of the boundary.
    const t = new Tracker({ ...MN, cpa: { alertCpaMetres: 250 } });
    let last;
    // 4 m/s... east (10 m per 2 s scan = 5 m/s), 200 m north of the site, from 1 km west.
    for (let k = 0; k < 30; k++) last = t.update(scan(k, [[-1000 + 10 * k, 200]]));
    const u = last!.tracks[0]!;
    expect(u.speedMps).toBeCloseTo(5, 1);
    expect(u.courseDegrees).toBeCloseTo(90, 0);
    expect(u.moving).toBe(true);
    expect(u.cpaMetres!).toBeCloseTo(200, -1);
    // At the scan close: 1 km - 30 scans x 10 m + 1 s of travel... truth TCPA = (700 - 5) / 5.
    expect(u.tcpaSeconds!).toBeCloseTo((1000 - 290 - 5) / 5, -1);
    expect(u.cpaAlert).toBe(true);
  });

  it('stationary with hysteresis: a moored hull is never moving', () => {
    const t = new Tracker(MN);
    const moving: boolean[] = [];
    for (let k = 0; k < 40; k++) {
      // ±4 m of centroid wander, no motion.
      const r = t.update(scan(k, [[300 + 4 * Math.sin(k * 1.7), 600 + 4 * Math.cos(k * 2.3)]]));
      moving.push(r.tracks[0]!.moving);
    }
    expect(moving.every((m) => !m)).toBe(true);
  });

  it('raises a guard-zone alert once on entering, again only after leaving by the margin', () => {
    const zone = { name: 'pier', polygon: [frame.toGeo(-50, 700), frame.toGeo(50, 700), frame.toGeo(50, 900), frame.toGeo(-50, 900)] };
    const t = new Tracker({ ...MN, guardZones: [zone], guardZoneExitMarginMetres: 25 });
    const alerts: Array<{ zone: string; id: number; k: number }> = [];
    // Inside near the top edge (y = 900), then a slow swing 10 m out (inside the margin) and
    // back, then a swing 100 m out and back: one alert on confirming inside, one on re-entry.
    const path: Array<[number, number]> = [];
    for (let k = 0; k < 80; k++) {
      const a = k < 40 ? 50 : 140;
      path.push([0, 860 + (a * (1 - Math.cos((2 * Math.PI * k) / 40))) / 2]);
    }
    const ids = new Set<number>();
    path.forEach((p, k) => {
      const r = t.update(scan(k, [p]));
      for (const u of r.tracks) ids.add(u.id);
      for (const a of r.alerts) alerts.push({ zone: a.zone, id: a.id, k });
    });
    expect([...ids]).toEqual([1]);
    expect(alerts.map((a) => a.zone)).toEqual(['pier', 'pier']);
    expect(alerts[0]!.k).toBeLessThan(4);
    // Back inside on the way down from the big swing (y < 900 after k = 40 + 13).
    expect(alerts[1]!.k).toBeGreaterThan(40 + 20);
  });

  it('config: defaults for {}, every problem reported with its path', () => {
    const c = trackerConfig();
    expect(c.lifecycle.confirmHits).toBe(3);
    expect(c.association.method).toBe('optimal');
    const r = trackerConfigSchema.safeParse({ lifecycle: { confirmHits: 5, confirmWindowScans: 3 }, stationary: { movingAboveMps: 0.5, stationaryBelowMps: 1 }, bogus: 1 });
    expect(r.success).toBe(false);
    const paths = (r.error as ZodError).issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['lifecycle', 'stationary']));
    expect(() => new Tracker({ association: { gateProbability: 2 } })).toThrow(ZodError);
  });
});
