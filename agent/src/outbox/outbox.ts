/**
 * The durable queue between the pipeline and the publisher (DESIGN.md, Durability).
 *
 * - Records are appended into an open group that is committed in one transaction every
 *   `groupCommitMs` or every `groupCommitRecords` records, whichever comes first. A crash loses
 *   at most the open group (never seen by anyone: its seqs are given again after the restart).
 * - The sequence counter and the session live in the same database, updated in the same
 *   transaction as the records. A sidecar file (`<path>.seq`) reserves seq blocks, so that a
 *   corrupt database moved aside never makes the unit reuse a seq a hub has seen.
 * - Bounded by bytes: over quota, the oldest records of the lowest priority go first, announced
 *   by a `gap` record naming their seqs (reason `quota`). Expired records likewise (`expired`).
 * - A corrupt file or a full disk: recovery.ts.
 *
 * It stores what `encode` made of each record and knows nothing of MQTT: the publisher makes a
 * row's topic from its kind.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import { LookoutError } from '../errors.js';
import { systemClock, type Clock } from '../io/types.js';
import { systemTimers, type TimerHandle, type Timers } from '../io/timers.js';
import type { AlertBody, RecordBodies, RecordKind } from '../wire/types.js';
import { GapWriter, lostRecords } from './gaps.js';
import { OpenGroup } from './open-group.js';
import { PendingAcks } from './pending-acks.js';
import { corruptAlert, DiskFullRing, lostWithFile, moveAside, openOrReplace } from './recovery.js';
import { dropOverQuota } from './retention.js';
import { Sequence } from './sequence.js';
import { OutboxStore, type RowSize, type StoredRecord } from './store.js';
import { KIND_PRIORITY, type AppendOptions, type OutboxCounters, type OutboxOptions, type OutboxRecord, type OutboxRow, type OutboxSource } from './types.js';
import { asBuffer, isCorrupt, isDiskFull } from './util.js';

export { seqRanges } from './util.js';
export { ROW_OVERHEAD_BYTES } from './store.js';
export { KIND_PRIORITY, type AppendOptions, type OutboxCounters, type OutboxOptions, type OutboxRecord, type OutboxRow, type RecordEncoder } from './types.js';

/** The expiry sweep runs after a commit at most this often. */
const EXPIRY_SWEEP_MS = 1000;
const GAP_APPEND: AppendOptions = { expiresAtMs: null };

export class Outbox implements OutboxSource {
  private readonly opts: OutboxOptions;
  private readonly clock: Clock;
  private readonly timers: Timers;
  private readonly log: Logger;
  private readonly groupCommitRecords: number;
  private store: OutboxStore | undefined;
  private commitTx: ((rows: readonly StoredRecord[], acks: readonly number[]) => void) | undefined;
  private expireTx: ((rows: readonly RowSize[]) => void) | undefined;
  /** The store's figures when it was closed (read by `depth` and `bytes` after stop). */
  private closedRows = { count: 0, bytes: 0 };
  private readonly open = new OpenGroup();
  private readonly acks = new PendingAcks();
  private readonly gaps: GapWriter;
  private readonly ring: DiskFullRing;
  private fileEpoch = 0;
  private timer: TimerHandle | undefined;
  private readonly seq: Sequence;
  private started = false;
  private lastExpirySweepMs = 0;
  /** The last group commit's failure (not disk full, not corruption), until one succeeds. */
  private commitError: string | undefined;
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
  /** Where gap records go inside a commit, and outside one. */
  private readonly intoStore = (rec: StoredRecord): void => {
    this.store!.insert([rec], this.seq.session);
    this.store!.setMeta('next_seq', rec.seq + 1);
  };
  private readonly intoOpenGroup = (rec: StoredRecord): void => this.open.push(rec);

