/**
 * Track batches on the wire: Lookout's tracker column-wise (fixed point, delta-coded), ARPA
 * targets row-wise with their source mark; malformed column-wise batches are refused, not guessed.
 */
import { describe, expect, it } from 'vitest';
import { lookout } from '../../../agent/src/wire/gen/lookout.js';
import { decodeRecord, encodeRecord, type TracksBody } from '../../../agent/src/wire/index.js';
import { decodeMessage } from '../../../agent/src/hub/index.js';

const T0 = 1_790_000_000_000;
const env = { unit: 'u1', session: 2, seq: 9, kind: 'tracks' as const, timeMs: T0 };
const tracker: TracksBody = {
  sensor: 'radar1',
  source: 'tracker',
  scan: 4,
  origin: { latitude: 58.2124, longitude: 11.5475 },
  tracks: [
    { id: 5, timeMs: T0, latitude: 58.22, longitude: 11.55, speedMetresPerSecond: 4.26, courseDegrees: 359.96, status: 1, moving: true, cpaMetres: 80.4, tcpaSeconds: 95.6, cpaAlert: true },
    { id: 2, timeMs: T0, latitude: 58.2, longitude: 11.54, speedMetresPerSecond: 0, courseDegrees: 0, status: 2, moving: false },
  ],
  deleted: [1],
};

describe('track batches', () => {
  it("the tracker's: sorted by id, within the fixed point (1e-7 deg, 0.1 m/s, 1/4096 turn, 1 m, 1 s), flags and ended ids kept", () => {
    const back = decodeRecord(encodeRecord({ ...env, body: tracker })).body as TracksBody;
    expect(back).toMatchObject({ sensor: 'radar1', source: 'tracker', scan: 4, origin: tracker.origin, deleted: [1] });
    expect(back.tracks.map((t) => t.id)).toEqual([2, 5]);
    const [a, b] = back.tracks;
    expect(a).toEqual({ id: 2, timeMs: T0, latitude: 58.2, longitude: 11.54, speedMetresPerSecond: 0, courseDegrees: 0, status: 2, moving: false, cpaAlert: false });
    expect(b).toMatchObject({ id: 5, latitude: 58.22, longitude: 11.55, speedMetresPerSecond: 4.3, status: 1, moving: true, cpaAlert: true, cpaMetres: 80, tcpaSeconds: 96 });
    // 359.96 degrees rounds to 4096/4096 of a turn: north, not 360.
    expect(b.courseDegrees).toBe(0);
  });

  it('is smaller than the same tracks row-wise, even for two tracks', () => {
    const columns = encodeRecord({ ...env, body: tracker }).length;
    const rows = encodeRecord({ ...env, body: { sensor: 'radar1', tracks: tracker.tracks.map((t) => ({ ...t, rangeMetres: 1000, bearingDegrees: 10, hits: 9 })) } }).length;
    expect(columns).toBeLessThan(rows);
  });

  it('ARPA batches say so; older batches without the mark decode as before (no source)', () => {
    const arpa: TracksBody = { sensor: 'arpa', source: 'arpa', tracks: [{ id: 3, timeMs: T0, latitude: 1, longitude: 2, speedMetresPerSecond: 1, courseDegrees: 2, rangeMetres: 3, bearingDegrees: 4, hits: 5, status: 1 }] };
    expect((decodeRecord(encodeRecord({ ...env, body: arpa })).body as TracksBody).source).toBe('arpa');
    const { source: _s, ...old } = arpa;
    expect('source' in (decodeRecord(encodeRecord({ ...env, body: old })).body as TracksBody)).toBe(false);
  });

  it('a column-wise batch whose columns disagree is refused (RangeError; the hub API says why)', () => {
    const good = lookout.v1.Envelope.decode(encodeRecord({ ...env, body: tracker }));
    const cases: Array<[string, (b: lookout.v1.TrackBatch) => void]> = [
      ['lat_delta_e7', (b) => b.latDeltaE7.pop()],
      ['flags', (b) => b.flags.push(0)],
      ['time_delta_100us', (b) => (b.timeDelta_100us = [1])],
      ['cpa_m', (b) => b.cpaM.push(5)],
    ];
    for (const [name, spoil] of cases) {
      const m = lookout.v1.Envelope.decode(lookout.v1.Envelope.encode(good).finish());
      spoil(m.tracks as lookout.v1.TrackBatch);
      const bytes = lookout.v1.Envelope.encode(m).finish();
      expect(() => decodeRecord(bytes), name).toThrow(RangeError);
      const r = decodeMessage('lookout/v1/u1/tracks', bytes);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error).toMatch(/track batch/);
    }
  });
});
