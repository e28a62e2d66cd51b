/**
 * What the outbox drops to stay within its quota: the oldest rows of the lowest priority. The
 * caller announces them (gaps.ts); expiry is by time and needs no choice (OutboxStore.expired).
 */
import type { OutboxStore, RowSize } from './store.js';

/** Rows read per step while choosing what to drop. */
const QUOTA_STEP_ROWS = 1024;

/**
 * Inside the commit transaction: deletes the oldest rows of the lowest priority until the
 * store holds at most 95 % of `maxBytes` (the headroom keeps a full outbox from writing a gap
 * record at every commit); returns them in the order dropped. Nothing when within the quota.
 */
export function dropOverQuota(store: OutboxStore, maxBytes: number): RowSize[] {
  const dropped: RowSize[] = [];
  if (store.rowBytes <= maxBytes) return dropped;
  const target = Math.floor(maxBytes * 0.95);
  while (store.rowBytes > target) {
    const p = store.lowestPriority();
    if (p === null) break;
    const victims = store.oldestOfPriority(p, QUOTA_STEP_ROWS);
    if (victims.length === 0) break;
    for (const v of victims) {
      if (store.rowBytes <= target) break;
      store.deleteRow(v);
      dropped.push(v);
    }
  }
  return dropped;
}