  constructor(opts: OutboxOptions) {
    this.opts = opts;
    this.clock = opts.clock ?? systemClock;
    this.timers = opts.timers ?? systemTimers;
    this.log = opts.logger;
    this.groupCommitRecords = opts.groupCommitRecords ?? 4096;
    this.seq = new Sequence(opts.path, this.log);
    this.gaps = new GapWriter({ make: (body) => this.makeRecord('gap', body, GAP_APPEND), onWritten: () => this.counters.gapRecords++ });
    this.ring = new DiskFullRing({
      path: opts.path,
      maxBytes: opts.memoryRingBytes ?? 16 * 1024 * 1024,
      log: this.log,
      timers: this.timers,
      counters: this.counters,
      raise: (alert) => this.raise(alert),
      announce: (dropped) => this.gaps.write(lostRecords(dropped, 'disk-full'), this.intoOpenGroup),
      retry: () => this.flush(),
      running: () => this.started,
    });
  }

  /**
   * Which database file the row ids belong to: increments when the file is replaced while
   * running (corruption found at a commit), since ids start again in the fresh file. A reader
   * drops its positions and any acknowledgement of an earlier epoch's ids.
   */
  get epoch(): number {
    return this.fileEpoch;
  }
  /** The session number of this run (1 on the first start of a unit). */
  get session(): number {
    return this.seq.session;
  }
  /** Records not yet acknowledged (on disk and in the open group / memory ring). */
  get depth(): number {
    return (this.store?.rowCount ?? this.closedRows.count) + this.open.length;
  }
  /** Bytes counted against the quota (on disk and open). */
  get bytes(): number {
    return (this.store?.rowBytes ?? this.closedRows.bytes) + this.open.bytes;
  }
  /** The seq the next record will get. */
  get nextSequence(): number {
    return this.seq.next;
  }
  /** True while the disk is full and records wait in memory. */
  get isDiskFull(): boolean {
    return this.ring.isFull;
  }
  /** Why records are not being committed to disk now, in words; undefined while commits succeed. */
  get commitProblem(): string | undefined {
    if (this.ring.isFull) return 'the disk is full: records wait in memory';
    return this.commitError;
  }

  async start(): Promise<void> {
    if (this.started) return;
    const { path } = this.opts;
    mkdirSync(dirname(path), { recursive: true });
    const opened = openOrReplace(path, () => this.openStore(), () => this.clock.wallMs());
    this.useStore(opened.store);
    this.started = true;
    // The old counter is gone with a corrupt file: continue after the sidecar's last block.
    const resumeAt = this.seq.resume(opened.corrupt !== undefined);
    if (opened.corrupt) {
      const { movedTo, cause } = opened.corrupt;
      this.counters.corruptRecoveries++;
      this.log.error({ err: cause, path, movedTo }, 'outbox database corrupt: moved aside, started a fresh one');
      this.bumpSession();
      const lost = lostWithFile(resumeAt);
      if (lost) this.gaps.write(lost, this.intoOpenGroup);
      this.raise(corruptAlert(path, movedTo, { cause }));
    } else this.bumpSession();
    this.scheduleCommit();
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    if (this.timer) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.ring.cancelRetry();
    try {
      this.flush();
    } catch (err) {
      this.log.error({ err }, 'outbox: final commit failed');
    }
    if (this.open.length > 0) this.log.warn({ lost: this.open.length }, 'outbox: records still in memory at stop (disk full): lost');
    this.closeStore();
  }

  /**
   * Queues a record into the open group; returns its seq. The record is durable after the next
   * group commit (at most `groupCommitMs` later), and visible to `peek` from then on.
   */
  append<K extends RecordKind>(kind: K, body: RecordBodies[K], options: AppendOptions = {}): number {
    if (!this.started) throw new TypeError('Outbox.append() before start()');
    const rec = this.makeRecord(kind, body, options);
    this.open.push(rec);
    this.counters.appended++;
    if (this.ring.isFull) this.ring.trim(this.open);
    else if (this.open.length >= this.groupCommitRecords) this.flush();
    return rec.seq;
  }

