/**
 * The durable queue between the pipeline and the publisher (DESIGN.md, Durability).
 *
 * - better-sqlite3, WAL, synchronous=FULL; records are appended into an open group that is
 *   committed in one transaction every `groupCommitMs` or every `groupCommitRecords` records,
 *   whichever comes first. A crash loses at most the open group (never seen by anyone: its
 *   seqs are given again after the restart).
 * - The sequence counter and the session live in the same database, updated in the same
 *   transaction as the records. A sidecar file (`<path>.seq`) reserves seq blocks, so that a
 *   corrupt database moved aside never makes the unit reuse a seq a hub has seen.
 * - Bounded by bytes: over quota, the oldest records of the lowest priority go first, announced
 *   by a `gap` record naming their seqs (reason `quota`). Expired records likewise (`expired`).
 * - A corrupt file is moved aside (`<path>.corrupt-<timestamp>`), a fresh one started, an alert
 *   raised. Disk full: the open group and what follows wait in a bounded memory ring (newest
 *   kept, overflow announced as a `disk-full` gap) and go to disk when space returns.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import { LookoutError } from '../errors.js';
import { systemClock, type Clock } from '../io/types.js';
import { encodeRecord, recordTopic, type AlertBody, type GapReason, type RecordBodies, type RecordKind } from '../wire/index.js';
import { asBuffer, isCorrupt, isDiskFull, seqRanges } from './util.js';
import { readSeqReservation, writeSeqReservation } from './seq-reservation.js';

export { seqRanges } from './util.js';

/** Higher is more important. Alerts > tracks > plots > status; gap records are never dropped first. */
export const KIND_PRIORITY: Record<RecordKind, number> = {
  gap: 5,
  birth: 5,
  state: 5,
  alerts: 4,
  tracks: 3,
  plots: 2,
  status: 1,
};

/** One row handed to the publisher. */
export interface OutboxRecord {
  rowId: number;
  seq: number;
  kind: RecordKind;
  topic: string;
  priority: number;
  createdMs: number;
  /** Wall-clock ms after which the record is worthless; null = never. */
  expiresAtMs: number | null;
  /** The encoded Envelope. */
  payload: Buffer;
}

/**
 * One committed row as the publisher reads it: an array, no object built per row (a replay
 * reads 1,000,000 of them; see `peekRows`).
 */
export type OutboxRow = [rowId: number, seq: number, kind: RecordKind, topic: string, expiresAtMs: number | null, payload: Buffer];

export interface AppendOptions {
  /** Overrides KIND_PRIORITY[kind]. */
  priority?: number;
  /** Overrides the per-kind expiry of the options. */
  expiresAtMs?: number | null;
}

export interface OutboxCounters {
  /** Records accepted by append() since start. */
  appended: number;
  /** Records written to disk since start. */
  committed: number;
  commits: number;
  /** Records dropped for the quota / expiry / disk full since start (all announced by gap records). */
  droppedQuota: number;
  droppedExpired: number;
  droppedDiskFull: number;
  /** Records acknowledged (deleted) since start. */
  acked: number;
  gapRecords: number;
  corruptRecoveries: number;
  diskFullEvents: number;
}

export interface OutboxOptions {
  /** Database file path (its directory is created). */
  path: string;
  unit: string;
  /** Byte quota (payloads + a per-row overhead estimate). */
  maxBytes: number;
  /** Longest wait before the open group is committed. */
  groupCommitMs: number;
  /** Commit as soon as this many records are open (default 4096). */
  groupCommitRecords?: number;
  logger: Logger;
  clock?: Clock;
  /** Per-kind lifetime in seconds; 0 or absent = never expires. */
  expirySeconds?: Partial<Record<RecordKind, number>>;
  /** Memory ring while the disk is full, in bytes (default 16 MiB). */
  memoryRingBytes?: number;
  /** Called for every alert the outbox raises (after it is queued as an `alerts` record). */
  onAlert?: (alert: AlertBody) => void;
  /** Called after each successful commit (the publisher uses it to look for new rows). */
  onCommit?: () => void;
  /** better-sqlite3 constructor (tests inject faults through it). */
  openDatabase?: (path: string) => Database.Database;
}

/** Bytes counted for a row beside its payload (SQLite row header, index entry, topic). */
export const ROW_OVERHEAD_BYTES = 64;
const SEQ_BLOCK = 1_000_000;
/** Rows per multi-row INSERT: 1.4x the rows/s of single-row inserts here (64 vs 1, 300k status rows). */
const INSERT_BATCH = 128;
const INSERT_COLUMNS = '(seq, session, kind, priority, topic, created_ms, expires_ms, payload)';
const MAX_GAP_RANGES = 4096;
const EMPTY_BUFFER = Buffer.alloc(0);

