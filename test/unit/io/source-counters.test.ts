import { createSocket } from 'node:dgram';
import { EventEmitter } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { FileSource } from '../../../agent/src/io/file.js';
import { SerialSource, type SerialPortLike } from '../../../agent/src/io/serial.js';
import { UdpSource } from '../../../agent/src/io/udp.js';
import { isLookoutError } from '../../../agent/src/errors.js';

const silent = pino({ level: 'silent' });
const COMMON = ['opens', 'losses', 'bytes', 'errors'];

/** A serial port the test drives: opens when told to, emits data and a disconnect close. */
class ScriptedPort extends EventEmitter implements SerialPortLike {
  isOpen = false;
  constructor(private readonly fail: boolean) {
    super();
  }
  open(cb: (err: Error | null) => void): void {
    this.isOpen = !this.fail;
    queueMicrotask(() => cb(this.fail ? new Error('No such file or directory') : null));
  }
  close(cb?: (err: Error | null) => void): void {
    this.isOpen = false;
    cb?.(null);
  }
}

describe('every byte source keeps opens, losses, bytes and errors', () => {
  it('serial: a failed open, an open, data, a loss (closed with its cause), a reopen on the backoff timer', async () => {
    const ports: ScriptedPort[] = [];
    const script = [true, false, false];
    const timers: Array<() => void> = [];
    const closes: Array<Error | undefined> = [];
    let opened = 0;
    const source = new SerialSource({
      path: '/dev/ttyX',
      baud: 9600,
      logger: silent,
      onData: () => {},
      onOpen: () => opened++,
      onClose: (cause) => closes.push(cause),
      openPort: () => {
        const p = new ScriptedPort(script.shift()!);
        ports.push(p);
        return p;
      },
      setTimer: (fn) => (timers.push(fn), {} as NodeJS.Timeout),
      clearTimer: () => {},
    });
    for (const k of COMMON) expect(source.counters).toHaveProperty(k, 0);
    await source.start();
    await new Promise((r) => setImmediate(r));
    expect(source.counters).toMatchObject({ opens: 0, errors: 1, openFailures: 1 });
    timers.shift()!();
    await new Promise((r) => setImmediate(r));
    expect(source.counters.opens).toBe(1);
    ports[1]!.emit('data', Buffer.alloc(10));
    ports[1]!.isOpen = false;
    ports[1]!.emit('close', new Error('EOF: the far end closed the line'));
    expect(source.counters).toMatchObject({ opens: 1, losses: 1, bytes: 10, errors: 2 });
    expect(closes).toHaveLength(1);
    expect(isLookoutError(closes[0]) && closes[0].code).toBe('E_SERIAL_LOST');
    expect(closes[0]!.message).toMatch(/went away: EOF/);
    expect(timers).toHaveLength(1);
    timers.shift()!();
    await new Promise((r) => setImmediate(r));
    expect(source.counters.opens).toBe(2);
    expect(opened).toBe(2);
    await source.stop();
    // Closed on purpose: no loss, no close with a cause.
    expect(source.counters.losses).toBe(1);
    expect(closes).toHaveLength(1);
  });

  it('serial: a port missing for long is logged once at error level, the first retry at info, then every 30 s; its return once', async () => {
    const lines: Array<{ level: number; msg: string; attempt?: number; nextDelayMs?: number }> = [];
    const logger = pino({ level: 'info' }, { write: (s: string) => void lines.push(JSON.parse(s)) });
    let t = 0;
    const timers: Array<() => void> = [];
    const script = Array.from({ length: 40 }, () => true).concat([false]);
    const source = new SerialSource({
      path: '/dev/ttyUSB9',
      baud: 9600,
      logger,
      clock: { monoMs: () => t, wallMs: () => t },
      reconnectMinMs: 1000,
      reconnectMaxMs: 5000,
      onData: () => {},
      openPort: () => new ScriptedPort(script.shift()!),
      setTimer: (fn, ms) => (timers.push(() => ((t += ms), fn())), {} as NodeJS.Timeout),
      clearTimer: () => {},
    });
    await source.start();
    for (let i = 0; i < 40; i++) {
      await new Promise((r) => setImmediate(r));
      timers.shift()!();
    }
    await new Promise((r) => setImmediate(r));
    await source.stop();
    const retries = lines.filter((l) => /cannot open serial port/.test(l.msg));
    expect(retries[0]).toMatchObject({ level: 50, msg: 'cannot open serial port /dev/ttyUSB9: No such file or directory', attempt: 1 });
    expect(retries[1]).toMatchObject({ level: 30, attempt: 2 });
    expect(retries[1]!.msg).toMatch(/^still failing, retrying \(attempt 2, next in \d/);
    // 40 failures over about 190 s of backoff: the first two, then one line per 30 s at most.
    expect(retries.length).toBeGreaterThanOrEqual(5);
    expect(retries.length).toBeLessThanOrEqual(2 + Math.ceil(t / 30_000));
    expect(lines.filter((l) => l.msg === 'serial port /dev/ttyUSB9 open again')).toHaveLength(1);
  });

  it('udp: an open per bind, bytes per datagram', async () => {
    let got = 0;
    const source = new UdpSource({ port: 0, address: '127.0.0.1', onData: (c) => (got += c.length) });
    for (const k of COMMON) expect(source.counters).toHaveProperty(k, 0);
    await source.start();
    const client = createSocket('udp4');
    await new Promise<void>((resolve) => client.send(Buffer.alloc(33), source.boundPort!, '127.0.0.1', () => resolve()));
    const deadline = Date.now() + 5000;
    while (got < 33 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    client.close();
    await source.stop();
    expect(source.counters).toMatchObject({ opens: 1, losses: 0, bytes: 33, errors: 0, datagrams: 1 });
  });

  it('file: one open, every byte, no loss at its end', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lookout-src-')), 'f.bin');
    writeFileSync(file, Buffer.alloc(5000, 7));
    let ended!: () => void;
    const done = new Promise<void>((r) => (ended = r));
    const source = new FileSource({ path: file, onData: () => {}, onEnd: () => ended() });
    await source.start();
    await done;
    await source.stop();
    expect(source.counters).toMatchObject({ opens: 1, losses: 0, bytes: 5000, errors: 0 });
  });
});
