import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { detectionConfigSchema } from '../../../agent/src/detect/config.js';
import { DetectionStage } from '../../../agent/src/detect/stage.js';
import type { Plot } from '../../../agent/src/detect/types.js';
import { RadarSim } from '../../../agent/src/sim/radar.js';
import { loadRadarScenario } from '../../../agent/src/sim/scenario.js';
import type { TruthRecord } from '../../../agent/src/sim/types.js';
import { native } from '../../native/kernels.js';

/**
 * The detection stage on the simulator's own spokes (the coastal scenario: 2048 x 1024 log video,
 * four targets at 20..25 dB, one across north), with the default detection settings.
 */
describe('DetectionStage on the coastal scenario', () => {
  it('reports every target on every turn after the first, within 2 cells and 1 degree, with few false plots', () => {
    const scenario = loadRadarScenario('coastal');
    const sim = new RadarSim({ scenario, seed: 1, startWallMs: 1_700_000_000_000 });
    const plots: Plot[] = [];
    const stage = new DetectionStage({ config: detectionConfigSchema.parse({}), kernels: native, logger: pino({ level: 'silent' }), onPlots: (p) => plots.push(...p) });
    const truth: TruthRecord[] = [];
    const S = scenario.antenna.spokesPerTurn;
    const turns = 3;
    for (let i = 0; i < turns * S; i++) {
      const s = sim.next();
      truth.push(...s.truth);
      stage.pushSpoke({ startAzimuth: s.startAzimuth, endAzimuth: s.endAzimuth, startRangeCell: 0, rangeCellMetres: scenario.antenna.rangeCellMetres, cells: s.cells, resolutionBits: 8, rx: { monoMs: s.timeS * 1000, wallMs: s.wallMs } });
    }
    void stage.stop();
    const rcm = scenario.antenna.rangeCellMetres;
    const matched = new Set<Plot>();
    for (const t of truth) {
      if ((t.turn as number) < 1) continue;
      const hit = plots.find((p) => Math.abs(p.rangeMetres - t.rangeMetres) <= 2 * rcm && Math.abs(((p.bearingDegrees - t.bearingDegrees + 540) % 360) - 180) <= 1 && Math.abs(p.timeMs - t.timeMs) < 1500);
      expect(hit, `target ${t.target} turn ${String(t.turn)}`).toBeDefined();
      matched.add(hit!);
    }
    // Pfa 1e-6 over ~2 M tested cells a turn: about 2 false cells a turn; allow 10 a turn
    // (a Poisson mean of 6 over three turns exceeds 30 with probability < 1e-12).
    const falsePlots = plots.filter((p) => !matched.has(p) && !truth.some((t) => Math.abs(p.rangeMetres - t.rangeMetres) < 40 && Math.abs(((p.bearingDegrees - t.bearingDegrees + 540) % 360) - 180) < 3));
    expect(falsePlots.length).toBeLessThanOrEqual(10 * turns);
    expect(stage.counters.spokesPerTurn).toBe(S);
  });
});
