import pino from 'pino';
import type { RecordBodies, RecordKind } from '../../agent/src/wire/types.js';
import type { Runtime } from '../../agent/src/sensors/types.js';

export const silent = pino({ level: 'silent' });

/** A record sink that keeps what a pipeline appends, by kind, in order. */
export function recordingSink(): { append<K extends RecordKind>(kind: K, body: RecordBodies[K]): number; of<K extends RecordKind>(kind: K): RecordBodies[K][] } {
  const records: Array<{ kind: RecordKind; body: unknown }> = [];
  return {
    append(kind, body) {
      records.push({ kind, body });
      return records.length;
    },
    of: <K extends RecordKind>(kind: K) => records.filter((r) => r.kind === kind).map((r) => r.body as RecordBodies[K]),
  };
}

/** Starts a runtime's stages, waits for its file input to end, flushes and stops it (reverse order). */
export async function runToEnd(runtime: Runtime, ended: Promise<void>): Promise<void> {
  for (const s of runtime.stages) await s.start();
  await ended;
  await runtime.flush?.();
  for (const s of [...runtime.stages].reverse()) await s.stop();
}

export function endSignal(): { ended: Promise<void>; onInputEnd: () => void } {
  let onInputEnd!: () => void;
  const ended = new Promise<void>((r) => (onInputEnd = r));
  return { ended, onInputEnd };
}
