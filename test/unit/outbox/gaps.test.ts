import { describe, expect, it } from 'vitest';
import { GapWriter, MAX_GAP_RANGES, gapBodies, lostRecords } from '../../../agent/src/outbox/gaps.js';
import type { StoredRecord } from '../../../agent/src/outbox/store.js';
import type { GapBody } from '../../../agent/src/wire/types.js';

describe('the gap writer', () => {
  it('lostRecords: ranges of the dropped seqs, their kinds in the order first met, the count', () => {
    const dropped = [
      { seq: 7, kind: 'status' as const },
      { seq: 3, kind: 'plots' as const },
      { seq: 4, kind: 'status' as const },
      { seq: 5, kind: 'plots' as const },
      { seq: 9, kind: 'alerts' as const },
    ];
    expect(lostRecords(dropped, 'quota')).toEqual({ ranges: [[3, 5], [7, 7], [9, 9]], reason: 'quota', kinds: ['status', 'plots', 'alerts'], count: 5 });
    expect(lostRecords([], 'expired')).toEqual({ ranges: [], reason: 'expired', kinds: [], count: 0 });
  });

  it('one body when the ranges fit, carrying the count given', () => {
    const bodies = gapBodies({ ranges: [[1, 10], [20, 20]], reason: 'corrupt', kinds: [], count: 11 });
    expect(bodies).toEqual([{ ranges: [[1, 10], [20, 20]], reason: 'corrupt', count: 11, kinds: [] }]);
  });

  it(`splits at ${MAX_GAP_RANGES} ranges per body; each split body counts the seqs of its own ranges`, () => {
    // every other seq: one range per seq, MAX_GAP_RANGES + 10 of them
    const seqs = Array.from({ length: MAX_GAP_RANGES + 10 }, (_, i) => 2 * i + 1);
    const lost = lostRecords(seqs.map((seq) => ({ seq, kind: 'status' as const })), 'disk-full');
    const bodies = gapBodies(lost);
    expect(bodies.map((b) => b.ranges.length)).toEqual([MAX_GAP_RANGES, 10]);
    expect(bodies.map((b) => b.count)).toEqual([MAX_GAP_RANGES, 10]);
    expect(bodies.flatMap((b) => b.ranges)).toEqual(lost.ranges);
    for (const b of bodies) expect(b).toMatchObject({ reason: 'disk-full', kinds: ['status'] });
    // exactly MAX_GAP_RANGES: still one body
    expect(gapBodies({ ...lost, ranges: lost.ranges.slice(0, MAX_GAP_RANGES), count: 99 })).toHaveLength(1);
    expect(gapBodies({ ...lost, ranges: lost.ranges.slice(0, MAX_GAP_RANGES), count: 99 })[0].count).toBe(99);
  });

  it('GapWriter makes one record per body, in order, through the destination given, and counts them', () => {
    let seq = 100;
    let written = 0;
    const made: GapBody[] = [];
    const writer = new GapWriter({
      make: (body) => {
        made.push(body);
        return { seq: seq++, kind: 'gap', priority: 5, createdMs: 0, expiresAtMs: null, payload: Buffer.from([seq]) };
      },
      onWritten: () => written++,
    });
    const into: StoredRecord[] = [];
    const seqs = Array.from({ length: 2 * MAX_GAP_RANGES + 1 }, (_, i) => 3 * i);
    writer.write(lostRecords(seqs.map((s) => ({ seq: s, kind: 'plots' as const })), 'quota'), (r) => into.push(r));
    expect(into.map((r) => r.seq)).toEqual([100, 101, 102]);
    expect(made.map((b) => b.ranges.length)).toEqual([MAX_GAP_RANGES, MAX_GAP_RANGES, 1]);
    expect(written).toBe(3);
    writer.write({ ranges: [], reason: 'quota', kinds: [], count: 0 }, (r) => into.push(r));
    expect(written).toBe(3); // nothing lost: no record
  });
});
