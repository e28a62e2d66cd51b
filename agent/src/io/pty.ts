/**
 * Pairs of linked pseudo-terminals made by socat: the serial link of `lookout demo` and of the
 * tests. Bytes written to one end come out of the other, at tty speed limits of the kernel, not
 * of a baud rate.
 */
import { spawn as nodeSpawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LookoutError } from '../errors.js';

/** socat's default 8 KiB block caps a PTY link near 3 MB/s; 256 KiB does not. */
export const SOCAT_BLOCK_BYTES = 262_144;

export interface PtyPair {
  /** The two link paths (symlinks to /dev/pts/N, made by socat). */
  readonly a: string;
  readonly b: string;
  /** Closes both ends (as if the cable were pulled) and waits for the links to go. */
  stop(): Promise<void>;
  /** Makes the pair again at the same paths (new /dev/pts/N). */
  restart(): Promise<void>;
}

export interface PtyPairOptions {
  /** Directory the two links are made in. */
  dir: string;
  /** Link names inside `dir`. Default `['a', 'b']`. */
  names?: readonly [string, string];
  /** How long socat may take to make the links (and to remove them at stop). Default 10 s. */
  timeoutMs?: number;
  /** The socat executable. Default `socat` on PATH. */
  socat?: string;
  /** Injected for tests; default node's `child_process.spawn`. */
  spawn?: (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess;
  /** Injected sleep for the polls; default setTimeout. */
  sleep?: (ms: number) => Promise<void>;
  /** Injected monotonic clock (ms) for the deadlines; default performance.now. */
  now?: () => number;
}

const POLL_MS = 20;

/** True when a socat executable is on PATH. */
export function socatAvailable(socat = 'socat'): boolean {
  return spawnSync('sh', ['-c', 'command -v "$1"', 'sh', socat], { stdio: 'ignore' }).status === 0;
}

/** The socat arguments of a raw, echo-free PTY pair at two link paths. */
export function socatPtyArgs(a: string, b: string): string[] {
  return ['-b', String(SOCAT_BLOCK_BYTES), `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`];
}

/**
 * Starts socat with a PTY pair and resolves once both links exist. Rejects with
 * `E_SERIAL_OPEN` when socat cannot be started or exits at start, `E_TIMEOUT` when the links do
 * not appear in time (socat is then stopped).
 */
export async function startPtyPair(options: PtyPairOptions): Promise<PtyPair> {
  if (typeof options?.dir !== 'string' || options.dir === '') throw new TypeError('startPtyPair: dir must be a directory path');
  const [na, nb] = options.names ?? ['a', 'b'];
  const a = join(options.dir, na);
  const b = join(options.dir, nb);
  if (a === b) throw new TypeError('startPtyPair: the two link names must differ');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const socat = options.socat ?? 'socat';
  const spawn = options.spawn ?? nodeSpawn;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = options.now ?? (() => performance.now());
  let proc: ChildProcess | undefined;

  const waitFor = async (check: () => boolean, what: string): Promise<void> => {
    const deadline = now() + timeoutMs;
    while (!check()) {
      if (now() > deadline) throw new LookoutError('E_TIMEOUT', `socat: timed out after ${timeoutMs} ms waiting for ${what}`, { details: { a, b } });
      await sleep(POLL_MS);
    }
  };

  const start = async (): Promise<void> => {
    const p = spawn(socat, socatPtyArgs(a, b), { stdio: 'ignore' });
    proc = p;
    let exit: string | undefined;
    p.once('exit', (code, signal) => (exit = signal ?? `code ${String(code)}`));
    p.once('error', (err) => (exit = err.message));
    try {
      await waitFor(() => exit !== undefined || (existsSync(a) && existsSync(b)), 'the PTY links');
    } catch (err) {
      await stop();
      throw err;
    }
    if (exit !== undefined) {
      proc = undefined;
      throw new LookoutError('E_SERIAL_OPEN', `socat could not make a PTY pair (${exit}; is socat installed?)`, { details: { a, b, socat } });
    }
  };

  const stop = async (): Promise<void> => {
    const p = proc;
    proc = undefined;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      p.once('exit', () => resolve());
      p.kill('SIGTERM');
    });
    await waitFor(() => !existsSync(a) && !existsSync(b), 'the PTY links to go');
  };

  await start();
  return { a, b, stop, restart: start };
}
