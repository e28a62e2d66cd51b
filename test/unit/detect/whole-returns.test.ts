import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { detectionConfigSchema } from '../../../agent/src/detect/config.js';
import { DetectionStage } from '../../../agent/src/detect/stage.js';
import type { Plot, VideoSpoke } from '../../../agent/src/detect/types.js';
import { both } from '../../native/kernels.js';

/**
 * Whole-return plots from the level method on hand-made processed video: one plot per return
 * with its area and size class, one across north, a ring round the whole turn cut into one plot
 * per turn, area filters, and extended returns kept off the wire when asked.
 */

const S = 512;
const COLS = 256;
const RC = 1; // metres per cell

interface Blob {
  spokes: [number, number];
  cells: [number, number];
  code: number;
}

function spokes(blobs: Blob[], turns: number): VideoSpoke[] {
  const out: VideoSpoke[] = [];
  for (let t = 0; t < turns; t++) {
    for (let s = 0; s < S; s++) {
      const cells = new Uint8Array(COLS);
      for (const b of blobs) {
        const inSpoke = b.spokes[0] <= b.spokes[1] ? s >= b.spokes[0] && s <= b.spokes[1] : s >= b.spokes[0] || s <= b.spokes[1];
        if (inSpoke) cells.fill(b.code, b.cells[0], b.cells[1] + 1);
      }
      const ms = (t * S + s) * 5;
      out.push({ startAzimuth: (s * 65536) / S, endAzimuth: ((s + 1) * 65536) / S, startRangeCell: 0, rangeCellMetres: RC, cells, resolutionBits: 8, rx: { monoMs: ms, wallMs: 1.7e12 + ms } });
    }
  }
  return out;
}

describe.each(both)('whole-return plots (%s kernels)', (_name, kernels) => {
  async function run(blobs: Blob[], turns: number, extra: Record<string, unknown> = {}): Promise<{ plots: Plot[]; stage: DetectionStage }> {
    const plots: Plot[] = [];
    const config = detectionConfigSchema.parse({ method: 'level', level: 17, maxPlotCells: S * COLS, ...extra });
    const stage = new DetectionStage({ config, kernels, logger: pino({ level: 'silent' }), onPlots: (p) => plots.push(...p) });
    await stage.start();
    for (const s of spokes(blobs, turns)) stage.pushSpoke(s);
    await stage.stop();
    return { plots, stage };
  }

  const boat: Blob = { spokes: [100, 103], cells: [95, 104], code: 255 };
  const acrossNorth: Blob = { spokes: [510, 1], cells: [50, 52], code: 34 };
  const jetty: Blob = { spokes: [300, 340], cells: [150, 250], code: 255 };
  const ring: Blob = { spokes: [0, S - 1], cells: [0, 3], code: 255 };

  it('one plot per return per turn, with its area on the water and its size class', async () => {
    const { plots } = await run([boat, acrossNorth, jetty], 3);
    const turn1 = plots.filter((p) => p.scan === 1);
    expect(turn1).toHaveLength(3);
    const b = turn1.find((p) => Math.abs(p.rangeMetres - 100) < 1)!;
    // 10 cells in range x 4 spokes: sum over cells of r x 2pi/512 x 1 m, r = 95.5 .. 104.5 m.
    const area = 4 * ((2 * Math.PI) / S) * Array.from({ length: 10 }, (_, i) => 95.5 + i).reduce((a, r) => a + r, 0);
    expect(b.areaSquareMetres).toBeCloseTo(area, 6);
    expect(b.cellCount).toBe(40);
    expect(b.sizeClass).toBe('medium');
    expect(b.bearingDegrees).toBeCloseTo((102 * 360) / S, 6);
    const n = turn1.find((p) => p.rangeMetres < 60)!;
    expect(n.cellCount).toBe(4 * 3);
    expect(n.sizeClass).toBe('small');
    expect(Math.min(n.bearingDegrees, 360 - n.bearingDegrees)).toBeLessThan(1);
    expect(turn1.find((p) => p.rangeMetres > 150)!.sizeClass).toBe('extended');
  });

  it('a ring of returns round the whole turn is one plot per turn', async () => {
    const { plots } = await run([ring, boat], 4);
    const rings = plots.filter((p) => p.rangeMetres < 5);
    // The first turn's partial start and the stop's flush may split; whole turns give one each.
    expect(rings.length).toBeGreaterThanOrEqual(3);
    expect(rings.length).toBeLessThanOrEqual(5);
    for (const r of rings) expect(r.azimuthExtentDegrees).toBeLessThanOrEqual(360);
    expect(plots.filter((p) => Math.abs(p.rangeMetres - 100) < 1)).toHaveLength(4);
  });

  it('area filters drop plots (counted), and extended returns can be kept off the wire (counted)', async () => {
    // The boat is 49 m², the patch across north 7.5 m², the jetty 10,000 m².
    const all = await run([boat, acrossNorth, jetty], 3);
    const filtered = await run([boat, acrossNorth, jetty], 3, { plotSize: { minAreaSquareMetres: 10, maxAreaSquareMetres: 1000 } });
    expect(filtered.plots.every((p) => Math.abs(p.rangeMetres - 100) < 1)).toBe(true);
    expect(filtered.plots).toHaveLength(3);
    expect(filtered.stage.counters.plotsDropped).toBe(all.plots.length - 3);
    const held = await run([boat, jetty], 3, { plotSize: { sendExtended: false } });
    expect(held.plots.some((p) => p.sizeClass === 'extended')).toBe(false);
    expect(held.stage.counters.plotsExtended).toBe(3);
    expect(held.stage.counters.plotsExtendedHeld).toBe(3);
    expect(held.plots).toHaveLength(3);
  });
});
