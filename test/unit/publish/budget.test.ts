import { describe, expect, it } from 'vitest';
import { BandwidthBudget } from '../../../agent/src/publish/budget.js';
import { busyTurnPlots } from '../../../agent/src/sim/busy-turn.js';
import { decodeRecord, encodeRecord, type StatusBody } from '../../../agent/src/wire/index.js';

const status: StatusBody = { spokesPerSecond: 1, plotsPerScan: 0, outboxDepth: 0, outboxBytes: 0, published: 0, dropped: 0, thinned: 0, uptimeSeconds: 1 };
const statusPayload = Buffer.from(encodeRecord({ unit: 'u', session: 1, seq: 1, kind: 'status', timeMs: 1, body: status }));
const plotsPayload = Buffer.from(
  encodeRecord({ unit: 'u', session: 1, seq: 2, kind: 'plots', timeMs: 1, body: { sensor: 'r', origin: { latitude: 43, longitude: 5 }, plots: busyTurnPlots({ plots: 300, seed: 3 }) } }),
);

function setup(queuedBytes: number) {
  let now = 0;
  const thinned: number[] = [];
  const budget = new BandwidthBudget({ bandwidth: { bytesPerSecond: 1000, burstBytes: 2048 }, nowMs: () => now, queuedBytes: () => queuedBytes, onThinned: (n) => thinned.push(n) });
  return { budget, thinned, advance: (ms: number) => (now += ms) };
}

describe('BandwidthBudget', () => {
  it('lets a record go as it is while the bucket holds it, then makes it wait', () => {
    const { budget, thinned, advance } = setup(0);
    expect(statusPayload.length).toBeLessThan(200);
    let sent = 0;
    while (budget.admit('status', statusPayload) === statusPayload) sent++;
    expect(sent).toBe(Math.floor(2048 / statusPayload.length));
    expect(budget.admit('status', statusPayload)).toBeUndefined();
    expect(budget.retryMs()).toBeGreaterThanOrEqual(10);
    advance(budget.retryMs());
    expect(budget.admit('status', statusPayload)).toBe(statusPayload);
    expect(thinned).toEqual([]);
  });

  it('over budget (more queued than 2 s of the link), a plots record is thinned to what the bucket holds', () => {
    const { budget, thinned } = setup(10_000);
    expect(plotsPayload.length).toBeGreaterThan(2048);
    const out = budget.admit('plots', plotsPayload)!;
    expect(out.length).toBeLessThanOrEqual(2048);
    const rec = decodeRecord(out);
    if (rec.kind !== 'plots') throw new Error('kind');
    expect(rec.seq).toBe(2);
    expect(thinned).toEqual([300 - rec.body.plots.length]);
    expect(rec.body.thinned).toBe(thinned[0]);
  });

  it('a plots record bigger than the burst is thinned even with little queued; other kinds wait', () => {
    const { budget, thinned } = setup(0);
    expect(budget.admit('alerts', plotsPayload)).toBeUndefined();
    expect(thinned).toEqual([]);
    expect(budget.admit('plots', plotsPayload)).toBeDefined();
    expect(thinned).toHaveLength(1);
  });

  it('a plots record within the burst and little queued waits for the bucket rather than being thinned', () => {
    const small = Buffer.from(encodeRecord({ unit: 'u', session: 1, seq: 3, kind: 'plots', timeMs: 1, body: { sensor: 'r', origin: { latitude: 43, longitude: 5 }, plots: busyTurnPlots({ plots: 100, seed: 4 }) } }));
    const { budget, thinned } = setup(0);
    expect(small.length).toBeLessThan(2048);
    expect(budget.admit('plots', small)).toBe(small); // the first one fits the burst
    expect(budget.admit('plots', small)).toBeUndefined();
    expect(thinned).toEqual([]);
  });
});
