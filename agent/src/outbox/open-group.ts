/** The records appended since the last commit, and the bytes they count against the quota. */
import { ROW_OVERHEAD_BYTES, type StoredRecord } from './store.js';

export class OpenGroup {
  /** In seq order. */
  records: StoredRecord[] = [];
  bytes = 0;

  get length(): number {
    return this.records.length;
  }

  push(record: StoredRecord): void {
    this.records.push(record);
    this.bytes += record.payload.length + ROW_OVERHEAD_BYTES;
  }

  /** Takes out the record at `index`. */
  remove(index: number): StoredRecord {
    const [record] = this.records.splice(index, 1);
    this.bytes -= record.payload.length + ROW_OVERHEAD_BYTES;
    return record;
  }

  /** The group was committed: start a new one (the old array is not reused). */
  clear(): void {
    this.records = [];
    this.bytes = 0;
  }
}
