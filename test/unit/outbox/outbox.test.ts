import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, writeFileSync, readdirSync, existsSync, truncateSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import Database from 'better-sqlite3';
import { corruptError, faultyDatabase } from '../../helpers/faulty-db.js';
import { Outbox, seqRanges, type OutboxOptions } from '../../../agent/src/outbox/outbox.js';
import { ROW_EXPIRES_AT_MS, ROW_ID, ROW_KIND, ROW_PAYLOAD, ROW_SEQ } from '../../../agent/src/outbox/types.js';
import { decodeRecord, encodeRecord, type AlertBody, type StatusBody } from '../../../agent/src/wire/index.js';
import type { TimerHandle, Timers } from '../../../agent/src/io/timers.js';

const logger = pino({ level: 'silent' });
const status = (i: number): StatusBody => ({ spokesPerSecond: i, plotsPerScan: 0, outboxDepth: 0, outboxBytes: 0, published: 0, dropped: 0, thinned: 0, uptimeSeconds: i });

function tmpPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'lookout-outbox-')), 'outbox.db');
}

const open: Outbox[] = [];
function make(opts: Partial<OutboxOptions> & { path: string }): Outbox {
  const o = new Outbox({ unit: 'u1', encode: encodeRecord, maxBytes: 64 << 20, groupCommitMs: 50, logger, ...opts });
  open.push(o);
  return o;
}
afterEach(async () => {
  for (const o of open.splice(0)) await o.stop();
  vi.useRealTimers();
});

function allRows(o: Outbox) {
  return o.peek(0, 1_000_000);
}

