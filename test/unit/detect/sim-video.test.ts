import { describe, expect, it } from 'vitest';
import { Rng } from '../../../agent/src/sim/rng.js';
import { quantizeLog, synthesizeSpokePower } from '../../../agent/src/sim/video.js';

describe('simulator video: clutter options and pre-thresholded video', () => {
  const base = { azimuthDegrees: 90, beamwidthDegrees: 1.2, rangeCellMetres: 10, startRangeCell: 0, echoes: [] };

  it('without clutter options draws exactly what it drew before (scenarios stay byte-identical)', () => {
    const a = new Float32Array(256);
    const b = new Float32Array(256);
    synthesizeSpokePower(a, base, new Rng(4));
    synthesizeSpokePower(b, { ...base, land: [] }, new Rng(4));
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it('adds K-distributed sea clutter and land when asked', () => {
    const rng = new Rng(5);
    const out = new Float32Array(20_000);
    synthesizeSpokePower(out, { ...base, seaClutter: { cnr: 10, nu: 1, correlationCells: 4 } }, rng);
    const mean = out.reduce((s, x) => s + x, 0) / out.length;
    expect(mean).toBeGreaterThan(9);
    expect(mean).toBeLessThan(13);
    const land = new Float32Array(100);
    synthesizeSpokePower(land, { ...base, land: [{ fromDegrees: 80, toDegrees: 100, fromMetres: 300, toMetres: 400, powerDb: 30 }] }, rng);
    expect(land[35]).toBeGreaterThan(500);
  });

  it('zeroes codes below the radar threshold', () => {
    const power = new Float32Array([0.01, 1, 10, 100]);
    const codes = new Uint8Array(4);
    quantizeLog(power, { dbPerCount: 0.25, zeroCountDb: -24 }, 8, codes, 120);
    expect(codes[0]).toBe(0);
    expect(codes[1]).toBe(0);
    expect(codes[2]).toBe(136);
    expect(codes[3]).toBe(176);
  });
});