interface Pending {
  seq: number;
  kind: RecordKind;
  topic: string;
  priority: number;
  createdMs: number;
  expiresAtMs: number | null;
  payload: Buffer;
}

export class Outbox {
  private readonly opts: OutboxOptions;
  private readonly clock: Clock;
  private readonly log: Logger;
  private db: Database.Database | undefined;
  private stmts:
    | {
        insert: Database.Statement;
        insertBatch: Database.Statement;
        sizeOfRange: Database.Statement;
        delBetween: Database.Statement;
        setMeta: Database.Statement;
        peekAll: Database.Statement;
        peekPrio: Database.Statement;
        lowestPrio: Database.Statement;
        oldestOfPrio: Database.Statement;
        expired: Database.Statement;
        delRange: Database.Statement;
      }
    | undefined;
  private commitTx: ((rows: Pending[], acks: number[]) => void) | undefined;
  /** peekRows' statement, prepared for one LIMIT (see peekRows). */
  private peekRowsStmt: { limit: number; stmt: Database.Statement } | undefined;
  private open: Pending[] = [];
  private openBytes = 0;
  /** Row ids acknowledged since the last commit (which deletes them), and their bounds. */
  private pendingAcks: number[] = [];
  private pendingAckMin = Infinity;
  private pendingAckMax = -Infinity;
  /**
   * pendingAcks[0, pendingAcksInSet) as a Set, filled only when a read meets their bounds: a
   * read from the start after a reconnect, or of rows interleaved with acknowledged ones of
   * another priority. A replay reads ahead of every acknowledged row and never fills it (a Set
   * kept up to date cost an add, a has and a delete per acknowledged row).
   */
  private readonly pendingAckSet = new Set<number>();
  private pendingAcksInSet = 0;
  private fileEpoch = 0;
  private timer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private nextSeq = 1;
  private seqCeiling = 0;
  private sessionNo = 0;
  private rowCount = 0;
  private rowBytes = 0;
  private diskFull = false;
  private started = false;
  private lastExpirySweepMs = 0;
  readonly counters: OutboxCounters = {
    appended: 0,
    committed: 0,
    commits: 0,
    droppedQuota: 0,
    droppedExpired: 0,
    droppedDiskFull: 0,
    acked: 0,
    gapRecords: 0,
    corruptRecoveries: 0,
    diskFullEvents: 0,
  };

  constructor(opts: OutboxOptions) {
    this.opts = opts;
    this.clock = opts.clock ?? systemClock;
    this.log = opts.logger;
  }

  /** The session number of this run (1 on the first start of a unit). */
  /**
   * Which database file the row ids belong to: increments when the file is replaced while
   * running (corruption found at a commit), since ids start again in the fresh file. A reader
   * drops its positions and any acknowledgement of an earlier epoch's ids.
   */
  get epoch(): number {
    return this.fileEpoch;
  }

  get session(): number {
    return this.sessionNo;
  }
  /** Records not yet acknowledged (on disk and in the open group / memory ring). */
  get depth(): number {
    return this.rowCount + this.open.length;
  }
  /** Bytes counted against the quota (on disk and open). */
  get bytes(): number {
    return this.rowBytes + this.openBytes;
  }
  /** The seq the next record will get. */
  get nextSequence(): number {
    return this.nextSeq;
  }
  /** True while the disk is full and records wait in memory. */
  get isDiskFull(): boolean {
    return this.diskFull;
  }

