import { describe, expect, it, vi, afterEach } from 'vitest';
import { PlotWindow } from '../../../agent/src/sensors/plot-window.js';
import type { PlotRecord, PlotsBody, RecordBodies, RecordKind } from '../../../agent/src/wire/types.js';

const plot = (i: number): PlotRecord => ({ timeMs: 1000 + i, rangeMetres: 100 + i, bearingDegrees: i, rangeExtentMetres: 0, azimuthExtentDegrees: 0, peakPower: 1, meanPower: 1, cellCount: 1 }) as PlotRecord;
const origin = { latitude: 58.2, longitude: 11.5 };

function sink() {
  const out: Array<{ kind: RecordKind; body: unknown }> = [];
  return { out, append: <K extends RecordKind>(kind: K, body: RecordBodies[K]) => (out.push({ kind, body }), out.length) };
}

afterEach(() => vi.useRealTimers());

describe('PlotWindow', () => {
  it('batches of one sensor within the window go out as one record, in order, after the window', () => {
    vi.useFakeTimers();
    const s = sink();
    const w = new PlotWindow(s, 100);
    w.append('plots', { sensor: 'r1', origin, plots: [plot(1), plot(2)] });
    vi.advanceTimersByTime(40);
    w.append('plots', { sensor: 'r1', origin, plots: [plot(3)], thinned: 2 });
    w.append('status', { spokesPerSecond: 1 } as RecordBodies['status']);
    expect(s.out.map((r) => r.kind)).toEqual(['status']);
    vi.advanceTimersByTime(60);
    expect(s.out).toHaveLength(2);
    const body = s.out[1].body as PlotsBody;
    expect(body.plots.map((p) => p.bearingDegrees)).toEqual([1, 2, 3]);
    expect(body.thinned).toBe(2);
    expect(w.counters).toEqual({ batchesIn: 2, recordsOut: 1 });
  });

  it('keeps sensors and origins apart, and flush() sends what it holds', () => {
    vi.useFakeTimers();
    const s = sink();
    const w = new PlotWindow(s, 1000);
    w.append('plots', { sensor: 'r1', origin, plots: [plot(1)] });
    w.append('plots', { sensor: 'r2', origin, plots: [plot(2)] });
    w.append('plots', { sensor: 'r1', origin: { latitude: 58.3, longitude: 11.5 }, plots: [plot(3)] });
    expect(s.out).toHaveLength(1); // r1's first batch, released when its origin moved
    w.flush();
    expect(s.out.map((r) => [(r.body as PlotsBody).sensor, (r.body as PlotsBody).plots.length])).toEqual([
      ['r1', 1],
      ['r2', 1],
      ['r1', 1],
    ]);
  });

  it('window 0 passes every batch through as it came', () => {
    const s = sink();
    const w = new PlotWindow(s, 0);
    const b = { sensor: 'r1', origin, plots: [plot(1)] };
    w.append('plots', b);
    expect(s.out).toEqual([{ kind: 'plots', body: b }]);
  });
});
