/**
 * The one writer of gap records: whatever the reason a record will never be sent (quota,
 * expiry, disk full, a corrupt file), hubs learn its seq from a `gap` record, made here.
 */
import type { GapBody, GapReason, RecordKind } from '../wire/types.js';
import type { StoredRecord } from './store.js';
import { seqRanges } from './util.js';

/** Ranges per gap record at most; more are split over several records. */
export const MAX_GAP_RANGES = 4096;

/** What one announcement names: seqs that will never be sent, and why. */
export interface LostRecords {
  /** Inclusive, ascending, disjoint. */
  ranges: Array<[number, number]>;
  reason: GapReason;
  /** Kinds of the lost records, in the order first met; empty when not known (a corrupt file). */
  kinds: RecordKind[];
  /** How many records the ranges hold. */
  count: number;
}

/** The announcement of records dropped in this order. */
export function lostRecords(dropped: ReadonlyArray<{ seq: number; kind: RecordKind }>, reason: GapReason): LostRecords {
  return { ranges: seqRanges(dropped.map((r) => r.seq)), reason, kinds: [...new Set(dropped.map((r) => r.kind))], count: dropped.length };
}

/**
 * The bodies of the gap records announcing `lost`, MAX_GAP_RANGES ranges each. Split, each
 * counts the seqs of its own ranges.
 */
export function gapBodies(lost: LostRecords): GapBody[] {
  const { ranges, reason, kinds } = lost;
  const bodies: GapBody[] = [];
  for (let i = 0; i < ranges.length; i += MAX_GAP_RANGES) {
    const part = ranges.slice(i, i + MAX_GAP_RANGES);
    const count = ranges.length <= MAX_GAP_RANGES ? lost.count : part.reduce((a, [first, last]) => a + (last - first + 1), 0);
    bodies.push({ ranges: part, reason, count, kinds });
  }
  return bodies;
}

export interface GapWriterOptions {
  /** Makes the record of one gap body: the next seq, the envelope, encoded. */
  make(body: GapBody): StoredRecord;
  /** Called once per gap record written. */
  onWritten(): void;
}

export class GapWriter {
  constructor(private readonly opts: GapWriterOptions) {}

  /**
   * Announces `lost`: makes its gap records and hands each to `put`, in seq order. `put` is
   * the store inside the running commit (quota, expiry: the announcement commits with the
   * deletion) or the open group (recovery, disk full).
   */
  write(lost: LostRecords, put: (record: StoredRecord) => void): void {
    for (const body of gapBodies(lost)) {
      put(this.opts.make(body));
      this.opts.onWritten();
    }
  }
}
