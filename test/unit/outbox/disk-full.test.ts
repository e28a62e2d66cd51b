/**
 * Disk full: on a real 2 MiB tmpfs when we may mount one (root), and with ENOSPC simulated
 * through the database dependency otherwise (and always, for the logic).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { faultyDatabase } from '../../helpers/faulty-db.js';
import { Outbox } from '../../../agent/src/outbox/outbox.js';
import { decodeRecord, encodeRecord, type AlertBody, type StatusBody } from '../../../agent/src/wire/index.js';

const logger = pino({ level: 'silent' });
const status = (i: number): StatusBody => ({ spokesPerSecond: i, plotsPerScan: 0, outboxDepth: 0, outboxBytes: 0, published: 0, dropped: 0, thinned: 0, uptimeSeconds: i, counters: { ['pad'.repeat(60)]: i } });

function tryMountTmpfs(dir: string, size: string): boolean {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const f of cleanups.splice(0).reverse()) await f();
});

function until(cond: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const tick = (): void => (cond() ? resolve() : Date.now() > deadline ? reject(new Error('timeout')) : void setTimeout(tick, 20));
    tick();
  });
}

function checkRecovered(o: Outbox, alerts: AlertBody[], appended: number[]): void {
  expect(alerts[0]?.code).toBe('E_DISK_FULL');
  expect(o.isDiskFull).toBe(false);
  const rows = o.peek(0, 1_000_000);
  const present = new Set(rows.map((r) => r.seq));
  const announced = new Set<number>();
  for (const r of rows.filter((x) => x.kind === 'gap')) {
    const g = decodeRecord(r.payload);
    if (g.kind !== 'gap') continue;
    expect(g.body.reason).toBe('disk-full');
    for (const [a, b] of g.body.ranges) for (let s = a; s <= b; s++) announced.add(s);
  }
  // every record appended is on disk or announced lost: nothing silently missing
  for (const s of appended) expect(present.has(s) || announced.has(s)).toBe(true);
  // the newest records were kept
  expect(present.has(appended[appended.length - 1])).toBe(true);
  expect(rows.some((r) => r.kind === 'alerts')).toBe(true);
}

describe('Outbox when the disk is full', () => {
  it('on a real 2 MiB tmpfs: alerts, holds the newest in a bounded ring, writes them when space returns', async (ctx) => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-tmpfs-'));
    if (!tryMountTmpfs(dir, '2m')) {
      rmSync(dir, { recursive: true, force: true });
      ctx.skip();
      return;
    }
    cleanups.push(() => {
      try {
        execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
      } catch {
        /* already gone */
      }
      rmSync(dir, { recursive: true, force: true });
    });
    const alerts: AlertBody[] = [];
    const o = new Outbox({ path: join(dir, 'outbox.db'), unit: 'u1', encode: encodeRecord, maxBytes: 64 << 20, groupCommitMs: 20, logger, memoryRingBytes: 256 * 1024, onAlert: (a) => alerts.push(a) });
    cleanups.push(() => o.stop());
    await o.start();
    // leave ~200 KiB free
    const st = statfsSync(dir);
    const free = st.bavail * st.bsize;
    const filler = join(dir, 'filler');
    writeFileSync(filler, Buffer.alloc(Math.max(0, free - 200 * 1024)));
    const appended: number[] = [];
    for (let i = 0; i < 20_000 && !o.isDiskFull; i++) {
      appended.push(o.append('status', status(i)));
      if (i % 100 === 99) o.flush();
    }
    expect(o.isDiskFull).toBe(true);
    expect(o.counters.diskFullEvents).toBe(1);
    // keep appending while full: memory stays bounded by the ring
    for (let i = 0; i < 5000; i++) appended.push(o.append('status', status(i)));
    expect(o.counters.droppedDiskFull).toBeGreaterThan(0);
    rmSync(filler);
    await until(() => !o.isDiskFull);
    o.flush();
    checkRecovered(o, alerts, appended);
  });

  it('with ENOSPC simulated through the database dependency (mock: same logic, no tmpfs needed)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-enospc-'));
    let full = false;
    const openDatabase = faultyDatabase(() => (full ? Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }) : undefined));
    const alerts: AlertBody[] = [];
    const o = new Outbox({ path: join(dir, 'outbox.db'), unit: 'u1', encode: encodeRecord, maxBytes: 64 << 20, groupCommitMs: 20, logger, memoryRingBytes: 128 * 1024, onAlert: (a) => alerts.push(a), openDatabase });
    cleanups.push(() => o.stop());
    await o.start();
    const appended: number[] = [];
    for (let i = 0; i < 100; i++) appended.push(o.append('status', status(i)));
    o.flush();
    full = true;
    for (let i = 0; i < 5000; i++) appended.push(o.append('status', status(i)));
    o.flush();
    expect(o.isDiskFull).toBe(true);
    expect(o.bytes).toBeLessThan(100 * 200 + 128 * 1024 * 1.1);
    expect(o.counters.droppedDiskFull).toBeGreaterThan(0);
    full = false;
    await until(() => !o.isDiskFull);
    checkRecovered(o, alerts, appended);
    expect(alerts.map((a) => a.code)).toEqual(['E_DISK_FULL', 'E_DISK_FULL']);
    expect(alerts[1].severity).toBe('info');
  });
});
