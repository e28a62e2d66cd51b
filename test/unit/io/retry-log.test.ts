import { describe, expect, it } from 'vitest';
import { RetryLog } from '../../../agent/src/io/retry-log.js';

function setup() {
  const lines: { level: string; obj: Record<string, unknown>; msg: string }[] = [];
  let now = 0;
  const rec = (level: string) => (obj: Record<string, unknown>, msg: string) => void lines.push({ level, obj, msg });
  const log = new RetryLog({ logger: { error: rec('error'), warn: rec('warn'), info: rec('info') } as never, clock: { monoMs: () => now, wallMs: () => now } });
  return { lines, log, advance: (ms: number) => (now += ms) };
}

describe('RetryLog', () => {
  it('logs the first failure as an error, the first retry at info, then once per 30 s with attempt and next delay', () => {
    const { lines, log, advance } = setup();
    const err = Object.assign(new Error('cannot open serial port /dev/ttyUSB0: No such file or directory'), { code: 'E_SERIAL_OPEN' });
    for (let i = 0; i < 100; i++) {
      log.failed(err, 1000 + i, { path: '/dev/ttyUSB0' });
      advance(1000);
    }
    expect(lines.map((l) => [l.level, l.obj.attempt])).toEqual([
      ['error', 1],
      ['info', 2],
      ['info', 32],
      ['info', 62],
      ['info', 92],
    ]);
    expect(lines[1]!.msg).toBe('still failing, retrying (attempt 2, next in 1.0 s): cannot open serial port /dev/ttyUSB0: No such file or directory');
    expect(lines[2]!.obj).toMatchObject({ code: 'E_SERIAL_OPEN', path: '/dev/ttyUSB0', attempt: 32, nextDelayMs: 1031 });
  });

  it('a changed cause is logged at once; a recovery is said once and starts over', () => {
    const { lines, log, advance } = setup();
    log.failed(new Error('a'), 100);
    log.failed(new Error('a'), 200);
    log.failed(new Error('a'), 400);
    log.failed(new Error('b'), 800);
    advance(10);
    log.recovered('serial port back');
    log.recovered('serial port back');
    log.failed(new Error('a'), 100);
    expect(lines.map((l) => `${l.level}:${l.msg}`)).toEqual(['error:a', 'info:still failing, retrying (attempt 2, next in 200 ms): a', 'error:b', 'info:serial port back', 'error:a']);
    expect(lines[3]!.obj).toEqual({ attempts: 4 });
  });
});
