/**
 * The outbox's SQLite file: schema, pragmas and prepared statements, and the figures of what is
 * on disk (rows, counted bytes). better-sqlite3, WAL, synchronous=FULL. It knows rows, not
 * queues: the group commit, the quota and expiry policies are the queue's (outbox.ts).
 */
import Database from 'better-sqlite3';
import type { RecordKind } from '../wire/types.js';
import { ROW_ID, ROW_PAYLOAD, type OpenDatabase, type OutboxRecord, type OutboxRow } from './types.js';

/** A record before it has a row id: what the open group holds and a commit inserts. */
export interface StoredRecord {
  seq: number;
  kind: RecordKind;
  priority: number;
  createdMs: number;
  expiresAtMs: number | null;
  payload: Buffer;
}

/** A row as the quota and the expiry sweep see it. */
export interface RowSize {
  id: number;
  seq: number;
  kind: RecordKind;
  len: number;
}

/** Row ids to leave out of a read (acknowledged, not yet deleted). */
export interface RowFilter {
  has(rowId: number): boolean;
}

/** Bytes counted for a row beside its payload (SQLite row header, index entries, columns). */
export const ROW_OVERHEAD_BYTES = 64;
/** Rows per multi-row INSERT: 1.4x the rows/s of single-row inserts here (64 vs 1, 300k status rows). */
const INSERT_BATCH = 128;
const INSERT_COLUMNS = '(seq, session, kind, priority, topic, created_ms, expires_ms, payload)';
const COLUMNS_PER_ROW = 8;
/**
 * The `topic` column is kept so that files written before the outbox stopped knowing MQTT open
 * as they are; new rows get an empty one, and the publisher makes every row's topic from its
 * kind (the same string the old rows hold, for the same unit).
 */
const NO_TOPIC = '';
const EMPTY_BUFFER = Buffer.alloc(0);

const SCHEMA = `
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
`;

