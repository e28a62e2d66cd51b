import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKernels } from '../../../agent/src/detect/kernels.js';
import { LookoutError } from '../../../agent/src/errors.js';
import { systemClock } from '../../../agent/src/io/types.js';
import { tiMmwaveKind } from '../../../agent/src/sensors/ti-mmwave.js';
import { inverse } from '../../../agent/src/track/geodesy.js';
import { SHARED_DATA } from '../../helpers/paths.js';
import { endSignal, recordingSink, runToEnd, silent } from '../../helpers/sensor.js';

const CAPTURE = join(SHARED_DATA, 'ti-mmwave', 'xwr16xx_processed_stream_2020_06_26T14_00_37_341.dat');
const kernels = loadKernels({ logger: silent, impl: 'reference' });

function sensorConfig(extra: Record<string, unknown> = {}) {
  return tiMmwaveKind.schema.parse({ id: 'mmw', protocol: 'ti-mmwave', input: { type: 'file', path: CAPTURE }, ...extra });
}

describe('the ti-mmwave sensor kind', () => {
  it('takes no detection block (the sensor detects on chip) and an optional mount', () => {
    expect(tiMmwaveKind.schema.safeParse({ id: 'm', protocol: 'ti-mmwave', input: { type: 'udp', port: 4000 }, detection: {} }).success).toBe(false);
    expect(sensorConfig().radar).toBeUndefined();
    expect(tiMmwaveKind.mount.needs).toBe('radar-or-nav');
  });

  it('with neither a mount nor a platform it refuses to build: a configuration error naming the key', () => {
    let err: unknown;
    try {
      tiMmwaveKind.build({ sensor: sensorConfig(), logger: silent, sink: recordingSink(), kernels, clock: systemClock });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LookoutError);
    expect(err).toMatchObject({ code: 'E_CONFIG', details: { sensor: 'mmw', problems: [expect.objectContaining({ path: 'radar' })] } });
  });

  it('on a fixed mount: one plot per point at the mount, bearing = boresight azimuth + atan2(x, y)', async () => {
    const sink = recordingSink();
    const { ended, onInputEnd } = endSignal();
    const sensor = sensorConfig({ radar: { latitude: 58.2, longitude: 11.5, northOffsetDegrees: 90 } });
    const runtime = tiMmwaveKind.build({ sensor, logger: silent, sink, kernels, clock: systemClock, onInputEnd });
    expect(runtime).toMatchObject({ id: 'mmw', protocol: 'ti-mmwave', type: 'mmwave-radar', capabilities: ['plots'], site: { latitude: 58.2, longitude: 11.5, heightMetres: 0 } });
    await runToEnd(runtime, ended);
    const c = runtime.counters();
    expect(c.frames).toBe(101);
    expect(c['decoder.framesOk']).toBe(101);
    expect(c['source.opens']).toBe(1);
    for (const name of tiMmwaveKind.counters) expect(c, name).toHaveProperty([name]);
    const batches = sink.of('plots');
    expect(batches.flatMap((b) => b.plots)).toHaveLength(c.points);
    expect(c.points).toBeGreaterThan(100);
    for (const b of batches) expect(b.origin).toEqual({ latitude: 58.2, longitude: 11.5 });
    // Frame 370 has four points (the decoder test reads the same bytes).
    const first = batches[0]!.plots;
    expect(first).toHaveLength(4);
    expect(first.every((p) => p.cellCount === 1 && p.rangeMetres > 0)).toBe(true);
  });

  it('without a mount on a platform: each plot placed from the pose, heading added', async () => {
    const sink = recordingSink();
    const { ended, onInputEnd } = endSignal();
    const ship = { latitude: 57.7, longitude: 11.9 };
    const fixed = recordingSink();
    const fixedEnd = endSignal();
    // The same capture on a north-pointing fixed mount gives the relative bearings to compare with.
    const reference = tiMmwaveKind.build({ sensor: sensorConfig({ radar: { ...ship, northOffsetDegrees: 0 } }), logger: silent, sink: fixed, kernels, clock: systemClock, onInputEnd: fixedEnd.onInputEnd });
    await runToEnd(reference, fixedEnd.ended);
    const runtime = tiMmwaveKind.build({ sensor: sensorConfig(), logger: silent, sink, kernels, clock: systemClock, platform: { poseAt: () => ({ ...ship, headingDegrees: 30, stale: false }) }, onInputEnd });
    expect(runtime.site).toBeUndefined();
    await runToEnd(runtime, ended);
    const placed = sink.of('plots').flatMap((b) => b.plots);
    const relative = fixed.of('plots').flatMap((b) => b.plots);
    expect(placed).toHaveLength(relative.length);
    for (let i = 0; i < placed.length; i += 17) {
      const p = placed[i] as (typeof placed)[number] & { latitude: number; longitude: number };
      expect(((p.bearingDegrees - relative[i]!.bearingDegrees + 360) % 360)).toBeCloseTo(30, 6);
      expect(Math.abs(inverse(ship, p).distanceMetres - p.rangeMetres)).toBeLessThan(0.01);
    }
  });
});
