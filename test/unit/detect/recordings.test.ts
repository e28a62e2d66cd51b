import { Writable } from 'node:stream';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCalibrate } from '../../../agent/src/cli/calibrate.js';
import type { CliContext } from '../../../agent/src/cli/common.js';
import { evaluateBlock } from '../../../agent/src/detect/calibrate.js';
import { detectionConfigSchema } from '../../../agent/src/detect/config.js';
import { DetectionStage } from '../../../agent/src/detect/stage.js';
import type { Plot } from '../../../agent/src/detect/types.js';
import type { Cat240Video } from '../../../agent/src/protocols/cat240/types.js';
import pino from 'pino';
import { native } from '../../native/kernels.js';
import { countRegions, HALO, HARBOUR, recordingSpokes, spokeIndex, wholeTurns } from '../../helpers/radar-video.js';

/**
 * Acceptance on the two real Navico recordings (processed video): the block `calibrate`
 * recommends covers the video's returns as whole returns (one plot per 8-connected region,
 * counted here by a flood fill that shares nothing with the detector), its clutter map learns
 * the harbour, and a boat written into the video over open water is still found.
 */

const S = 2048;

function memCtx(): { ctx: CliContext; out: () => string; err: () => string } {
  let o = '';
  let e = '';
  const sink = (f: (s: string) => void) => new Writable({ write: (c, _e, cb) => (f(String(c)), cb()) });
  return { ctx: { exitCode: 0, stdout: sink((s) => (o += s)), stderr: sink((s) => (e += s)) }, out: () => o, err: () => e };
}

async function recommended(file: string, turns: number): Promise<Record<string, unknown>> {
  const m = memCtx();
  expect(await runCalibrate({ protocol: 'cat240', file, turns }, m.ctx)).toBe(0);
  const doc = parse(m.out()) as { detection: Record<string, unknown> };
  expect(Object.keys(doc)).toEqual(['detection']);
  return doc.detection;
}

const withoutMap = (b: Record<string, unknown>) => ({ ...b, clutterMap: { ...(b.clutterMap as object), enabled: false } });

describe.each([
  ['harbour (Broadband 4G)', HARBOUR, 8],
  ['HALO close range', HALO, 5],
])('%s: the recommended block, clutter map off', (_name, file, turns) => {
  it('covers >= 90 % of the non-zero cells, with 0.7..1.3 plots per 8-connected region', async () => {
    const block = await recommended(file, turns);
    expect(block.method).toBe('level');
    expect(detectionConfigSchema.safeParse(block).success).toBe(true);
    // One partial turn, `turns` whole turns, and the next one's start (which closes the last).
    const spokes = recordingSpokes(file).slice(0, (turns + 2) * S);
    const whole = wholeTurns(spokes, S).slice(0, turns);
    const regions = whole.map((t) => countRegions(t, S, 1024));
    const nonZero = spokes.reduce((n, s) => n + s.cells.reduce((a, v) => a + (v !== 0 ? 1 : 0), 0), 0);
    const plots: Plot[] = [];
    const stage = new DetectionStage({ config: detectionConfigSchema.parse(withoutMap(block)), kernels: native, logger: pino({ level: 'silent' }), onPlots: (p) => plots.push(...p) });
    await stage.start();
    for (const s of spokes) stage.pushSpoke(s);
    await stage.stop();
    // Every plot's cells are detected cells; over the whole run they must be most of the video.
    const covered = plots.reduce((n, p) => n + p.cellCount, 0) / nonZero;
    expect(covered).toBeGreaterThanOrEqual(0.9);
    // Plots per whole turn (by the turn of their centroid) against the regions of that turn.
    const meanRegions = regions.reduce((a, b) => a + b, 0) / regions.length;
    const figures = evaluateBlock(spokes, withoutMap(block), native);
    const ratio = figures.plotsPerTurn / meanRegions;
    expect(ratio).toBeGreaterThanOrEqual(0.7);
    expect(ratio).toBeLessThanOrEqual(1.3);
    for (let k = 1; k <= turns; k++) {
      const inTurn = plots.filter((p) => p.scan === k).length;
      expect(inTurn / regions[k - 1]!, `turn ${k}`).toBeGreaterThanOrEqual(0.7);
      expect(inTurn / regions[k - 1]!, `turn ${k}`).toBeLessThanOrEqual(1.3);
    }
  }, 60_000);
});

/** Turn number (0 = the partial first turn, as the scan assembler counts) of each spoke. */
function turnsOf(spokes: readonly Cat240Video[]): number[] {
  const out: number[] = [];
  let turn = 0;
  let last = -1;
  for (const v of spokes) {
    const s = spokeIndex(v, S);
    if (last >= 0 && s < last - S / 2) turn++;
    last = s;
    out.push(turn);
  }
  return out;
}

