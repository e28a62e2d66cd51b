import { describe, expect, it } from 'vitest';
import { Georeferencer } from '../../../agent/src/track/georef.js';
import { destination, inverse, METRES_PER_NAUTICAL_MILE } from '../../../agent/src/track/geodesy.js';
import type { Plot } from '../../../agent/src/detect/types.js';

const plot = (rangeMetres: number, bearingDegrees: number, timeMs = 0): Plot => ({
  timeMs, scan: 1, rangeMetres, bearingDegrees, rangeExtentMetres: 7.5, azimuthExtentDegrees: 1, peakPower: 100, meanPower: 50, cellCount: 4,
});

// Own ship and target 1 from the first RATTM/RATLL pair of the real Navico log
// (../shared/data/nmea0183, lines 25-28): 0.48 NM at 263.6° true from 5812.7405N 01132.8508E,
// and the radar's own TLL position for it, 5812.6870N 01131.9502E.
const OWN = { latitude: 58 + 12.7405 / 60, longitude: 11 + 32.8508 / 60 };
const TLL = { latitude: 58 + 12.687 / 60, longitude: 11 + 31.9502 / 60 };

describe('Georeferencer', () => {
  it('reproduces the radar\'s own target position from range and bearing (real ARPA log)', () => {
    const g = new Georeferencer({ ...OWN, northOffsetDegrees: 0 });
    const placed = g.place(plot(0.48 * METRES_PER_NAUTICAL_MILE, 263.6));
    // TTM gives 0.48 NM (two decimals: ±9 m) and 263.6° (±0.05°: ±0.8 m at that range).
    expect(inverse(placed, TLL).distanceMetres).toBeLessThan(10);
    const back = inverse(OWN, TLL);
    // The data README's 0.477 NM is the spherical (haversine, R = 6371 km) figure, 0.4777 NM;
    // on the WGS84 ellipsoid the same two points are 0.4794 NM apart (Vincenty).
    expect(back.distanceMetres / METRES_PER_NAUTICAL_MILE).toBeCloseTo(0.4794, 4);
    expect(back.bearingDegrees).toBeCloseTo(263.6, 1);
  });

  it('adds the north offset and wraps the bearing', () => {
    const g = new Georeferencer({ ...OWN, northOffsetDegrees: 3 });
    const placed = g.place(plot(1000, 358.5));
    expect(placed.bearingDegrees).toBeCloseTo(1.5, 10);
    const expected = destination(OWN, 1.5, 1000);
    expect(placed.latitude).toBeCloseTo(expected.latitude, 10);
    expect(placed.longitude).toBeCloseTo(expected.longitude, 10);
  });

  it('turns with a moving platform: heading added, origin from the pose; stale poses counted', () => {
    let stale = false;
    const platform = { poseAt: () => ({ latitude: TLL.latitude, longitude: TLL.longitude, headingDegrees: 90, stale }) };
    const g = new Georeferencer({ ...OWN, northOffsetDegrees: 0 }, platform);
    const p = g.place(plot(500, 10));
    expect(p.bearingDegrees).toBeCloseTo(100, 10);
    expect(inverse(TLL, p).distanceMetres).toBeCloseTo(500, 3);
    stale = true;
    const q = g.place(plot(500, 10));
    expect(inverse(OWN, q).distanceMetres).toBeCloseTo(500, 3);
    expect(g.counters).toEqual({ plots: 2, withoutPose: 1 });
  });
});