function prepareStatements(db: Database.Database) {
  return {
    insert: db.prepare(`INSERT INTO records ${INSERT_COLUMNS} VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    insertBatch: db.prepare(`INSERT INTO records ${INSERT_COLUMNS} VALUES ${new Array(INSERT_BATCH).fill('(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`),
    sizeOfRange: db.prepare('SELECT COUNT(*) AS n, SUM(length(payload)) AS len FROM records WHERE id BETWEEN ? AND ?'),
    delBetween: db.prepare('DELETE FROM records WHERE id BETWEEN ? AND ?'),
    setMeta: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
    peekAll: db.prepare('SELECT id, seq, kind, priority, created_ms, expires_ms, payload FROM records WHERE id > ? ORDER BY id LIMIT ?').raw(true),
    peekPrio: db.prepare('SELECT id, seq, kind, priority, created_ms, expires_ms, payload FROM records WHERE priority = ? AND id > ? ORDER BY id LIMIT ?').raw(true),
    lowestPrio: db.prepare('SELECT MIN(priority) AS p FROM records'),
    oldestOfPrio: db.prepare('SELECT id, seq, kind, length(payload) AS len FROM records WHERE priority = ? ORDER BY id LIMIT ?'),
    expired: db.prepare('SELECT id, seq, kind, length(payload) AS len FROM records WHERE expires_ms IS NOT NULL AND expires_ms <= ? ORDER BY id LIMIT 10000'),
    delRow: db.prepare('DELETE FROM records WHERE id = ?'),
  };
}

type Statements = ReturnType<typeof prepareStatements>;

export class OutboxStore {
  /** Rows on disk, and the bytes counted for them against the quota (payload + ROW_OVERHEAD_BYTES each). */
  rowCount: number;
  rowBytes: number;
  /** The session and next seq the file holds (next seq: after its highest seq at least). */
  readonly savedSession: number;
  readonly savedNextSeq: number;
  /** peekRows' statement, prepared for one LIMIT (see peekRowsStatement). */
  private peekRowsStmt: { limit: number; stmt: Database.Statement } | undefined;

  private constructor(
    private readonly db: Database.Database,
    private readonly stmts: Statements,
  ) {
    const meta = new Map((db.prepare('SELECT key, value FROM meta').all() as Array<{ key: string; value: number }>).map((r) => [r.key, r.value]));
    const stats = db.prepare('SELECT COUNT(*) AS n, COALESCE(SUM(length(payload)), 0) AS b, COALESCE(MAX(seq), 0) AS maxSeq FROM records').get() as { n: number; b: number; maxSeq: number };
    this.savedSession = meta.get('session') ?? 0;
    this.savedNextSeq = Math.max(meta.get('next_seq') ?? 1, stats.maxSeq + 1);
    this.rowCount = stats.n;
    this.rowBytes = stats.b + stats.n * ROW_OVERHEAD_BYTES;
  }

  /** Opens (or creates) the file and checks it; throws what SQLite throws (see util.ts isCorrupt). */
  static open(path: string, openDatabase?: OpenDatabase): OutboxStore {
    const db = openDatabase ? openDatabase(path) : new Database(path);
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
      db.exec(SCHEMA);
      // quick_check reads every page once: about 1 s per GB here; it finds truncation and garbage.
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw Object.assign(new Error(`quick_check: ${String(check)}`), { code: 'SQLITE_CORRUPT' });
      return new OutboxStore(db, prepareStatements(db));
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
   * Wraps `fn` in one transaction (better-sqlite3's, prepared once). When it rolls back, the
   * figures go back with it.
   */
  transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
    const tx = this.db.transaction(fn);
    return (...args: A): void => {
      const rowCount = this.rowCount;
      const rowBytes = this.rowBytes;
      try {
        tx(...args);
      } catch (err) {
        this.rowCount = rowCount;
        this.rowBytes = rowBytes;
        throw err;
      }
    };
  }

  close(): void {
    this.db.close();
  }

  /** Inserts the records in their order, in multi-row statements where there are enough. */
  insert(rows: readonly StoredRecord[], session: number): void {
    let i = 0;
    if (rows.length >= INSERT_BATCH) {
      const args = new Array<unknown>(INSERT_BATCH * COLUMNS_PER_ROW);
      for (; i + INSERT_BATCH <= rows.length; i += INSERT_BATCH) {
        for (let j = 0; j < INSERT_BATCH; j++) {
          const r = rows[i + j];
          const o = j * COLUMNS_PER_ROW;
          args[o] = r.seq;
          args[o + 1] = session;
          args[o + 2] = r.kind;
          args[o + 3] = r.priority;
          args[o + 4] = NO_TOPIC;
          args[o + 5] = r.createdMs;
          args[o + 6] = r.expiresAtMs;
          args[o + 7] = r.payload;
          this.rowBytes += r.payload.length + ROW_OVERHEAD_BYTES;
        }
        this.stmts.insertBatch.run(args);
      }
    }
    for (; i < rows.length; i++) {
      const r = rows[i];
      this.stmts.insert.run(r.seq, session, r.kind, r.priority, NO_TOPIC, r.createdMs, r.expiresAtMs, r.payload);
      this.rowBytes += r.payload.length + ROW_OVERHEAD_BYTES;
    }
    this.rowCount += rows.length;
  }

  /** Deletes the rows of these ids (repeats allowed); returns how many were there. */
  deleteIds(ids: readonly number[]): number {
    // PUBACKs come nearly in id order: delete runs of consecutive ids with one range statement
    // each (measured: 1,000,000 single-row deletes took 11 s of the replay).
    const sorted = ids.length > 1 ? Float64Array.from(ids).sort() : ids;
    let deleted = 0;
    for (let i = 0; i < sorted.length; ) {
      let j = i;
      // An id given twice appears twice: still one run.
      while (j + 1 < sorted.length && sorted[j + 1] - sorted[j] <= 1) j++;
      const r = this.stmts.sizeOfRange.get(sorted[i], sorted[j]) as { n: number; len: number | null };
      if (r.n > 0) {
        this.stmts.delBetween.run(sorted[i], sorted[j]);
        this.rowCount -= r.n;
        this.rowBytes -= (r.len ?? 0) + r.n * ROW_OVERHEAD_BYTES;
        deleted += r.n;
      }
      i = j + 1;
    }
    return deleted;
  }

  deleteRow(row: RowSize): void {
    this.stmts.delRow.run(row.id);
    this.rowCount--;
    this.rowBytes -= row.len + ROW_OVERHEAD_BYTES;
  }

  setMeta(key: 'session' | 'next_seq', value: number): void {
    this.stmts.setMeta.run(key, value);
  }

  /** The lowest priority present; null when the file holds no rows. */
  lowestPriority(): number | null {
    return (this.stmts.lowestPrio.get() as { p: number | null }).p;
  }

  /** The oldest rows of one priority, at most `limit`. */
  oldestOfPriority(priority: number, limit: number): RowSize[] {
    return this.stmts.oldestOfPrio.all(priority, limit) as RowSize[];
  }

  /** Rows whose expiry is at or before `nowMs` (10,000 at most per call). */
  expired(nowMs: number): RowSize[] {
    return this.stmts.expired.all(nowMs) as RowSize[];
  }

  /** Rows with rowId > afterRowId in rowId order, at most `limit`, of one priority if given. */
  peek(afterRowId: number, limit: number, priority: number | undefined, skip: RowFilter): OutboxRecord[] {
    // Raw rows (arrays): a third cheaper than row objects when reading a backlog.
    const rows = (priority === undefined ? this.stmts.peekAll.all(afterRowId, limit) : this.stmts.peekPrio.all(priority, afterRowId, limit)) as Array<
      [id: number, seq: number, kind: RecordKind, priority: number, createdMs: number, expiresAtMs: number | null, payload: Buffer]
    >;
    const out: OutboxRecord[] = [];
    for (const [rowId, seq, kind, rowPriority, createdMs, expiresAtMs, payload] of rows) {
      if (!skip.has(rowId)) out.push({ rowId, seq, kind, priority: rowPriority, createdMs, expiresAtMs, payload });
    }
    return out;
  }

  /**
   * The publisher's read: rows of one priority with rowId > afterRowId in rowId order, at most
   * `limit`, as arrays (OutboxRow); those in `skip` left out. The payloads are views into one
   * buffer per call.
   */
  peekRows(afterRowId: number, limit: number, priority: number, skip: RowFilter): OutboxRow[] {
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
      const length = row[ROW_PAYLOAD] as unknown as number; // length(payload) until replaced by the payload
      row[ROW_PAYLOAD] = all.subarray(offset, offset + length);
      offset += length;
      const id = row[ROW_ID];
      if (id <= previousId) ordered = false;
      previousId = id;
      if (!skip.has(id)) rows[kept++] = row;
    }
    rows.length = kept;
    // Both aggregates see the rows in one order, so the slices are right whatever that order is;
    // SQLite feeds them in the subquery's id order, which is not promised: sort if it ever is not.
    if (!ordered) rows.sort((a, b) => a[ROW_ID] - b[ROW_ID]);
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
      // The columns in OutboxRow's order (ROW_*), the payload's length in its place.
      const stmt = this.db.prepare(
        `SELECT json_group_array(json_array(id, seq, kind, expires_ms, length(payload))), CAST(group_concat(payload, x'') AS BLOB)
         FROM (SELECT id, seq, kind, expires_ms, payload FROM records WHERE priority = ? AND id > ? ORDER BY id LIMIT ${limit})`,
      );
      this.peekRowsStmt = { limit, stmt: stmt.raw(true) };
    }
    return this.peekRowsStmt.stmt;
  }
}