  async start(): Promise<void> {
    if (this.started) return;
    mkdirSync(dirname(this.opts.path), { recursive: true });
    let corruptCause: unknown;
    try {
      this.openDb();
    } catch (err) {
      if (!isCorrupt(err)) throw new LookoutError('E_OUTBOX', `cannot open the outbox ${this.opts.path}: ${(err as Error).message}`, { cause: err, details: { path: this.opts.path } });
      corruptCause = err;
    }
    let movedTo: string | undefined;
    if (corruptCause !== undefined) {
      movedTo = this.moveAside();
      this.openDb();
    }
    this.started = true;
    const sidecar = this.readSidecar();
    if (movedTo !== undefined) {
      this.counters.corruptRecoveries++;
      // The old counter is gone with the file: continue after the last reserved block (the
      // sidecar), and announce every seq below it: any of them a hub has not received by now
      // will never come (hubs count only those they miss).
      const resumeAt = Math.max(this.nextSeq, sidecar.seqCeiling + 1);
      const lostFrom = 1;
      this.nextSeq = resumeAt;
      this.sessionNo = Math.max(this.sessionNo, sidecar.session);
      this.log.error({ err: corruptCause, path: this.opts.path, movedTo }, 'outbox database corrupt: moved aside, started a fresh one');
      this.bumpSession();
      if (resumeAt > lostFrom) this.appendGap([[lostFrom, resumeAt - 1]], 'corrupt', [], resumeAt - lostFrom);
      this.raise({ severity: 'critical', code: 'E_OUTBOX_CORRUPT', message: `outbox database was corrupt; moved aside to ${movedTo} and started a fresh one`, details: { path: this.opts.path, movedTo, cause: String((corruptCause as Error)?.message ?? corruptCause) } });
    } else {
      if (sidecar.seqCeiling >= this.nextSeq && this.nextSeq === 1 && sidecar.session > 0) {
        // A fresh database beside an old sidecar (file deleted by hand): never reuse seqs.
        this.nextSeq = sidecar.seqCeiling + 1;
        this.sessionNo = Math.max(this.sessionNo, sidecar.session);
      }
      this.bumpSession();
    }
    this.scheduleCommit();
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.timer = undefined;
    this.retryTimer = undefined;
    try {
      this.flush();
    } catch (err) {
      this.log.error({ err }, 'outbox: final commit failed');
    }
    if (this.open.length > 0) this.log.warn({ lost: this.open.length }, 'outbox: records still in memory at stop (disk full): lost');
    try {
      this.db?.close();
    } catch (err) {
      this.log.error({ err }, 'outbox: close failed');
    }
    this.db = undefined;
    this.stmts = undefined;
    this.peekRowsStmt = undefined;
    this.commitTx = undefined;
  }

  /**
   * Queues a record into the open group; returns its seq. The record is durable after the next
   * group commit (at most `groupCommitMs` later), and visible to `peek` from then on.
   */
  append<K extends RecordKind>(kind: K, body: RecordBodies[K], options: AppendOptions = {}): number {
    if (!this.started) throw new TypeError('Outbox.append() before start()');
    const now = Math.round(this.clock.wallMs());
    const seq = this.nextSeq;
    // Encode first: a body that does not encode (TypeError) must not leave a hole in the seqs.
    const payload = asBuffer(encodeRecord({ unit: this.opts.unit, session: this.sessionNo, seq, kind, timeMs: now, body }));
    this.nextSeq++;
    if (this.nextSeq >= this.seqCeiling) this.reserveSeqBlock();
    let expiresAtMs: number | null = null;
    if (options.expiresAtMs !== undefined) expiresAtMs = options.expiresAtMs === null ? null : Math.round(options.expiresAtMs);
    else {
      const s = this.opts.expirySeconds?.[kind];
      if (s !== undefined && s > 0) expiresAtMs = now + s * 1000;
    }
    const rec: Pending = { seq, kind, topic: recordTopic(this.opts.unit, kind), priority: options.priority ?? KIND_PRIORITY[kind], createdMs: now, expiresAtMs, payload };
    this.open.push(rec);
    this.openBytes += payload.length + ROW_OVERHEAD_BYTES;
    this.counters.appended++;
    if (this.diskFull) this.trimRing();
    else if (this.open.length >= (this.opts.groupCommitRecords ?? 4096)) this.flush();
    return seq;
  }

  /**
   * Committed rows with rowId > afterRowId in rowId (= seq) order, at most `limit`; only those
   * of one priority when `priority` is given. Rows acknowledged but not yet deleted are skipped.
   */
  peek(afterRowId: number, limit: number, priority?: number): OutboxRecord[] {
    if (!this.stmts) return [];
    // Raw rows (arrays): a third cheaper than row objects when the publisher replays a backlog.
    const rows = (priority === undefined ? this.stmts.peekAll.all(afterRowId, limit) : this.stmts.peekPrio.all(priority, afterRowId, limit)) as Array<
      [number, number, RecordKind, string, number, number, number | null, Buffer]
    >;
    const out: OutboxRecord[] = [];
    for (const r of rows) {
      if (this.isPendingAck(r[0])) continue;
      out.push({ rowId: r[0], seq: r[1], kind: r[2], topic: r[3], priority: r[4], createdMs: r[5], expiresAtMs: r[6], payload: r[7] });
    }
    return out;
  }

