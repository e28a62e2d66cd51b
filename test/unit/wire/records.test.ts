import { describe, expect, it } from 'vitest';
import { decodeRecord, encodeRecord, b16ToDegrees, degreesToB16, type LookoutRecord, type PlotsBody, type AnyRecord } from '../../../agent/src/wire/index.js';
import { busyTurnPlots } from '../../../agent/src/sim/busy-turn.js';
import { destination } from '../../../agent/src/track/geodesy.js';
import { thinPlotsPayload, TokenBucket } from '../../../agent/src/publish/budget.js';
import { parseTopic, recordTopic, commandTopic, commandResultTopic, assertUnitId } from '../../../agent/src/wire/index.js';

const origin = { latitude: 43.2965, longitude: 5.3698 };
const head = { unit: 'unit-7', session: 3, seq: 123456789, timeMs: 1_790_000_000_123.456 };

function plotsRecord(body: PlotsBody): LookoutRecord<'plots'> {
  return { ...head, kind: 'plots', body };
}

describe('records codec', () => {
  it('round-trips a busy plots batch within the fixed-point quantisation', () => {
    const plots = busyTurnPlots({ plots: 600 });
    const rec = plotsRecord({ sensor: 'radar1', origin, plots });
    const back = decodeRecord(encodeRecord(rec));
    expect(back.kind).toBe('plots');
    if (back.kind !== 'plots') return;
    expect(back).toMatchObject({ unit: 'unit-7', session: 3, seq: 123456789 });
    expect(back.timeMs).toBeCloseTo(head.timeMs, 3);
    expect(back.body.plots).toHaveLength(600);
    back.body.plots.forEach((p, i) => {
      const q = plots[i];
      expect(Math.abs(p.timeMs - q.timeMs)).toBeLessThanOrEqual(0.0505 + 1e-6); // 100 µs steps from a base rounded to 1 µs
      expect(Math.abs(p.rangeMetres - q.rangeMetres)).toBeLessThanOrEqual(0.05 + 1e-9); // dm
      expect(Math.abs(p.bearingDegrees - q.bearingDegrees)).toBeLessThanOrEqual(360 / 65536 / 2 + 1e-9);
      expect(Math.abs(10 * Math.log10(p.peakPower / q.peakPower))).toBeLessThanOrEqual(0.5 + 1e-9);
      expect(Math.abs(10 * Math.log10(p.meanPower / q.meanPower))).toBeLessThanOrEqual(0.5 + 0.125 + 1e-9);
      expect(p.cellCount).toBe(q.cellCount);
      expect(p.scan).toBe(q.scan);
      // lat/lon are computed from the origin (not sent): the WGS84 destination, rounded to 1e-7 deg
      const d = destination(origin, p.bearingDegrees, p.rangeMetres);
      expect(Math.abs(p.latitude! - d.latitude)).toBeLessThanOrEqual(0.5e-7 + 1e-12);
      expect(Math.abs(p.longitude! - d.longitude)).toBeLessThanOrEqual(0.5e-7 + 1e-12);
    });
  });

  it('is idempotent: decode(encode(decode(x))) == decode(x)', () => {
    const rec = plotsRecord({ sensor: 'r', origin, plots: busyTurnPlots({ plots: 50, seed: 9 }) });
    const once = decodeRecord(encodeRecord(rec));
    const twice = decodeRecord(encodeRecord(once));
    expect(twice).toEqual(once);
  });

  it('sends lat/lon columns when there is no origin (moving platform), and keeps per-plot scans', () => {
    const plots = busyTurnPlots({ plots: 20, seed: 4 }).map((p, i) => ({ ...p, scan: 10 + (i >= 10 ? 1 : 0), latitude: 43 + i * 1e-3, longitude: -5 - i * 2e-3 }));
    const back = decodeRecord(encodeRecord(plotsRecord({ sensor: 'r', plots })));
    if (back.kind !== 'plots') throw new Error('kind');
    expect(back.body.origin).toBeUndefined();
    back.body.plots.forEach((p, i) => {
      expect(p.latitude).toBeCloseTo(plots[i].latitude, 7);
      expect(p.longitude).toBeCloseTo(plots[i].longitude, 7);
      expect(p.scan).toBe(plots[i].scan);
    });
    expect(() => encodeRecord(plotsRecord({ sensor: 'r', plots: busyTurnPlots({ plots: 2 }) }))).toThrow(TypeError);
  });

  it('wraps bearings across north', () => {
    const base = busyTurnPlots({ plots: 4 });
    const plots = [359.9, 0.05, 359.95, 0.1].map((b, i) => ({ ...base[i], bearingDegrees: b }));
    const back = decodeRecord(encodeRecord(plotsRecord({ sensor: 'r', origin, plots })));
    if (back.kind !== 'plots') throw new Error('kind');
    back.body.plots.forEach((p, i) => expect(Math.abs(p.bearingDegrees - b16ToDegrees(degreesToB16(plots[i].bearingDegrees)))).toBe(0));
  });

  it(`averages at most 12 bytes per plot in a busy turn (600 plots, 48 rpm)`, () => {
    for (const seed of [1, 2, 3]) {
      const plots = busyTurnPlots({ plots: 600, seed });
      const bytes = encodeRecord(plotsRecord({ sensor: 'radar1', origin, plots })).length;
      const json = Buffer.byteLength(JSON.stringify({ ...head, kind: 'plots', body: { sensor: 'radar1', origin, plots } }));
      expect(bytes / plots.length).toBeLessThanOrEqual(12);
      expect(json / bytes).toBeGreaterThan(5);
    }
  });

  const others: AnyRecord[] = [
    { ...head, seq: 0, kind: 'birth', body: { version: '0.1.0', sensors: [{ id: 'radar1', protocol: 'cat240', type: 'radar', latitude: 43.2965, longitude: 5.3698, heightMetres: 12.3 }], configHash: 'ab'.repeat(32), session: 3, capabilities: ['plots', 'status'], startedMs: 1_790_000_000_000, nextSeq: 17 } },
    { ...head, seq: 0, kind: 'state', body: { online: false, sinceMs: 1_790_000_000_001 } },
    { ...head, kind: 'status', body: { spokesPerSecond: 1638.5, plotsPerScan: 12.25, outboxDepth: 5, outboxBytes: 1234, published: 99, dropped: 2, thinned: 7, uptimeSeconds: 3600, counters: { 'cat240.resyncs': 3 }, gauges: { rss_bytes: 123456789 } } },
    { ...head, kind: 'gap', body: { ranges: [[5, 9], [12, 12]], reason: 'quota', count: 6, kinds: ['status', 'plots'] } },
    { ...head, kind: 'alerts', body: { severity: 'critical', code: 'E_DISK_FULL', message: 'disk full', details: { path: '/x' }, trackId: 4 } },
    { ...head, kind: 'tracks', body: { sensor: 'radar1', tracks: [{ id: 1, timeMs: 1_790_000_000_000.5, latitude: 43.1234567, longitude: 5.7654321, speedMetresPerSecond: 7.25, courseDegrees: b16ToDegrees(100), rangeMetres: 1234.5, bearingDegrees: b16ToDegrees(200), hits: 9, status: 1 }] } },
  ];
  for (const rec of others) {
    it(`round-trips ${rec.kind}`, () => {
      const back = decodeRecord(encodeRecord(rec));
      expect(back).toEqual(rec);
    });
  }

  it('rejects garbage with an error, never a wrong record', () => {
    expect(() => decodeRecord(Buffer.from([0xff, 0xff, 0xff]))).toThrow();
    expect(() => decodeRecord(Buffer.from([]))).toThrow(RangeError);
  });
});

