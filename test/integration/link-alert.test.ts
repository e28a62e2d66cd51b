/**
 * A sensor's link going away and coming back, seen where it matters: at a hub. Real parts only:
 * socat PTYs (a pair pulled, a writer that exits at the end of its file, a writer killed),
 * mosquitto, and the `lookout run` process; CPU measured from /proc/PID/stat, never wall time.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnyRecord } from '../../agent/src/hub/index.js';
import { createCat240RadarSim } from '../../agent/src/sim/cat240.js';
import { agentConfig, coastal, feedSpokes, startHub } from '../helpers/agent.js';
import { spawnLookout, waitUntil, type LookoutProcess } from '../helpers/cli.js';
import { startMosquitto } from '../helpers/mosquitto.js';
import { startPtyPair, startPtyWriter } from '../helpers/socat.js';

const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/PID/stat). */
function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** The PTYs a process holds open (its stdio are pipes here, so any is the sensor's line). */
function openPtys(pid: number): string[] {
  const out: string[] = [];
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      if (target.startsWith('/dev/pts/')) out.push(target);
    } catch {
      // closed while listing
    }
  }
  return out;
}

/** `count` CAT240 spokes of the coastal scenario, as the bytes a radar would send. */
function spokeFile(dir: string, name: string, count: number, seed: number): string {
  const sim = createCat240RadarSim({ scenario: coastal, seed, startWallMs: Date.now() });
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < count; i++) chunks.push(sim.next()!.bytes);
  const file = join(dir, name);
  writeFileSync(file, Buffer.concat(chunks));
  return file;
}

const alerts = (records: AnyRecord[], code: string): Array<Extract<AnyRecord, { kind: 'alerts' }>> =>
  records.filter((r): r is Extract<AnyRecord, { kind: 'alerts' }> => r.kind === 'alerts' && r.body.code === code);

function lastCounters(records: AnyRecord[]): Record<string, number> {
  const status = records.filter((r) => r.kind === 'status').pop();
  return status?.kind === 'status' ? (status.body.counters ?? {}) : {};
}

