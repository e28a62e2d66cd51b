/**
 * Reconnect timing of the Publisher with fake timers and a fake mqtt.js client (mock: the real
 * client's own timers would not run under fake time; delivery is tested with a real mosquitto
 * in test/integration/publisher.test.ts).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import pino from 'pino';
import type { MqttClient } from 'mqtt';
import { Publisher } from '../../../agent/src/publish/publisher.js';
import type { OutboxSource } from '../../../agent/src/outbox/types.js';
import type { TimerHandle, Timers } from '../../../agent/src/io/timers.js';
import { mqttConfigSchema } from '../../../agent/src/publish/config.js';

class FakeClient extends EventEmitter {
  connected = false;
  end(...args: unknown[]): this {
    const cb = args.find((a) => typeof a === 'function') as (() => void) | undefined;
    queueMicrotask(() => cb?.());
    return this;
  }
  publish(_t: string, _p: Buffer, _o: unknown, cb?: (e?: Error) => void): this {
    cb?.();
    return this;
  }
}

const outbox: OutboxSource = { session: 1, depth: 0, bytes: 0, epoch: 0, peekRows: () => [], ack: () => undefined };

afterEach(() => vi.useRealTimers());

function setup(random: () => number) {
  vi.useFakeTimers();
  let t = 0;
  const clock = { monoMs: () => t, wallMs: () => 1_790_000_000_000 + t };
  const attempts: number[] = [];
  let behaviour: 'refuse' | 'accept' = 'refuse';
  const clients: FakeClient[] = [];
  const connect = (): MqttClient => {
    attempts.push(Date.now());
    const c = new FakeClient();
    clients.push(c);
    queueMicrotask(() => {
      if (behaviour === 'refuse') {
        c.emit('error', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }));
        c.emit('close');
      } else {
        c.connected = true;
        c.emit('connect', { properties: {} });
      }
    });
    return c as unknown as MqttClient;
  };
  const p = new Publisher({
    outbox,
    unit: 'u1',
    mqtt: mqttConfigSchema.parse({ reconnect: { minMs: 1000, maxMs: 30_000 } }),
    logger: pino({ level: 'silent' }),
    birth: () => ({ version: '', sensors: [], configHash: '', session: 1, capabilities: [], startedMs: 0, nextSeq: 1 }),
    connect,
    random,
    clock,
  });
  return { p, attempts, clients, setBehaviour: (b: 'refuse' | 'accept') => (behaviour = b), advance: (ms: number) => { t += ms; return vi.advanceTimersByTimeAsync(ms); } };
}

describe('Publisher reconnect backoff (fake timers)', () => {
  it('waits min * 2^n with full jitter in [1/2, 1] of it, capped at max', async () => {
    const { p, attempts, advance } = setup(() => 1); // top of the jitter range
    const t0 = Date.now();
    await p.start();
    await advance(200_000);
    const gaps = attempts.map((a, i) => (i === 0 ? a - t0 : a - attempts[i - 1]));
    expect(gaps.slice(0, 8)).toEqual([0, 1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    await p.stop();
  });

  it('jitter spreads the delays (bottom of the range)', async () => {
    const { p, attempts, advance } = setup(() => 0);
    await p.start();
    await advance(60_000);
    const gaps = attempts.slice(1).map((a, i) => a - attempts[i]);
    expect(gaps.slice(0, 5)).toEqual([500, 1000, 2000, 4000, 8000]);
    await p.stop();
  });

  it('a session that stayed up resets the backoff; stop() cancels the pending reconnect', async () => {
    const { p, attempts, clients, setBehaviour, advance } = setup(() => 1);
    await p.start();
    await advance(1000 + 2000 + 4000 + 10); // 4 refused attempts
    expect(attempts).toHaveLength(4);
    setBehaviour('accept');
    await advance(8000);
    expect(attempts).toHaveLength(5);
    expect(p.isConnected).toBe(true);
    await advance(20_000); // up for 20 s
    setBehaviour('refuse');
    clients.at(-1)!.emit('close');
    await advance(999);
    expect(attempts).toHaveLength(5);
    await advance(1);
    expect(attempts).toHaveLength(6); // back to the first delay
    await p.stop();
    await advance(120_000);
    expect(attempts).toHaveLength(6);
  });
});

describe('Publisher timers', () => {
  it('the reconnect runs on the injected timers', async () => {
    const due: Array<{ fn: () => void; ms: number }> = [];
    const timers: Timers = {
      setTimeout: (fn, ms) => {
        const t = { fn, ms, unref: () => t };
        due.push(t);
        return t;
      },
      clearTimeout: (h: TimerHandle) => {
        const i = due.indexOf(h as (typeof due)[number]);
        if (i >= 0) due.splice(i, 1);
      },
      setImmediate: (fn) => queueMicrotask(fn),
    };
    let attempts = 0;
    const connect = (): MqttClient => {
      attempts++;
      const c = new FakeClient();
      queueMicrotask(() => c.emit('close'));
      return c as unknown as MqttClient;
    };
    const p = new Publisher({
      outbox,
      unit: 'u1',
      mqtt: mqttConfigSchema.parse({ reconnect: { minMs: 1000, maxMs: 30_000 } }),
      logger: pino({ level: 'silent' }),
      birth: () => ({ version: '', sensors: [], configHash: '', session: 1, capabilities: [], startedMs: 0, nextSeq: 1 }),
      connect,
      random: () => 1,
      timers,
    });
    await p.start();
    await new Promise((r) => setImmediate(r));
    expect(attempts).toBe(1);
    expect(due.map((t) => t.ms)).toEqual([1000]);
    due.shift()!.fn();
    await new Promise((r) => setImmediate(r));
    expect(attempts).toBe(2);
    expect(due.map((t) => t.ms)).toEqual([2000]);
    await p.stop();
    expect(due).toEqual([]);
  });
});

describe('Publisher configuration errors a user can hit', () => {
  const base = { outbox, unit: 'u1', logger: pino({ level: 'silent' }), birth: () => ({ version: '', sensors: [], configHash: '', session: 1, capabilities: [], startedMs: 0, nextSeq: 1 }) };
  it('an unreadable password file, a missing password variable, an unreadable certificate: E_CONFIG naming the key', async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ passwordFile: '/nonexistent/pw' }, /mqtt\.passwordFile: cannot read \/nonexistent\/pw/],
      [{ passwordEnv: 'LOOKOUT_TEST_UNSET_VAR' }, /mqtt\.passwordEnv: environment variable LOOKOUT_TEST_UNSET_VAR is not set/],
      [{ url: 'mqtts://127.0.0.1:1', tls: { caFile: '/nonexistent/ca.crt' } }, /mqtt\.tls\.caFile: cannot read/],
    ];
    for (const [m, re] of cases) {
      const p = new Publisher({ ...base, mqtt: mqttConfigSchema.parse(m), env: {} });
      await expect(p.start()).rejects.toThrow(re);
      await expect(p.start()).rejects.toMatchObject({ code: 'E_CONFIG' });
    }
  });

  it('the config schema refuses a clear-text URL with tls.required, both password sources, a cert without its key', () => {
    expect(mqttConfigSchema.safeParse({ url: 'mqtt://h:1883', tls: { required: true } }).success).toBe(false);
    expect(mqttConfigSchema.safeParse({ passwordFile: '/a', passwordEnv: 'B' }).success).toBe(false);
    expect(mqttConfigSchema.safeParse({ url: 'mqtts://h:8883', tls: { certFile: '/c' } }).success).toBe(false);
    expect(mqttConfigSchema.safeParse({}).success).toBe(true);
    expect(() => mqttConfigSchema.parse({ bogus: 1 })).toThrow(); // strict
  });
});
