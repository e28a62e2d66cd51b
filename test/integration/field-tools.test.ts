/**
 * The field engineer's tools on real PTYs: `probe` names the protocol on a port, `record`
 * captures a live link with timestamps, `replay` runs the pipeline on the capture into mosquitto.
 */
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import mqtt from 'mqtt';
import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeMessage, type AnyRecord } from '../../agent/src/hub/index.js';
import { loadRadarScenario } from '../../agent/src/sim/scenario.js';
import { createCat240RadarSim } from '../../agent/src/sim/cat240.js';
import { readRecording } from '../../agent/src/io/file.js';
import { startMosquitto } from '../helpers/mosquitto.js';
import { startPtyPair } from '../helpers/socat.js';
import { runLookout, spawnLookout, waitUntil } from '../helpers/cli.js';
import { SHARED_DATA } from '../helpers/paths.js';

const scenario = loadRadarScenario('coastal');

async function openPort(path: string): Promise<SerialPort> {
  const port = new SerialPort({ path, baudRate: 921600 });
  port.on('error', () => {});
  await new Promise<void>((resolve) => port.once('open', () => resolve()));
  return port;
}

/** Writes until stopped: NMEA lines from the real log, or simulated CAT240 spokes in real time. */
function streamTo(port: SerialPort, kind: 'nmea' | 'cat240'): { stop(): void; count(): number; bytes(): number } {
  let stopped = false;
  let count = 0;
  let bytes = 0;
  if (kind === 'nmea') {
    void (async () => {
      const lines = createInterface({ input: createReadStream(join(SHARED_DATA, 'nmea0183/navico-4g-arpa-2015-part1.nmea')) });
      for await (const line of lines) {
        if (stopped) break;
        port.write(line + '\r\n');
        if (++count % 50 === 0) await new Promise((r) => setTimeout(r, 20));
      }
    })();
  } else {
    const sim = createCat240RadarSim({ scenario, seed: 21, startWallMs: Date.now() });
    const t0 = performance.now();
    let next = sim.next();
    const timer = setInterval(() => {
      if (stopped) return clearInterval(timer);
      while (next.timeS <= (performance.now() - t0) / 1000) {
        port.write(next.bytes);
        bytes += next.bytes.length;
        count++;
        next = sim.next();
      }
    }, 10);
  }
  return { stop: () => void (stopped = true), count: () => count, bytes: () => bytes };
}

describe('field tools on real PTYs', () => {
  const cleanups: Array<() => Promise<unknown> | unknown> = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await Promise.resolve(c()).catch(() => {});
    cleanups.length = 0;
  });

  it('probe names NMEA 0183 and CAT240 from live bytes, and says so plainly when the line is silent', async () => {
    const pty = await startPtyPair();
    cleanups.push(() => pty.stop());
    const port = await openPort(pty.a);
    cleanups.push(() => new Promise<void>((r) => port.close(() => r())));

    let feed = streamTo(port, 'nmea');
    let r = await runLookout(['probe', pty.b, '--seconds', '0.6']);
    feed.stop();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/: nmea0183 at \d+ baud \(\d+ frames decoded\)/);

    feed = streamTo(port, 'cat240');
    r = await runLookout(['probe', pty.b, '--seconds', '0.6', '--json']);
    feed.stop();
    const verdict = JSON.parse(r.stdout.trim().split('\n').pop()!);
    expect(verdict).toMatchObject({ type: 'verdict', protocol: 'cat240' });

    const quiet = await startPtyPair();
    cleanups.push(() => quiet.stop());
    r = await runLookout(['probe', quiet.b, '--seconds', '0.2']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/no bytes at any rate/);
  });

  it('record captures a live link with timestamps; replay runs the pipeline on it into the broker', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-rec-'));
    const pty = await startPtyPair(dir);
    cleanups.push(() => pty.stop());
    const recording = join(dir, 'radar.lkr');
    const rec = spawnLookout(['record', pty.b, '--baud', '921600', '--out', recording]);
    cleanups.push(() => rec.stop('SIGKILL'));
    // Opening a serial port flushes what waits in its input buffer: start feeding once it is open.
    await waitUntil(() => /serial port open/.test(rec.stderr()), 15_000, 'record to open the port');
    const port = await openPort(pty.a);
    cleanups.push(() => new Promise<void>((r) => port.close(() => r())));
    const feed = streamTo(port, 'cat240');
    await new Promise((r) => setTimeout(r, 6000)); // more than two turns
    feed.stop();
    await new Promise<void>((r) => port.drain(() => r()));
    await new Promise((r) => setTimeout(r, 500));
    expect((await rec.stop('SIGINT')).code).toBe(0);
    expect(rec.stderr()).toMatch(/record: \d+ bytes in \d+ chunks written to/);

    const chunks = await readRecording(recording);
    const total = chunks.reduce((n, c) => n + c.bytes.length, 0);
    expect(total).toBe(feed.bytes()); // nothing lost, nothing added
    for (let i = 1; i < chunks.length; i++) expect(chunks[i]!.timestampUs).toBeGreaterThanOrEqual(chunks[i - 1]!.timestampUs);

    const broker = await startMosquitto();
    cleanups.push(() => broker.stop());
    const records: AnyRecord[] = [];
    const hub = mqtt.connect(broker.url, { clientId: 'replay-hub' });
    cleanups.push(() => hub.endAsync());
    hub.on('message', (t, p) => {
      const d = decodeMessage(t, p);
      if (d.ok) records.push(d.record);
    });
    await new Promise<void>((r) => hub.once('connect', () => r()));
    await hub.subscribeAsync('lookout/v1/replay-01/#', { qos: 1 });
    const cfg = join(dir, 'lookout.yaml');
    writeFileSync(
      cfg,
      JSON.stringify({
        unit: 'replay-01',
        dataDir: join(dir, 'data'),
        sensors: [{ id: 'radar1', protocol: 'cat240', input: { type: 'serial', path: '/dev/ttyUSB0' }, radar: { latitude: scenario.radar.latitude, longitude: scenario.radar.longitude } }],
        mqtt: { url: broker.url },
      }),
    );
    const replay = await runLookout(['replay', recording, '--config', cfg]);
    expect(replay.code).toBe(0);
    expect(replay.stderr).toMatch(new RegExp(`replay: .* ${feed.count()} spokes`));
    await waitUntil(() => records.some((r) => r.kind === 'plots'), 5000, 'replayed plots at the hub');
    // Target 1 of the scenario (2.4 km, 45°) is in the capture's plots.
    const plots = records.flatMap((r) => (r.kind === 'plots' ? r.body.plots : []));
    expect(plots.some((p) => Math.abs(p.rangeMetres - 2400) < 40 && Math.abs(p.bearingDegrees - 45) < 1)).toBe(true);
  });
});
