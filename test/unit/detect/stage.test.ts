import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { detectionConfigSchema } from '../../../agent/src/detect/config.js';
import { DetectionStage } from '../../../agent/src/detect/stage.js';
import type { Plot } from '../../../agent/src/detect/types.js';
import { both } from '../../native/kernels.js';
import { spokeStream } from './sim-spokes.js';

const logger = pino({ level: 'silent' });

function angleDiff(a: number, b: number): number {
  let d = (((a - b) % 360) + 360) % 360;
  if (d > 180) d -= 360;
  return d;
}

describe.each(both)('DetectionStage (%s kernels)', (_name, kernels) => {
  const S = 512;
  const cols = 512;
  const rcm = 7.5;
  const degPerSpoke = 360 / S;

  function run(echoes: { rangeMetres: number; azimuthDegrees: number; snr: number }[], turns: number, startSpoke = 0, extra: Record<string, unknown> = {}) {
    const config = detectionConfigSchema.parse({ pfa: 1e-6, sectorSpokes: 16, ...extra });
    const plots: Plot[] = [];
    const emittedAt: number[] = [];
    let spokesIn = 0;
    const stage = new DetectionStage({
      config,
      kernels,
      logger,
      onPlots: (p) => {
        plots.push(...p);
        for (let i = 0; i < p.length; i++) emittedAt.push(spokesIn);
      },
    });
    void stage.start();
    for (const spoke of spokeStream({ spokesPerTurn: S, cols, rangeCellMetres: rcm, beamwidthDegrees: 2 * degPerSpoke, echoes, seed: 11, turns, startSpoke })) {
      spokesIn++;
      stage.pushSpoke(spoke);
    }
    void stage.stop();
    return { plots, emittedAt, stage };
  }

  it('finds point targets at 20 dB within half a cell and half a spoke of truth, a few spokes after passing them', () => {
    const truth = [
      // On cell centres ((i + 0.5) x 7.5 m): a target between two cells splits its power.
      { rangeMetres: 164.5 * rcm, azimuthDegrees: 45.3, snr: 100 },
      { rangeMetres: 373.5 * rcm, azimuthDegrees: 200.1, snr: 100 },
      { rangeMetres: 400.5 * rcm, azimuthDegrees: 300.7, snr: 100 },
    ];
    const { plots, emittedAt, stage } = run(truth, 2);
    expect(stage.counters.spokesPerTurn).toBe(S);
    for (const t of truth) {
      const near = plots.filter((p) => Math.abs(p.rangeMetres - t.rangeMetres) < 30 && Math.abs(angleDiff(p.bearingDegrees, t.azimuthDegrees)) < 3);
      expect(near.length, `target at ${t.azimuthDegrees}`).toBe(2);
      for (const p of near) {
        expect(Math.abs(p.rangeMetres - t.rangeMetres)).toBeLessThan(rcm / 2);
        expect(Math.abs(angleDiff(p.bearingDegrees, t.azimuthDegrees))).toBeLessThan(degPerSpoke / 2);
      }
      // Latency: the plot leaves within a sector plus a few spokes of the antenna passing it.
      const idx = plots.indexOf(near[0]!);
      const passedAt = Math.ceil((t.azimuthDegrees / 360) * S);
      expect(emittedAt[idx]! - passedAt).toBeLessThan(16 + 8);
    }
    expect(stage.counters.turns).toBe(1);
    expect(stage.counters.cellsTested).toBe(2 * S * (cols - 2 * (2 + 8)));
  });

  it('reports a target straddling north as one plot per turn, at north', () => {
    const { plots } = run([{ rangeMetres: 1500, azimuthDegrees: 0.02, snr: 300 }], 3, 100);
    const near = plots.filter((p) => Math.abs(p.rangeMetres - 1500) < 30);
    expect(near.length).toBe(3);
    for (const p of near) expect(Math.abs(angleDiff(p.bearingDegrees, 0.02))).toBeLessThan(degPerSpoke / 2);
  });

  it('counts duplicate, late and missing spokes and still detects', () => {
    const config = detectionConfigSchema.parse({ pfa: 1e-6 });
    const plots: Plot[] = [];
    const stage = new DetectionStage({ config, kernels, logger, onPlots: (p) => plots.push(...p) });
    const spokes = [...spokeStream({ spokesPerTurn: S, cols, rangeCellMetres: rcm, beamwidthDegrees: 2 * degPerSpoke, echoes: [{ rangeMetres: 2000, azimuthDegrees: 90, snr: 100 }], seed: 3, turns: 2 })];
    for (let i = 0; i < spokes.length; i++) {
      if (i % 50 === 7) continue; // missing
      stage.pushSpoke(spokes[i]!);
      if (i % 97 === 5) stage.pushSpoke(spokes[i]!); // duplicate
      if (i % 131 === 9 && i > 3) stage.pushSpoke(spokes[i - 3]!); // late
    }
    void stage.stop();
    expect(stage.counters.duplicateSpokes).toBeGreaterThan(0);
    expect(stage.counters.lateSpokes).toBeGreaterThan(0);
    expect(stage.counters.missingSpokes).toBeGreaterThan(0);
    expect(plots.filter((p) => Math.abs(p.rangeMetres - 2000) < 20 && Math.abs(angleDiff(p.bearingDegrees, 90)) < 2).length).toBe(2);
  });
});