describe('bandwidth budget', () => {
  it('thins a plots record to a byte budget, strongest kept, order and seq unchanged', () => {
    const plots = busyTurnPlots({ plots: 200 });
    const payload = Buffer.from(encodeRecord(plotsRecord({ sensor: 'r', origin, plots })));
    const t = thinPlotsPayload(payload, Math.floor(payload.length / 3))!;
    expect(t.payload.length).toBeLessThanOrEqual(Math.floor(payload.length / 3));
    const back = decodeRecord(t.payload);
    if (back.kind !== 'plots') throw new Error('kind');
    expect(back.seq).toBe(head.seq);
    expect(back.body.thinned).toBe(t.removed);
    expect(back.body.plots.length + t.removed).toBe(200);
    const kept = Math.min(...back.body.plots.map((p) => p.peakPower));
    const all = decodeRecord(payload);
    if (all.kind !== 'plots') throw new Error('kind');
    const dropped = all.body.plots.filter((p) => !back.body.plots.some((k) => k.timeMs === p.timeMs && k.rangeMetres === p.rangeMetres));
    for (const d of dropped) expect(d.peakPower).toBeLessThanOrEqual(kept);
    expect(thinPlotsPayload(payload, 10)).toBeUndefined();
  });

  it('token bucket refills at its rate up to its burst', () => {
    let now = 0;
    const b = new TokenBucket(1000, 2000, () => now);
    expect(b.take(1500)).toBe(true);
    expect(b.take(1000)).toBe(false);
    now += 500;
    expect(b.available()).toBe(1000);
    expect(b.msUntil(2000)).toBe(1000);
    now += 10_000;
    expect(b.available()).toBe(2000);
  });
});

describe('topics', () => {
  it('builds and parses the contract topics', () => {
    expect(recordTopic('u1', 'plots')).toBe('lookout/v1/u1/plots');
    expect(commandTopic('u1')).toBe('lookout/v1/u1/cmd');
    expect(commandResultTopic('u1')).toBe('lookout/v1/u1/cmd/res');
    expect(parseTopic('lookout/v1/u1/plots')).toEqual({ type: 'record', unit: 'u1', kind: 'plots' });
    expect(parseTopic('lookout/v1/u1/cmd/res')).toEqual({ type: 'cmd-res', unit: 'u1' });
    expect(parseTopic('lookout/v1/u1/nope')).toBeUndefined();
    expect(parseTopic('other/v1/u1/plots')).toBeUndefined();
    expect(() => assertUnitId('a/b')).toThrow(TypeError);
  });
});
