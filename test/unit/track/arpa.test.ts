import { describe, expect, it } from 'vitest';
import { Nmea0183Decoder } from '../../../agent/src/protocols/nmea0183/decoder.js';
import { formatRaw } from '../../../agent/src/protocols/nmea0183/encoder.js';
import type { NmeaSentence } from '../../../agent/src/protocols/nmea0183/types.js';
import { ArpaCorrelator, TLL_FRESH_MS, type BatchTimer } from '../../../agent/src/track/arpa.js';
import { inverse, METRES_PER_NAUTICAL_MILE } from '../../../agent/src/track/geodesy.js';
import type { TrackRecord } from '../../../agent/src/wire/types.js';

/** Parses NMEA lines the way the sensor's decoder does, each received at `wallMs`. */
function sentences(lines: string[], wallMs: number): NmeaSentence[] {
  const out: NmeaSentence[] = [];
  const d = new Nmea0183Decoder({ onFrame: (s) => out.push(s) });
  d.push(Buffer.from(lines.map((l) => `${l}\r\n`).join('')), { monoMs: wallMs, wallMs });
  return out;
}

/** A timer the test fires by hand. */
function manualTimer(): BatchTimer & { fire(): void; active: number } {
  let fn: (() => void) | undefined;
  return {
    active: 0,
    setInterval(f, ms) {
      expect(ms).toBe(1000);
      fn = f;
      this.active++;
      return 'h';
    },
    clearInterval(h) {
      expect(h).toBe('h');
      fn = undefined;
      this.active--;
    },
    fire: () => fn?.(),
  };
}

const own = { latitude: 58.2, longitude: 11.5, headingDegrees: 90, stale: false };

describe('ArpaCorrelator (track/, timers injected)', () => {
  it('batches tracks on its timer: none before it fires, one batch per tick, the rest at stop', () => {
    const batches: TrackRecord[][] = [];
    const timer = manualTimer();
    const c = new ArpaCorrelator({ platform: { poseAt: () => own }, onTracks: (t) => batches.push(t), timer });
    c.start();
    c.start();
    expect(timer.active).toBe(1);
    for (const s of sentences([formatRaw('RA', 'TTM', ['01', '1.00', '45.0', 'T', '10.0', '90.0', 'T', '', '', 'N', 'A', 'T', '', '120000', 'A'])], 1000)) c.push(s);
    expect(batches).toHaveLength(0);
    timer.fire();
    expect(batches).toHaveLength(1);
    timer.fire();
    expect(batches).toHaveLength(1);
    for (const s of sentences([formatRaw('RA', 'TTM', ['01', '1.10', '46.0', 'T', '10.0', '90.0', 'T', '', '', 'N', 'A', 'T', '', '120001', 'A'])], 2000)) c.push(s);
    c.stop();
    expect(timer.active).toBe(0);
    expect(batches.map((b) => b.map((t) => t.hits))).toEqual([[1], [2]]);
    expect(c.counters).toEqual({ ttm: 2, tll: 0, tracks: 2, withoutPosition: 0 });
    // Placed at range and true bearing from own ship; knots to m/s.
    const t = batches[0]![0]!;
    expect(inverse(own, t).distanceMetres).toBeCloseTo(METRES_PER_NAUTICAL_MILE, 0);
    expect(t.bearingDegrees).toBeCloseTo(45, 9);
    expect(t.speedMetresPerSecond).toBeCloseTo((10 * METRES_PER_NAUTICAL_MILE) / 3600, 9);
  });

  it('relative bearings take own heading; the TLL of the same update places the target; a stale TLL does not', () => {
    const batches: TrackRecord[][] = [];
    const c = new ArpaCorrelator({ platform: { poseAt: () => own }, onTracks: (t) => batches.push(t), timer: manualTimer() });
    const update = [
      formatRaw('RA', 'TTM', ['02', '0.50', '10.0', 'R', '5.0', '20.0', 'R', '', '', 'N', 'B', 'T', '', '120000', 'A']),
      formatRaw('RA', 'TLL', ['02', '5812.0000', 'N', '01130.0000', 'E', 'B', '120000', 'T', '']),
    ];
    for (const s of sentences(update, 10_000)) c.push(s);
    c.flush();
    const placed = batches[0]![0]!;
    expect(placed.bearingDegrees).toBeCloseTo(100, 9);
    expect(placed.courseDegrees).toBeCloseTo(110, 9);
    expect(placed.latitude).toBeCloseTo(58.2, 9);
    expect(placed.longitude).toBeCloseTo(11.5, 9);
    // The next TTM long after that TLL: placed from own ship again.
    for (const s of sentences([update[0]!], 10_000 + TLL_FRESH_MS + 1)) c.push(s);
    c.flush();
    const fromShip = batches[1]![0]!;
    expect(Math.abs(inverse(own, fromShip).distanceMetres - 0.5 * METRES_PER_NAUTICAL_MILE)).toBeLessThan(1);
  });

  it('without a pose a relative TTM cannot be placed, and is counted', () => {
    const c = new ArpaCorrelator({ platform: { poseAt: () => undefined }, onTracks: () => {}, timer: manualTimer() });
    for (const s of sentences([formatRaw('RA', 'TTM', ['03', '0.50', '10.0', 'R', '5.0', '20.0', 'R', '', '', 'N', 'C', 'T', '', '120000', 'A'])], 0)) c.push(s);
    expect(c.counters.withoutPosition).toBe(1);
    expect(() => new ArpaCorrelator({ platform: { poseAt: () => undefined }, onTracks: () => {}, batchMs: 0 })).toThrow(RangeError);
  });
});
