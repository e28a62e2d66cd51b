/**
 * The other sensor kinds through the whole agent on real parts: a radar's ARPA output (NMEA 0183
 * TTM/TLL) becomes tracks, a TI mmWave sensor's points become plots (its .cfg sent over a CLI
 * port first), and a drone's MAVLink pose places the plots of a sensor it carries.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HubClient } from '../../agent/src/hub/client.js';
import type { AnyRecord } from '../../agent/src/hub/index.js';
import { inverse } from '../../agent/src/track/geodesy.js';
import { freeLoopbackPort } from '../../agent/src/ops/local-broker.js';
import { startMosquitto } from '../helpers/mosquitto.js';
import { startPtyPair } from '../helpers/socat.js';
import { runLookout, spawnLookout, waitUntil } from '../helpers/cli.js';

interface Truth {
  timeMs: number;
  target: number;
  latitude: number;
  longitude: number;
}

function readTruth(file: string): Truth[] {
  return readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Truth);
}

/** The hub side (agent/src/hub/client.ts): every record of one unit, in arrival order. */
async function hub(url: string, unit: string, records: AnyRecord[]): Promise<HubClient> {
  const h = new HubClient({ url, unit, mqtt: { clientId: `hub-${unit}` }, onRecord: (r) => records.push(r) });
  h.start();
  await h.ready();
  return h;
}

function writeConfig(dir: string, cfg: Record<string, unknown>): string {
  const file = join(dir, 'lookout.yaml');
  writeFileSync(file, JSON.stringify({ dataDir: join(dir, 'data'), status: { intervalMs: 1000 }, ...cfg }));
  return file;
}