  /**
   * The publisher's read: committed rows of one priority with rowId > afterRowId in rowId order,
   * at most `limit`, as arrays (see OutboxRow). Rows acknowledged but not yet deleted are skipped.
   * The payloads are views into one buffer per call.
   */
  peekRows(afterRowId: number, limit: number, priority: number): OutboxRow[] {
    if (!this.stmts) return [];
    // One result row per call: the columns as JSON, the payloads concatenated in the same order.
    // better-sqlite3 on Node 20 builds every row it returns with a v8 Object::Set per column
    // and copies every blob into its own ArrayBuffer: 1.9 us/row for 256 rows of 6 columns,
    // against 1.0 us/row this way (1,000,000 status rows, min of 5 runs).
    const [columns, payloads] = this.peekRowsStatement(limit).get(priority, afterRowId) as [string, Buffer | null];
    const rows = JSON.parse(columns) as OutboxRow[];
    const all = payloads ?? EMPTY_BUFFER;
    let offset = 0;
    let ordered = true;
    let previousId = -Infinity;
    let kept = 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const length = row[5] as unknown as number; // length(payload) until replaced by the payload
      row[5] = all.subarray(offset, offset + length);
      offset += length;
      if (row[0] <= previousId) ordered = false;
      previousId = row[0];
      if (!this.isPendingAck(row[0])) rows[kept++] = row;
    }
    rows.length = kept;
    // Both aggregates see the rows in one order, so the slices are right whatever that order is;
    // SQLite feeds them in the subquery's id order, which is not promised: sort if it ever is not.
    if (!ordered) rows.sort((a, b) => a[0] - b[0]);
    return rows;
  }

  /**
   * The LIMIT is written into the SQL, not bound: SQLite 3.53 (as better-sqlite3 12 builds it)
   * uses the value of a bound LIMIT when it plans, so each new binding re-prepares the statement
   * (the parser shows in a perf profile): 7.6 against 2.5 us per call of a one-row read. The
   * publisher always asks for the same limit.
   */
  private peekRowsStatement(limit: number): Database.Statement {
    if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`Outbox.peekRows(): limit must be a positive integer, got ${limit}`);
    if (this.peekRowsStmt?.limit !== limit) {
      const stmt = this.db!.prepare(
        `SELECT json_group_array(json_array(id, seq, kind, topic, expires_ms, length(payload))), CAST(group_concat(payload, x'') AS BLOB)
         FROM (SELECT id, seq, kind, topic, expires_ms, payload FROM records WHERE priority = ? AND id > ? ORDER BY id LIMIT ${limit})`,
      );
      this.peekRowsStmt = { limit, stmt: stmt.raw(true) };
    }
    return this.peekRowsStmt.stmt;
  }

  /** Marks rows as acknowledged by the broker; they are deleted in the next group commit. */
  ack(rowIds: Iterable<number>): void {
    for (const id of rowIds) {
      this.pendingAcks.push(id);
      if (id < this.pendingAckMin) this.pendingAckMin = id;
      if (id > this.pendingAckMax) this.pendingAckMax = id;
    }
    if (this.pendingAcks.length >= (this.opts.groupCommitRecords ?? 4096) && !this.diskFull) this.flush();
  }

  private clearPendingAcks(): void {
    this.pendingAcks = [];
    this.pendingAckMin = Infinity;
    this.pendingAckMax = -Infinity;
    if (this.pendingAcksInSet > 0) this.pendingAckSet.clear();
    this.pendingAcksInSet = 0;
  }

  private isPendingAck(rowId: number): boolean {
    if (rowId < this.pendingAckMin || rowId > this.pendingAckMax) return false;
    for (; this.pendingAcksInSet < this.pendingAcks.length; this.pendingAcksInSet++) this.pendingAckSet.add(this.pendingAcks[this.pendingAcksInSet]);
    return this.pendingAckSet.has(rowId);
  }

  /** Commits the open group now (also called by the timer). */
  flush(): void {
    if (!this.db || !this.commitTx) return;
    if (this.open.length === 0 && this.pendingAcks.length === 0) return;
    const rows = this.open;
    const acks = this.pendingAcks;
    const before = { rowCount: this.rowCount, rowBytes: this.rowBytes, nextSeq: this.nextSeq, counters: { ...this.counters } };
    try {
      this.commitTx(rows, acks);
    } catch (err) {
      // The transaction rolled back: so do the in-memory figures it touched.
      this.rowCount = before.rowCount;
      this.rowBytes = before.rowBytes;
      this.nextSeq = before.nextSeq;
      Object.assign(this.counters, before.counters);
      if (isDiskFull(err)) {
        this.enterDiskFull(err);
        return;
      }
      if (isCorrupt(err)) {
        this.recoverCorruptAtRuntime(err);
        return;
      }
      throw new LookoutError('E_OUTBOX', `outbox commit failed: ${(err as Error).message}`, { cause: err, retryable: true });
    }
    this.open = [];
    this.openBytes = 0;
    this.clearPendingAcks();
    if (this.diskFull) this.leaveDiskFull();
    this.sweepExpired();
    this.opts.onCommit?.();
  }

  // -------------------------------------------------------------------------------------------

  private openDb(): void {
    const db = this.opts.openDatabase ? this.opts.openDatabase(this.opts.path) : new Database(this.opts.path);
    try {
      // Only takes effect on a new file (SQLite's default anyway): peekRows passes payloads
      // through group_concat, which keeps a BLOB's bytes as they are only in a UTF-8 database.
      db.pragma("encoding = 'UTF-8'");
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('journal_size_limit = 67108864');
      // better-sqlite3 builds SQLite with a 16 MB page cache: during an outage it fills as the
      // file grows and shows as RSS creeping (+5 MB/min at 10x a 48 rpm radar, JS heap flat).
      // The outbox appends and reads in order: 4 MB keeps RSS flat (90 +- 1 MB over 2 min).
      db.pragma('cache_size = -4096');
      db.exec(`
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT;
        CREATE TABLE IF NOT EXISTS records (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          seq INTEGER NOT NULL,
          session INTEGER NOT NULL,
          kind TEXT NOT NULL,
          priority INTEGER NOT NULL,
          topic TEXT NOT NULL,
          created_ms INTEGER NOT NULL,
          expires_ms INTEGER,
          payload BLOB NOT NULL
        ) STRICT;
        CREATE INDEX IF NOT EXISTS records_priority ON records(priority, id);
        CREATE INDEX IF NOT EXISTS records_expiry ON records(expires_ms) WHERE expires_ms IS NOT NULL;
      `);
      // quick_check reads every page once: about 1 s per GB here; it finds truncation and garbage.
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw Object.assign(new Error(`quick_check: ${String(check)}`), { code: 'SQLITE_CORRUPT' });
      const meta = new Map((db.prepare('SELECT key, value FROM meta').all() as Array<{ key: string; value: number }>).map((r) => [r.key, r.value]));
      const stats = db.prepare('SELECT COUNT(*) AS n, COALESCE(SUM(length(payload)), 0) AS b, COALESCE(MAX(seq), 0) AS maxSeq FROM records').get() as { n: number; b: number; maxSeq: number };
      this.sessionNo = meta.get('session') ?? 0;
      this.nextSeq = Math.max(meta.get('next_seq') ?? 1, stats.maxSeq + 1);
      this.rowCount = stats.n;
      this.rowBytes = stats.b + stats.n * ROW_OVERHEAD_BYTES;
      const stmts = {
        insert: db.prepare(`INSERT INTO records ${INSERT_COLUMNS} VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
        insertBatch: db.prepare(`INSERT INTO records ${INSERT_COLUMNS} VALUES ${new Array(INSERT_BATCH).fill('(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`),
        sizeOfRange: db.prepare('SELECT COUNT(*) AS n, SUM(length(payload)) AS len FROM records WHERE id BETWEEN ? AND ?'),
        delBetween: db.prepare('DELETE FROM records WHERE id BETWEEN ? AND ?'),
        setMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
        peekAll: db.prepare('SELECT id, seq, kind, topic, priority, created_ms, expires_ms, payload FROM records WHERE id > ? ORDER BY id LIMIT ?').raw(true),
        peekPrio: db.prepare('SELECT id, seq, kind, topic, priority, created_ms, expires_ms, payload FROM records WHERE priority = ? AND id > ? ORDER BY id LIMIT ?').raw(true),
        lowestPrio: db.prepare('SELECT MIN(priority) AS p FROM records'),
        oldestOfPrio: db.prepare('SELECT id, seq, kind, length(payload) AS len FROM records WHERE priority = ? ORDER BY id LIMIT ?'),
        expired: db.prepare('SELECT id, seq, kind, length(payload) AS len FROM records WHERE expires_ms IS NOT NULL AND expires_ms <= ? ORDER BY id LIMIT 10000'),
        delRange: db.prepare('DELETE FROM records WHERE id = ?'),
      };
      this.stmts = stmts;
      this.peekRowsStmt = undefined;
      this.db = db;
      this.commitTx = db.transaction((rows: Pending[], acks: number[]) => {
        // PUBACKs come nearly in id order: delete runs of consecutive acknowledged ids with one
        // range statement each (measured: 1,000,000 single-row deletes took 11 s of the replay).
        const sorted = acks.length > 1 ? Float64Array.from(acks).sort() : acks;
        for (let i = 0; i < sorted.length; ) {
          let j = i;
          // An id given to ack() twice appears twice: still one run.
          while (j + 1 < sorted.length && sorted[j + 1]! - sorted[j]! <= 1) j++;
          const r = stmts.sizeOfRange.get(sorted[i], sorted[j]) as { n: number; len: number | null };
          if (r.n > 0) {
            stmts.delBetween.run(sorted[i], sorted[j]);
            this.rowCount -= r.n;
            this.rowBytes -= (r.len ?? 0) + r.n * ROW_OVERHEAD_BYTES;
            this.counters.acked += r.n;
          }
          i = j + 1;
        }
        const args = new Array<unknown>(INSERT_BATCH * 8);
        let i = 0;
        for (; i + INSERT_BATCH <= rows.length; i += INSERT_BATCH) {
          for (let j = 0; j < INSERT_BATCH; j++) {
            const r = rows[i + j];
            const o = j * 8;
            args[o] = r.seq;
            args[o + 1] = this.sessionNo;
            args[o + 2] = r.kind;
            args[o + 3] = r.priority;
            args[o + 4] = r.topic;
            args[o + 5] = r.createdMs;
            args[o + 6] = r.expiresAtMs;
            args[o + 7] = r.payload;
            this.rowBytes += r.payload.length + ROW_OVERHEAD_BYTES;
          }
          stmts.insertBatch.run(args);
        }
        for (; i < rows.length; i++) {
          const r = rows[i];
          stmts.insert.run(r.seq, this.sessionNo, r.kind, r.priority, r.topic, r.createdMs, r.expiresAtMs, r.payload);
          this.rowBytes += r.payload.length + ROW_OVERHEAD_BYTES;
        }
        this.rowCount += rows.length;
        if (rows.length > 0) {
          stmts.setMeta.run('next_seq', rows[rows.length - 1].seq + 1);
          this.counters.committed += rows.length;
        }
        this.enforceQuota();
        this.counters.commits++;
      });
    } catch (err) {
      try {
        db.close();
      } catch {
        /* already broken */
      }
      throw err;
    }
  }

  /**
   * Inside the commit transaction: drop the oldest rows of the lowest priority until the
   * quota holds with 5 % headroom (so a full outbox does not write a gap record per commit).
   */
  private enforceQuota(): void {
    const stmts = this.stmts!;
    if (this.rowBytes <= this.opts.maxBytes) return;
    const target = Math.floor(this.opts.maxBytes * 0.95);
    const dropped: number[] = [];
    const kinds = new Set<RecordKind>();
    while (this.rowBytes > target) {
      const p = (stmts.lowestPrio.get() as { p: number | null }).p;
      if (p === null) break;
      const victims = stmts.oldestOfPrio.all(p, 1024) as Array<{ id: number; seq: number; kind: RecordKind; len: number }>;
      if (victims.length === 0) break;
      for (const v of victims) {
        if (this.rowBytes <= target) break;
        stmts.delRange.run(v.id);
        this.rowCount--;
        this.rowBytes -= v.len + ROW_OVERHEAD_BYTES;
        dropped.push(v.seq);
        kinds.add(v.kind);
      }
    }
    if (dropped.length === 0) return;
    this.counters.droppedQuota += dropped.length;
    this.log.warn({ dropped: dropped.length, maxBytes: this.opts.maxBytes }, 'outbox over quota: dropped the oldest records of the lowest priority');
    this.insertGapsNow(seqRanges(dropped), 'quota', [...kinds], dropped.length);
  }

  /** Writes gap record(s) inside the running transaction (they get fresh seqs). */
  private insertGapsNow(ranges: Array<[number, number]>, reason: GapReason, kinds: RecordKind[], count: number): void {
    const stmts = this.stmts!;
    const now = this.clock.wallMs();
    for (let i = 0; i < ranges.length; i += MAX_GAP_RANGES) {
      const part = ranges.slice(i, i + MAX_GAP_RANGES);
      const n = part.reduce((a, r) => a + (r[1] - r[0] + 1), 0);
      const seq = this.nextSeq++;
      const payload = Buffer.from(encodeRecord({ unit: this.opts.unit, session: this.sessionNo, seq, kind: 'gap', timeMs: now, body: { ranges: part, reason, count: ranges.length <= MAX_GAP_RANGES ? count : n, kinds } }));
      if (this.nextSeq >= this.seqCeiling) this.reserveSeqBlock();
      stmts.insert.run(seq, this.sessionNo, 'gap', KIND_PRIORITY.gap, recordTopic(this.opts.unit, 'gap'), now, null, payload);
      this.rowCount++;
      this.rowBytes += payload.length + ROW_OVERHEAD_BYTES;
      this.counters.gapRecords++;
    }
    stmts.setMeta.run('next_seq', this.nextSeq);
  }

  /** Queues a gap record into the open group (outside a transaction). */
  private appendGap(ranges: Array<[number, number]>, reason: GapReason, kinds: RecordKind[], count: number): void {
    for (let i = 0; i < ranges.length; i += MAX_GAP_RANGES) {
      const part = ranges.slice(i, i + MAX_GAP_RANGES);
      this.append('gap', { ranges: part, reason, count: ranges.length <= MAX_GAP_RANGES ? count : part.reduce((a, r) => a + (r[1] - r[0] + 1), 0), kinds });
      this.counters.gapRecords++;
    }
  }

  private sweepExpired(): void {
    const now = this.clock.wallMs();
    if (now - this.lastExpirySweepMs < 1000 || !this.db || !this.stmts) return;
    this.lastExpirySweepMs = now;
    const stmts = this.stmts;
    const rows = stmts.expired.all(now) as Array<{ id: number; seq: number; kind: RecordKind; len: number }>;
    if (rows.length === 0) return;
    const before = { rowCount: this.rowCount, rowBytes: this.rowBytes, nextSeq: this.nextSeq, gapRecords: this.counters.gapRecords };
    try {
      this.db.transaction(() => {
        for (const r of rows) {
          stmts.delRange.run(r.id);
          this.rowCount--;
          this.rowBytes -= r.len + ROW_OVERHEAD_BYTES;
        }
        this.insertGapsNow(seqRanges(rows.map((r) => r.seq)), 'expired', [...new Set(rows.map((r) => r.kind))], rows.length);
      })();
      this.counters.droppedExpired += rows.length;
    } catch (err) {
      // Rolled back: the rows are still there, and the gap record's seq was not used.
      this.rowCount = before.rowCount;
      this.rowBytes = before.rowBytes;
      this.nextSeq = before.nextSeq;
      this.counters.gapRecords = before.gapRecords;
      this.log.error({ err }, 'outbox: expiry sweep failed');
    }
  }

  private bumpSession(): void {
    this.sessionNo += 1;
    const write = (): void => {
      this.db!.transaction(() => {
        this.stmts!.setMeta.run('session', this.sessionNo);
        this.stmts!.setMeta.run('next_seq', this.nextSeq);
      })();
    };
    try {
      write();
    } catch (err) {
      if (!isDiskFull(err)) throw err;
      this.enterDiskFull(err);
    }
    this.reserveSeqBlock();
  }

  private readSidecar(): { session: number; seqCeiling: number } {
    return readSeqReservation(this.opts.path);
  }

  /** Persists "seqs below seqCeiling may have been used" once per block of SEQ_BLOCK records. */
  private reserveSeqBlock(): void {
    const ceiling = this.nextSeq + SEQ_BLOCK;
    try {
      writeSeqReservation(this.opts.path, { session: this.sessionNo, seqCeiling: ceiling });
      this.seqCeiling = ceiling;
    } catch (err) {
      this.log.warn({ err }, 'outbox: cannot write the seq reservation file');
    }
  }

  private moveAside(): string {
    const stamp = new Date(this.clock.wallMs()).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    const to = `${this.opts.path}.corrupt-${stamp}`;
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(this.opts.path + suffix)) renameSync(this.opts.path + suffix, to + suffix);
    }
    return to;
  }

  private recoverCorruptAtRuntime(err: unknown): void {
    this.log.error({ err }, 'outbox: corruption found while committing');
    try {
      this.db?.close();
    } catch {
      /* broken */
    }
    this.db = undefined;
    this.stmts = undefined;
    this.peekRowsStmt = undefined;
    this.commitTx = undefined;
    const pending = this.open;
    const keepNext = this.nextSeq;
    const session = this.sessionNo;
    const movedTo = this.moveAside();
    // Row ids start again in the fresh file: ids read or acknowledged until now are the old
    // file's, and must not delete or skip rows of the new one (see `epoch`).
    this.fileEpoch++;
    this.clearPendingAcks();
    this.openDb();
    // At run time the counter is known exactly: no need to skip a block.
    this.nextSeq = keepNext;
    this.sessionNo = session;
    this.bumpSession();
    this.counters.corruptRecoveries++;
    this.open = pending;
    // The unsent rows of the old file are lost with it: announce every seq before the open group.
    const firstPending = pending.length > 0 ? Math.min(...pending.map((r) => r.seq)) : keepNext;
    if (firstPending > 1) this.appendGap([[1, firstPending - 1]], 'corrupt', [], firstPending - 1);
    this.raise({ severity: 'critical', code: 'E_OUTBOX_CORRUPT', message: `outbox database became corrupt; moved aside to ${movedTo} and started a fresh one`, details: { path: this.opts.path, movedTo } });
  }

  private enterDiskFull(err: unknown): void {
    if (!this.diskFull) {
      this.diskFull = true;
      this.counters.diskFullEvents++;
      this.log.error({ err, path: this.opts.path, held: this.open.length }, 'outbox: disk full; keeping the newest records in memory until space returns');
      this.raise({ severity: 'critical', code: 'E_DISK_FULL', message: `disk full under ${dirname(this.opts.path)}: records are held in a bounded memory ring`, details: { path: this.opts.path } });
    }
    this.trimRing();
    if (!this.retryTimer && this.started) {
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        try {
          this.flush();
        } catch (e) {
          this.log.error({ err: e }, 'outbox: retry after disk full failed');
        }
        if (this.diskFull) this.enterDiskFull(err);
      }, 1000);
      this.retryTimer.unref?.();
    }
  }

  private leaveDiskFull(): void {
    this.diskFull = false;
    this.log.warn('outbox: disk space is back; records in memory written to disk');
    this.raise({ severity: 'info', code: 'E_DISK_FULL', message: 'disk space is back: the outbox writes to disk again', details: { path: this.opts.path } });
  }

  /** Bounded memory while the disk is full: drop the oldest of the lowest priority. */
  private trimRing(): void {
    const max = this.opts.memoryRingBytes ?? 16 * 1024 * 1024;
    if (this.openBytes <= max) return;
    const dropped: Pending[] = [];
    while (this.openBytes > max * 0.9 && this.open.length > 1) {
      let lowest = Infinity;
      for (const r of this.open) if (r.priority < lowest && r.kind !== 'gap') lowest = r.priority;
      const idx = this.open.findIndex((r) => r.priority === lowest && r.kind !== 'gap');
      if (idx < 0) break;
      const [r] = this.open.splice(idx, 1);
      this.openBytes -= r.payload.length + ROW_OVERHEAD_BYTES;
      dropped.push(r);
    }
    if (dropped.length === 0) return;
    this.counters.droppedDiskFull += dropped.length;
    const ranges = seqRanges(dropped.map((r) => r.seq));
    const kinds = [...new Set(dropped.map((r) => r.kind))];
    this.appendGapNoTrim(ranges, kinds, dropped.length);
  }

  private appendGapNoTrim(ranges: Array<[number, number]>, kinds: RecordKind[], count: number): void {
    const now = this.clock.wallMs();
    for (let i = 0; i < ranges.length; i += MAX_GAP_RANGES) {
      const part = ranges.slice(i, i + MAX_GAP_RANGES);
      const n = ranges.length <= MAX_GAP_RANGES ? count : part.reduce((a, r) => a + (r[1] - r[0] + 1), 0);
      const seq = this.nextSeq++;
      const payload = Buffer.from(encodeRecord({ unit: this.opts.unit, session: this.sessionNo, seq, kind: 'gap', timeMs: now, body: { ranges: part, reason: 'disk-full', count: n, kinds } }));
      this.open.push({ seq, kind: 'gap', topic: recordTopic(this.opts.unit, 'gap'), priority: KIND_PRIORITY.gap, createdMs: now, expiresAtMs: null, payload });
      this.openBytes += payload.length + ROW_OVERHEAD_BYTES;
      this.counters.gapRecords++;
    }
  }

  private raise(alert: AlertBody): void {
    try {
      if (this.started) this.append('alerts', alert);
    } catch (err) {
      this.log.error({ err }, 'outbox: cannot queue an alert');
    }
    this.opts.onAlert?.(alert);
  }

  private scheduleCommit(): void {
    if (!this.started) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      try {
        if (!this.diskFull) this.flush();
      } catch (err) {
        this.log.error({ err }, 'outbox: group commit failed');
      }
      this.scheduleCommit();
    }, this.opts.groupCommitMs);
    this.timer.unref?.();
  }
}
