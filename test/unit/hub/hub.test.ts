import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeMessage, Deduper, RangeSet, encodeRecord, type AnyRecord } from '../../../agent/src/hub/index.js';

const rec = (seq: number, kind: AnyRecord['kind'] = 'alerts', unit = 'u1'): AnyRecord =>
  kind === 'gap'
    ? ({ unit, session: 1, seq, kind, timeMs: 0, body: { ranges: [], reason: 'quota', count: 0, kinds: [] } } as AnyRecord)
    : ({ unit, session: 1, seq, kind: 'alerts', timeMs: 0, body: { severity: 'info', code: 'x', message: '' } } as AnyRecord);

describe('RangeSet', () => {
  it('matches a plain Set for any insertion order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 5 }))), (ops) => {
        const rs = new RangeSet();
        const ref = new Set<number>();
        for (const [a, len] of ops) {
          let fresh = 0;
          for (let v = a; v <= a + len; v++) if (!ref.has(v)) (ref.add(v), fresh++);
          expect(rs.add(a, a + len)).toBe(fresh);
        }
        for (let v = 0; v <= 210; v++) expect(rs.has(v)).toBe(ref.has(v));
        const r = rs.ranges;
        for (let i = 1; i < r.length; i++) expect(r[i][0]).toBeGreaterThan(r[i - 1][1] + 1);
        const holes = rs.holesIn(1, 210).flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, k) => a + k));
        expect(holes).toEqual(Array.from({ length: 210 }, (_, k) => k + 1).filter((v) => !ref.has(v)));
      }),
    );
  });
});

describe('Deduper', () => {
  it('dedupes by (unit, seq), tells announced gaps from missing seqs', () => {
    const d = new Deduper();
    expect(d.accept(rec(1))).toBe('new');
    expect(d.accept(rec(1))).toBe('duplicate');
    expect(d.accept(rec(1, 'alerts', 'u2'))).toBe('new');
    expect(d.accept(rec(2))).toBe('new');
    expect(d.accept(rec(6))).toBe('new');
    expect(d.missing('u1')).toEqual([[3, 5]]);
    const gap = { unit: 'u1', session: 1, seq: 7, kind: 'gap', timeMs: 0, body: { ranges: [[3, 4]], reason: 'quota', count: 2, kinds: ['status'] } } as AnyRecord;
    expect(d.accept(gap)).toBe('new');
    expect(d.missing('u1')).toEqual([[5, 5]]);
    expect(d.accept(rec(5))).toBe('new');
    expect(d.missing('u1')).toEqual([]);
    expect(d.stats('u1')).toMatchObject({ received: 5, duplicates: 1, announcedLost: 2, missing: 0, firstSeq: 1, lastSeq: 7 });
    const state = { unit: 'u1', session: 1, seq: 0, kind: 'state', timeMs: 0, body: { online: true, sinceMs: 0 } } as AnyRecord;
    expect(d.accept(state)).toBe('session');
  });

  const at = (session: number, seq: number, timeMs: number, unit = 'u1'): AnyRecord =>
    ({ unit, session, seq, kind: 'alerts', timeMs, body: { severity: 'info', code: 'x', message: '' } }) as AnyRecord;

  it('a unit that restarts, then delivers its older records late and some twice, is not suspected of an id conflict', () => {
    const d = new Deduper();
    for (let q = 1; q <= 50; q++) d.accept(at(1, q, q));
    // session 2 starts at seq 81; seqs 51-80 of session 1 were still in the outbox and go out after
    for (let q = 81; q <= 120; q++) d.accept(at(2, q, q));
    for (let q = 51; q <= 80; q++) d.accept(at(1, q, q));
    for (let q = 60; q <= 70; q++) d.accept(at(1, q, q)); // redelivered: same contents
    expect(d.stats('u1')).toMatchObject({ received: 120, duplicates: 11, sessionRegressions: 0, conflictingDuplicates: 0, suspectedIdConflict: false });
  });

  it('two agents publishing under one unit id are suspected: seqs repeat with other contents, sessions and seqs disagree', () => {
    const d = new Deduper();
    for (let q = 1; q <= 100; q++) d.accept(at(7, q, 1000 + q)); // agent A: its 7th session
    for (let q = 1; q <= 5; q++) d.accept(at(1, q, 5000 + q)); // agent B: a fresh data directory, session 1, seq 1...
    expect(d.stats('u1')).toMatchObject({ conflictingDuplicates: 5, suspectedIdConflict: true });
    const e = new Deduper();
    for (let q = 1; q <= 10; q++) e.accept(at(3, q, q));
    e.accept(at(1, 11, 99)); // an older session with a newer seq
    expect(e.stats('u1')).toMatchObject({ sessionRegressions: 1, conflictingDuplicates: 0, suspectedIdConflict: true });
  });

  it('keeps a handful of ranges for a million in-order records', () => {
    const d = new Deduper();
    for (let s = 1; s <= 1_000_000; s++) d.accept(rec(s));
    expect(d.stats('u1')).toMatchObject({ received: 1_000_000, missing: 0 });
  });
});

describe('decodeMessage', () => {
  it('decodes records and refuses foreign topics, garbage and mismatches without throwing', () => {
    const bytes = encodeRecord(rec(3));
    const ok = decodeMessage('lookout/v1/u1/alerts', bytes);
    expect(ok.ok && ok.record.seq).toBe(3);
    expect(decodeMessage('lookout/v1/u2/alerts', bytes)).toMatchObject({ ok: false });
    expect(decodeMessage('lookout/v1/u1/status', bytes)).toMatchObject({ ok: false });
    expect(decodeMessage('other/topic', bytes)).toMatchObject({ ok: false });
    expect(decodeMessage('lookout/v1/u1/alerts', Buffer.from('not protobuf at all'))).toMatchObject({ ok: false });
  });
});
