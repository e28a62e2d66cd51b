import { describe, expect, it } from 'vitest';
import { Tracker, type TrackerScan } from '../../../../agent/src/track/tracker/tracker.js';
import type { TrackerConfigInput } from '../../../../agent/src/track/tracker/config.js';
import { LocalFrame, type TrackerPlot } from '../../../../agent/src/track/tracker/frame.js';
import { bearingGap, markFragments, type Footprint } from '../../../../agent/src/track/tracker/fragments.js';
import { Rng } from '../../../../agent/src/sim/rng.js';

// The coastal scenario's radar (lookout sim): 24 rpm, 2048 spokes, 7.5 m cells, 1.2 degree beam.
const SITE = { latitude: 58.2124, longitude: 11.5475 };
const frame = new LocalFrame(SITE);
const T0 = 1_750_000_000_000;
const PERIOD_MS = 2500;
const CELL = 7.5;
const SPOKE = 360 / 2048;
const BEAM = 1.2;
const SETTINGS: TrackerConfigInput = { measurement: { rangeCellMetres: CELL, spokesPerTurn: 2048, beamWidthDegrees: BEAM } };
const DEG = Math.PI / 180;
const norm = (b: number): number => ((b % 360) + 360) % 360;

function radarPlot(range: number, bearing: number, rangeExtent: number, azExtent: number, cells: number, peak: number, timeMs: number): TrackerPlot {
  const b = norm(bearing);
  return { timeMs, ...frame.toGeo(range * Math.sin(b * DEG), range * Math.cos(b * DEG)), rangeMetres: range, bearingDegrees: b, rangeExtentMetres: rangeExtent, azimuthExtentDegrees: azExtent, cellCount: cells, peakPower: peak };
}

/**
 * A boat heading east across north at `range`, 3 m/s, one turn of a 24 rpm radar per scan, with
 * the detector's noise (half a range cell, a tenth of a degree plus the spoke): the body of its
 * return (a beam wide, two cells deep) and, on most turns, a one-cell sliver a spoke or two
 * beyond the body's edge (the beam's skirt broken off by noise), three turns in four, mostly on
 * one side, as in the sim's video of the coastal scenario's target 4. Returns the tracks' ids per scan.
 */
function runBoat(range: number, startBearing: number, config: TrackerConfigInput, seed = 21, scans = 12): { ids: Set<number>; confirmed: Set<number> } {
  const rng = new Rng(seed);
  const t = new Tracker(config);
  const ids = new Set<number>();
  const confirmed = new Set<number>();
  const e0 = range * Math.sin(startBearing * DEG);
  const n0 = range * Math.cos(startBearing * DEG);
  for (let k = 0; k < scans; k++) {
    const e = e0 + 3 * k * (PERIOD_MS / 1000);
    const b = Math.atan2(e, n0) / DEG;
    const r = Math.hypot(e, n0);
    // Seen as the antenna passes it: early in the turn east of north, late in it west of north.
    const seenMs = T0 + k * PERIOD_MS + (norm(b) / 360) * PERIOD_MS;
    const az = 5 * SPOKE + (rng.uniform() < 0.5 ? SPOKE : 2 * SPOKE);
    const body = radarPlot(r + rng.gaussian() * 0.5 * CELL, b + rng.gaussian() * 0.1, 2 * CELL, az, 9, 50, seenMs);
    const plots = [body];
    if (k % 4 !== 3) {
      const side = k % 7 === 5 ? -1 : 1;
      const gap = (1 + Math.floor(rng.uniform() * 2)) * SPOKE;
      plots.push(radarPlot(r + (rng.uniform() - 0.5) * CELL, b + side * (az / 2 + gap + SPOKE / 2), CELL, SPOKE, 1, 20, seenMs));
    }
    const s: TrackerScan = { timeMs: T0 + (k + 1) * PERIOD_MS, scan: k, site: SITE, plots };
    for (const u of t.update(s).tracks) {
      ids.add(u.id);
      if (u.status !== 'tentative') confirmed.add(u.id);
    }
  }
  return { ids, confirmed };
}

describe('beam-skirt fragments of a radar return', () => {
  it('bearing gaps are taken across north', () => {
    expect(bearingGap(359.5, 0.4)).toBeCloseTo(0.9, 9);
    expect(bearingGap(0.4, 359.5)).toBeCloseTo(0.9, 9);
    expect(bearingGap(10, 190)).toBeCloseTo(180, 9);
    expect(bearingGap(-0.5, 0.5)).toBeCloseTo(1, 9);
  });

  it('marks a narrow plot at the range of a wide one and just past its edge, across north too; not a second boat', () => {
    const fp = (range: number, bearing: number, az: number, rx = 15): Footprint => ({ rangeMetres: range, bearingDegrees: bearing, rangeExtentMetres: rx, azimuthExtentDegrees: az });
    const plots: Footprint[] = [
      fp(1200, 0.3, 1.0), // a boat's body just east of north
      fp(1204, 359.4, 0.18, 7.5), // its sliver across north: gap 0.9 - 0.59 = 0.31 degrees
      fp(1200, 2.5, 0.18, 7.5), // a sliver 1.7 degrees past the edge: too far
      fp(1230, 0.3, 0.18, 7.5), // in the beam but 30 m further out: not the same return
      fp(4800, 160.0, 1.4), // a far boat
      fp(4800, 161.0, 0.35, 7.5), // its sliver, 80 m across at that range
      fp(4800, 162.0, 1.2), // a second boat a beam width off: as wide as a boat, not a sliver
    ];
    const out = new Uint8Array(plots.length);
    expect(markFragments(plots, 0.5 * BEAM, out)).toBe(2);
    expect([...out]).toEqual([0, 1, 0, 0, 0, 1, 0]);
    // Off, or no footprints (TI points): nothing marked.
    expect(markFragments(plots, 0, new Uint8Array(plots.length))).toBe(0);
    expect(markFragments([undefined, undefined], 0.6, new Uint8Array(2))).toBe(0);
  });

  for (const [range, start] of [[1200, 359.2], [4800, 359.8]] as const) {
    it(`a boat crossing north at ${range / 1000} km with slivers of its return beside it keeps one track id`, () => {
      // What the sliver does without the rule: a second track beside the boat, confirmed.
      const off = runBoat(range, start, { ...SETTINGS, measurement: { ...SETTINGS.measurement, fragmentBeamWidths: 0 } });
      expect(off.confirmed.size).toBeGreaterThan(1);
      for (const seed of [21, 22, 23]) {
        const on = runBoat(range, start, SETTINGS, seed);
        expect([...on.ids], `seed ${seed}`).toHaveLength(1);
        expect([...on.confirmed], `seed ${seed}`).toEqual([...on.ids]);
      }
    });
  }

  it('a second boat a beam width and a half beside the first, at its range, gets a track of its own', () => {
    const t = new Tracker(SETTINGS);
    const seen = new Set<number>();
    for (let k = 0; k < 8; k++) {
      const at = T0 + k * PERIOD_MS + 300;
      const plots = [radarPlot(2000, 45, 2 * CELL, BEAM, 9, 50, at), radarPlot(2000, 45 + 2.7, 2 * CELL, BEAM, 9, 50, at)];
      for (const u of t.update({ timeMs: T0 + (k + 1) * PERIOD_MS, scan: k, site: SITE, plots }).tracks) if (u.status !== 'tentative') seen.add(u.id);
    }
    expect(seen.size).toBe(2);
  });
});
