import { describe, expect, it } from 'vitest';
import { Tracker, type TrackerScan } from '../../../../agent/src/track/tracker/tracker.js';
import { LocalFrame } from '../../../../agent/src/track/tracker/frame.js';
import { trackerConfigSchema } from '../../../../agent/src/track/tracker/config.js';

const SITE = { latitude: 43.2965, longitude: 5.3698 };
const frame = new LocalFrame(SITE);
const T0 = 1_750_000_000_000;
const PERIOD = 2000;

function plot(east: number, north: number, timeMs: number) {
  return { timeMs, ...frame.toGeo(east, north), rangeMetres: Math.hypot(east, north), bearingDegrees: ((Math.atan2(east, north) * 180) / Math.PI + 360) % 360, rangeExtentMetres: 3, azimuthExtentDegrees: 1.8 };
}

function scan(k: number, pts: Array<[number, number]>): TrackerScan {
  return { timeMs: T0 + (k + 1) * PERIOD, scan: k, site: SITE, plots: pts.map(([e, n]) => plot(e, n, T0 + k * PERIOD + 1000)) };
}

/** A boat running east at 5 m/s, 800 m north of the site. */
const boat = (k: number): [number, number] => [-500 + 10 * k, 800];

/** A polygon zone (lat/lon) around local east/north rectangle corners. */
function zone(name: string, e0: number, n0: number, e1: number, n1: number) {
  return { name, polygon: [frame.toGeo(e0, n0), frame.toGeo(e1, n0), frame.toGeo(e1, n1), frame.toGeo(e0, n1)] };
}

describe('Tracker.reconfigure (set-tracker live)', () => {
  it('a guard zone added live raises ZONE_ENTRY for a track already inside; the track keeps its id', () => {
    const t = new Tracker();
    const ids = new Set<number>();
    for (let k = 0; k < 6; k++) for (const u of t.update(scan(k, [boat(k)])).tracks) ids.add(u.id);
    expect([...ids]).toEqual([1]);
    const changed = t.reconfigure({ guardZones: [zone('pier', -1000, 500, 1000, 1100)] });
    expect(changed).toEqual(['guardZones']);
    const r = t.update(scan(6, [boat(6)]));
    expect(r.alerts).toEqual([expect.objectContaining({ type: 'zone', zone: 'pier', id: 1 })]);
    expect(r.tracks.map((u) => u.id)).toEqual([1]);
    // Once raised, not again while inside; a zone removed live is forgotten by the track.
    expect(t.update(scan(7, [boat(7)])).alerts).toEqual([]);
    t.reconfigure({ guardZones: [] });
    expect(t.update(scan(8, [boat(8)])).alerts).toEqual([]);
    t.reconfigure({ guardZones: [zone('pier', -1000, 500, 1000, 1100)] });
    expect(t.update(scan(9, [boat(9)])).alerts).toEqual([expect.objectContaining({ zone: 'pier', id: 1 })]);
  });

  it('lifecycle settings bite from the next scan: a shorter deleteAfterMisses ends a coasting track sooner', () => {
    const run = (live: boolean): number => {
      const t = new Tracker({ lifecycle: { deleteAfterMisses: 8 } });
      for (let k = 0; k < 6; k++) t.update(scan(k, [boat(k)]));
      if (live) t.reconfigure({ lifecycle: { deleteAfterMisses: 2 } });
      for (let k = 6; k < 20; k++) if (t.update(scan(k, [])).deleted.length > 0) return k;
      return -1;
    };
    const kept = run(false);
    const changed = run(true);
    expect(changed).toBeGreaterThan(5);
    expect(changed).toBeLessThan(kept);
  });

  it('switching the turn models off keeps the live track (its filter keeps its models); new tracks get the new set', () => {
    const t = new Tracker({ motion: { turnRateDegreesPerSecond: 3 } });
    for (let k = 0; k < 5; k++) t.update(scan(k, [boat(k)]));
    expect(t.reconfigure({ motion: { turnRateDegreesPerSecond: 0 } })).toEqual(['motion']);
    const ids = new Set<number>();
    for (let k = 5; k < 10; k++) for (const u of t.update(scan(k, [boat(k), [400, -900 + 5 * k]])).tracks) ids.add(u.id);
    expect([...ids].sort()).toEqual([1, 2]);
    const last = t.update(scan(10, [boat(10), [400, -850]]));
    expect(last.tracks.find((u) => u.id === 1)!.speedMps).toBeCloseTo(5, 0);
  });

  it('the same settings change nothing; a value the schema refuses throws and leaves the settings as they were', () => {
    const t = new Tracker({ association: { gateProbability: 0.99 } });
    expect(t.reconfigure({ association: { gateProbability: 0.99 } })).toEqual([]);
    expect(() => t.reconfigure({ association: { gateProbability: 2 } })).toThrow();
    expect(t.config).toEqual(trackerConfigSchema.parse({ association: { gateProbability: 0.99 } }));
  });
});
