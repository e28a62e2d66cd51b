/**
 * When the outbox's file fails it: a corrupt database is moved aside (`<path>.corrupt-<stamp>`)
 * and a fresh one started; a full disk keeps the open group and what follows in a bounded
 * memory ring (newest kept, overflow announced as a `disk-full` gap) until space returns.
 * What a recovery means for the seqs (what to announce, where to resume) is the queue's.
 */
import { existsSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import { LookoutError } from '../errors.js';
import type { TimerHandle, Timers } from '../io/timers.js';
import type { AlertBody } from '../wire/types.js';
import type { LostRecords } from './gaps.js';
import type { OpenGroup } from './open-group.js';
import type { OutboxStore, StoredRecord } from './store.js';
import type { OutboxCounters } from './types.js';
import { isCorrupt } from './util.js';

/** While the disk is full, a commit is tried again this often. */
const DISK_FULL_RETRY_MS = 1000;

/** Moves the database and its -wal and -shm files aside; returns the new path of the database. */
export function moveAside(path: string, wallMs: number): string {
  const stamp = new Date(wallMs).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const to = `${path}.corrupt-${stamp}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, to + suffix);
  }
  return to;
}

export interface OpenedStore {
  store: OutboxStore;
  /** Set when the file was corrupt: where it went, and what SQLite said. */
  corrupt?: { movedTo: string; cause: unknown };
}

/** Opens the store at start; a corrupt file is moved aside and a fresh one opened. */
export function openOrReplace(path: string, open: () => OutboxStore, wallMs: () => number): OpenedStore {
  try {
    return { store: open() };
  } catch (err) {
    if (!isCorrupt(err)) throw new LookoutError('E_OUTBOX', `cannot open the outbox ${path}: ${(err as Error).message}`, { cause: err, details: { path } });
    const movedTo = moveAside(path, wallMs());
    return { store: open(), corrupt: { movedTo, cause: err } };
  }
}

/**
 * The seqs lost with a corrupt file: every one below `firstKept`. Any of them a hub has not
 * received by now will never come (hubs count only those they miss).
 */
export function lostWithFile(firstKept: number): LostRecords | undefined {
  return firstKept > 1 ? { ranges: [[1, firstKept - 1]], reason: 'corrupt', kinds: [], count: firstKept - 1 } : undefined;
}

/** The alert raised when a corrupt file was replaced, at start (with its cause) or while running. */
export function corruptAlert(path: string, movedTo: string, atStart: { cause: unknown } | undefined): AlertBody {
  if (atStart) {
    const cause = String((atStart.cause as Error)?.message ?? atStart.cause);
    return { severity: 'critical', code: 'E_OUTBOX_CORRUPT', message: `outbox database was corrupt; moved aside to ${movedTo} and started a fresh one`, details: { path, movedTo, cause } };
  }
  return { severity: 'critical', code: 'E_OUTBOX_CORRUPT', message: `outbox database became corrupt; moved aside to ${movedTo} and started a fresh one`, details: { path, movedTo } };
}

export interface DiskFullRingOptions {
  /** The database path (for logs and alerts). */
  path: string;
  /** Memory the open group may hold while the disk is full. */
  maxBytes: number;
  log: Logger;
  timers: Timers;
  counters: Pick<OutboxCounters, 'diskFullEvents' | 'droppedDiskFull'>;
  raise(alert: AlertBody): void;
  /** Announces records the ring dropped (the queue writes their gap record into the open group). */
  announce(dropped: StoredRecord[]): void;
  /** Tries the commit again; leaves the ring (`leave()`) when it succeeds. */
  retry(): void;
  /** False once the queue stops: no more retries. */
  running(): boolean;
}

export class DiskFullRing {
  private full = false;
  private retryTimer: TimerHandle | undefined;

  constructor(private readonly opts: DiskFullRingOptions) {}

  get isFull(): boolean {
    return this.full;
  }

  /** A write failed for want of space: hold records in memory and try again every second. */
  enter(err: unknown, group: OpenGroup): void {
    const { opts } = this;
    if (!this.full) {
      this.full = true;
      opts.counters.diskFullEvents++;
      opts.log.error({ err, path: opts.path, held: group.length }, 'outbox: disk full; keeping the newest records in memory until space returns');
      opts.raise({ severity: 'critical', code: 'E_DISK_FULL', message: `disk full under ${dirname(opts.path)}: records are held in a bounded memory ring`, details: { path: opts.path } });
    }
    this.trim(group);
    if (this.retryTimer || !opts.running()) return;
    this.retryTimer = opts.timers.setTimeout(() => {
      this.retryTimer = undefined;
      try {
        opts.retry();
      } catch (e) {
        opts.log.error({ err: e }, 'outbox: retry after disk full failed');
      }
      if (this.full) this.enter(err, group);
    }, DISK_FULL_RETRY_MS);
    this.retryTimer.unref?.();
  }

  /** A commit succeeded while full: space is back. */
  leave(): void {
    this.full = false;
    this.opts.log.warn('outbox: disk space is back; records in memory written to disk');
    this.opts.raise({ severity: 'info', code: 'E_DISK_FULL', message: 'disk space is back: the outbox writes to disk again', details: { path: this.opts.path } });
  }

  /** Keeps the group within the ring: drops the oldest of the lowest priority (never a gap record) to 90 % of it. */
  trim(group: OpenGroup): void {
    const max = this.opts.maxBytes;
    if (group.bytes <= max) return;
    const dropped: StoredRecord[] = [];
    while (group.bytes > max * 0.9 && group.length > 1) {
      let lowest = Infinity;
      for (const r of group.records) if (r.priority < lowest && r.kind !== 'gap') lowest = r.priority;
      const idx = group.records.findIndex((r) => r.priority === lowest && r.kind !== 'gap');
      if (idx < 0) break;
      dropped.push(group.remove(idx));
    }
    if (dropped.length === 0) return;
    this.opts.counters.droppedDiskFull += dropped.length;
    this.opts.announce(dropped);
  }

  cancelRetry(): void {
    if (this.retryTimer) this.opts.timers.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }
}