describe('Outbox', () => {
  it('persists seq and session across restarts; resumes with the first unacknowledged row', async () => {
    const path = tmpPath();
    const a = make({ path });
    await a.start();
    expect(a.session).toBe(1);
    expect([a.append('status', status(1)), a.append('status', status(2)), a.append('status', status(3))]).toEqual([1, 2, 3]);
    a.flush();
    const rows = allRows(a);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    a.ack([rows[0].rowId]);
    await a.stop();

    const b = make({ path });
    await b.start();
    expect(b.session).toBe(2);
    expect(allRows(b).map((r) => r.seq)).toEqual([2, 3]);
    expect(b.append('status', status(4))).toBe(4);
    b.flush();
    const r4 = allRows(b).at(-1)!;
    const rec = decodeRecord(r4.payload);
    expect(rec).toMatchObject({ unit: 'u1', session: 2, seq: 4, kind: 'status' });
    // The outbox knows no MQTT: a row carries its kind, the publisher makes the topic of it
    // (test/unit/publish/publisher-rows.test.ts: lookout/v1/u1/status).
    expect(r4).not.toHaveProperty('topic');
    expect(r4.kind).toBe('status');
    expect(b.depth).toBe(3);
  });

  it('commits a group after groupCommitMs or after groupCommitRecords, whichever first (fake timers)', async () => {
    vi.useFakeTimers();
    const path = tmpPath();
    const o = make({ path, groupCommitMs: 50, groupCommitRecords: 5 });
    await o.start();
    o.append('status', status(1));
    o.append('status', status(2));
    expect(allRows(o)).toHaveLength(0); // open group: not visible, not durable
    vi.advanceTimersByTime(49);
    expect(allRows(o)).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(allRows(o)).toHaveLength(2);
    for (let i = 0; i < 5; i++) o.append('status', status(i));
    expect(allRows(o)).toHaveLength(7); // the 5th record closed the group at once
    expect(o.counters.commits).toBe(2);
  });

  it('a crash loses at most the open group: committed rows and the seq counter survive', async () => {
    const path = tmpPath();
    const o = make({ path, groupCommitMs: 50 });
    await o.start();
    for (let i = 0; i < 10; i++) o.append('status', status(i));
    o.flush();
    o.append('status', status(99)); // open, never committed
    // Simulate the crash: another connection reads the file as it is on disk.
    const db = new Database(path, { readonly: true });
    const n = (db.prepare('SELECT COUNT(*) AS n FROM records').get() as { n: number }).n;
    const next = (db.prepare("SELECT value FROM meta WHERE key = 'next_seq'").get() as { value: number }).value;
    db.close();
    expect(n).toBe(10);
    expect(next).toBe(11);
  });

  it('over quota drops the oldest of the lowest priority and writes a gap record naming them', async () => {
    const path = tmpPath();
    const o = make({ path, maxBytes: 1 << 20, groupCommitRecords: 100_000 });
    await o.start();
    const alert: AlertBody = { severity: 'warning', code: 'X', message: 'x'.repeat(200) };
    const seqs: Record<string, number[]> = { status: [], alerts: [], plots: [] };
    for (let i = 0; i < 3000; i++) {
      seqs.status.push(o.append('status', { ...status(i), counters: { pad: i, ['p'.repeat(200)]: 1 } }));
      seqs.alerts.push(o.append('alerts', alert));
    }
    o.flush();
    expect(o.bytes).toBeLessThanOrEqual(1 << 20);
    const rows = allRows(o);
    const kinds = new Set(rows.map((r) => r.kind));
    expect(kinds.has('alerts')).toBe(true);
    const gaps = rows.filter((r) => r.kind === 'gap').map((r) => decodeRecord(r.payload));
    expect(gaps.length).toBeGreaterThan(0);
    const announced = new Set<number>();
    for (const g of gaps) {
      if (g.kind !== 'gap') throw new Error('kind');
      expect(g.body.reason).toBe('quota');
      expect(g.body.kinds).toEqual(['status']);
      for (const [a, b] of g.body.ranges) for (let s = a; s <= b; s++) announced.add(s);
    }
    const present = new Set(rows.map((r) => r.seq));
    // every seq ever given is either still here or announced, never both, and only status was dropped
    const maxSeq = Math.max(...present);
    for (let s = 1; s <= maxSeq; s++) expect(present.has(s) !== announced.has(s)).toBe(true);
    for (const s of announced) expect(seqs.status.includes(s)).toBe(true);
    // the oldest went first
    const keptStatus = rows.filter((r) => r.kind === 'status').map((r) => r.seq);
    if (keptStatus.length > 0) expect(Math.min(...keptStatus)).toBeGreaterThan(Math.max(...announced));
    expect(o.counters.droppedQuota).toBe(announced.size);
  });

  it('expired records are dropped and announced (reason expired)', async () => {
    let now = 1_790_000_000_000;
    const clock = { wallMs: () => now, monoMs: () => now };
    const o = make({ path: tmpPath(), clock, expirySeconds: { status: 10 } });
    await o.start();
    o.append('status', status(1));
    o.append('alerts', { severity: 'info', code: 'A', message: 'a' });
    o.flush();
    now += 11_000;
    o.append('status', status(2));
    o.flush();
    const rows = allRows(o);
    const gap = rows.find((r) => r.kind === 'gap');
    expect(gap).toBeDefined();
    const g = decodeRecord(gap!.payload);
    expect(g.kind === 'gap' && g.body).toMatchObject({ reason: 'expired', ranges: [[1, 1]], count: 1 });
    expect(rows.map((r) => r.seq)).not.toContain(1);
  });

  it('a corrupt database file is moved aside, a fresh one started, an alert and a gap raised; seqs are never reused', async () => {
    const path = tmpPath();
    const a = make({ path });
    await a.start();
    for (let i = 0; i < 5; i++) a.append('status', status(i));
    await a.stop();
    writeFileSync(path, Buffer.alloc(8192, 0x5a)); // garbage over the file
    for (const s of ['-wal', '-shm']) if (existsSync(path + s)) truncateSync(path + s, 0);
    const alerts: AlertBody[] = [];
    const b = make({ path, onAlert: (x) => alerts.push(x) });
    await b.start();
    expect(alerts.map((x) => x.code)).toEqual(['E_OUTBOX_CORRUPT']);
    const dir = readdirSync(join(path, '..'));
    expect(dir.some((f) => /^outbox\.db\.corrupt-\d{8}T\d{6}Z$/.test(f))).toBe(true);
    b.flush();
    const rows = allRows(b);
    const kinds = rows.map((r) => r.kind);
    expect(kinds).toContain('alerts');
    expect(kinds).toContain('gap');
    expect(Math.min(...rows.map((r) => r.seq))).toBeGreaterThan(5);
    expect(b.session).toBe(2);
    const next = b.append('status', status(0));
    expect(next).toBeGreaterThan(5);
  });

  it('a truncated database file is treated as corrupt too', async () => {
    const path = tmpPath();
    const a = make({ path });
    await a.start();
    for (let i = 0; i < 2000; i++) a.append('status', { ...status(i), counters: { ['k'.repeat(100)]: i } });
    await a.stop();
    truncateSync(path, Math.floor(statSync(path).size / 2) + 100);
    const alerts: AlertBody[] = [];
    const b = make({ path, onAlert: (x) => alerts.push(x) });
    await b.start();
    expect(alerts.map((x) => x.code)).toEqual(['E_OUTBOX_CORRUPT']);
  });

  it('corruption found while running (SQLITE_CORRUPT simulated through the database dependency): moved aside, fresh file, records kept, alert', async () => {
    const path = tmpPath();
    let corruptOnce = false;
    const openDatabase = faultyDatabase(() => {
      if (!corruptOnce) return undefined;
      corruptOnce = false;
      return corruptError();
    });
    const alerts: AlertBody[] = [];
    const o = make({ path, openDatabase, onAlert: (a) => alerts.push(a) });
    await o.start();
    for (let i = 0; i < 3; i++) o.append('status', status(i));
    o.flush();
    corruptOnce = true;
    const pending = [o.append('status', status(10)), o.append('status', status(11))];
    o.flush();
    expect(alerts.map((a) => a.code)).toEqual(['E_OUTBOX_CORRUPT']);
    expect(readdirSync(join(path, '..')).some((f) => /^outbox\.db\.corrupt-/.test(f))).toBe(true);
    o.flush();
    const seqs = allRows(o).map((r) => r.seq);
    for (const s of pending) expect(seqs).toContain(s); // the open group survived in memory
    expect(Math.min(...seqs)).toBeGreaterThan(3); // never reused
  });

  it('peekRows gives the rows of one priority in id order, as peek does, payloads byte for byte', async () => {
    // A unit id with quotes, a backslash and non-ASCII: the columns cross JSON on the way out.
    const unit = 'u"\\é☃';
    const o = make({ path: tmpPath(), unit });
    await o.start();
    for (let i = 0; i < 40; i++) {
      o.append('status', { ...status(i), counters: { ['x'.repeat(i * 37)]: i } }); // payloads of many sizes
      if (i % 3 === 0) o.append('alerts', { severity: 'info', code: 'A', message: '\u0000'.repeat(i) });
      if (i % 7 === 0) o.append('plots', { sensor: 'r', plots: [] });
    }
    o.flush();
    const all = allRows(o);
    for (const priority of [4, 2, 1]) {
      const want = all.filter((r) => r.priority === priority);
      const got = o.peekRows(0, 1000, priority);
      expect(got.map((r) => [r[ROW_ID], r[ROW_SEQ], r[ROW_KIND], r[ROW_EXPIRES_AT_MS]])).toEqual(want.map((r) => [r.rowId, r.seq, r.kind, r.expiresAtMs]));
      for (let i = 0; i < got.length; i++) expect(Buffer.compare(got[i][ROW_PAYLOAD], want[i].payload)).toBe(0);
      // the unit crossed JSON nowhere: it is in the payload, byte for byte (the topic is the publisher's)
      expect(decodeRecord(got[0][ROW_PAYLOAD])).toMatchObject({ unit, kind: got[0][ROW_KIND] });
    }
    // limit and cursor
    const status1 = o.peekRows(0, 5, 1);
    expect(status1).toHaveLength(5);
    const next = o.peekRows(status1[4][ROW_ID], 5, 1);
    expect(next[0][ROW_ID]).toBeGreaterThan(status1[4][ROW_ID]);
    expect(next.map((r) => r[ROW_SEQ])).toEqual(all.filter((r) => r.priority === 1).slice(5, 10).map((r) => r.seq));
    expect(o.peekRows(all.at(-1)!.rowId, 10, 1)).toEqual([]);
    expect(o.peekRows(0, 10, 9)).toEqual([]);
  });

  it('peekRows and peek skip rows acknowledged but not yet deleted, also among other priorities', async () => {
    const o = make({ path: tmpPath() });
    await o.start();
    for (let i = 0; i < 30; i++) {
      o.append('status', status(i));
      o.append('alerts', { severity: 'info', code: 'A', message: String(i) });
    }
    o.flush();
    const status1 = o.peekRows(0, 100, 1);
    const alerts = o.peekRows(0, 100, 4);
    // acknowledge every other alert and the first ten status rows, five of them twice (not yet committed)
    const acked = [...alerts.filter((_, i) => i % 2 === 0).map((r) => r[ROW_ID]), ...status1.slice(0, 10).map((r) => r[ROW_ID])];
    o.ack(acked);
    o.ack(acked.slice(0, 5));
    const ackedSet = new Set(acked);
    expect(o.peekRows(0, 100, 1).map((r) => r[ROW_ID])).toEqual(status1.map((r) => r[ROW_ID]).filter((id) => !ackedSet.has(id)));
    expect(o.peekRows(0, 100, 4).map((r) => r[ROW_ID])).toEqual(alerts.map((r) => r[ROW_ID]).filter((id) => !ackedSet.has(id)));
    expect(allRows(o).map((r) => r.rowId).filter((id) => ackedSet.has(id))).toEqual([]);
    expect(o.depth).toBe(60);
    // the commit deletes each acknowledged row once, however often it was acknowledged
    o.flush();
    expect(o.counters.acked).toBe(acked.length);
    expect(o.depth).toBe(60 - acked.length);
    expect(allRows(o)).toHaveLength(60 - acked.length);
    expect(o.peekRows(0, 100, 1)).toHaveLength(20);
    // acknowledged after the commit: skipped again until the next one
    const more = o.peekRows(0, 3, 1).map((r) => r[ROW_ID]);
    o.ack(more);
    expect(o.peekRows(0, 100, 1).map((r) => r[ROW_ID])).not.toContain(more[0]);
    o.flush();
    expect(o.depth).toBe(60 - acked.length - 3);
  });

  it('peekRows refuses a limit that is not a positive integer (RangeError)', async () => {
    const o = make({ path: tmpPath() });
    await o.start();
    o.append('status', status(1));
    o.flush();
    for (const limit of [0, -1, 2.5, Number.NaN]) expect(() => o.peekRows(0, limit, 1)).toThrow(RangeError);
    expect(o.peekRows(0, 3, 1)).toHaveLength(1);
  });

  it('the group commit runs on the injected timers (nothing bare: fake timers reach it)', async () => {
    const due: Array<{ fn: () => void; ms: number }> = [];
    const timers: Timers = {
      setTimeout: (fn, ms) => {
        const t = { fn, ms, unref: () => t };
        due.push(t);
        return t;
      },
      clearTimeout: (h: TimerHandle) => {
        const i = due.indexOf(h as (typeof due)[number]);
        if (i >= 0) due.splice(i, 1);
      },
      setImmediate: (fn) => fn(),
    };
    const o = make({ path: tmpPath(), timers, groupCommitMs: 30 });
    await o.start();
    expect(due.map((t) => t.ms)).toEqual([30]);
    o.append('status', status(1));
    expect(allRows(o)).toHaveLength(0);
    due.shift()!.fn();
    expect(allRows(o)).toHaveLength(1);
    expect(due.map((t) => t.ms)).toEqual([30]); // the next group
    await o.stop();
    expect(due).toEqual([]);
  });

  it('seqRanges compresses seqs', () => {
    expect(seqRanges([5, 1, 2, 3, 9, 10, 7])).toEqual([[1, 3], [5, 5], [7, 7], [9, 10]]);
  });
});

describe('Outbox misuse', () => {
  it('a body that does not encode throws TypeError and leaves no hole in the seqs', async () => {
    const o = make({ path: tmpPath() });
    await o.start();
    expect(o.append('status', status(1))).toBe(1);
    expect(() => o.append('plots', { sensor: 'r', plots: [{ timeMs: 0, scan: 0, rangeMetres: 1, bearingDegrees: 0, rangeExtentMetres: 0, azimuthExtentDegrees: 0, peakPower: 1, meanPower: 1, cellCount: 1 }] })).toThrow(TypeError);
    expect(o.append('status', status(2))).toBe(2);
  });

  it('append before start is a TypeError', () => {
    const o = new Outbox({ path: tmpPath(), unit: 'u', encode: encodeRecord, maxBytes: 1 << 20, groupCommitMs: 10, logger });
    expect(() => o.append('status', status(1))).toThrow(TypeError);
  });
});
