/**
 * The unit's service side without systemd as PID 1: the test binds the notify socket itself
 * (a path, and an abstract name), starts `lookout run` with NOTIFY_SOCKET and WATCHDOG_USEC set,
 * feeds a socat PTY with radar spokes and talks to the real mosquitto broker; it reads READY,
 * STATUS, the watchdog pings and STOPPING as systemd would, and /readyz and /metrics as a
 * monitoring system would. Faults are real: the sensor goes silent, the data directory's
 * filesystem (a 4 MiB tmpfs) fills up.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, closeSync, rmSync, writeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { agentConfig, feedSpokes } from '../helpers/agent.js';
import { runLookout, spawnLookout, waitUntil, type LookoutProcess } from '../helpers/cli.js';
import { freePort, startMosquitto } from '../helpers/mosquitto.js';
import { startNotifySocket, type NotifyMessage, type NotifySocket } from '../helpers/notify-socket.js';
import { startPtyPair } from '../helpers/socat.js';

const WATCHDOG_USEC = 400_000; // pings every 200 ms
const HALF_PERIOD_MS = WATCHDOG_USEC / 2000;
const HEALTH = { silenceMs: 1000, graceMs: 1000, maxLoopDelayMs: 5000 };

const pings = (s: NotifySocket): NotifyMessage[] => s.messages.filter((m) => m.fields.WATCHDOG === '1');
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function get(port: number, path: string): Promise<{ status: number; body: string }> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: res.status, body: await res.text() };
}

/** Mounts a small tmpfs (root only); undefined where mounting is not allowed. */
function mountTmpfs(dir: string, size: string): string | undefined {
  try {
    mkdirSync(dir, { recursive: true });
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    return undefined;
  }
}
const canMount = ((): boolean => {
  const probe = mkdtempSync(join(tmpdir(), 'lookout-mount-probe-'));
  const ok = mountTmpfs(probe, '64k') !== undefined;
  if (ok) execFileSync('umount', [probe]);
  rmSync(probe, { recursive: true, force: true });
  return ok;
})();

/** Writes a file until the filesystem is full; returns its path. */
function fillUp(dir: string): string {
  const file = join(dir, 'filler');
  const fd = openSync(file, 'w');
  const block = Buffer.alloc(64 * 1024, 0x55);
  try {
    for (;;) writeSync(fd, block);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    closeSync(fd);
  }
  return file;
}

