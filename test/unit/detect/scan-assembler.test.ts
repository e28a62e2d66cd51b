import { describe, expect, it } from 'vitest';
import { ScanAssembler, type Sector, type SpokeGeometry } from '../../../agent/src/detect/scan-assembler.js';
import type { VideoSpoke } from '../../../agent/src/detect/types.js';

function spoke(index: number, S: number, cols = 8, zeroWidth = false, cells?: VideoSpoke['cells']): VideoSpoke {
  const start = Math.round((index * 65536) / S) & 0xffff;
  const end = zeroWidth ? start : Math.round(((index + 1) * 65536) / S) & 0xffff;
  return { startAzimuth: start, endAzimuth: end, startRangeCell: 0, rangeCellMetres: 7.5, cells: cells ?? new Uint8Array(cols).fill(index & 0xff), resolutionBits: 8, rx: { monoMs: index, wallMs: index } };
}

function collect(options: { sectorSpokes: number; spokesPerTurn?: number }) {
  const sectors: Sector[] = [];
  const geometries: SpokeGeometry[] = [];
  const a = new ScanAssembler({ ...options, onSector: (s) => sectors.push(s), onGeometry: (g) => geometries.push(g) });
  return { a, sectors, geometries };
}

describe('ScanAssembler', () => {
  it.each([
    [2048, false],
    [4096, false],
    [360, false],
    [2000, false],
    [1024, true],
  ])('infers %d spokes per turn (zero-width spokes: %s) and aligns sectors on the turn', (S, zeroWidth) => {
    const { a, sectors, geometries } = collect({ sectorSpokes: 16 });
    for (let i = 100; i < 100 + 2 * S; i++) a.push(spoke(i % S, S, 8, zeroWidth));
    a.flush();
    expect(geometries).toHaveLength(1);
    expect(Math.abs(geometries[0]!.spokesPerTurn - S)).toBeLessThanOrEqual(S === 2000 ? 2 : 0);
    expect(a.counters.turns).toBe(2);
    expect(sectors.length).toBeGreaterThan(0);
    for (const s of sectors) expect(s.firstSpoke % 16).toBe(0);
    if (S !== 2000) {
      expect(a.counters.missingSpokes + a.counters.duplicateSpokes + a.counters.lateSpokes).toBe(0);
      // Each sector's rows hold the spokes of their index.
      const s = sectors[3]!;
      for (let r = 0; r < s.rows; r++) if (s.present[r]) expect(s.video[r * 8]).toBe((s.firstSpoke + r) & 0xff);
    }
  });

  it('takes spokesPerTurn from the config, counts duplicates, late and missing spokes, and hands sectors over in order', () => {
    const { a, sectors } = collect({ sectorSpokes: 8, spokesPerTurn: 64 });
    // A forward jump of more than half a turn would be taken for a late spoke: gaps here are smaller.
    const order = [0, 1, 2, 2, 3, 5, 4, 6, 7, 8, 9, 10, 40, 63, 0, 1];
    for (const i of order) a.push(spoke(i, 64));
    a.flush();
    expect(a.counters).toMatchObject({ duplicateSpokes: 1 });
    expect(a.counters.lateSpokes).toBe(1);
    expect(a.counters.missingSpokes).toBe(1 + 29 + 22);
    expect(a.counters.turns).toBe(1);
    expect(sectors.map((s) => s.firstRow)).toEqual([0, 8, 40, 56, 64]);
    expect(Array.from(sectors[0]!.present)).toEqual([1, 1, 1, 1, 0, 1, 1, 1]);
  });

  it('starts over when the video geometry changes, and converts 32-bit video to f32', () => {
    const { a, geometries } = collect({ sectorSpokes: 8, spokesPerTurn: 64 });
    for (let i = 0; i < 10; i++) a.push(spoke(i, 64, 8));
    for (let i = 10; i < 20; i++) a.push(spoke(i, 64, 16));
    for (let i = 20; i < 30; i++) a.push(spoke(i, 64, 16, false, new Uint32Array(16).fill(70000)));
    expect(geometries.map((g) => [g.cols, g.dtype])).toEqual([
      [8, 'u8'],
      [16, 'u8'],
      [16, 'f32'],
    ]);
    expect(a.counters.geometryChanges).toBe(2);
  });
});
