/**
 * The agent under faults, on real parts: `lookout run` reading simulated CAT240 video from a
 * socat PTY, a real mosquitto, and a hub deduping by (unit, seq).
 * - the broker stopped for 60 s mid-stream: every record arrives, first arrivals in seq order
 *   per kind, the union at the hub is 1..N with no hole;
 * - SIGKILL at 10 random moments, restarted each time: after dedupe the seqs are exactly 1..N,
 *   duplicates allowed and counted.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnyRecord } from '../../agent/src/hub/index.js';
import { Rng } from '../../agent/src/sim/rng.js';
import { startMosquitto, type Mosquitto } from '../helpers/mosquitto.js';
import { agentConfig, feedSpokes, startHub } from '../helpers/agent.js';
import { startPtyPair } from '../helpers/socat.js';
import { spawnLookout, waitUntil, type LookoutProcess } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/paths.js';

const built = existsSync(join(REPO_ROOT, 'agent', 'dist', 'main.js'));

function firstArrivalsInOrder(records: AnyRecord[], kind: AnyRecord['kind']): boolean {
  const seen = new Set<number>();
  const firsts: number[] = [];
  for (const r of records) if (r.kind === kind && r.seq > 0 && !seen.has(r.seq)) (seen.add(r.seq), firsts.push(r.seq));
  return firsts.every((s, i) => i === 0 || s > firsts[i - 1]);
}

describe.skipIf(!built)('the agent under faults (lookout run, real mosquitto, socat PTY)', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const f of cleanups.splice(0).reverse()) await f().catch(() => undefined);
  });

  it('broker stopped for 60 s mid-stream: every record arrives, in seq order per kind, union 1..N without a hole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-chaos-outage-'));
    // Broker persistence keeps the hub's session (and what was queued for it) across the restart.
    const broker: Mosquitto = await startMosquitto({ extra: ['persistence true', `persistence_location ${dir}/`, 'autosave_interval 1', 'max_queued_messages 0'] });
    cleanups.push(() => broker.stop());
    const pty = await startPtyPair(join(dir));
    cleanups.push(() => pty.stop());
    const hub = await startHub(broker.url, 'chaos-out', true);
    cleanups.push(() => hub.client.endAsync(true));
    const agent: LookoutProcess = spawnLookout(['run', '--config', agentConfig(dir, pty.b, broker.url, 'chaos-out', { statusMs: 500, serialMaxMs: 500 })]);
    cleanups.push(() => agent.stop('SIGKILL'));
    const feed = feedSpokes(pty.a, 7);
    cleanups.push(() => feed.stop());
    await waitUntil(() => hub.records.some((r) => r.kind === 'plots') && hub.records.some((r) => r.kind === 'status'), 30_000, 'plots and status before the outage');
    await broker.stop();
    await new Promise((r) => setTimeout(r, 60_000));
    await broker.restart();
    // let the stream run on after the outage, then stop the sensor and let the outbox drain
    await waitUntil(() => hub.records.filter((r) => r.kind === 'status').length > 0 && hub.dedupe.stats('chaos-out').lastSeq! > 0, 30_000, 'records after the outage');
    await new Promise((r) => setTimeout(r, 3000));
    await feed.stop();
    await new Promise((r) => setTimeout(r, 2000));
    const stopped = await agent.stop('SIGTERM');
    expect(stopped.code).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    const st = hub.dedupe.stats('chaos-out');
    const statuses = hub.records.filter((r) => r.kind === 'status').length;
    expect(st.firstSeq).toBe(1);
    expect(st.missing).toBe(0);
    expect(st.announcedLost).toBe(0);
    expect(statuses).toBeGreaterThan(100); // the outage alone makes ~120 status records
    for (const kind of ['plots', 'status'] as const) expect(firstArrivalsInOrder(hub.records, kind)).toBe(true);
  }, 150_000);

  it('SIGKILL at 10 random moments, restarted each time: after dedupe the seqs are exactly 1..N', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-chaos-kill-'));
    const broker: Mosquitto = await startMosquitto();
    cleanups.push(() => broker.stop());
    const pty = await startPtyPair(join(dir));
    cleanups.push(() => pty.stop());
    const hub = await startHub(broker.url, 'chaos-kill', false);
    cleanups.push(() => hub.client.endAsync(true));
    const feed = feedSpokes(pty.a, 11);
    cleanups.push(() => feed.stop());
    const cfg = agentConfig(dir, pty.b, broker.url, 'chaos-kill', { statusMs: 500, serialMaxMs: 500 });
    const rng = new Rng(Number(process.env.LOOKOUT_CHAOS_SEED ?? 20261128));
    const rnd = (): number => rng.uniform();
    const kills: number[] = [];
    for (let i = 0; i < 10; i++) {
      const agent = spawnLookout(['run', '--config', cfg]);
      cleanups.push(() => agent.stop('SIGKILL'));
      // a random moment: up to 3 s after the agent said it started (inside a group commit, a publish, a status...)
      await waitUntil(() => /agent started/.test(agent.stderr()) || agent.proc.exitCode !== null, 20_000, 'agent start');
      const ms = Math.round(200 + rnd() * 2800);
      kills.push(ms);
      await new Promise((r) => setTimeout(r, ms));
      await agent.stop('SIGKILL');
    }
    // a last run that drains the outbox
    const agent = spawnLookout(['run', '--config', cfg]);
    cleanups.push(() => agent.stop('SIGKILL'));
    await waitUntil(() => hub.records.some((r) => r.kind === 'status' && r.session === 11), 30_000, 'the 11th session');
    await feed.stop();
    await new Promise((r) => setTimeout(r, 3000));
    expect((await agent.stop('SIGTERM')).code).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    const st = hub.dedupe.stats('chaos-kill');
    expect(st.firstSeq).toBe(1);
    expect(st.missing).toBe(0);
    expect(st.announcedLost).toBe(0);
    expect(st.received).toBe(st.lastSeq);
    const sessions = new Set(hub.records.filter((r) => r.seq > 0).map((r) => r.session));
    expect(Math.max(...sessions)).toBe(11);
    // duplicates are allowed (a PUBACK lost to the kill) and counted
    expect(st.duplicates).toBeGreaterThanOrEqual(0);
    process.stderr.write(`chaos-kill: kills at ${kills.join(',')} ms; N=${st.lastSeq}, duplicates=${st.duplicates}\n`);
  }, 150_000);

  it('a corrupt outbox file: moved aside, a fresh one started, the agent keeps running and says so (log + alert at the hub)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-chaos-corrupt-'));
    const broker: Mosquitto = await startMosquitto();
    cleanups.push(() => broker.stop());
    const pty = await startPtyPair(join(dir));
    cleanups.push(() => pty.stop());
    const hub = await startHub(broker.url, 'chaos-corrupt', false);
    cleanups.push(() => hub.client.endAsync(true));
    const cfg = agentConfig(dir, pty.b, broker.url, 'chaos-corrupt', { statusMs: 500, serialMaxMs: 500 });
    const first = spawnLookout(['run', '--config', cfg]);
    cleanups.push(() => first.stop('SIGKILL'));
    await waitUntil(() => hub.records.filter((r) => r.kind === 'status').length >= 2, 30_000, 'a first run');
    await first.stop('SIGKILL');
    const before = hub.dedupe.stats('chaos-corrupt').lastSeq!;
    for (const suffix of ['-wal', '-shm']) rmSync(join(dir, 'data', `outbox.sqlite${suffix}`), { force: true });
    writeFileSync(join(dir, 'data', 'outbox.sqlite'), Buffer.alloc(16384, 0x42)); // garbage over the database
    const agent = spawnLookout(['run', '--config', cfg]);
    cleanups.push(() => agent.stop('SIGKILL'));
    await waitUntil(() => hub.records.some((r) => r.kind === 'alerts' && r.body.code === 'E_OUTBOX_CORRUPT'), 30_000, 'the corrupt-outbox alert at the hub');
    await waitUntil(() => hub.records.filter((r) => r.kind === 'status').length >= 3, 30_000, 'status records after the recovery');
    expect(agent.proc.exitCode).toBeNull();
    expect(agent.stderr()).toMatch(/outbox database corrupt/);
    // the lost history is announced, and no seq a hub has seen is given again
    const gap = hub.records.find((r) => r.kind === 'gap' && r.body.reason === 'corrupt');
    expect(gap && gap.kind === 'gap' && gap.body.ranges[0][0]).toBe(1);
    expect(gap && gap.kind === 'gap' && gap.body.ranges[0][1]).toBeGreaterThanOrEqual(before);
    expect(hub.records.filter((r) => r.session === 2 && r.seq > 0).every((r) => r.seq > before)).toBe(true);
    expect(hub.dedupe.stats('chaos-corrupt').duplicates).toBe(0);
    expect((await agent.stop('SIGTERM')).code).toBe(0);
  }, 60_000);

  const canMount = process.getuid?.() === 0;
  it.skipIf(!canMount)('disk full on a small tmpfs: the agent keeps running, says so, and writes again when space returns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-chaos-full-'));
    const data = join(dir, 'data');
    mkdirSync(data, { recursive: true });
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', data], { stdio: 'ignore' });
    } catch {
      return; // no mount here: covered by test/unit/outbox/disk-full.test.ts
    }
    cleanups.push(async () => execFileSync('umount', ['-l', data], { stdio: 'ignore' }));
    const pty = await startPtyPair(join(dir));
    cleanups.push(() => pty.stop());
    // no broker: the outbox only grows
    const agent = spawnLookout(['run', '--config', agentConfig(dir, pty.b, 'mqtt://127.0.0.1:1', 'chaos-full', { statusMs: 500, serialMaxMs: 500 })]);
    cleanups.push(() => agent.stop('SIGKILL'));
    const feed = feedSpokes(pty.a, 3);
    cleanups.push(() => feed.stop());
    await waitUntil(() => /agent started/.test(agent.stderr()), 30_000, 'agent start');
    const st = statfsSync(data);
    const filler = join(data, 'filler');
    writeFileSync(filler, Buffer.alloc(Math.max(0, st.bavail * st.bsize - 48 * 1024)));
    await waitUntil(() => /disk full/.test(agent.stderr()), 60_000, 'the disk-full log line');
    expect(agent.stderr()).toMatch(/E_DISK_FULL/);
    await new Promise((r) => setTimeout(r, 2000));
    expect(agent.proc.exitCode).toBeNull(); // still running
    rmSync(filler);
    await waitUntil(() => /disk space is back/.test(agent.stderr()), 30_000, 'recovery');
    expect((await agent.stop('SIGTERM')).code).toBe(0);
  }, 120_000);
});