describe('agent with ARPA, mmWave and MAVLink nav (real parts)', () => {
  const cleanups: Array<() => Promise<unknown> | unknown> = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await Promise.resolve(c()).catch(() => {});
    cleanups.length = 0;
  });

  it('turns ARPA TTM/TLL from a serial line into tracks at the targets\' true positions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-arpa-'));
    const broker = await startMosquitto();
    cleanups.push(() => broker.stop());
    const pty = await startPtyPair(dir);
    cleanups.push(() => pty.stop());
    const records: AnyRecord[] = [];
    const h = await hub(broker.url, 'arpa-01', records);
    cleanups.push(() => h.stop());
    const cfg = writeConfig(dir, { unit: 'arpa-01', sensors: [{ id: 'arpa', protocol: 'nmea0183', input: { type: 'serial', path: pty.b, baud: 38400 } }], mqtt: { url: broker.url } });
    const agent = spawnLookout(['run', '--config', cfg]);
    cleanups.push(() => agent.stop('SIGKILL'));
    await waitUntil(() => /serial port open/.test(agent.stderr()), 15_000, 'the agent to open the port');
    const sim = await runLookout(['sim', '--protocol', 'nmea0183', '--out', pty.a, '--rate', '4', '--duration', '12', '--truth', join(dir, 'truth.jsonl'), '--seed', '3']);
    expect(sim.code).toBe(0);
    await waitUntil(() => records.filter((r) => r.kind === 'tracks').length >= 2, 10_000, 'track batches');
    expect((await agent.stop('SIGTERM')).code).toBe(0);
    const truth = readTruth(join(dir, 'truth.jsonl'));
    const tracks = records.flatMap((r) => (r.kind === 'tracks' ? r.body.tracks : []));
    expect(new Set(tracks.map((t) => t.id))).toEqual(new Set(truth.map((t) => t.target)));
    for (const t of tracks) {
      // The simulated radar reports with 5 m and 0.3° of noise (1 sigma): 4 sigma of each, plus
      // 10 m the target moves between truth samples, bounds the distance to the truth trajectory.
      const same = truth.filter((x) => x.target === t.id);
      const miss = Math.min(...same.map((x) => inverse(x, t).distanceMetres));
      const bound = 4 * Math.hypot(5, t.rangeMetres * 0.3 * (Math.PI / 180)) + 10;
      expect(miss, `track ${t.id} at ${t.rangeMetres.toFixed(0)} m`).toBeLessThan(bound);
      expect(t.hits).toBeGreaterThanOrEqual(1);
    }
    expect(records.find((r) => r.kind === 'birth' && r.body.capabilities.includes('tracks'))).toBeDefined();
  });

  it('configures a TI mmWave sensor over its CLI port, then turns its points into plots on the map', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-ti-'));
    const broker = await startMosquitto();
    cleanups.push(() => broker.stop());
    const data = await startPtyPair(join(dir));
    cleanups.push(() => data.stop());
    const cli = await startPtyPair(mkdtempSync(join(tmpdir(), 'lookout-ticli-')));
    cleanups.push(() => cli.stop());
    // A device on the CLI port that echoes each line and answers Done and the prompt.
    const { SerialPort } = await import('serialport');
    const device = new SerialPort({ path: cli.a, baudRate: 115200 });
    cleanups.push(() => new Promise<void>((r) => device.close(() => r())));
    const received: string[] = [];
    let line = '';
    device.on('data', (b: Buffer) => {
      for (const ch of b.toString('latin1')) {
        if (ch !== '\n') {
          line += ch;
          continue;
        }
        const cmd = line.replace(/\r$/, '');
        line = '';
        received.push(cmd);
        device.write(`${cmd}\r\nDone\r\nmmwDemo:/>`);
      }
    });
    const cfgText = '% profile for the test\nsensorStop\nflushCfg\ndfeDataOutputMode 1\nframeCfg 0 1 16 0 100 1 0\nsensorStart\n';
    writeFileSync(join(dir, 'sensor.cfg'), cfgText);
    const cfg = writeConfig(dir, {
      unit: 'ti-01',
      sensors: [
        {
          id: 'mmw',
          protocol: 'ti-mmwave',
          input: { type: 'serial', path: data.b, baud: 921600 },
          radar: { latitude: 58.2124, longitude: 11.5475, northOffsetDegrees: 0 },
          tiConfig: { port: cli.b, cfgFile: join(dir, 'sensor.cfg') },
        },
      ],
      mqtt: { url: broker.url },
    });
    const records: AnyRecord[] = [];
    const h = await hub(broker.url, 'ti-01', records);
    cleanups.push(() => h.stop());
    const agent = spawnLookout(['run', '--config', cfg, '--log-level', 'info']);
    cleanups.push(() => agent.stop('SIGKILL'));
    await waitUntil(() => /sensor configured/.test(agent.stderr()) && /serial port open/.test(agent.stderr()), 15_000, 'the sensor configured and the data port open');
    expect(received).toEqual(['sensorStop', 'flushCfg', 'dfeDataOutputMode 1', 'frameCfg 0 1 16 0 100 1 0', 'sensorStart']);
    const sim = await runLookout(['sim', '--protocol', 'ti-mmwave', '--out', data.a, '--duration', '4', '--truth', join(dir, 'truth.jsonl'), '--seed', '4']);
    expect(sim.code).toBe(0);
    await waitUntil(() => records.filter((r) => r.kind === 'plots').length >= 30, 10_000, 'plots of 30 frames');
    expect((await agent.stop('SIGTERM')).code).toBe(0);
    const truth = readTruth(join(dir, 'truth.jsonl'));
    const plots = records.flatMap((r) => (r.kind === 'plots' ? r.body.plots : []));
    // Each target's truth has a plot within a metre (the simulator's position noise is 0.05 m;
    // the wire carries range in dm and bearing in 1/65536 turn) in most frames.
    for (const target of new Set(truth.map((t) => t.target))) {
      const own = truth.filter((t) => t.target === target);
      const near = own.filter((t) => plots.some((p) => inverse(t, p as { latitude: number; longitude: number }).distanceMetres < 1));
      expect(near.length / own.length, `target ${target}`).toBeGreaterThan(0.8);
    }
  });

  it('places the plots of a sensor on a drone with the MAVLink pose (per-plot positions, heading applied)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-drone-'));
    const broker = await startMosquitto();
    cleanups.push(() => broker.stop());
    const data = await startPtyPair(dir);
    cleanups.push(() => data.stop());
    const navPort = await freeLoopbackPort();
    const cfg = writeConfig(dir, {
      unit: 'drone-01',
      sensors: [{ id: 'mmw', protocol: 'ti-mmwave', input: { type: 'serial', path: data.b } }],
      nav: { protocol: 'mavlink', input: { type: 'udp', bind: '127.0.0.1', port: navPort }, maxAgeMs: 1000 },
      mqtt: { url: broker.url },
    });
    const records: AnyRecord[] = [];
    const h = await hub(broker.url, 'drone-01', records);
    cleanups.push(() => h.stop());
    const agent = spawnLookout(['run', '--config', cfg]);
    cleanups.push(() => agent.stop('SIGKILL'));
    await waitUntil(() => /agent started/.test(agent.stderr()) && /serial port open/.test(agent.stderr()), 15_000, 'the agent');
    const nav = spawnLookout(['sim', '--protocol', 'mavlink', '--out', `udp://127.0.0.1:${navPort}`, '--duration', '6', '--truth', join(dir, 'drone.jsonl'), '--seed', '5']);
    cleanups.push(() => nav.stop('SIGKILL'));
    await new Promise((r) => setTimeout(r, 1000));
    const sim = await runLookout(['sim', '--protocol', 'ti-mmwave', '--out', data.a, '--duration', '3', '--seed', '6']);
    expect(sim.code).toBe(0);
    await nav.exited;
    await waitUntil(() => records.filter((r) => r.kind === 'plots').length >= 20, 10_000, 'plots');
    expect((await agent.stop('SIGTERM')).code).toBe(0);
    const drone = readTruth(join(dir, 'drone.jsonl'));
    const plots = records.flatMap((r) => (r.kind === 'plots' ? r.body.plots : []));
    const placed = plots.filter((p) => p.latitude !== undefined);
    expect(placed.length).toBe(plots.length);
    // The sensor sees its targets within 30 m; so every plot lies within 30 m (+ the drone's
    // travel between pose samples) of where the drone was.
    for (const p of placed) {
      const nearest = drone.reduce((a, b) => (Math.abs(b.timeMs - p.timeMs) < Math.abs(a.timeMs - p.timeMs) ? b : a));
      expect(inverse(nearest, p as { latitude: number; longitude: number }).distanceMetres).toBeLessThan(40);
    }
    const status = records.filter((r) => r.kind === 'status').pop();
    expect(status?.kind === 'status' && status.body.counters?.['nav.poses']).toBeGreaterThan(10);
  });
});
