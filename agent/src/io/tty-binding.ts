import { read } from 'node:fs';
import { promisify } from 'node:util';
import { SerialPort } from 'serialport';

const readAsync = promisify(read);

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
