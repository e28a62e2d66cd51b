import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPtyPair as start, type PtyPair } from '../../agent/src/io/pty.js';

export type { PtyPair };

/** A socat PTY pair (agent/src/io/pty.ts) at `<dir>/a` and `<dir>/b`, in a new temporary directory by default. */
export function startPtyPair(dir = mkdtempSync(join(tmpdir(), 'lookout-pty-'))): Promise<PtyPair> {
  return start({ dir });
}
