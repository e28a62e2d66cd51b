import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { navSchema } from '../../../agent/src/config/schema.js';
import { buildNav } from '../../../agent/src/sensors/nav.js';
import { SHARED_DATA } from '../../helpers/paths.js';
import { recordingSink, silent } from '../../helpers/sensor.js';

describe('the nav source', () => {
  it('feeds one pose history from the NMEA log; counters from the source, the decoder and the poses; the pose age from the injected clock', async () => {
    const nav = navSchema.parse({ protocol: 'nmea0183', input: { type: 'file', path: join(SHARED_DATA, 'nmea0183/navico-4g-arpa-2015-part1.nmea') } });
    let wallMs = 0;
    const clock = { monoMs: () => 0, wallMs: () => wallMs };
    const runtime = buildNav(nav, { logger: silent, sink: recordingSink(), clock });
    expect(runtime.id).toBe('nav');
    expect(runtime.capabilities).toEqual(['nav']);
    expect(runtime.counters().poseAgeMs).toBe(-1);
    for (const s of runtime.stages) await s.start();
    // A file source ends by itself; wait for the last pose, then stop.
    const deadline = Date.now() + 10_000;
    while ((runtime.counters()['source.opens'] ?? 0) === 0 || runtime.counters()['decoder.framesOk'] === 0 || !runtime.poses.latest()) {
      if (Date.now() > deadline) throw new Error('no pose from the log');
      await new Promise((r) => setTimeout(r, 20));
    }
    for (const s of [...runtime.stages].reverse()) await s.stop();
    const latest = runtime.poses.latest()!;
    const c = runtime.counters();
    expect(c.poses).toBeGreaterThan(0);
    expect(c['decoder.framesOk']).toBeGreaterThan(0);
    expect(c['source.bytes']).toBeGreaterThan(0);
    // 2015's pose seen from a clock at its time + 1500 ms.
    wallMs = latest.timeMs + 1500;
    expect(runtime.counters().poseAgeMs).toBe(1500);
    wallMs = latest.timeMs - 10;
    expect(runtime.counters().poseAgeMs).toBe(0);
  });
});
