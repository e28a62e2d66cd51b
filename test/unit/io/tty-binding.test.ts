import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { endOfLineBinding, EndOfLineError } from '../../../agent/src/io/tty-binding.js';

/** A port binding over a real fd, shaped like @serialport/bindings-cpp's unix ones. */
function fakeBase(fd: number) {
  const poller = new EventEmitter();
  const port = {
    fd: fd as number | null,
    get isOpen() {
      return this.fd !== null;
    },
    poller: { once: (event: string, cb: (err: Error | null) => void) => poller.once(event, cb) },
    read: async () => ({ bytesRead: -1, buffer: Buffer.alloc(0) }),
  };
  return { port, base: { list: async () => [], open: async () => port } };
}

describe('endOfLineBinding', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lookout-tty-'));

  it('reads bytes, then reports a read of 0 bytes as the end of the line (a disconnect), never reads again at once', async () => {
    const file = join(dir, 'line');
    writeFileSync(file, 'abc');
    const fd = openSync(file, 'r');
    const { base } = fakeBase(fd);
    const port = (await endOfLineBinding(base).open({})) as { read(b: Buffer, o: number, l: number): Promise<{ bytesRead: number }> };
    const buf = Buffer.alloc(16);
    expect((await port.read(buf, 0, 16)).bytesRead).toBe(3);
    expect(buf.subarray(0, 3).toString()).toBe('abc');
    const err = await port.read(buf, 0, 16).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EndOfLineError);
    expect(err).toMatchObject({ code: 'EOF', disconnect: true });
    closeSync(fd);
  });

  it('a closed port is a cancel, not a disconnect', async () => {
    const { base, port: raw } = fakeBase(0);
    raw.fd = null;
    const port = (await endOfLineBinding(base).open({})) as { read(b: Buffer, o: number, l: number): Promise<unknown> };
    await expect(port.read(Buffer.alloc(4), 0, 4)).rejects.toMatchObject({ canceled: true });
  });

  it('any other error of the read is passed on with its code (the stream closes the port on it)', async () => {
    const dirFd = openSync(dir, 'r');
    const { base } = fakeBase(dirFd);
    const port = (await endOfLineBinding(base).open({})) as { read(b: Buffer, o: number, l: number): Promise<unknown> };
    // read(2) of a directory: EISDIR, an error the stream reports as a disconnect all the same.
    await expect(port.read(Buffer.alloc(4), 0, 4)).rejects.toMatchObject({ code: 'EISDIR' });
    closeSync(dirFd);
  });

  it('leaves a port without an fd and poller (Windows) as it is', async () => {
    const port = { read: async () => ({ bytesRead: 7 }) };
    const opened = await endOfLineBinding({ list: async () => [], open: async () => port }).open({});
    expect(opened).toBe(port);
    expect(await port.read()).toEqual({ bytesRead: 7 });
  });
});
