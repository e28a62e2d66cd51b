import { read } from 'node:fs';
import { promisify } from 'node:util';
import { SerialPort } from 'serialport';

const readAsync = promisify(read);

/**
 * On a slow line (a radar's spokes arriving every millisecond or so), a read after a small one
 * waits until this long after it, so spokes are read a few at a time, not one wake-up each:
 * about 2.5 spokes at 24 rpm x 2048, so a plot still leaves within its sector. A fast line is
 * read at once: the kernel holds only so much (a PTY about 64 KiB, a UART's tty 4 KiB), and a
 * pause while a fast sender fills it loses bytes.
 */
export const READ_COALESCE_MS = 3;
/** A read smaller than this left the line drained. */
const SMALL_READ_BYTES = 2048;
/** Above this rate (bytes per ms, 2 MB/s) the line is fast: no pause. */
const FAST_BYTES_PER_MS = 2000;
/** The rate is measured over windows of this length (ms). */
const RATE_WINDOW_MS = 20;

interface ReadPace {
  windowStart: number;
  windowBytes: number;
  fast: boolean;
  /** When the last small read on a slow line was (performance.now()), or undefined. */
  smallAt: number | undefined;
}
const paces = new WeakMap<object, ReadPace>();

function pace(port: object): ReadPace {
  let p = paces.get(port);
  if (!p) paces.set(port, (p = { windowStart: performance.now(), windowBytes: 0, fast: false, smallAt: undefined }));
  return p;
}

function noteRead(p: ReadPace, bytes: number, length: number): void {
  const now = performance.now();
  p.windowBytes += bytes;
  if (now - p.windowStart >= RATE_WINDOW_MS) {
    p.fast = p.windowBytes / (now - p.windowStart) > FAST_BYTES_PER_MS;
    p.windowStart = now;
    p.windowBytes = 0;
  }
  p.smallAt = !p.fast && bytes < SMALL_READ_BYTES && bytes < length ? now : undefined;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The part of a unix port binding (@serialport/bindings-cpp's Linux/Darwin) that reading needs. */
interface UnixPortBinding {
  fd: number | null;
  readonly isOpen: boolean;
  readonly poller: { once(event: 'readable', cb: (err: Error | null) => void): unknown };
  read(buffer: Buffer, offset: number, length: number): Promise<{ bytesRead: number; buffer: Buffer }>;
}

interface BindingLike {
  list(): Promise<unknown[]>;
  open(options: object): Promise<object>;
}

/** Codes of a read that mean the line is gone (a tty hung up, a USB adapter pulled). */
const LOST_CODES = new Set(['EOF', 'EIO', 'ENXIO', 'ENODEV', 'EBADF']);

/** An error the stream treats as "closed on purpose" (it does not report a disconnect for it). */
function canceled(): Error {
  return Object.assign(new Error('Port is not open'), { canceled: true });
}

/** The line ended: a read of 0 bytes on a non-blocking tty that poll said was readable. */
export class EndOfLineError extends Error {
  readonly code = 'EOF';
  readonly disconnect = true;
  constructor() {
    super('EOF: the far end closed the line');
    this.name = 'EndOfLineError';
  }
}

/**
 * A read that treats the end of the line as the end. The binding's own read (unix-read.js in
 * @serialport/bindings-cpp 13) answers a read of 0 bytes by reading again at once: a hung-up tty
 * (a PTY whose writer exited) returns 0 for ever, so it spins a core and never reports the loss.
 * Here 0 bytes is an error the stream turns into a close with a disconnect, like EIO or ENXIO.
 * The fd is non-blocking, so "no data yet" is EAGAIN (wait for poll), never 0.
 */
async function readLine(port: UnixPortBinding, buffer: Buffer, offset: number, length: number): Promise<{ bytesRead: number; buffer: Buffer }> {
  const p = pace(port);
  if (p.smallAt !== undefined) {
    const wait = p.smallAt + READ_COALESCE_MS - performance.now();
    if (wait > 0) await sleep(wait);
  }
  for (;;) {
    const fd = port.fd;
    if (!port.isOpen || fd === null) throw canceled();
    let bytesRead: number;
    try {
      ({ bytesRead } = await readAsync(fd, buffer, offset, length, null));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      if (code === 'EAGAIN' || code === 'EWOULDBLOCK' || code === 'EINTR') {
        if (!port.isOpen) throw canceled();
        await new Promise<void>((resolve, reject) => port.poller.once('readable', (e) => (e ? reject(e) : resolve())));
        continue;
      }
      if (LOST_CODES.has(code)) Object.assign(err as object, { disconnect: true });
      throw err;
    }
    if (bytesRead === 0) throw new EndOfLineError();
    noteRead(p, bytesRead, length);
    return { bytesRead, buffer };
  }
}

function isUnixPort(port: object): port is UnixPortBinding {
  return 'fd' in port && 'poller' in port && typeof (port as { read?: unknown }).read === 'function';
}

/**
 * serialport's detected binding with the read above on unix ports (Windows ports keep theirs).
 * Hand it to `new SerialPort({ binding })`.
 */
export function endOfLineBinding(base: BindingLike = SerialPort.binding): BindingLike {
  return {
    list: () => base.list(),
    async open(options: object) {
      const port = await base.open(options);
      if (isUnixPort(port)) port.read = (buffer, offset, length) => readLine(port, buffer, offset, length);
      return port;
    },
  };
}

export const ttyBinding = endOfLineBinding();