  /**
   * Committed rows with rowId > afterRowId in rowId (= seq) order, at most `limit`; only those
   * of one priority when `priority` is given. Rows acknowledged but not yet deleted are skipped.
   */
  peek(afterRowId: number, limit: number, priority?: number): OutboxRecord[] {
    return this.store ? this.store.peek(afterRowId, limit, priority, this.acks) : [];
  }

  /**
   * The publisher's read: committed rows of one priority with rowId > afterRowId in rowId order,
   * at most `limit`, as arrays (OutboxRow). Rows acknowledged but not yet deleted are skipped.
   */
  peekRows(afterRowId: number, limit: number, priority: number): OutboxRow[] {
    return this.store ? this.store.peekRows(afterRowId, limit, priority, this.acks) : [];
  }

  /** Marks rows as acknowledged by the broker; they are deleted in the next group commit. */
  ack(rowIds: Iterable<number>): void {
    this.acks.add(rowIds);
    if (this.acks.size >= this.groupCommitRecords && !this.ring.isFull) this.flush();
  }

  /** Commits the open group now (also called by the timer). */
  flush(): void {
    if (!this.store || !this.commitTx) return;
    if (this.open.length === 0 && this.acks.size === 0) return;
    const nextSeq = this.seq.next;
    const counters = { ...this.counters };
    try {
      this.commitTx(this.open.records, this.acks.list());
    } catch (err) {
      // The transaction rolled back (and the store's figures with it): so do ours.
      this.seq.next = nextSeq;
      Object.assign(this.counters, counters);
      if (isDiskFull(err)) {
        this.ring.enter(err, this.open);
        return;
      }
      if (isCorrupt(err)) {
        this.recoverCorrupt(err);
        return;
      }
      this.commitError = (err as Error).message;
      throw new LookoutError('E_OUTBOX', `outbox commit failed: ${(err as Error).message}`, { cause: err, retryable: true });
    }
    this.commitError = undefined;
    this.open.clear();
    this.acks.clear();
    if (this.ring.isFull) this.ring.leave();
    this.sweepExpired();
    this.opts.onCommit?.();
  }

  // -------------------------------------------------------------------------------------------

  private openStore(): OutboxStore {
    return OutboxStore.open(this.opts.path, this.opts.openDatabase);
  }

  /** Takes a freshly opened store: its counter and session, and the transactions on it. */
  private useStore(store: OutboxStore): void {
    this.store = store;
    this.seq.load(store.savedNextSeq, store.savedSession);
    this.commitTx = store.transaction((rows: readonly StoredRecord[], acks: readonly number[]) => this.commitGroup(store, rows, acks));
    this.expireTx = store.transaction((rows: readonly RowSize[]) => {
      for (const r of rows) store.deleteRow(r);
      this.gaps.write(lostRecords(rows, 'expired'), this.intoStore);
    });
  }

  /** Closes the store; `broken`: a corrupt file, whose close may fail and says nothing new. */
  private closeStore(broken = false): void {
    const store = this.store;
    if (!store) return;
    this.store = this.commitTx = this.expireTx = undefined;
    this.closedRows = { count: store.rowCount, bytes: store.rowBytes };
    try {
      store.close();
    } catch (err) {
      if (!broken) this.log.error({ err }, 'outbox: close failed');
    }
  }

  /** The next seq, the envelope, encoded: one record, not yet queued anywhere. */
  private makeRecord<K extends RecordKind>(kind: K, body: RecordBodies[K], options: AppendOptions): StoredRecord {
    const now = Math.round(this.clock.wallMs());
    const seq = this.seq.next;
    // Encode first: a body that does not encode (TypeError) must not leave a hole in the seqs.
    const payload = asBuffer(this.opts.encode({ unit: this.opts.unit, session: this.seq.session, seq, kind, timeMs: now, body }));
    this.seq.advance();
    let expiresAtMs: number | null = null;
    if (options.expiresAtMs !== undefined) expiresAtMs = options.expiresAtMs === null ? null : Math.round(options.expiresAtMs);
    else {
      const s = this.opts.expirySeconds?.[kind];
      if (s !== undefined && s > 0) expiresAtMs = now + s * 1000;
    }
    return { seq, kind, priority: options.priority ?? KIND_PRIORITY[kind], createdMs: now, expiresAtMs, payload };
  }

