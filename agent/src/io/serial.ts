import { SerialPort } from 'serialport';
import type { Logger } from 'pino';
import { LookoutError } from '../errors.js';
import { Backoff } from './backoff.js';
import { RetryLog } from './retry-log.js';
import { ttyBinding } from './tty-binding.js';
import { receiveTimeNow, systemClock, type ByteSource, type ByteSourceEvents, type Clock } from './types.js';

/** The part of serialport's SerialPort that the source uses; tests and sims can hand in another. */
export interface SerialPortLike {
  readonly isOpen: boolean;
  open(cb: (err: Error | null) => void): void;
  close(cb?: (err: Error | null) => void): void;
  on(event: 'data', cb: (chunk: Buffer) => void): this;
  on(event: 'close', cb: (err?: Error | null) => void): this;
  on(event: 'error', cb: (err: Error) => void): this;
  removeAllListeners(): this;
}

export type SerialPortFactory = (path: string, baudRate: number) => SerialPortLike;

const defaultFactory: SerialPortFactory = (path, baudRate) => {
  // The binding reads a hung-up line as lost (tty-binding.ts). SerialPort's option type leaves
  // `binding` out, though its constructor takes it: passed as a variable, not a literal.
  const options = { path, baudRate, autoOpen: false, highWaterMark: 256 * 1024, binding: ttyBinding };
  return new SerialPort(options);
};

export interface SerialSourceOptions extends ByteSourceEvents {
  path: string;
  baud: number;
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  logger: Logger;
  clock?: Clock;
  openPort?: SerialPortFactory;
  setTimer?: (fn: () => void, ms: number) => NodeJS.Timeout;
  clearTimer?: (t: NodeJS.Timeout) => void;
}

/**
 * A serial port that stays open: when the device is missing at start or goes away (USB pulled,
 * PTY closed) it logs E_SERIAL_OPEN / E_SERIAL_LOST with the path and retries with capped
 * exponential backoff until `stop()`.
 */
export class SerialSource implements ByteSource {
  readonly name: string;
  private port: SerialPortLike | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private readonly backoff: Backoff;
  private readonly clock: Clock;
  private readonly openPort: SerialPortFactory;
  private readonly setTimer: (fn: () => void, ms: number) => NodeJS.Timeout;
  private readonly clearTimer: (t: NodeJS.Timeout) => void;
  readonly counters = { bytes: 0, chunks: 0, opens: 0, openFailures: 0, losses: 0, errors: 0 };
  private readonly retries: RetryLog;

  constructor(private readonly options: SerialSourceOptions) {
    this.name = `serial:${options.path}`;
    this.backoff = new Backoff(options.reconnectMinMs ?? 250, options.reconnectMaxMs ?? 10_000);
    this.clock = options.clock ?? systemClock;
    this.openPort = options.openPort ?? defaultFactory;
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((t) => clearTimeout(t));
    this.retries = new RetryLog({ logger: options.logger, clock: this.clock });
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  start(): Promise<void> {
    this.stopped = false;
    this.tryOpen();
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) this.clearTimer(this.timer);
    this.timer = undefined;
    const port = this.port;
    this.port = undefined;
    if (port) {
      port.removeAllListeners();
      port.on('error', () => {});
      if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
    }
  }

  private tryOpen(): void {
    if (this.stopped) return;
    const { path, baud, logger } = this.options;
    let port: SerialPortLike;
    try {
      port = this.openPort(path, baud);
    } catch (cause) {
      this.failed(new LookoutError('E_SERIAL_OPEN', `cannot open serial port ${path}: ${(cause as Error).message}`, { cause, retryable: true, details: { path } }));
      return;
    }
    this.port = port;
    port.on('error', (err) => {
      logger.warn({ err, path }, 'serial port error');
      this.counters.errors++;
      this.options.onError?.(err);
    });
    port.open((err) => {
      if (this.stopped || this.port !== port) return;
      if (err) {
        port.removeAllListeners();
        this.port = undefined;
        this.failed(new LookoutError('E_SERIAL_OPEN', `cannot open serial port ${path}: ${err.message}`, { cause: err, retryable: true, details: { path } }));
        return;
      }
      this.counters.opens++;
      this.backoff.reset();
      this.retries.recovered(`serial port ${path} open again`, { path });
      logger.info({ path, baud }, 'serial port open');
      port.on('data', (chunk) => {
        this.counters.bytes += chunk.length;
        this.counters.chunks++;
        this.options.onData(chunk, receiveTimeNow(this.clock));
      });
      port.on('close', (closeErr) => {
        if (this.stopped || this.port !== port) return;
        port.removeAllListeners();
        port.on('error', () => {});
        this.port = undefined;
        this.counters.losses++;
        const lost = new LookoutError('E_SERIAL_LOST', `serial port ${path} went away${closeErr ? `: ${closeErr.message}` : ''}`, { cause: closeErr ?? undefined, retryable: true, details: { path } });
        logger.error({ code: lost.code, path }, lost.message);
        this.counters.errors++;
        this.options.onError?.(lost);
        this.options.onClose?.(lost);
        this.schedule();
      });
      this.options.onOpen?.();
    });
  }

  private failed(err: LookoutError): void {
    this.counters.openFailures++;
    this.counters.errors++;
    this.options.onError?.(err);
    // Each cause once at error level, then retries at info: the first, then every 30 s.
    this.schedule((delay) => this.retries.failed(err, delay, { path: this.options.path }));
  }

  private schedule(log?: (delayMs: number) => void): void {
    if (this.stopped) return;
    const delay = this.backoff.next();
    log?.(delay);
    this.timer = this.setTimer(() => {
      this.timer = undefined;
      this.tryOpen();
    }, delay);
  }
}
