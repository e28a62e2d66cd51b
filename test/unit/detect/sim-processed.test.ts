import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { evaluateBlock, recommend, VideoSurveyor } from '../../../agent/src/detect/calibrate.js';
import { detectionConfigSchema } from '../../../agent/src/detect/config.js';
import { DetectionStage } from '../../../agent/src/detect/stage.js';
import type { Plot, VideoSpoke } from '../../../agent/src/detect/types.js';
import { RadarSim } from '../../../agent/src/sim/radar.js';
import { loadRadarScenario, type RadarScenario } from '../../../agent/src/sim/scenario.js';
import type { TruthRecord } from '../../../agent/src/sim/types.js';
import { native } from '../../native/kernels.js';

/**
 * Simulated processed video with truth (config/scenarios/harbour-processed.yaml: zero below the
 * radar's threshold, saturated structure, three boats under way): calibrate recognises it and
 * recommends the level method; with its clutter map every boat is found on >= 90 % of the
 * turns after the map has settled, and the static structure gives <= 10 % of its first turn's plots.
 */

const TURNS = 14;
const SETTLED = 6;

function simulate(scenario: RadarScenario, turns: number): { spokes: VideoSpoke[]; truth: TruthRecord[] } {
  const sim = new RadarSim({ scenario, seed: 7, startWallMs: 1_700_000_000_000 });
  const spokes: VideoSpoke[] = [];
  const truth: TruthRecord[] = [];
  const S = scenario.antenna.spokesPerTurn;
  for (let i = 0; i < turns * S + 8; i++) {
    const s = sim.next();
    truth.push(...s.truth);
    spokes.push({ startAzimuth: s.startAzimuth, endAzimuth: s.endAzimuth, startRangeCell: 0, rangeCellMetres: scenario.antenna.rangeCellMetres, cells: s.cells, resolutionBits: 8, rx: { monoMs: s.timeS * 1000, wallMs: s.wallMs } });
  }
  return { spokes, truth };
}

const DEG = Math.PI / 180;
const xy = (r: number, b: number) => ({ x: r * Math.sin(b * DEG), y: r * Math.cos(b * DEG) });

function inLand(p: Plot, s: RadarScenario): boolean {
  // The patch and its beam and pulse spread (a cell, a beamwidth); noise that crosses the radar's
  // threshold elsewhere (e^-10 of the cells at 10 dB) is not structure.
  const rc = s.antenna.rangeCellMetres;
  const bw = s.antenna.beamwidthDegrees;
  return s.land.some((l) => p.bearingDegrees >= l.fromDegrees - bw && p.bearingDegrees <= l.toDegrees + bw && p.rangeMetres >= l.fromMetres - 2 * rc && p.rangeMetres <= l.toMetres + 2 * rc);
}

describe.each([
  ['8-bit', false],
  ['4-bit (16 levels x 17)', true],
])('simulated processed video, %s', (_name, fourBit) => {
  const base = loadRadarScenario('harbour-processed');
  const scenario: RadarScenario = { ...base, video: { ...base.video, processed: { thresholdDb: 10, fourBit } } };
  const { spokes, truth } = simulate(scenario, TURNS);

  it('calibrate sees processed video and recommends the level method at its lowest code', () => {
    const surveyor = new VideoSurveyor(10);
    for (const s of spokes) if (!surveyor.push(s)) break;
    const survey = surveyor.result()!;
    expect(survey.kind).toBe('processed');
    expect(survey.zeroShare).toBeGreaterThan(0.8);
    const block = recommend(survey).detection;
    expect(block.method).toBe('level');
    expect(block.level).toBe(survey.codes.find((c) => c > 0));
    const plain = evaluateBlock(spokes, { ...block, clutterMap: { enabled: false } }, native);
    expect(plain.covered).toBeGreaterThan(0.99);
  });

  it('with the clutter map: every boat on >= 90 % of settled turns, structure <= 10 % of its first turn', async () => {
    const surveyor = new VideoSurveyor(10);
    for (const s of spokes) if (!surveyor.push(s)) break;
    const block = recommend(surveyor.result()!).detection;
    const plots: Plot[] = [];
    const stage = new DetectionStage({ config: detectionConfigSchema.parse(block), kernels: native, logger: pino({ level: 'silent' }), onPlots: (p) => plots.push(...p) });
    await stage.start();
    for (const s of spokes) stage.pushSpoke(s);
    await stage.stop();
    const rcm = scenario.antenna.rangeCellMetres;
    for (const target of scenario.targets) {
      const mine = truth.filter((t) => t.target === target.id && (t.turn as number) >= SETTLED && (t.turn as number) < TURNS);
      expect(mine.length).toBeGreaterThanOrEqual(TURNS - SETTLED - 1);
      const found = mine.filter((t) => {
        const a = xy(t.rangeMetres, t.bearingDegrees);
        return plots.some((p) => {
          const b = xy(p.rangeMetres, p.bearingDegrees);
          return Math.abs(p.timeMs - t.timeMs) < 1500 && Math.hypot(a.x - b.x, a.y - b.y) <= 3 * rcm + t.rangeMetres * 1.2 * DEG;
        });
      }).length;
      expect(found / mine.length, `boat ${target.id}`).toBeGreaterThanOrEqual(0.9);
    }
    const landPlots = (turn: number) => plots.filter((p) => p.scan === turn && inLand(p, scenario)).length;
    const first = landPlots(1);
    expect(first).toBeGreaterThanOrEqual(scenario.land.length);
    let settled = 0;
    for (let k = SETTLED; k < TURNS; k++) settled += landPlots(k);
    expect(settled / (TURNS - SETTLED)).toBeLessThanOrEqual(0.1 * first);
  });
});
