import { spawn, type ChildProcess } from 'node:child_process';
import { LOOKOUT_BIN, REPO_ROOT } from './paths.js';

/** A `lookout` process started the way a user starts it, with its output collected. */
export interface LookoutProcess {
  proc: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal name) once the process is gone. */
  exited: Promise<number | string>;
  /** Sends a signal and waits for the exit; returns the code and how long it took. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | string; ms: number }>;
}

export function spawnLookout(args: string[], env: NodeJS.ProcessEnv = {}): LookoutProcess {
  const proc = spawn(process.execPath, [LOOKOUT_BIN, ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stdout!.setEncoding('utf8').on('data', (s: string) => (out += s));
  proc.stderr!.setEncoding('utf8').on('data', (s: string) => (err += s));
  const exited = new Promise<number | string>((resolve) => proc.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return {
    proc,
    stdout: () => out,
    stderr: () => err,
    exited,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      const t0 = Date.now();
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      const code = await exited;
      return { code, ms: Date.now() - t0 };
    },
  };
}

/** Runs `lookout ARGS` to completion. */
export async function runLookout(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | string; stdout: string; stderr: string }> {
  const p = spawnLookout(args, env);
  const code = await p.exited;
  return { code, stdout: p.stdout(), stderr: p.stderr() };
}

/** Polls until `check` is true or the timeout passes (then throws, naming what was awaited). */
export async function waitUntil(check: () => boolean, timeoutMs: number, what: string, stepMs = 50): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
