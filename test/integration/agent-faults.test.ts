/**
 * What a field engineer meets: a configuration with mistakes, a serial port that is missing or
 * goes away, and bytes on the line that are not CAT240 — each on real parts (socat PTYs,
 * mosquitto, the `lookout` processes). The broker going away mid-run is test/chaos/agent-chaos.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { createCat240RadarSim } from '../../agent/src/sim/cat240.js';
import { startMosquitto } from '../helpers/mosquitto.js';
import { agentConfig, coastal, feedSpokes, startHub } from '../helpers/agent.js';
import { startPtyPair, type PtyPair } from '../helpers/socat.js';
import { runLookout, spawnLookout, waitUntil, type LookoutProcess } from '../helpers/cli.js';

describe('agent faults on real parts', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => {});
    cleanups.length = 0;
  });

  it('refuses a bad configuration with exit 78, every problem with its key path, and opens nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-badcfg-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      [
        'unit: "two words"',
        `dataDir: ${join(dir, 'data')}`,
        'sensors:',
        '  - id: radar1',
        '    protocol: cat241',
        '    input: { type: serial, path: /dev/ttyUSB9, baud: -1 }',
        '    detection: { pfa: 3, guard: 2 , trian: 4 }',
        'mqtt: { url: "not a url" }',
      ].join('\n'),
    );
    const r = await runLookout(['run', '--config', file]);
    expect(r.code).toBe(78);
    for (const path of ['unit:', 'sensors.0.protocol:', 'sensors.0.input.baud:', 'sensors.0.detection.pfa:', 'sensors.0.detection.trian:', 'mqtt.url:']) {
      expect(r.stderr).toContain(path);
    }
    expect(existsSync(join(dir, 'data'))).toBe(false);
    expect(r.stderr).not.toMatch(/E_SERIAL_OPEN|serial port/);

    const yamlError = join(dir, 'broken.yaml');
    writeFileSync(yamlError, 'unit: a\nsensors: [\n');
    const y = await runLookout(['config', 'check', yamlError]);
    expect(y.code).toBe(78);
    expect(y.stderr).toMatch(/line \d+, column \d+/);
  });

  it('retries a missing serial port with backoff and reconnects when the link comes back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-serial-'));
    const broker = await startMosquitto();
    cleanups.push(() => broker.stop());
    const { records, client: hub } = await startHub(broker.url, 'ser-01');
    cleanups.push(() => hub.endAsync());
    const agent: LookoutProcess = spawnLookout(['run', '--config', agentConfig(dir, join(dir, 'b'), broker.url, 'ser-01')]);
    cleanups.push(() => agent.stop('SIGKILL'));

    // The port does not exist yet: a clear error naming the path, again and again, no crash.
    await waitUntil(() => (agent.stderr().match(/E_SERIAL_OPEN/g) ?? []).length >= 2, 15_000, 'repeated E_SERIAL_OPEN');
    expect(agent.stderr()).toContain(join(dir, 'b'));
    expect(agent.proc.exitCode).toBeNull();

    const pty: PtyPair = await startPtyPair(dir);
    cleanups.push(() => pty.stop());
    await waitUntil(() => /serial port open/.test(agent.stderr()), 15_000, 'the agent to open the port');
    let feed = feedSpokes(pty.a, 5);
    await waitUntil(() => records.filter((r) => r.kind === 'plots').length >= 3, 20_000, 'plots from the first link');
    await feed.stop();

    // Pull the cable: both PTY ends vanish; the agent says so and keeps trying.
    await pty.stop();
    await waitUntil(() => /E_SERIAL_LOST/.test(agent.stderr()), 10_000, 'E_SERIAL_LOST');
    const plotsBefore = records.filter((r) => r.kind === 'plots').length;
    await pty.restart();
    await waitUntil(() => (agent.stderr().match(/serial port open/g) ?? []).length >= 2, 15_000, 'the agent to reopen the port');
    feed = feedSpokes(pty.a, 6);
    cleanups.push(() => feed.stop());
    await waitUntil(() => records.filter((r) => r.kind === 'plots').length >= plotsBefore + 3, 20_000, 'plots after the reconnect');
    await feed.stop();
    const stopped = await agent.stop('SIGTERM');
    expect(stopped.code).toBe(0);
  });

  it('counts and skips bytes that are not CAT240 and decodes the blocks after them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-garbage-'));
    const broker = await startMosquitto();
    cleanups.push(() => broker.stop());
    const pty = await startPtyPair(dir);
    cleanups.push(() => pty.stop());
    const { records, client: hub } = await startHub(broker.url, 'gar-01');
    cleanups.push(() => hub.endAsync());
    const agent = spawnLookout(['run', '--config', agentConfig(dir, pty.b, broker.url, 'gar-01')]);
    cleanups.push(() => agent.stop('SIGKILL'));
    await waitUntil(() => /serial port open/.test(agent.stderr()), 15_000, 'the agent to open the port');

    const port = new SerialPort({ path: pty.a, baudRate: 921600 });
    await new Promise<void>((resolve) => port.once('open', () => resolve()));
    cleanups.push(() => new Promise<void>((resolve) => port.close(() => resolve())));
    const sim = createCat240RadarSim({ scenario: coastal, seed: 9, startWallMs: Date.now() });
    // NMEA text and random bytes (with stray 0xF0 category octets) between every 64 spokes.
    let garbageBytes = 0;
    for (let i = 0; i < 2048 * 3; i++) {
      if (i % 64 === 0) {
        const junk = Buffer.concat([Buffer.from('$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47\r\n'), Buffer.from([0xf0, 0x00, 0x05, 0x99, 0xf0, 0xff, 0xff, 0x00])]);
        port.write(junk);
        garbageBytes += junk.length;
      }
      port.write(sim.next()!.bytes);
      if (i % 256 === 255) await new Promise((r) => setTimeout(r, 150));
    }
    // Nothing follows the last block: the agent's idle flush must still decide it (and the
    // stray 0xF0 0xFF 0xFF headers that ask the decoder to wait for 64 KiB).
    await new Promise<void>((resolve) => port.drain(() => resolve()));
    await waitUntil(
      () => records.some((r) => r.kind === 'status' && (r.body.counters?.['radar1.decoder.framesOk'] ?? 0) >= 2048 * 3),
      20_000,
      'every valid spoke decoded',
    ).catch((err) => {
      const last = records.filter((r) => r.kind === 'status').pop();
      throw new Error(`${(err as Error).message}; last status counters: ${JSON.stringify(last?.kind === 'status' ? last.body.counters : undefined)}; agent: ${agent.stderr().slice(-2000)}`);
    });
    const status = records.filter((r) => r.kind === 'status').pop()!;
    const counters = status.kind === 'status' ? status.body.counters! : {};
    expect(counters['radar1.decoder.framesOk']).toBe(2048 * 3);
    expect(counters['radar1.decoder.bytesSkipped']).toBe(garbageBytes);
    expect(records.filter((r) => r.kind === 'plots').length).toBeGreaterThanOrEqual(3);
  });
});
