import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { buildArpa, nmea0183Kind } from '../../../agent/src/sensors/nmea0183.js';
import { systemClock } from '../../../agent/src/io/types.js';
import { loadKernels } from '../../../agent/src/detect/kernels.js';
import type { RecordBodies, RecordKind, TrackRecord } from '../../../agent/src/wire/types.js';
import { inverse, METRES_PER_NAUTICAL_MILE } from '../../../agent/src/track/geodesy.js';
import { SHARED_DATA } from '../../helpers/paths.js';

describe('ARPA pipeline on the real Navico 4G log', () => {
  it('replays the log into track batches at the radar\'s own TLL positions', async () => {
    const logger = pino({ level: 'silent' });
    const batches: TrackRecord[][] = [];
    let ended!: () => void;
    const done = new Promise<void>((r) => (ended = r));
    const runtime = buildArpa(
      {
        sensor: {
          id: 'arpa',
          protocol: 'nmea0183',
          input: { type: 'file', path: join(SHARED_DATA, 'nmea0183/navico-4g-arpa-2015-part1.nmea'), format: 'raw' },
        },
        logger,
        kernels: loadKernels({ logger, impl: 'reference' }),
        clock: systemClock,
        sink: {
          append<K extends RecordKind>(kind: K, body: RecordBodies[K]): number {
            if (kind === 'tracks') batches.push((body as RecordBodies['tracks']).tracks);
            return batches.length;
          },
        },
        onInputEnd: () => ended(),
      },
      { batchMs: 60_000 },
    );
    expect(runtime.capabilities).toEqual(nmea0183Kind.capabilities);
    expect(runtime.type).toBe('arpa-radar');
    for (const s of runtime.stages) await s.start();
    await done;
    for (const s of [...runtime.stages].reverse()) await s.stop();

    const tracks = batches.flat();
    const counters = runtime.counters();
    expect(counters.ttm).toBeGreaterThan(100);
    expect(tracks.length).toBe(counters.ttm - counters.withoutPosition);
    // Target 1's first report: TTM 0.48 NM at 263.6° T; its TLL (the line before) places it.
    const first = tracks.find((t) => t.id === 1)!;
    expect(first.rangeMetres).toBeCloseTo(0.48 * METRES_PER_NAUTICAL_MILE, 6);
    expect(first.bearingDegrees).toBeCloseTo(263.6, 6);
    expect(first.latitude).toBeCloseTo(58 + 12.687 / 60, 9);
    expect(first.longitude).toBeCloseTo(11 + 31.9502 / 60, 9);
    expect(first.speedMetresPerSecond).toBeCloseTo(0, 9);
    expect(first.status).toBe(1);
    // Consecutive reports of a target are counted as hits.
    const ones = tracks.filter((t) => t.id === 1);
    expect(ones.map((t) => t.hits).slice(0, 3)).toEqual([1, 2, 3]);
    // Every track lies at its reported range from own ship, give or take the TTM's two decimals.
    const own = { latitude: 58 + 12.7405 / 60, longitude: 11 + 32.8508 / 60 };
    expect(Math.abs(inverse(own, first).distanceMetres - first.rangeMetres)).toBeLessThan(0.006 * METRES_PER_NAUTICAL_MILE);
  });
});
