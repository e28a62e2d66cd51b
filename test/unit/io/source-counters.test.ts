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
