/**
 * Interop: a Python hub built only from Debian packages (protoc on our .proto, python3-protobuf,
 * python3-paho-mqtt under /usr/bin/python3) subscribes to a live run and decodes every record
 * the same as `lookout tail`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createInterface } from 'node:readline';
import pino from 'pino';
import { startMosquitto, disposeMosquitto, type Mosquitto } from '../helpers/mosquitto.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { Outbox } from '../../agent/src/outbox/outbox.js';
import { encodeRecord } from '../../agent/src/wire/encode.js';
import { Publisher } from '../../agent/src/publish/publisher.js';
import { mqttConfigSchema } from '../../agent/src/publish/config.js';
import { runTail } from '../../agent/src/cli/tail.js';
import { busyTurnPlots } from '../../agent/src/sim/busy-turn.js';
import { existsSync, writeFileSync } from 'node:fs';
import { SerialPort } from 'serialport';
import { loadRadarScenario } from '../../agent/src/sim/scenario.js';
import { createCat240RadarSim } from '../../agent/src/sim/cat240.js';
import { startPtyPair } from '../helpers/socat.js';
import { spawnLookout, waitUntil } from '../helpers/cli.js';

const PYTHON = '/usr/bin/python3';
type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Deep equality; numbers equal within 1e-9 relative (float formatting of two languages), lat/lon within 2e-7 deg. */
function sameJson(a: Json, b: Json, path: string, diffs: string[]): void {
  if (typeof a === 'number' && typeof b === 'number') {
    const tol = /latitude|longitude/.test(path) ? 2e-7 : Math.max(1e-9 * Math.max(Math.abs(a), Math.abs(b)), 1e-12);
    if (Math.abs(a - b) > tol) diffs.push(`${path}: ${a} != ${b}`);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) diffs.push(`${path}: length ${a.length} != ${b.length}`);
    else a.forEach((x, i) => sameJson(x, b[i], `${path}[${i}]`, diffs));
    return;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      if (!(k in a) || !(k in b)) diffs.push(`${path}.${k}: only in ${k in a ? 'tail' : 'python'}`);
      else sameJson(a[k], b[k], `${path}.${k}`, diffs);
    }
    return;
  }
  if (a !== b) diffs.push(`${path}: ${JSON.stringify(a)} != ${JSON.stringify(b)}`);
}