describe('systemd notify, watchdog, /readyz and /metrics from lookout run (real notify socket, PTY, mosquitto)', () => {
  const cleanups: Array<() => Promise<unknown> | unknown> = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await Promise.resolve(c()).catch(() => {});
    cleanups.length = 0;
  });

  async function startUnit(dir: string, notify: string, dataDir: string) {
    const broker = await startMosquitto();
    cleanups.push(() => broker.stop());
    const pty = await startPtyPair(dir);
    cleanups.push(() => pty.stop());
    const socket = await startNotifySocket(notify);
    cleanups.push(() => socket.close());
    const httpPort = await freePort();
    let feed = feedSpokes(pty.a, 7);
    cleanups.push(() => feed.stop());
    const config = agentConfig(dir, pty.b, broker.url, 'svc-01', { extra: { dataDir, health: HEALTH } });
    const t0 = performance.now();
    const agent: LookoutProcess = spawnLookout(['run', '--config', config, '--http', `127.0.0.1:${httpPort}`], { NOTIFY_SOCKET: notify, WATCHDOG_USEC: String(WATCHDOG_USEC) });
    cleanups.push(() => agent.stop('SIGKILL'));
    return {
      socket,
      agent,
      httpPort,
      t0,
      stopFeed: () => feed.stop(),
      restartFeed: () => {
        feed = feedSpokes(pty.a, 8);
      },
    };
  }

  it('READY after start, pings at half the watchdog period, withheld while the sensor is silent past its grace, STOPPING and exit 0 on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-svc-'));
    const unit = await startUnit(dir, join(dir, 'notify.sock'), join(dir, 'data'));
    const { socket, agent, httpPort } = unit;
    const ready = await socket.waitFor((m) => m.fields.READY === '1', 20_000, 'READY=1');
    console.log(`READY=1 ${Math.round(ready.atMs - unit.t0)} ms after exec`);
    expect(ready.fields.STATUS).toMatch(/sensors live/);

    // Pings, no faster than half the period (a timer cannot fire early), not wildly slower.
    await waitUntil(() => pings(socket).length >= 8, 20_000, 'eight watchdog pings');
    const at = pings(socket).map((m) => m.atMs);
    const gaps = at.slice(1).map((t, i) => t - at[i]);
    console.log(`watchdog ping intervals (ms): median ${median(gaps).toFixed(0)}, all ${gaps.map((g) => g.toFixed(0)).join(' ')}`);
    expect(median(gaps)).toBeGreaterThanOrEqual(HALF_PERIOD_MS * 0.9);
    expect(median(gaps)).toBeLessThan(HALF_PERIOD_MS * 5);

    // Ready: sensor live, outbox writable, broker connected; metrics from the same counters.
    let readyz = { status: 0, body: '' };
    for (let i = 0; i < 100 && readyz.status !== 200; i++) {
      readyz = await get(httpPort, '/readyz');
      if (readyz.status !== 200) await sleep(100);
    }
    expect(readyz.status).toBe(200);
    expect(JSON.parse(readyz.body)).toEqual({ ready: true, reasons: [] });
    expect((await get(httpPort, '/healthz')).status).toBe(200);
    let metrics = '';
    for (let i = 0; i < 100; i++) {
      metrics = (await get(httpPort, '/metrics')).body;
      if (/^lookout_publish_latency_seconds_count [1-9]/m.test(metrics)) break;
      await sleep(100);
    }
    expect(metrics).toMatch(/^lookout_spokes_total [1-9]/m);
    expect(metrics).toMatch(/^lookout_outbox_depth_records \d+/m);
    expect(metrics).toMatch(/^lookout_publish_latency_seconds_count [1-9]/m);
    expect(metrics).toMatch(/^process_cpu_seconds_total /m);
    expect(metrics).toMatch(/^lookout_source_opens_total\{sensor="radar1"\} 1/m);

    // The sensor goes silent: STATUS says so, /readyz says why, then the pings stop.
    await unit.stopFeed();
    const silent = await socket.waitFor((m) => /radar1: no data/.test(m.fields.STATUS ?? ''), 20_000, 'a STATUS naming the silent sensor');
    const notReady = await get(httpPort, '/readyz');
    expect(notReady.status).toBe(503);
    expect((JSON.parse(notReady.body) as { reasons: string[] }).reasons.join('\n')).toMatch(/sensor radar1: no data for \d+ s/);
    await sleep(HEALTH.graceMs + 4 * HALF_PERIOD_MS);
    const withheld = pings(socket).length;
    await sleep(6 * HALF_PERIOD_MS);
    expect(pings(socket).length).toBe(withheld);
    expect(pings(socket).filter((m) => m.atMs > silent.atMs + HEALTH.graceMs + 3 * HALF_PERIOD_MS)).toEqual([]);

    // Data again: the pings come back.
    unit.restartFeed();
    await waitUntil(() => pings(socket).length > withheld, 20_000, 'pings after the sensor speaks again');

    const stop = await agent.stop('SIGTERM');
    expect(stop.code).toBe(0);
    expect(socket.messages.some((m) => m.fields.STOPPING === '1')).toBe(true);
  }, 90_000);

  it.skipIf(!canMount)('an outbox that cannot commit (its filesystem full) withholds the pings and says why, at an abstract socket; they resume when space returns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-svc-'));
    const mnt = mountTmpfs(join(dir, 'small'), '4m')!;
    cleanups.push(() => execFileSync('umount', ['-l', mnt]));
    const unit = await startUnit(dir, `@lookout-svc-${process.pid}-${Date.now()}`, join(mnt, 'data'));
    const { socket, agent, httpPort } = unit;
    await socket.waitFor((m) => m.fields.READY === '1', 20_000, 'READY=1');
    await waitUntil(() => pings(socket).length >= 3, 20_000, 'watchdog pings');
    const filler = fillUp(mnt);
    const full = await socket.waitFor((m) => /outbox cannot commit: the disk is full/.test(m.fields.STATUS ?? ''), 30_000, 'a STATUS saying the outbox cannot commit');
    const readyz = await get(httpPort, '/readyz');
    expect(readyz.status).toBe(503);
    expect(readyz.body).toMatch(/the outbox cannot commit/);
    await sleep(4 * HALF_PERIOD_MS);
    const withheld = pings(socket).length;
    await sleep(6 * HALF_PERIOD_MS);
    expect(pings(socket).length).toBe(withheld);
    expect(full.fields.WATCHDOG).toBeUndefined();
    rmSync(filler);
    await waitUntil(() => pings(socket).length > withheld, 30_000, 'pings once the disk has room again');
    expect((await agent.stop('SIGTERM')).code).toBe(0);
  }, 90_000);

  it('--http on an address in use: E_HTTP naming it, exit 1, no outbox opened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-svc-'));
    const holder = createServer();
    await new Promise<void>((r) => holder.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise((r) => holder.close(r)));
    const port = (holder.address() as { port: number }).port;
    const pty = await startPtyPair(dir);
    cleanups.push(() => pty.stop());
    const config = agentConfig(dir, pty.b, 'mqtt://127.0.0.1:1', 'svc-02');
    const r = await runLookout(['run', '--config', config, '--http', `127.0.0.1:${port}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`E_HTTP: cannot listen on 127.0.0.1:${port} for /metrics: the address is in use`);
    expect(existsSync(join(dir, 'data', 'outbox.sqlite'))).toBe(false);
  }, 30_000);

  it('a bad --http address is a usage error (exit 2)', async () => {
    const r = await runLookout(['run', '--sensor', '/dev/null', '--protocol', 'nmea0183', '--unit', 'u', '--http', 'localhost']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--http: "localhost" is not HOST:PORT/);
  });
});
