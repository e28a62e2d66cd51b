import { describe, expect, it } from 'vitest';
import { PriorityCursor } from '../../../agent/src/publish/cursor.js';
import { ROW_ID, type OutboxRow } from '../../../agent/src/outbox/types.js';
import type { RecordKind } from '../../../agent/src/wire/types.js';

/** The outbox's peekRows over rows held in memory (id order), counting the reads. */
function memoryOutbox() {
  const rows: Array<{ priority: number; row: OutboxRow }> = [];
  let nextId = 1;
  const reads: Array<[afterRowId: number, limit: number, priority: number]> = [];
  return {
    reads,
    add(priority: number, kind: RecordKind = 'status'): number {
      const id = nextId++;
      rows.push({ priority, row: [id, id, kind, null, Buffer.from([id & 0xff])] });
      return id;
    },
    remove(id: number): void {
      rows.splice(rows.findIndex((r) => r.row[ROW_ID] === id), 1);
    },
    peekRows(afterRowId: number, limit: number, priority: number): OutboxRow[] {
      reads.push([afterRowId, limit, priority]);
      return rows.filter((r) => r.priority === priority && r.row[ROW_ID] > afterRowId).slice(0, limit).map((r) => r.row);
    },
  };
}

/** Takes every ready row, as the publisher's pump does; returns their ids. */
function drain(cursor: PriorityCursor, skip?: Set<number>): number[] {
  const ids: number[] = [];
  for (let lane = cursor.next(skip); lane; lane = cursor.next(skip)) {
    ids.push(lane.current()[ROW_ID]);
    lane.take();
  }
  return ids;
}

describe('PriorityCursor', () => {
  it('highest priority first, row id order within a priority', () => {
    const outbox = memoryOutbox();
    const status = [outbox.add(1), outbox.add(1)];
    const alert = outbox.add(4);
    const gap = outbox.add(5, 'gap');
    const plots = outbox.add(2, 'plots');
    const status2 = outbox.add(1);
    const cursor = new PriorityCursor(outbox);
    expect(drain(cursor)).toEqual([gap, alert, plots, ...status, status2]);
    expect(cursor.next()).toBeUndefined();
  });

  it('reads ahead 256 rows at a time, each read after the last row taken', () => {
    const outbox = memoryOutbox();
    for (let i = 0; i < 600; i++) outbox.add(1);
    const cursor = new PriorityCursor(outbox);
    expect(drain(cursor)).toHaveLength(600);
    const ofStatus = outbox.reads.filter((r) => r[2] === 1);
    expect(ofStatus.map((r) => [r[0], r[1]])).toEqual([[0, 256], [256, 256], [512, 256], [600, 256]]);
  });

  it('an exhausted priority is not read again until wake(); then new rows are found after the last taken', () => {
    const outbox = memoryOutbox();
    const first = outbox.add(3, 'tracks');
    const cursor = new PriorityCursor(outbox);
    expect(drain(cursor)).toEqual([first]);
    const readsBefore = outbox.reads.length;
    const second = outbox.add(3, 'tracks');
    expect(cursor.next()).toBeUndefined();
    expect(outbox.reads.length).toBe(readsBefore); // every priority exhausted: nothing read
    cursor.wake();
    expect(drain(cursor)).toEqual([second]);
  });

  it('skips the priorities it is told to (over budget), and serves lower ones meanwhile', () => {
    const outbox = memoryOutbox();
    const plots = outbox.add(2, 'plots');
    const status = outbox.add(1);
    const cursor = new PriorityCursor(outbox);
    expect(drain(cursor, new Set([2]))).toEqual([status]);
    expect(drain(cursor)).toEqual([plots]);
  });

  it('rewind() sends everything again from the start; markSent tells a resend from a first send', () => {
    const outbox = memoryOutbox();
    const ids = [outbox.add(1), outbox.add(1), outbox.add(4)];
    const cursor = new PriorityCursor(outbox);
    const sent = (): boolean[] => {
      const resends: boolean[] = [];
      for (let lane = cursor.next(); lane; lane = cursor.next()) {
        const id = lane.current()[ROW_ID];
        lane.take();
        resends.push(lane.markSent(id));
      }
      return resends;
    };
    expect(sent()).toEqual([false, false, false]);
    outbox.remove(ids[0]); // acknowledged and deleted
    cursor.rewind();
    expect(sent()).toEqual([true, true]);
    const fresh = outbox.add(1);
    cursor.wake();
    expect(sent()).toEqual([false]);
    expect(fresh).toBeGreaterThan(ids[2]);
  });

  it('reset() (a new database file, ids from 1 again) forgets the positions and the high water', () => {
    const outbox = memoryOutbox();
    const id = outbox.add(1);
    const cursor = new PriorityCursor(outbox);
    const lane = cursor.next()!;
    lane.take();
    expect(lane.markSent(id)).toBe(false);
    cursor.reset();
    // the same id in the new file is a first send, read again from the start
    const again = cursor.next()!;
    expect(again.current()[ROW_ID]).toBe(id);
    expect(again.markSent(id)).toBe(false);
  });
});