describe('link alerts at the hub (real socat PTYs, mosquitto, lookout run)', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => {});
    cleanups.length = 0;
  });

  async function startAgent(unit: string, sensorPath: string, dir: string) {
    const broker = await startMosquitto();
    cleanups.push(() => broker.stop());
    const hub = await startHub(broker.url, unit);
    cleanups.push(() => hub.client.endAsync());
    const agent: LookoutProcess = spawnLookout(['run', '--config', agentConfig(dir, sensorPath, broker.url, unit)]);
    cleanups.push(() => agent.stop('SIGKILL'));
    return { hub, agent };
  }

  it('a pulled PTY raises a link-lost alert with the sensor id and cause, the link back a restored one; status carries the source counters', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-link-'));
    const pty = await startPtyPair(dir);
    cleanups.push(() => pty.stop());
    const { hub, agent } = await startAgent('link-01', pty.b, dir);
    await waitUntil(() => /serial port open/.test(agent.stderr()), 15_000, 'the agent to open the port');
    let feed = feedSpokes(pty.a, 11);
    cleanups.push(() => feed.stop());
    await waitUntil(() => hub.records.some((r) => r.kind === 'plots'), 20_000, 'plots from the first link');
    await feed.stop();

    await pty.stop();
    await waitUntil(() => alerts(hub.records, 'E_SERIAL_LOST').length >= 1, 15_000, 'the link-lost alert at the hub');
    const lost = alerts(hub.records, 'E_SERIAL_LOST')[0]!.body;
    expect(lost.severity).toBe('critical');
    expect(lost.details?.sensor).toBe('radar1');
    expect(lost.details?.path).toBe(pty.b);
    expect(lost.details?.cause).toMatch(/EOF|EIO|ENXIO|ENODEV|EBADF|bad file/i);
    expect(alerts(hub.records, 'I_LINK_RESTORED')).toHaveLength(0);

    // What the first link carried: a status written after the loss (the feed had stopped before it).
    const lostSeq = alerts(hub.records, 'E_SERIAL_LOST')[0]!.seq;
    await waitUntil(() => hub.records.some((r) => r.kind === 'status' && r.seq > lostSeq), 15_000, 'a status after the loss');
    const bytesBeforeLoss = lastCounters(hub.records)['radar1.source.bytes'] ?? 0;
    expect(bytesBeforeLoss).toBeGreaterThan(0);
    await pty.restart();
    await waitUntil(() => alerts(hub.records, 'I_LINK_RESTORED').length >= 1, 15_000, 'the restored alert at the hub');
    expect(alerts(hub.records, 'I_LINK_RESTORED')[0]!.body.details?.sensor).toBe('radar1');
    feed = feedSpokes(pty.a, 12);
    cleanups.push(() => feed.stop());
    await waitUntil(
      () => (lastCounters(hub.records)['radar1.source.opens'] ?? 0) >= 2 && (lastCounters(hub.records)['radar1.source.bytes'] ?? 0) > bytesBeforeLoss,
      15_000,
      'a status with the second open and bytes read from the new link',
    );
    const c = lastCounters(hub.records);
    expect(c['radar1.source.losses']).toBe(1);
    expect(c['radar1.source.errors']).toBeGreaterThanOrEqual(1);
    // One alert per transition: the retries in between raised none.
    expect(alerts(hub.records, 'E_SERIAL_LOST')).toHaveLength(1);
    await feed.stop();
    expect((await agent.stop('SIGTERM')).code).toBe(0);
  });

  it('a writer that exits at the end of its file: lost once, near idle while down, a new PTY at the same path is read, SIGTERM ends it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-eof-'));
    const link = join(dir, 'radar');
    const first = spokeFile(dir, 'first.cat240', 3000, 21);
    const { hub, agent } = await startAgent('eof-01', link, dir);
    const writer = await startPtyWriter(link, first);
    cleanups.push(() => writer.kill('SIGKILL'));
    await waitUntil(() => /serial port open/.test(agent.stderr()), 15_000, 'the agent to open the PTY');
    await writer.exited;
    await waitUntil(() => alerts(hub.records, 'E_SERIAL_LOST').length >= 1, 15_000, 'the link-lost alert at the hub');
    expect(alerts(hub.records, 'E_SERIAL_LOST')[0]!.body.details).toMatchObject({ sensor: 'radar1', path: link });
    expect(alerts(hub.records, 'E_SERIAL_LOST')[0]!.body.details?.cause).toMatch(/EOF|EIO/);

    // Down: the agent retries the open with its capped backoff and burns no CPU doing it. A read
    // loop on the hung-up tty took ~94 % of a core (282 ticks in 3 s); allow a quarter of that.
    const pid = agent.proc.pid!;
    const ticks0 = cpuTicks(pid);
    await new Promise((r) => setTimeout(r, 3000));
    const ticks = cpuTicks(pid) - ticks0;
    expect(ticks, `CPU ticks in 3 s with the link down (CLK_TCK ${CLK_TCK})`).toBeLessThan(0.25 * 3 * CLK_TCK);
    expect(agent.stderr().match(/"level":"error"[^\n]*"code":"E_SERIAL_LOST"/g)).toHaveLength(1);
    expect(existsSync(link)).toBe(false);
    // The hung-up PTY is closed, not held (a held one shows as `/dev/pts/N (deleted)`).
    expect(openPtys(pid)).toEqual([]);

    // A new PTY at the same link path: opened and read.
    const framesBefore = lastCounters(hub.records)['radar1.decoder.framesOk'] ?? 0;
    const second = spokeFile(dir, 'second.cat240', 6000, 22);
    const again = await startPtyWriter(link, second);
    cleanups.push(() => again.kill('SIGKILL'));
    await waitUntil(() => alerts(hub.records, 'I_LINK_RESTORED').length >= 1, 15_000, 'the restored alert');
    await again.exited;
    await waitUntil(() => openPtys(pid).length === 0, 15_000, 'the second PTY closed at its end');
    await waitUntil(() => (lastCounters(hub.records)['radar1.decoder.framesOk'] ?? 0) > framesBefore + 1000, 15_000, 'spokes of the new PTY decoded');
    await waitUntil(() => alerts(hub.records, 'E_SERIAL_LOST').length >= 2, 15_000, 'the second loss');
    expect(lastCounters(hub.records)['radar1.source.opens']).toBeGreaterThanOrEqual(2);

    // SIGTERM with the link down ends the agent cleanly.
    expect((await agent.stop('SIGTERM')).code).toBe(0);
  });

  it('a writer killed (its link left dangling) is a lost link; a new PTY replacing the link is read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-kill-'));
    const link = join(dir, 'radar');
    const { hub, agent } = await startAgent('kill-01', link, dir);
    const writer = await startPtyWriter(link);
    cleanups.push(() => writer.kill('SIGKILL'));
    await waitUntil(() => /serial port open/.test(agent.stderr()), 15_000, 'the agent to open the PTY');
    const sim = createCat240RadarSim({ scenario: coastal, seed: 31, startWallMs: Date.now() });
    for (let i = 0; i < 2000; i++) writer.proc.stdin!.write(sim.next()!.bytes);
    await waitUntil(() => (lastCounters(hub.records)['radar1.decoder.framesOk'] ?? 0) > 1000, 15_000, 'spokes decoded');

    await writer.kill('SIGKILL');
    await waitUntil(() => alerts(hub.records, 'E_SERIAL_LOST').length >= 1, 15_000, 'the link-lost alert at the hub');
    expect(alerts(hub.records, 'E_SERIAL_LOST')[0]!.body.details?.sensor).toBe('radar1');
    // SIGKILL leaves socat's symlink pointing at a PTY that no longer exists.
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(existsSync(link)).toBe(false);

    rmSync(link);
    const framesBefore = lastCounters(hub.records)['radar1.decoder.framesOk'] ?? 0;
    const replacement = await startPtyWriter(link);
    cleanups.push(() => replacement.kill('SIGKILL'));
    await waitUntil(() => alerts(hub.records, 'I_LINK_RESTORED').length >= 1, 15_000, 'the restored alert');
    for (let i = 0; i < 2000; i++) replacement.proc.stdin!.write(sim.next()!.bytes);
    await waitUntil(() => (lastCounters(hub.records)['radar1.decoder.framesOk'] ?? 0) > framesBefore + 1000, 15_000, 'spokes of the new PTY decoded');
    expect(alerts(hub.records, 'E_SERIAL_LOST')).toHaveLength(1);
    expect((await agent.stop('SIGTERM')).code).toBe(0);
  });
});
