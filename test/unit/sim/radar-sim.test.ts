import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadRadarScenario, radarScenarioSchema } from '../../../agent/src/sim/scenario.js';
import { createCat240RadarSim } from '../../../agent/src/sim/cat240.js';
import { RadarSim } from '../../../agent/src/sim/radar.js';
import { Rng } from '../../../agent/src/sim/rng.js';
import { Cat240Decoder } from '../../../agent/src/protocols/cat240/decoder.js';
import type { Cat240Video } from '../../../agent/src/protocols/cat240/types.js';
import { inverse } from '../../../agent/src/track/geodesy.js';
import { LookoutError } from '../../../agent/src/errors.js';

const scenario = loadRadarScenario('coastal');

function digest(seed: number, spokes: number): string {
  const sim = createCat240RadarSim({ scenario, seed, startWallMs: 1_700_000_000_000 });
  const h = createHash('sha256');
  for (let i = 0; i < spokes; i++) h.update(sim.next().bytes);
  return h.digest('hex');
}

describe('radar simulator', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(digest(3, 300)).toBe(digest(3, 300));
    expect(digest(3, 300)).not.toBe(digest(4, 300));
  });

  it('turns at the configured rate with 2048 spokes of 1024 cells, 7.5 m each, by default', () => {
    const sim = createCat240RadarSim({ scenario, seed: 1, startWallMs: 0 });
    const frames: Cat240Video[] = [];
    const dec = new Cat240Decoder({ onFrame: (f) => f.type === 'cat240.video' && frames.push(f) });
    let last = 0;
    for (let i = 0; i < 2049; i++) {
      const step = sim.next();
      last = step.timeS;
      dec.push(step.bytes, { monoMs: 0, wallMs: 0 });
    }
    dec.end();
    expect(last).toBeCloseTo(2.5, 9); // 24 rpm: spoke 2048 starts the second turn at 2.5 s
    expect(frames).toHaveLength(2049);
    expect(frames[0]!.cells).toHaveLength(1024);
    expect(frames[0]!.resolutionBits).toBe(8);
    expect(frames[0]!.rangeCellMetres).toBeCloseTo(7.5, 6);
    expect(frames[1]!.startAzimuth).toBe(32);
    expect(frames[2048]!.startAzimuth).toBe(0);
    expect(frames[2048]!.msgIndex).toBe(2048);
  });

  it('writes one truth record per target per turn, on the spoke that holds its bearing, with a consistent position', () => {
    const sim = new RadarSim({ scenario, seed: 2, startWallMs: 0 });
    const truth = [];
    for (let i = 0; i < 2048 * 3; i++) {
      const s = sim.next();
      for (const t of s.truth) {
        expect(Math.floor(t.bearingDegrees / (360 / 2048))).toBe(s.index);
        truth.push(t);
      }
    }
    for (const id of [1, 2, 3]) expect(truth.filter((t) => t.target === id)).toHaveLength(3);
    for (const t of truth) {
      const back = inverse(scenario.radar, t);
      expect(back.distanceMetres).toBeCloseTo(t.rangeMetres, 3);
      expect(back.bearingDegrees).toBeCloseTo(t.bearingDegrees, 6);
    }
    // Target 1 heads west at 6 m/s from 2400 m at 45°: one turn later it is 2.5 s × 6 m/s further west.
    const t1 = truth.filter((t) => t.target === 1);
    const dx = t1[1]!.rangeMetres * Math.sin((t1[1]!.bearingDegrees * Math.PI) / 180) - t1[0]!.rangeMetres * Math.sin((t1[0]!.bearingDegrees * Math.PI) / 180);
    // (truth times are whole milliseconds: 6 m/s × 1 ms of rounding)
    expect(Math.abs(dx + 6 * ((t1[1]!.timeMs - t1[0]!.timeMs) / 1000))).toBeLessThan(0.007);
  });

  it('puts a target\'s echo where the truth says: the strongest cell near 2400 m at 45°', () => {
    const sim = new RadarSim({ scenario: { ...scenario, targets: [{ ...scenario.targets[0]!, speedMetresPerSecond: 0, snrDb: 40 }] }, seed: 5, startWallMs: 0 });
    let best = { code: 0, cell: 0, spoke: 0 };
    for (let i = 0; i < 2048; i++) {
      const s = sim.next();
      for (let c = 0; c < s.cells.length; c++) if (s.cells[c]! > best.code) best = { code: s.cells[c]!, cell: c, spoke: s.index };
    }
    expect(Math.abs((best.cell + 0.5) * 7.5 - 2400)).toBeLessThanOrEqual(7.5);
    expect(Math.abs(((best.spoke + 0.5) * 360) / 2048 - 45)).toBeLessThanOrEqual(0.5);
    // 40 dB at the peak of the pulse response; 2400 m is a cell boundary, so the two cells either
    // side get half the amplitude each (-6 dB): 34 dB over a noise mean that code 0 puts at -24 dB,
    // 0.25 dB per count, is code 232, give or take the noise and the beam's offset from the spoke.
    expect(best.code).toBeGreaterThanOrEqual(226);
    expect(best.code).toBeLessThanOrEqual(240);
  });

  it('draws noise with exponential power of mean 1 before log compression', () => {
    const rng = new Rng(9);
    let sum = 0;
    let over = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const x = rng.exponential(1);
      sum += x;
      if (x > Math.log(1000)) over++;
    }
    // Mean within 4 sigma (sigma = 1/sqrt(n)); P(x > ln 1000) = 1e-3 within 4 sigma of a binomial.
    expect(Math.abs(sum / n - 1)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(over / n - 1e-3)).toBeLessThan(4 * Math.sqrt(1e-3 / n));
  });

  it('refuses a scenario with mistakes, naming each', () => {
    const r = radarScenarioSchema.safeParse({ radar: { latitude: 95, longitude: 0 }, targets: [{ id: 0, rangeMetres: -1, bearingDegrees: 0, snrDb: 10 }] });
    expect(r.success).toBe(false);
    expect(() => loadRadarScenario('no-such-scenario')).toThrow(LookoutError);
  });
});
