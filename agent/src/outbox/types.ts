/**
 * What the outbox offers the floors above it: the rows it hands out, its counters, and
 * `OutboxSource`, the interface the publisher reads through (publish/ imports this file, never
 * the queue's). The outbox stores encoded envelopes and knows nothing of MQTT: a row carries its
 * kind, and the publisher makes the topic of it.
 */
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import type { Clock } from '../io/types.js';
import type { Timers } from '../io/timers.js';
import type { AlertBody, LookoutRecord, RecordKind } from '../wire/types.js';

/** Encodes one record to its wire bytes (the agent passes wire/'s `encodeRecord`). */
export type RecordEncoder = (record: LookoutRecord) => Uint8Array;

/** Higher is more important. Alerts > tracks > plots > status; gap records are never dropped first. */
export const KIND_PRIORITY: Readonly<Record<RecordKind, number>> = {
  gap: 5,
  birth: 5,
  state: 5,
  alerts: 4,
  commandResult: 4,
  tracks: 3,
  plots: 2,
  status: 1,
};

/** One committed row as an object (tools and tests; the publisher reads `OutboxRow`). */
export interface OutboxRecord {
  rowId: number;
  seq: number;
  kind: RecordKind;
  priority: number;
  createdMs: number;
  /** Wall-clock ms after which the record is worthless; null = never. */
  expiresAtMs: number | null;
  /** The encoded Envelope. */
  payload: Buffer;
}

/**
 * One committed row as the publisher reads it: an array, no object built per row (a replay
 * reads 1,000,000 of them; see OutboxStore.peekRows). Read it with the ROW_* indexes.
 */
export type OutboxRow = [rowId: number, seq: number, kind: RecordKind, expiresAtMs: number | null, payload: Buffer];

export const ROW_ID = 0;
export const ROW_SEQ = 1;
export const ROW_KIND = 2;
export const ROW_EXPIRES_AT_MS = 3;
export const ROW_PAYLOAD = 4;

/** What the publisher needs from the outbox (the Outbox class satisfies it). */
export interface OutboxSource {
  readonly session: number;
  readonly depth: number;
  readonly bytes: number;
  /** Changes when the database file is replaced while running: row ids start again. */
  readonly epoch: number;
  /** Committed rows of one priority after `afterRowId`, in rowId order, acknowledged ones skipped. */
  peekRows(afterRowId: number, limit: number, priority: number): OutboxRow[];
  /** The broker acknowledged these rows: they are deleted at the next commit. */
  ack(rowIds: Iterable<number>): void;
}

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

/** better-sqlite3's constructor, or a stand-in (tests inject faults through it). */
export type OpenDatabase = (path: string) => Database.Database;

export interface OutboxOptions {
  /** Database file path (its directory is created). */
  path: string;
  unit: string;
  /** Encodes each record (the agent passes wire/'s encodeRecord); the outbox fills in the envelope. */
  encode: RecordEncoder;
  /** Byte quota (payloads + a per-row overhead estimate). */
  maxBytes: number;
  /** Longest wait before the open group is committed. */
  groupCommitMs: number;
  /** Commit as soon as this many records are open (default 4096). */
  groupCommitRecords?: number;
  logger: Logger;
  clock?: Clock;
  timers?: Timers;
  /** Per-kind lifetime in seconds; 0 or absent = never expires. */
  expirySeconds?: Partial<Record<RecordKind, number>>;
  /** Memory ring while the disk is full, in bytes (default 16 MiB). */
  memoryRingBytes?: number;
  /** Called for every alert the outbox raises (after it is queued as an `alerts` record). */
  onAlert?: (alert: AlertBody) => void;
  /** Called after each successful commit (the publisher uses it to look for new rows). */
  onCommit?: () => void;
  openDatabase?: OpenDatabase;
}
