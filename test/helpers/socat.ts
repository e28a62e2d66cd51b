import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPtyPair as start, type PtyPair } from '../../agent/src/io/pty.js';

export type { PtyPair };

async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A socat PTY pair (agent/src/io/pty.ts) at `<dir>/a` and `<dir>/b`, in a new temporary directory by default. */
export function startPtyPair(dir = mkdtempSync(join(tmpdir(), 'lookout-pty-'))): Promise<PtyPair> {
  return start({ dir });
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
