/**
 * The nonces of accepted commands, remembered until their command expires, in a file of the
 * data directory so that a restart does not reopen the door to a replay. Rewritten whole (a
 * temporary file, fsync, rename) at each new nonce: at most maxTtl x rate entries (1,800 with
 * the defaults, about 90 KB), and a command is rare.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from 'pino';

export class NonceStore {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly path: string,
    private readonly log: Logger,
  ) {}

  /** Reads the file (absent: nothing remembered yet; unreadable: logged, and nothing is remembered). */
  load(nowMs: number): void {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.log.error({ err, path: this.path }, 'commands: cannot read the remembered nonces');
      return;
    }
    try {
      const data = JSON.parse(text) as { nonces?: Record<string, number> };
      for (const [nonce, expiresAtMs] of Object.entries(data.nonces ?? {})) if (typeof expiresAtMs === 'number' && expiresAtMs > nowMs) this.seen.set(nonce, expiresAtMs);
    } catch (err) {
      this.log.error({ err, path: this.path }, 'commands: the remembered nonces file is corrupt; starting afresh');
    }
  }

  has(nonceHex: string): boolean {
    return this.seen.has(nonceHex);
  }

  get size(): number {
    return this.seen.size;
  }

  /** Remembers a nonce until `expiresAtMs`, forgets the expired ones, and writes the file durably. */
  remember(nonceHex: string, expiresAtMs: number, nowMs: number): void {
    for (const [n, e] of this.seen) if (e <= nowMs) this.seen.delete(n);
    this.seen.set(nonceHex, expiresAtMs);
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify({ nonces: Object.fromEntries(this.seen) }));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.path);
  }
}
