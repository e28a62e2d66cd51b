import { describe, expect, it, vi } from 'vitest';
import { Backoff } from '../../../agent/src/io/backoff.js';
import { IdleFlush } from '../../../agent/src/io/idle-flush.js';
import { StatusReporter } from '../../../agent/src/ops/status.js';
import { parseSerialSpec } from '../../../agent/src/io/config.js';

describe('Backoff', () => {
  it('doubles up to the cap, with jitter in the upper half of each step, and resets', () => {
    const lo = new Backoff(100, 1000, () => 0);
    const hi = new Backoff(100, 1000, () => 0.999999);
    expect([1, 2, 3, 4, 5, 6].map(() => lo.next())).toEqual([50, 100, 200, 400, 500, 500]);
    expect([1, 2, 3, 4, 5, 6].map(() => hi.next())).toEqual([100, 200, 400, 800, 1000, 1000]);
    lo.reset();
    expect(lo.next()).toBe(50);
    expect(() => new Backoff(0, 10)).toThrow(RangeError);
    expect(() => new Backoff(10, 5)).toThrow(RangeError);
  });
});

describe('IdleFlush', () => {
  it('flushes once after the link has been quiet for idleMs, not while bytes keep coming', () => {
    let now = 0;
    const flush = vi.fn();
    const idle = new IdleFlush(flush, 100, () => now);
    idle.check();
    expect(flush).not.toHaveBeenCalled();
    idle.touch();
    now = 50;
    idle.check();
    idle.touch();
    now = 140;
    idle.check();
    expect(flush).not.toHaveBeenCalled();
    now = 150;
    idle.check();
    now = 400;
    idle.check();
    expect(flush).toHaveBeenCalledTimes(1);
  });
});

describe('StatusReporter', () => {
  it('turns the running spoke count into a rate over the interval and reports once more at stop', () => {
    vi.useFakeTimers();
    try {
      let mono = 0;
      let spokes = 0;
      const bodies: number[] = [];
      const r = new StatusReporter({
        intervalMs: 1000,
        clock: { monoMs: () => mono, wallMs: () => 0 },
        collect: () => ({ spokes, plotsPerScan: 0, outboxDepth: 0, outboxBytes: 0, published: 0, dropped: 0, thinned: 0, uptimeSeconds: 0 }),
        emit: (b) => bodies.push(b.spokesPerSecond),
      });
      r.start();
      mono = 1000;
      spokes = 819;
      vi.advanceTimersByTime(1000);
      mono = 3000;
      spokes = 819 + 2 * 1638;
      vi.advanceTimersByTime(1000);
      r.stop();
      expect(bodies).toEqual([819, 1638, 0]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('parseSerialSpec', () => {
  it('splits PATH@BAUD and leaves odd names alone', () => {
    expect(parseSerialSpec('/dev/ttyUSB0@115200')).toEqual({ path: '/dev/ttyUSB0', baud: 115200 });
    expect(parseSerialSpec('/dev/ttyUSB0')).toEqual({ path: '/dev/ttyUSB0' });
    expect(parseSerialSpec('/tmp/odd@name')).toEqual({ path: '/tmp/odd@name' });
  });
});