  /** The group commit, inside its transaction: acknowledged rows out, the open group in, the quota kept. */
  private commitGroup(store: OutboxStore, rows: readonly StoredRecord[], acks: readonly number[]): void {
    this.counters.acked += store.deleteIds(acks);
    store.insert(rows, this.seq.session);
    if (rows.length > 0) {
      store.setMeta('next_seq', rows[rows.length - 1].seq + 1);
      this.counters.committed += rows.length;
    }
    this.enforceQuota(store);
    this.counters.commits++;
  }

  /** Inside the commit transaction: back within the quota, the dropped rows announced. */
  private enforceQuota(store: OutboxStore): void {
    const dropped = dropOverQuota(store, this.opts.maxBytes);
    if (dropped.length === 0) return;
    this.counters.droppedQuota += dropped.length;
    this.log.warn({ dropped: dropped.length, maxBytes: this.opts.maxBytes }, 'outbox over quota: dropped the oldest records of the lowest priority');
    this.gaps.write(lostRecords(dropped, 'quota'), this.intoStore);
  }

  private sweepExpired(): void {
    const now = this.clock.wallMs();
    if (now - this.lastExpirySweepMs < EXPIRY_SWEEP_MS || !this.store || !this.expireTx) return;
    this.lastExpirySweepMs = now;
    const rows = this.store.expired(now);
    if (rows.length === 0) return;
    const nextSeq = this.seq.next;
    const gapRecords = this.counters.gapRecords;
    try {
      this.expireTx(rows);
      this.counters.droppedExpired += rows.length;
    } catch (err) {
      // Rolled back: the rows are still there, and the gap record's seq was not used.
      this.seq.next = nextSeq;
      this.counters.gapRecords = gapRecords;
      this.log.error({ err }, 'outbox: expiry sweep failed');
    }
  }

  private bumpSession(): void {
    const { seq } = this;
    seq.session += 1;
    const store = this.store!;
    try {
      store.transaction(() => {
        store.setMeta('session', seq.session);
        store.setMeta('next_seq', seq.next);
      })();
    } catch (err) {
      if (!isDiskFull(err)) throw err;
      this.ring.enter(err, this.open);
    }
    seq.reserve();
  }

  /** A commit found the file corrupt: a fresh file, the open group kept, the old file's rows announced lost. */
  private recoverCorrupt(err: unknown): void {
    this.log.error({ err }, 'outbox: corruption found while committing');
    const { path } = this.opts;
    this.closeStore(true);
    const keepNext = this.seq.next;
    const session = this.seq.session;
    const movedTo = moveAside(path, this.clock.wallMs());
    // Row ids start again in the fresh file: ids read or acknowledged until now are the old
    // file's, and must not delete or skip rows of the new one (see `epoch`).
    this.fileEpoch++;
    this.acks.clear();
    this.useStore(this.openStore());
    // At run time the counter is known exactly: no need to skip a block.
    this.seq.load(keepNext, session);
    this.bumpSession();
    this.counters.corruptRecoveries++;
    // The unsent rows of the old file are lost with it: announce every seq before the open group.
    const pending = this.open.records;
    const lost = lostWithFile(pending.length > 0 ? Math.min(...pending.map((r) => r.seq)) : keepNext);
    if (lost) this.gaps.write(lost, this.intoOpenGroup);
    this.raise(corruptAlert(path, movedTo, undefined));
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
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      try {
        if (!this.ring.isFull) this.flush();
      } catch (err) {
        this.log.error({ err }, 'outbox: group commit failed');
      }
      this.scheduleCommit();
    }, this.opts.groupCommitMs);
    this.timer.unref?.();
  }
}
