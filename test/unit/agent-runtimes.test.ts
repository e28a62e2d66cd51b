import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../agent/src/config/load.js';
import { loadKernels } from '../../agent/src/detect/kernels.js';
import { Agent } from '../../agent/src/main.js';
import { createCat240RadarSim } from '../../agent/src/sim/cat240.js';
import { loadRadarScenario } from '../../agent/src/sim/scenario.js';
import { SHARED_DATA } from '../helpers/paths.js';
import { silent } from '../helpers/sensor.js';

const coastal = loadRadarScenario('coastal');

describe('Agent: runtimes report their own counters and capabilities; drain for file inputs', () => {
  it('status names every runtime\'s counters under its id, birth lists kinds and sites from the runtimes, drain waits for the inputs and gives up on an unreachable broker', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-agent-'));
    const sim = createCat240RadarSim({ scenario: coastal, seed: 3, startWallMs: Date.UTC(2026, 0, 1) });
    const spokes = 2048 + 256;
    writeFileSync(join(dir, 'r.cat240'), Buffer.concat(Array.from({ length: spokes }, () => sim.next()!.bytes)));
    const config = validateConfig({
      unit: 'u-1',
      dataDir: join(dir, 'data'),
      log: { level: 'fatal' },
      sensors: [
        { id: 'r1', protocol: 'cat240', input: { type: 'file', path: join(dir, 'r.cat240') }, radar: { latitude: 58.2, longitude: 11.5, altitudeMetres: 12 } },
        { id: 'arpa', protocol: 'nmea0183', input: { type: 'file', path: join(SHARED_DATA, 'nmea0183/navico-4g-arpa-2015-part1.nmea') } },
      ],
      // Nothing listens here: the records stay in the outbox.
      mqtt: { url: 'mqtt://127.0.0.1:1', reconnect: { minMs: 200, maxMs: 1000 } },
    });
    const agent = new Agent(config, { logger: silent, version: 't', kernels: loadKernels({ logger: silent, impl: 'reference' }) });
    await expect(agent.drain(-1)).rejects.toThrow(RangeError);
    await agent.start();
    try {
      expect(await agent.drain(300)).toBe(false);
      const status = agent.status();
      const c = status.counters!;
      expect(c['r1.decoder.framesOk']).toBe(spokes);
      expect(c['r1.detect.spokes']).toBe(spokes);
      expect(c['r1.source.opens']).toBe(1);
      expect(c['arpa.ttm']).toBeGreaterThan(100);
      expect(c['arpa.source.losses']).toBe(0);
      expect(c['outbox.appended']).toBeGreaterThan(0);
      expect(c['outbox.committed']).toBe(c['outbox.appended']); // drain flushed: every record on disk
      expect(c).toHaveProperty(['mqtt.acked'], 0);
      expect(status.spokes).toBe(spokes);
      expect(status.outboxDepth).toBe(c['outbox.committed']);
      const birth = agent.birth();
      expect(birth.sensors).toEqual([
        { id: 'r1', protocol: 'cat240', type: 'radar', latitude: 58.2, longitude: 11.5, heightMetres: 12 },
        { id: 'arpa', protocol: 'nmea0183', type: 'arpa-radar' },
      ]);
      // No commands.keys: the birth says commands are off.
      expect(birth.capabilities).toEqual(['plots', 'tracks', 'status', 'gap', 'alerts', 'commands-off']);
    } finally {
      await agent.stop();
    }
  });
});