describe('harbour (Broadband 4G): the recommended block with its clutter map', () => {
  it('learns the harbour: plots per turn over the last 5 turns <= 10 % of the first full turn', async () => {
    const block = await recommended(HARBOUR, 20);
    expect((block.clutterMap as { enabled: boolean }).enabled).toBe(true);
    const f = evaluateBlock(recordingSpokes(HARBOUR), block, native);
    expect(f.perTurn.length).toBeGreaterThanOrEqual(15);
    const last5 = f.perTurn.slice(-5).reduce((a, b) => a + b, 0) / 5;
    expect(last5).toBeLessThanOrEqual(0.1 * f.perTurn[0]!);
  }, 60_000);

  it.each([5, 8, 12])('a boat written into the video over open water at %d m/s is found within 5 m on >= 80 percent of turns', async (speed) => {
    const block = await recommended(HARBOUR, 20);
    const spokes = recordingSpokes(HARBOUR);
    const turnOf = turnsOf(spokes);
    const rc = spokes[0]!.rangeCellMetres;
    const lastTurn = turnOf[turnOf.length - 1]!;
    const periodS = (spokes[spokes.length - 1]!.timeOfDaySeconds! - spokes[0]!.timeOfDaySeconds!) / ((spokes.length - 1) / S);
    // A racetrack in the open water south-west of the radar (x east, y north, metres): east along
    // y = -82, a U-turn, west along y = -98; written from turn 6 (the map has settled) on.
    const legs: Array<[number, number, number, number]> = [
      [-140, -82, -40, -82],
      [-40, -82, -40, -98],
      [-40, -98, -140, -98],
    ];
    const length = legs.reduce((a, [x0, y0, x1, y1]) => a + Math.hypot(x1 - x0, y1 - y0), 0);
    const firstTurn = 6;
    const at = (u: number): { x: number; y: number } | null => {
      let d = (u - firstTurn) * periodS * speed;
      if (d < 0 || d > length) return null;
      for (const [x0, y0, x1, y1] of legs) {
        const l = Math.hypot(x1 - x0, y1 - y0);
        if (d <= l) return { x: x0 + ((x1 - x0) * d) / l, y: y0 + ((y1 - y0) * d) / l };
        d -= l;
      }
      return null;
    };
    // The precondition: open water. No cell of the recording, in any turn, within 12 m of the path
    // (on a 1 m grid of where the recording ever had a non-zero cell).
    const G = 400;
    const grid = new Uint8Array(G * G);
    for (const v of spokes) {
      const th = ((spokeIndex(v, S) + 0.5) * 2 * Math.PI) / S;
      const sin = Math.sin(th);
      const cos = Math.cos(th);
      for (let c = 0; c < v.cells.length; c++) {
        if (!v.cells[c]) continue;
        const r = (c + 0.5) * rc;
        grid[Math.floor(200 - r * cos) * G + Math.floor(200 + r * sin)] = 1;
      }
    }
    const clearance = (x: number, y: number): number => {
      let best = Infinity;
      for (let dy = -20; dy <= 20; dy++) {
        for (let dx = -20; dx <= 20; dx++) {
          const gx = Math.floor(200 + x) + dx;
          const gy = Math.floor(200 - y) + dy;
          if (gx >= 0 && gy >= 0 && gx < G && gy < G && grid[gy * G + gx]) best = Math.min(best, Math.hypot(dx, dy));
        }
      }
      return best;
    };
    for (let d = 0; d < length; d += 1) {
      const p = at(firstTurn + d / (periodS * speed))!;
      expect(clearance(p.x, p.y), `open water at ${p.x.toFixed(0)},${p.y.toFixed(0)}`).toBeGreaterThanOrEqual(12);
    }
    // Write the boat: a blob of top codes 2 m in range and 3 spokes across, where it is when the
    // antenna passes; its truth per turn is that position.
    const truth = new Map<number, { x: number; y: number }>();
    for (let i = 0; i < spokes.length; i++) {
      const v = spokes[i]!;
      const s = spokeIndex(v, S);
      const p = at(turnOf[i]! + s / S);
      if (!p) continue;
      const r = Math.hypot(p.x, p.y);
      const bearingSpoke = ((Math.atan2(p.x, p.y) / (2 * Math.PI)) * S + S) % S;
      let ds = Math.abs(bearingSpoke - (s + 0.5));
      if (ds > S / 2) ds = S - ds;
      if (ds > 1.5) continue;
      const c0 = Math.round(r / rc);
      for (let c = c0 - 5; c <= c0 + 5; c++) v.cells[c] = 255;
      if (ds <= 0.5) truth.set(turnOf[i]!, p);
    }
    expect(truth.size).toBeGreaterThanOrEqual(6);
    expect(Math.max(...truth.keys())).toBeLessThan(lastTurn);
    const plots: Plot[] = [];
    const stage = new DetectionStage({ config: detectionConfigSchema.parse(block), kernels: native, logger: pino({ level: 'silent' }), onPlots: (p) => plots.push(...p) });
    await stage.start();
    for (const v of spokes) stage.pushSpoke(v);
    await stage.stop();
    let found = 0;
    for (const [turn, p] of truth) {
      const hit = plots.some((q) => {
        const th = (q.bearingDegrees * Math.PI) / 180;
        return q.scan === turn && Math.hypot(q.rangeMetres * Math.sin(th) - p.x, q.rangeMetres * Math.cos(th) - p.y) <= 5;
      });
      if (hit) found++;
    }
    expect(found / truth.size).toBeGreaterThanOrEqual(0.8);
  }, 60_000);
});
