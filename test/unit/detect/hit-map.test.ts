import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { detectionConfigSchema } from '../../../agent/src/detect/config.js';
import { readHitMapHeader } from '../../../agent/src/detect/hit-map.js';
import { DetectionStage } from '../../../agent/src/detect/stage.js';
import type { Cat240Video } from '../../../agent/src/protocols/cat240/types.js';
import { native } from '../../native/kernels.js';
import { HARBOUR, recordingSpokes } from '../../helpers/radar-video.js';

/**
 * The hit-frequency clutter map survives a restart (it is written to the data directory), is
 * started again when the video geometry changes (logged once per change), and can be frozen.
 */

const S = 2048;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'lookout-hitmap-'));
  dirs.push(d);
  return d;
}

const block = (extra: Record<string, unknown> = {}) =>
  detectionConfigSchema.parse({ method: 'level', level: 17, maxPlotCells: 1 << 21, clutterMap: { enabled: true, timeConstantTurns: 8, threshold: 0.3, ...extra } });

function capture(): { logger: pino.Logger; lines: Array<{ level: number; msg: string }> } {
  const lines: Array<{ level: number; msg: string }> = [];
  const logger = pino({ level: 'info' }, { write: (s: string) => void lines.push(JSON.parse(s) as { level: number; msg: string }) });
  return { logger, lines };
}

/** Plots per turn (by centroid turn) of one run over the spokes. */
async function run(spokes: readonly Cat240Video[], config: ReturnType<typeof block>, path: string, logger = pino({ level: 'silent' })): Promise<Map<number, number>> {
  const perTurn = new Map<number, number>();
  const stage = new DetectionStage({ config, kernels: native, logger, clutterMapPath: path, onPlots: (ps) => ps.forEach((p) => perTurn.set(p.scan, (perTurn.get(p.scan) ?? 0) + 1)) });
  await stage.start();
  for (const s of spokes) stage.pushSpoke(s);
  await stage.stop();
  return perTurn;
}

describe('hit-frequency clutter map persistence', () => {
  const spokes = recordingSpokes(HARBOUR, 9 * S);

  it('a restart keeps what the map learnt: the first turn after it is already thinned', async () => {
    const path = join(tmp(), 'clutter-map-radar1.bin');
    const first = await run(spokes, block(), path);
    const stored = readFileSync(path);
    expect(readHitMapHeader(stored)).toEqual({ spokesPerTurn: S, cols: 1024, startRangeCell: 0, rangeCellMetres: spokes[0]!.rangeCellMetres });
    expect(stored.length).toBe(32 + S * 1024);
    // Fresh, turn 1 has every return; after the restart (frozen, so the map cannot move) turn 1 is thinned.
    const again = await run(spokes.slice(0, 3 * S), block({ freeze: true }), path);
    expect(again.get(1)!).toBeLessThanOrEqual(0.25 * first.get(1)!);
    // Frozen: the file is not rewritten.
    expect(readFileSync(path).equals(stored)).toBe(true);
  }, 60_000);

  it('a stored map of another geometry is not used, and a geometry change mid-run is logged once', async () => {
    const path = join(tmp(), 'clutter-map-radar1.bin');
    await run(spokes.slice(0, 6 * S), block(), path);
    // The same file read for video at another range scale: a new, empty map (turn 1 keeps its plots).
    const other = spokes.slice(0, 3 * S).map((s) => ({ ...s, rangeCellMetres: s.rangeCellMetres * 2 }));
    const fresh = await run(spokes.slice(0, 3 * S), block({ freeze: true }), join(tmp(), 'none.bin'));
    const c = capture();
    const wrong = await run(other, block({ freeze: true }), path, c.logger);
    expect(wrong.get(1)).toBe(fresh.get(1));
    expect(c.lines.filter((l) => l.msg.includes('another video geometry'))).toHaveLength(1);
    // Mid-run: the range scale changes once, then stays.
    const c2 = capture();
    const mixed = [...spokes.slice(0, 2 * S), ...spokes.slice(2 * S, 4 * S).map((s) => ({ ...s, rangeCellMetres: s.rangeCellMetres * 2 }))];
    await run(mixed, block(), join(tmp(), 'mixed.bin'), c2.logger);
    expect(c2.lines.filter((l) => l.msg.includes('geometry changed'))).toHaveLength(1);
  }, 60_000);

  it('a file that is not a map is ignored with a warning', async () => {
    const path = join(tmp(), 'clutter-map-radar1.bin');
    writeFileSync(path, Buffer.from('not a clutter map'));
    const c = capture();
    const perTurn = await run(spokes.slice(0, 3 * S), block({ freeze: true }), path, c.logger);
    expect(perTurn.get(1)!).toBeGreaterThan(50);
    expect(c.lines.some((l) => l.level === 40 && l.msg.includes('another video geometry'))).toBe(true);
  }, 60_000);
});
