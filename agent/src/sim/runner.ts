import { createWriteStream, statSync, type WriteStream } from 'node:fs';
import { createSocket, type Socket } from 'node:dgram';
import { SerialPort } from 'serialport';
import { LookoutError } from '../errors.js';
import { parseSerialSpec } from '../io/config.js';
import type { SimulatedSensor, TruthRecord } from './types.js';

/** Where simulated bytes go. */
export interface SimSink {
  readonly name: string;
  /** True when the bytes go to a device that expects real time (a serial port or UDP). */
  readonly live: boolean;
  write(bytes: Uint8Array): Promise<void> | void;
  close(): Promise<void>;
  /** True once the reader has gone (a closed pipe: `lookout sim --out - | head`): a normal end. */
  readonly readerGone?: boolean;
}

async function streamWrite(stream: NodeJS.WritableStream, bytes: Uint8Array): Promise<void> {
  if (!stream.write(bytes)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
}

/** stdout; EPIPE (the reader closed its end) ends the run normally instead of crashing it. */
function stdoutSink(stdout: NodeJS.WritableStream): SimSink {
  let gone = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') gone = true;
    else failure = new LookoutError('E_FILE', `cannot write to stdout: ${err.code ?? err.message}`, { cause: err });
    wake?.();
  });
  return {
    name: 'stdout',
    live: false,
    get readerGone() {
      return gone;
    },
    write: async (b) => {
      if (failure) throw failure;
      if (gone || stdout.write(b)) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
        stdout.once('drain', () => resolve());
      });
      wake = undefined;
    },
    close: async () => {},
  };
}

/**
 * `udp://HOST:PORT` → UDP datagrams (one per step); `-` → stdout; a character device or a path
 * under /dev (optionally `@BAUD`) → serial port; anything else → a file.
 */
export async function openSimSink(spec: string, stdout: NodeJS.WritableStream = process.stdout): Promise<SimSink> {
  if (spec === '-') return stdoutSink(stdout);
  if (spec.startsWith('udp://')) {
    const url = new URL(spec);
    const port = Number(url.port);
    if (!url.hostname || !Number.isInteger(port) || port <= 0) throw new LookoutError('E_USAGE', `bad UDP destination "${spec}" (want udp://HOST:PORT)`);
    const socket: Socket = createSocket(url.hostname.includes(':') ? 'udp6' : 'udp4');
    const host = url.hostname.replace(/^\[|\]$/g, '');
    return {
      name: spec,
      live: true,
      write: (b) =>
        new Promise<void>((resolve, reject) => socket.send(b, port, host, (err) => (err ? reject(new LookoutError('E_UDP', `cannot send to ${spec}: ${err.message}`, { cause: err })) : resolve()))),
      close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
    };
  }
  const { path, baud } = parseSerialSpec(spec);
  let isDevice = path.startsWith('/dev/');
  try {
    isDevice ||= statSync(path).isCharacterDevice();
  } catch {
    /* a file to be created */
  }
  if (isDevice) {
    const port = new SerialPort({ path, baudRate: baud ?? 921600, autoOpen: false });
    await new Promise<void>((resolve, reject) =>
      port.open((err) => (err ? reject(new LookoutError('E_SERIAL_OPEN', `cannot open serial port ${path}: ${err.message}`, { cause: err, details: { path } })) : resolve())),
    );
    port.on('error', () => {});
    return {
      name: `serial:${path}`,
      live: true,
      write: (b) => streamWrite(port, b),
      close: () =>
        new Promise<void>((resolve) => {
          port.drain(() => port.close(() => resolve()));
        }),
    };
  }
  const file: WriteStream = createWriteStream(path);
  await new Promise<void>((resolve, reject) => {
    file.once('open', () => resolve());
    file.once('error', (err) => reject(new LookoutError('E_FILE', `cannot write ${path}: ${err.message}`, { cause: err })));
  });
  return {
    name: `file:${path}`,
    live: false,
    write: (b) => streamWrite(file, b),
    close: () => new Promise<void>((resolve) => file.end(() => resolve())),
  };
}

export interface SimRunOptions {
  sensor: SimulatedSensor;
  sink: SimSink;
  /** Times real time; undefined = as fast as possible. */
  rate?: number;
  /** Stop after this many seconds of simulated time. */
  durationS?: number;
  /**
   * Ground truth of each step as it is written; `emittedMs` is the wall clock at the write (the
   * same clock a receiver stamps frames with; at --rate X or under load it differs from the
   * simulated `timeMs`).
   */
  onTruth?: (t: TruthRecord & { emittedMs: number }) => void;
  /** Checked between bursts; return true to stop. */
  shouldStop?: () => boolean;
  /** How much simulated time is written per burst when pacing (ms of wall time). */
  burstMs?: number;
}

export interface SimRunResult {
  steps: number;
  bytes: number;
  simulatedS: number;
}

/**
 * Writes the sensor's steps to the sink. With a rate, a step at simulated time t is written at
 * wall time t / rate after the start, in bursts every `burstMs` (a 2048-spoke radar at 24 rpm
 * emits a spoke every 1.2 ms: timers that fine cost more than they buy).
 */
export async function runSim(options: SimRunOptions): Promise<SimRunResult> {
  const { sensor, sink, rate, durationS, onTruth, shouldStop } = options;
  const burstMs = options.burstMs ?? 10;
  const started = performance.now();
  let steps = 0;
  let bytes = 0;
  let simulatedS = 0;
  let pending = sensor.next();
  while (pending !== null) {
    if (shouldStop?.() || sink.readerGone) break;
    if (durationS !== undefined && pending.timeS >= durationS) break;
    if (rate !== undefined) {
      const dueMs = (pending.timeS / rate) * 1000;
      const nowMs = performance.now() - started;
      if (dueMs > nowMs) {
        await new Promise((r) => setTimeout(r, Math.min(burstMs, dueMs - nowMs)));
        continue;
      }
    }
    const emittedMs = Date.now();
    await sink.write(pending.bytes);
    bytes += pending.bytes.length;
    steps++;
    simulatedS = pending.timeS;
    if (pending.truth && onTruth) for (const t of pending.truth) onTruth({ ...t, emittedMs });
    pending = sensor.next();
    // Yield now and then when writing flat out, so signals and stdout keep flowing.
    if (rate === undefined && steps % 256 === 0) await new Promise((r) => setImmediate(r));
  }
  return { steps, bytes, simulatedS };
}
