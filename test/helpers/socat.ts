import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A pair of linked pseudo-terminals made by socat: bytes written to one end come out of the other. */
export interface PtyPair {
  a: string;
  b: string;
  /** Closes both ends (as if the cable were pulled). */
  stop(): Promise<void>;
  /** Makes the pair again at the same paths. */
  restart(): Promise<void>;
}

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function startPtyPair(dir = mkdtempSync(join(tmpdir(), 'lookout-pty-'))): Promise<PtyPair> {
  const a = join(dir, 'a');
  const b = join(dir, 'b');
  let proc: ChildProcess | undefined;
  const start = async (): Promise<void> => {
    // -b 262144: socat's default 8 KiB block caps a PTY link near 3 MB/s.
    proc = spawn('socat', ['-b', '262144', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: 'ignore' });
    const p = proc;
    let exited = false;
    p.once('exit', () => {
      exited = true;
    });
    await waitFor(() => exited || (existsSync(a) && existsSync(b)), 10_000, 'socat PTY pair');
    if (exited) throw new Error('socat exited at start (is it installed?)');
  };
  const stop = async (): Promise<void> => {
    const p = proc;
    proc = undefined;
    if (!p || p.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      p.once('exit', () => resolve());
      p.kill('SIGTERM');
    });
    await waitFor(() => !existsSync(a) && !existsSync(b), 5000, 'PTY links to go');
  };
  await start();
  return { a, b, stop, restart: start };
}
