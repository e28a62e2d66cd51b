import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { Writable } from 'node:stream';
import { ConnectionWatch } from '../../../agent/src/publish/connection-watch.js';
import { REASON_SESSION_TAKEN_OVER } from '../../../agent/src/publish/takeover.js';
import type { AlertBody } from '../../../agent/src/wire/types.js';

function setup() {
  let t = 0;
  const lines: Array<{ level: number; msg: string; code?: string; nextDelayMs?: number }> = [];
  const logger = pino({ level: 'info' }, new Writable({ write: (c: Buffer, _e, cb) => (lines.push(JSON.parse(c.toString())), cb()) }));
  const alerts: AlertBody[] = [];
  const counters = { takeovers: 0, idConflicts: 0 };
  const watch = new ConnectionWatch({ unit: 'radar-07', url: 'mqtt://hub:1883', logger, clock: { monoMs: () => t, wallMs: () => t }, maxDelayMs: 30_000, stableMs: 10_000, raise: (a) => alerts.push(a), counters });
  return { watch, lines, alerts, counters, advance: (ms: number) => (t += ms) };
}

describe('ConnectionWatch', () => {
  it('sessions taken over again and again right after they are made: E_UNIT_ID_CONFLICT once, an alert, and the longest delay', () => {
    const { watch, lines, alerts, counters, advance } = setup();
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      watch.connected();
      advance(1500);
      watch.disconnected(REASON_SESSION_TAKEN_OVER);
      watch.closed(true);
      delays.push(watch.nextDelay(() => 400));
      advance(delays[delays.length - 1]);
    }
    expect(delays).toEqual([400, 400, 30_000, 30_000, 30_000]);
    expect(counters).toEqual({ takeovers: 5, idConflicts: 1 });
    const conflicts = lines.filter((l) => l.code === 'E_UNIT_ID_CONFLICT');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0].msg).toContain('unit id "radar-07" seems to be in use by another agent');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ severity: 'critical', code: 'E_UNIT_ID_CONFLICT', details: { unit: 'radar-07' } });
  });

  it('a session that stays up clears the conflict; a flaky link (closes long after connecting, no reason) is no conflict', () => {
    const { watch, alerts, advance } = setup();
    for (let i = 0; i < 3; i++) {
      watch.connected();
      advance(100);
      watch.disconnected(REASON_SESSION_TAKEN_OVER);
      watch.closed(true);
      watch.nextDelay(() => 400);
    }
    expect(watch.inConflict).toBe(true);
    watch.connected();
    advance(60_000);
    watch.closed(true);
    expect(watch.inConflict).toBe(false);
    expect(watch.nextDelay(() => 400)).toBe(400);
    for (let i = 0; i < 5; i++) {
      watch.connected();
      advance(20_000);
      watch.closed(true);
    }
    expect(watch.inConflict).toBe(false);
    expect(alerts).toHaveLength(1);
  });

  it('logs a refused connect once at error level, the first retry at info, then only every 30 s', () => {
    const { watch, lines, advance } = setup();
    for (let i = 0; i < 20; i++) {
      watch.error('E_MQTT_REFUSED', 'connect ECONNREFUSED 127.0.0.1:1883');
      watch.nextDelay(() => 5000);
      advance(5000);
    }
    // t = 0 (error), 5 s (first retry), then 35, 65, 95 s.
    expect(lines.map((l) => l.level)).toEqual([50, 30, 30, 30, 30]);
    expect(lines[0].msg).toBe('mqtt: connect ECONNREFUSED 127.0.0.1:1883');
    expect(lines[1].msg).toBe('still failing, retrying (attempt 2, next in 5.0 s): mqtt: connect ECONNREFUSED 127.0.0.1:1883');
    watch.connected();
    expect(lines[lines.length - 1].msg).toBe('mqtt: connected again');
  });
});
