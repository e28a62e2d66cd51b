/**
 * Which outbox row the Publisher sends next: the highest priority first, rowId (= seq) order
 * within a priority. Each priority is a lane reading ahead from the outbox; a lane whose last
 * read found nothing is not read again until `wake()` (new rows committed, or the poll tick).
 */
import { ROW_ID, type OutboxRow, type OutboxSource } from '../outbox/types.js';

/** Priorities looked at, highest first (KIND_PRIORITY uses 1..5; callers may use 0..9). */
export const PRIORITIES: readonly number[] = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0];
/** Rows read per lane and outbox call. */
const READ_AHEAD = 256;
const NO_ROWS: OutboxRow[] = [];

/** One priority's place in the outbox. */
export class Lane {
  /** Rows read ahead, and the position of the next one to send in them. */
  private rows: OutboxRow[] = NO_ROWS;
  private pos = 0;
  /** The last rowId taken in this connection: the next read starts after it. */
  private afterRowId = 0;
  /** The last read found nothing. */
  exhausted = false;
  /** Highest rowId ever sent (in any connection): rows at or below it are resends. */
  private sentHighWater = 0;

  constructor(readonly priority: number) {}

  /** Rows are waiting in the read-ahead. */
  get hasRow(): boolean {
    return this.pos < this.rows.length;
  }

  /** Reads the next rows after the last one taken; false (and exhausted) when there are none. */
  refill(outbox: Pick<OutboxSource, 'peekRows'>): boolean {
    this.rows = outbox.peekRows(this.afterRowId, READ_AHEAD, this.priority);
    this.pos = 0;
    this.exhausted = this.rows.length === 0;
    return !this.exhausted;
  }

  /** The next row of this lane (only while `hasRow`). */
  current(): OutboxRow {
    return this.rows[this.pos];
  }

  /** The current row is dealt with (sent, or left to the expiry sweep): move past it. */
  take(): void {
    this.afterRowId = this.rows[this.pos][ROW_ID];
    if (++this.pos >= this.rows.length) this.rows = NO_ROWS;
  }

  /** Notes a row as sent; true when it was sent before (a resend). */
  markSent(rowId: number): boolean {
    if (rowId <= this.sentHighWater) return true;
    this.sentHighWater = rowId;
    return false;
  }

  /** From the start of the outbox again, in this connection. */
  rewind(): void {
    this.rows = NO_ROWS;
    this.pos = 0;
    this.afterRowId = 0;
    this.exhausted = false;
  }

  /** Row ids start again (a new database file): nothing sent yet either. */
  reset(): void {
    this.rewind();
    this.sentHighWater = 0;
  }
}

export class PriorityCursor {
  /** Highest priority first. */
  private readonly lanes: Lane[] = PRIORITIES.map((p) => new Lane(p));

  constructor(private readonly outbox: Pick<OutboxSource, 'peekRows'>) {}

  /**
   * The lane of the next row to send (its `current()`), highest priority first, skipping
   * `skip`'s priorities; undefined when nothing is ready.
   */
  next(skip?: ReadonlySet<number>): Lane | undefined {
    for (const lane of this.lanes) {
      if (lane.exhausted || skip?.has(lane.priority)) continue;
      if (lane.hasRow || lane.refill(this.outbox)) return lane;
    }
    return undefined;
  }

  /** New rows may have been committed: read the exhausted lanes again. */
  wake(): void {
    for (const lane of this.lanes) lane.exhausted = false;
  }

  /** A new session: everything unacknowledged is sent again, from the start of each priority. */
  rewind(): void {
    for (const lane of this.lanes) lane.rewind();
  }

  /** The outbox replaced its file (row ids start again): forget every position and high water. */
  reset(): void {
    for (const lane of this.lanes) lane.reset();
  }
}
