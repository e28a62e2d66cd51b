import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** One datagram received on the notify socket, with the receiver's monotonic time. */
export interface NotifyMessage {
  atMs: number;
  fields: Record<string, string>;
  raw: string;
}

/**
 * A unix datagram socket as systemd's notify socket, bound by a small Python receiver (Node has
 * no unix datagram sockets). `address` is a path, or `@name` for the abstract namespace.
 */
export interface NotifySocket {
  address: string;
  messages: NotifyMessage[];
  waitFor(pred: (m: NotifyMessage) => boolean, timeoutMs: number, what: string): Promise<NotifyMessage>;
  close(): Promise<void>;
}

const RECEIVER = `
import socket, sys, time, json
addr = sys.argv[1]
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(('\\0' + addr[1:]) if addr.startswith('@') else addr)
print('ready', flush=True)
while True:
    data = s.recv(65536)
    print(json.dumps({'t': time.monotonic() * 1000, 'm': data.decode('utf-8', 'replace')}), flush=True)
`;

export async function startNotifySocket(address: string): Promise<NotifySocket> {
  const proc: ChildProcess = spawn('python3', ['-c', RECEIVER, address], { stdio: ['ignore', 'pipe', 'inherit'] });
  const messages: NotifyMessage[] = [];
  const waiters = new Set<() => void>();
  let t0: number | undefined;
  const rl = createInterface({ input: proc.stdout! });
  await new Promise<void>((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`notify receiver exited (${code})`)));
    rl.on('line', (line) => {
      if (line === 'ready') return resolve();
      const { t, m } = JSON.parse(line) as { t: number; m: string };
      t0 ??= t - performance.now();
      const fields: Record<string, string> = {};
      for (const l of m.split('\n')) {
        const i = l.indexOf('=');
        if (i > 0) fields[l.slice(0, i)] = l.slice(i + 1);
      }
      messages.push({ atMs: t - t0, fields, raw: m });
      for (const w of waiters) w();
    });
  });
  return {
    address,
    messages,
    waitFor: (pred, timeoutMs, what) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const hit = messages.find(pred);
          if (hit) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(hit);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(messages.map((m) => m.raw))}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
    close: async () => {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGKILL');
        await exited;
      }
    },
  };
}
