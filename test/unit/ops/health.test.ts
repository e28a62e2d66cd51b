import { describe, expect, it } from 'vitest';
import { HealthMonitor, type SensorLiveness } from '../../../agent/src/ops/health.js';

function monitor(state: { now: number; sensors: SensorLiveness[]; outboxOk: boolean; broker: boolean; loopMaxNs: number }) {
  const loop = { max: 0, reset: () => (state.loopMaxNs = 0), enable: () => true, disable: () => true };
  Object.defineProperty(loop, 'max', { get: () => state.loopMaxNs });
  return new HealthMonitor({
    graceMs: 30_000,
    maxLoopDelayMs: 5000,
    startedMonoMs: 0,
    loopDelay: loop,
    probes: {
      monoMs: () => state.now,
      sensors: () => state.sensors,
      outbox: () => (state.outboxOk ? { ok: true } : { ok: false, reason: 'SQLITE_FULL' }),
      brokerConnected: () => state.broker,
      summary: () => '37 plots/turn, outbox 12',
    },
  });
}

describe('HealthMonitor', () => {
  it('is healthy and ready when every sensor spoke within silenceMs, the outbox commits and the broker is up', () => {
    const state = { now: 20_000, sensors: [{ id: 'r1', lastDataMonoMs: 19_500, silenceMs: 10_000 }], outboxOk: true, broker: true, loopMaxNs: 3e6 };
    const v = monitor(state).check();
    expect(v).toEqual({ healthy: true, ready: true, reasons: [], status: '1/1 sensors live, 37 plots/turn, outbox 12, broker connected' });
  });

  it('a silent sensor makes it unready at once, and unhealthy (no watchdog pings) only after its grace', () => {
    const state = { now: 25_000, sensors: [{ id: 'r1', lastDataMonoMs: 10_000, silenceMs: 10_000 }], outboxOk: true, broker: true, loopMaxNs: 0 };
    const m = monitor(state);
    let v = m.check();
    expect(v.ready).toBe(false);
    expect(v.healthy).toBe(true);
    expect(v.reasons).toEqual(['sensor r1: no data for 15 s (silenceMs 10000)']);
    expect(v.status).toBe('0/1 sensors live, 37 plots/turn, outbox 12, broker connected; sensor r1: no data for 15 s (silenceMs 10000)');
    state.now = 10_000 + 10_000 + 30_001;
    v = m.check();
    expect(v.healthy).toBe(false);
  });

  it('a sensor that never spoke is judged from the start', () => {
    const state = { now: 12_000, sensors: [{ id: 'r1', lastDataMonoMs: undefined, silenceMs: 10_000 }], outboxOk: true, broker: true, loopMaxNs: 0 };
    expect(monitor(state).check().reasons).toEqual(['sensor r1: no data since start for 12 s (silenceMs 10000)']);
  });

  it('an outbox that cannot commit is unhealthy; a broker outage is only unready', () => {
    const state = { now: 1000, sensors: [], outboxOk: false, broker: false, loopMaxNs: 0 };
    const v = monitor(state).check();
    expect(v).toMatchObject({ healthy: false, ready: false, reasons: ['the outbox cannot commit: SQLITE_FULL', 'broker not connected (records wait in the outbox)'] });
    state.outboxOk = true;
    expect(monitor(state).check()).toMatchObject({ healthy: true, ready: false });
  });

  it('an event loop held up past the bound is unhealthy; a non-consuming check does not hide it from the next', () => {
    const state = { now: 1000, sensors: [], outboxOk: true, broker: true, loopMaxNs: 6e9 };
    const m = monitor(state);
    expect(m.check(false).healthy).toBe(false);
    expect(m.check().healthy).toBe(false);
    expect(m.loopDelayMs).toBe(6000);
    expect(m.check().healthy).toBe(true);
  });
});
