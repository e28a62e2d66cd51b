/**
 * Reading a slow line a few spokes at a time: radar spokes written into a real socat PTY at the
 * antenna's rate (24 rpm x 2048 spokes, one every 1.2 ms) are read in fewer wake-ups than spokes,
 * with every byte delivered. Counts, never wall time.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { SerialSource } from '../../agent/src/io/serial.js';
import { runLookout, waitUntil } from '../helpers/cli.js';
import { startPtyPair } from '../helpers/socat.js';

describe('serial reads on a slow line (real socat PTY)', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => {});
    cleanups.length = 0;
  });

  it('takes spokes several at a time and loses no byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-pace-'));
    const pty = await startPtyPair(dir);
    cleanups.push(() => pty.stop());
    let received = 0;
    const source = new SerialSource({ path: pty.b, baud: 921600, logger: pino({ level: 'silent' }), onData: (chunk) => (received += chunk.length) });
    await source.start();
    cleanups.push(() => source.stop());
    await waitUntil(() => source.counters.opens === 1, 10_000, 'the port open');
    // The simulator writes each spoke on its own at its time, as a radar's interface does.
    const sim = await runLookout(['sim', '--protocol', 'cat240', '--out', `${pty.a}@921600`, '--rate', '1', '--duration', '3']);
    expect(sim.code).toBe(0);
    const m = /sim: (\d+) writes, (\d+) bytes/.exec(sim.stderr + sim.stdout);
    expect(m).not.toBeNull();
    const spokes = Number(m![1]);
    const bytesWritten = Number(m![2]);
    await waitUntil(() => received >= bytesWritten, 10_000, 'every byte read');
    expect(received).toBe(bytesWritten);
    console.log(`${spokes} spokes in ${source.counters.chunks} reads`);
    expect(source.counters.chunks).toBeLessThan(spokes * 0.7);
  }, 60_000);
});