describe('interop with a Python hub from Debian packages', () => {
  let broker: Mosquitto;
  let py: ChildProcess | undefined;
  beforeAll(async () => {
    broker = await startMosquitto();
  });
  afterAll(async () => {
    py?.kill('SIGKILL');
    await disposeMosquitto(broker);
  });

  it('decodes every record of a live run the same as lookout tail', async () => {
    const gen = mkdtempSync(join(tmpdir(), 'lookout-pygen-'));
    execFileSync('protoc', [`--python_out=${gen}`, '-I', join(REPO_ROOT, 'proto'), join(REPO_ROOT, 'proto/lookout/v1/lookout.proto')]);

    const plotsBatches = 6;
    const expected = plotsBatches * 2 + 1 + 10 + 3 + 2 + 1 + 1; // plots + status per turn, drone plots, alerts, ARPA tracks, tracker tracks, gap, last status
    py = spawn(PYTHON, [join(REPO_ROOT, 'test/interop/hub.py'), '--gen', gen, '--port', String(broker.port), '--count', String(expected), '--duration', '60'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let pyErr = '';
    py.stderr!.on('data', (b: Buffer) => (pyErr += b.toString()));
    const pyLines: Array<Record<string, Json>> = [];
    const pyReady = new Promise<void>((resolve, reject) => {
      createInterface({ input: py!.stdout! }).on('line', (l) => {
        const o = JSON.parse(l) as Record<string, Json>;
        if (o.event === 'ready') resolve();
        else pyLines.push(o);
      });
      py!.once('exit', (code) => reject(new Error(`python hub exited ${code}: ${pyErr}`)));
    });
    const pyDone = new Promise<void>((resolve) => py!.once('exit', () => resolve()));

    const tailOut = new PassThrough();
    const tailLines: Array<Record<string, Json>> = [];
    createInterface({ input: tailOut }).on('line', (l) => tailLines.push(JSON.parse(l) as Record<string, Json>));
    let tailReady!: () => void;
    const tailReadyP = new Promise<void>((r) => (tailReady = r));
    const tailDone = runTail({ url: broker.url, statsInterval: 10, gapTimeout: 10, count: expected + 2, duration: 60, protocolVersion: 5, onReady: tailReady }, tailOut, new PassThrough());
    await Promise.all([pyReady, tailReadyP]);

    // the live run
    const logger = pino({ level: 'silent' });
    const outbox = new Outbox({ path: join(mkdtempSync(join(tmpdir(), 'lookout-interop-')), 'o.db'), unit: 'interop-1', encode: encodeRecord, maxBytes: 64 << 20, groupCommitMs: 20, logger });
    await outbox.start();
    const publisher = new Publisher({
      outbox,
      unit: 'interop-1',
      mqtt: mqttConfigSchema.parse({ url: broker.url }),
      logger,
      birth: () => ({ version: '0.1.0', sensors: [{ id: 'radar1', protocol: 'cat240', type: 'radar', latitude: 43.2965, longitude: 5.3698, heightMetres: 15 }], configHash: 'abc', session: outbox.session, capabilities: ['plots', 'tracks'], startedMs: 1_790_000_000_000, nextSeq: outbox.nextSequence }),
    });
    await publisher.start();
    const origin = { latitude: 43.2965, longitude: 5.3698 };
    for (let i = 0; i < plotsBatches; i++) {
      outbox.append('plots', { sensor: 'radar1', origin, plots: busyTurnPlots({ plots: 150, seed: i + 1, scan: i + 1, startMs: 1_790_000_000_000 + i * 1250 }) });
      outbox.append('status', { spokesPerSecond: 1638.4, plotsPerScan: 150, outboxDepth: i, outboxBytes: i * 100, published: i, dropped: 0, thinned: 0, uptimeSeconds: i, counters: { 'cat240.resyncs': i }, gauges: { rss_bytes: 1e8 + i } });
    }
    outbox.append('plots', { sensor: 'drone', plots: busyTurnPlots({ plots: 10, seed: 99 }).map((p, k) => ({ ...p, latitude: 43.1 + k * 1e-4, longitude: 5.2 - k * 1e-4 })) });
    for (let i = 0; i < 10; i++) outbox.append('alerts', { severity: i % 2 ? 'warning' : 'critical', code: `T${i}`, message: `alert ${i}`, details: { i: String(i) } });
    for (let i = 0; i < 3; i++) outbox.append('tracks', { sensor: 'radar1', ...(i === 2 ? { source: 'arpa' as const } : {}), tracks: [{ id: i, timeMs: 1_790_000_000_000, latitude: 43.3, longitude: 5.4, speedMetresPerSecond: 5.5, courseDegrees: 90, rangeMetres: 1500.2, bearingDegrees: 45, hits: 7, status: 1 }] });
    // Lookout's tracker, column-wise: CPA on a closing track, ended ids, one batch at several times.
    outbox.append('tracks', {
      sensor: 'radar1',
      source: 'tracker',
      scan: 77,
      origin,
      tracks: Array.from({ length: 40 }, (_, k) => ({ id: 10 + 3 * k, timeMs: 1_790_000_000_000, latitude: 43.3 + k * 1e-3, longitude: 5.37 - k * 7e-4, speedMetresPerSecond: k * 0.37, courseDegrees: (k * 47.3) % 360, status: k % 3, moving: k % 2 === 0, ...(k % 4 === 0 ? { cpaMetres: 100 + k * 9.6, tcpaSeconds: 30 + k, cpaAlert: k < 10 } : {}) })),
      deleted: [3, 8],
    });
    outbox.append('tracks', { sensor: 'mmw', source: 'tracker', scan: 5, tracks: [{ id: 1, timeMs: 1_790_000_000_010.5, latitude: -33.9, longitude: -70.6, speedMetresPerSecond: 1, courseDegrees: 10, status: 1, moving: true }, { id: 2, timeMs: 1_790_000_000_020, latitude: -33.91, longitude: -70.61, speedMetresPerSecond: 0, courseDegrees: 0, status: 2, moving: false }] });
    outbox.append('gap', { ranges: [[1000, 1002]], reason: 'quota', count: 3, kinds: ['status'] });
    outbox.append('status', { spokesPerSecond: 0, plotsPerScan: 0, outboxDepth: 0, outboxBytes: 0, published: 0, dropped: 0, thinned: 0, uptimeSeconds: 0 });

    await pyDone;
    await tailDone;
    await publisher.stop();
    await outbox.stop();

    const recs = (lines: Array<Record<string, Json>>) => new Map(lines.filter((l) => !('event' in l) && (l.seq as number) > 0).map((l) => [`${l.unit}/${l.seq}`, l]));
    const t = recs(tailLines);
    const p = recs(pyLines);
    expect(p.size).toBe(expected);
    expect([...t.keys()].sort()).toEqual([...p.keys()].sort());
    const diffs: string[] = [];
    for (const [k, v] of t) sameJson(v as Json, p.get(k) as Json, k, diffs);
    // the session messages too
    for (const kind of ['birth', 'state']) {
      const a = tailLines.find((l) => l.kind === kind && l.unit === 'interop-1');
      const b = pyLines.find((l) => l.kind === kind && l.unit === 'interop-1');
      expect(a && b).toBeTruthy();
      sameJson(a as Json, b as Json, kind, diffs);
    }
    expect(diffs.slice(0, 20)).toEqual([]);
  });

  it.skipIf(!existsSync(join(REPO_ROOT, 'agent', 'dist', 'main.js')))('decodes a live `lookout run` (simulated radar over a PTY) the same as lookout tail', async () => {
    const gen = mkdtempSync(join(tmpdir(), 'lookout-pygen-'));
    execFileSync('protoc', [`--python_out=${gen}`, '-I', join(REPO_ROOT, 'proto'), join(REPO_ROOT, 'proto/lookout/v1/lookout.proto')]);
    const hubPy = spawn(PYTHON, [join(REPO_ROOT, 'test/interop/hub.py'), '--gen', gen, '--port', String(broker.port), '--duration', '120'], { stdio: ['ignore', 'pipe', 'pipe'] });
    py = hubPy;
    const pyLines: Array<Record<string, Json>> = [];
    const pyReady = new Promise<void>((resolve) => {
      createInterface({ input: hubPy.stdout! }).on('line', (l) => {
        const o = JSON.parse(l) as Record<string, Json>;
        if (o.event === 'ready') resolve();
        else pyLines.push(o);
      });
    });
    const tailOut = new PassThrough();
    const tailLines: Array<Record<string, Json>> = [];
    createInterface({ input: tailOut }).on('line', (l) => tailLines.push(JSON.parse(l) as Record<string, Json>));
    const ac = new AbortController();
    let tailReady!: () => void;
    const tailReadyP = new Promise<void>((r) => (tailReady = r));
    const tailDone = runTail({ url: broker.url, unit: 'interop-run', statsInterval: 10, gapTimeout: 10, protocolVersion: 5, onReady: tailReady, signal: ac.signal }, tailOut, new PassThrough());
    await Promise.all([pyReady, tailReadyP]);

    const dir = mkdtempSync(join(tmpdir(), 'lookout-interop-run-'));
    const scenario = loadRadarScenario('coastal');
    const pty = await startPtyPair(dir);
    const cfg = join(dir, 'lookout.yaml');
    writeFileSync(cfg, JSON.stringify({
      unit: 'interop-run',
      dataDir: join(dir, 'data'),
      sensors: [{ id: 'radar1', protocol: 'cat240', input: { type: 'serial', path: pty.b, baud: 921600 }, radar: { latitude: scenario.radar.latitude, longitude: scenario.radar.longitude } }],
      mqtt: { url: broker.url },
      status: { intervalMs: 1000 },
    }));
    const agent = spawnLookout(['run', '--config', cfg]);
    const sim = createCat240RadarSim({ scenario, seed: 5, startWallMs: Date.now() });
    const port = new SerialPort({ path: pty.a, baudRate: 921600 });
    port.on('error', () => {});
    const started = performance.now();
    let pending = sim.next();
    const timer = setInterval(() => {
      const elapsedS = (performance.now() - started) / 1000;
      while (pending.timeS <= elapsedS) {
        port.write(pending.bytes);
        pending = sim.next();
      }
    }, 10);
    try {
      await waitUntil(() => tailLines.filter((l) => l.kind === 'plots').length >= 3 && tailLines.filter((l) => l.kind === 'status').length >= 3, 40_000, 'plots and status from the agent');
    } finally {
      clearInterval(timer);
      await new Promise<void>((r) => (port.isOpen ? port.close(() => r()) : r()));
      expect((await agent.stop('SIGTERM')).code).toBe(0);
      await pty.stop();
    }
    await new Promise((r) => setTimeout(r, 1000));
    ac.abort();
    await tailDone;
    hubPy.kill('SIGTERM');

    const recs = (lines: Array<Record<string, Json>>) => new Map(lines.filter((l) => !('event' in l) && l.unit === 'interop-run' && (l.seq as number) > 0).map((l) => [`${l.unit}/${l.seq}`, l]));
    const t = recs(tailLines);
    const p = recs(pyLines);
    expect(t.size).toBeGreaterThanOrEqual(6);
    expect([...p.keys()].sort()).toEqual([...t.keys()].sort());
    const diffs: string[] = [];
    for (const [k, v] of t) sameJson(v as Json, p.get(k) as Json, k, diffs);
    expect(diffs.slice(0, 20)).toEqual([]);
    // the plots of a real run are compact too
    const plotsLines = [...t.values()].filter((l) => l.kind === 'plots');
    expect(plotsLines.length).toBeGreaterThan(0);
  }, 90_000);
});
