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

/** A socat process a test starts and ends itself. */
export interface SocatProcess {
  proc: ChildProcess;
  /** Resolves once socat is gone. */
  exited: Promise<void>;
  /** Sends a signal (SIGKILL: the PTY vanishes without socat tidying its link) and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * A PTY at `link` that socat writes into: from `file` (`socat -u OPEN:file PTY,link=...`), exiting
 * at its end, or else from its stdin (`proc.stdin`), until killed. With `wait-slave` socat writes
 * only once a reader has opened the PTY. When socat is gone the reader's tty is hung up (reads
 * return 0 bytes from then on).
 */
export async function startPtyWriter(link: string, file?: string): Promise<SocatProcess> {
  const source = file === undefined ? 'STDIN' : `OPEN:${file}`;
  const proc = spawn('socat', ['-u', '-b', '262144', source, `PTY,raw,echo=0,link=${link},wait-slave`], { stdio: [file === undefined ? 'pipe' : 'ignore', 'ignore', 'ignore'] });
  proc.stdin?.on('error', () => {});
  let gone = false;
  const exited = new Promise<void>((resolve) =>
    proc.once('exit', () => {
      gone = true;
      resolve();
    }),
  );
  await waitFor(() => gone || existsSync(link), 10_000, `socat PTY at ${link}`);
  if (gone) throw new Error('socat exited at start (is it installed?)');
  return {
    proc,
    exited,
    kill: async (signal = 'SIGTERM') => {
      if (!gone) proc.kill(signal);
      await exited;
    },
  };
}
