import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { detectionConfigSchema } from '../../../agent/src/detect/config.js';
import { buildLut } from '../../../agent/src/detect/lut.js';
import { rasterizeMasks } from '../../../agent/src/detect/masks.js';
import { DetectionStage } from '../../../agent/src/detect/stage.js';
import type { Plot, VideoSpoke } from '../../../agent/src/detect/types.js';
import { addLand, addSeaClutter, preThreshold, swerlingFactor, type LandPatch } from '../../../agent/src/sim/clutter.js';
import { Rng } from '../../../agent/src/sim/rng.js';
import { quantizeLog, synthesizeSpokePower, type Echo } from '../../../agent/src/sim/video.js';
import { destination } from '../../../agent/src/track/geodesy.js';
import { native } from '../../native/kernels.js';

const logger = pino({ level: 'silent' });
const S = 512;
const COLS = 512;
const RCM = 7.5;
const DEG_PER_SPOKE = 360 / S;
const RADAR = { latitude: 50.1, longitude: -1.3 };

interface World {
  echoes: Echo[];
  /** Echoes move out in range by this much per turn (a clutter map learns what stands still). */
  metresPerTurn?: number;
  land?: LandPatch[];
  preThresholdCode?: number;
  seed: number;
}

function* spokes(world: World, turns: number): Generator<VideoSpoke> {
  const rng = new Rng(world.seed);
  const power = new Float32Array(COLS);
  for (let k = 0; k < turns * S; k++) {
    const index = k % S;
    const az = ((index + 0.5) * 360) / S;
    const shift = (world.metresPerTurn ?? 0) * Math.floor(k / S);
    const echoes = world.echoes.map((e) => ({ ...e, rangeMetres: e.rangeMetres + shift }));
    synthesizeSpokePower(power, { azimuthDegrees: az, beamwidthDegrees: 2 * DEG_PER_SPOKE, rangeCellMetres: RCM, startRangeCell: 0, echoes }, rng);
    if (world.land) addLand(power, az, world.land, RCM, 0, rng);
    const cells = new Uint8Array(COLS);
    quantizeLog(power, { dbPerCount: 0.25, zeroCountDb: -24 }, 8, cells);
    if (world.preThresholdCode !== undefined) preThreshold(cells, world.preThresholdCode);
    yield {
      startAzimuth: (index * 65536) / S,
      endAzimuth: ((index + 1) * 65536) / S & 0xffff,
      startRangeCell: 0,
      rangeCellMetres: RCM,
      cells,
      resolutionBits: 8,
      rx: { monoMs: k, wallMs: k },
    };
  }
}

function runStage(world: World, turns: number, config: Record<string, unknown>): { byTurn: Plot[][]; stage: DetectionStage } {
  const byTurn: Plot[][] = Array.from({ length: turns + 1 }, () => []);
  const stage = new DetectionStage({
    config: detectionConfigSchema.parse(config),
    kernels: native,
    logger,
    radar: RADAR,
    onPlots: (plots) => {
      for (const p of plots) byTurn[Math.min(p.scan, turns)]!.push(p);
    },
  });
  for (const s of spokes(world, turns)) stage.pushSpoke(s);
  void stage.stop();
  return { byTurn, stage };
}

const near = (p: Plot, e: Echo): boolean => Math.abs(p.rangeMetres - e.rangeMetres) < 3 * RCM && Math.abs(((p.bearingDegrees - e.azimuthDegrees + 540) % 360) - 180) < 2;

const targets: Echo[] = [
  { rangeMetres: 120.5 * RCM, azimuthDegrees: 30.2, snr: 1000 },
  { rangeMetres: 300.5 * RCM, azimuthDegrees: 150.7, snr: 1000 },
  { rangeMetres: 420.5 * RCM, azimuthDegrees: 275.1, snr: 1000 },
];

describe('pre-thresholded video', () => {
  // The radar zeroes every code below +6 dB over the noise mean: ~98 % of cells are exactly 0.
  const world: World = { echoes: targets, preThresholdCode: (6 + 24) / 0.25, seed: 5 };

  it('without a noise floor, every surviving noise cell becomes a plot (the failure the floor fixes)', () => {
    const { byTurn } = runStage(world, 3, { pfa: 1e-6 });
    expect(byTurn[1]!.length).toBeGreaterThan(300);
  });

  it('with a noise floor, each turn has exactly the targets, at the same places', () => {
    // Floor 18 dB over the noise mean: exp(-63) of noise cells cross it; the 30 dB targets do.
    const { byTurn } = runStage(world, 4, { pfa: 1e-6, noiseFloor: 10 ** 1.8 });
    for (let turn = 0; turn < 4; turn++) {
      expect(byTurn[turn]!.length, `turn ${turn}`).toBe(3);
      for (const t of targets) expect(byTurn[turn]!.filter((p) => near(p, t)).length).toBe(1);
    }
    for (const t of targets) {
      const ranges = byTurn.slice(0, 4).map((plots) => plots.find((p) => near(p, t))!.rangeMetres);
      expect(Math.max(...ranges) - Math.min(...ranges)).toBeLessThan(RCM);
    }
  });
});

describe('clutter map', () => {
  // A jetty: two cells deep in range, 20 degrees wide, 30 dB over noise, there every turn. CA-CFAR
  // takes it for a target (it is narrower than the reference window), turn after turn.
  const land: LandPatch[] = [{ fromDegrees: 80, toDegrees: 100, fromMetres: 200 * RCM, toMetres: 202 * RCM, powerDb: 30 }];
  const boat = { rangeMetres: 350.5 * RCM, azimuthDegrees: 90, snr: 100 };
  const world: World = { echoes: [boat], metresPerTurn: 5 * RCM, land, seed: 8 };
  const nearBoat = (p: Plot, turn: number): boolean => near(p, { ...boat, rangeMetres: boat.rangeMetres + turn * 5 * RCM });
  const onLand = (p: Plot): boolean => p.bearingDegrees > 78 && p.bearingDegrees < 102 && p.rangeMetres > 195 * RCM && p.rangeMetres < 245 * RCM;

  it('without it, the edges of persistent land give plots every turn', () => {
    const { byTurn } = runStage(world, 6, { pfa: 1e-6 });
    for (const turn of [4, 5]) expect(byTurn[turn]!.filter(onLand).length).toBeGreaterThan(0);
  });

  it('with it, land stops giving plots after a few turns and the target in open water stays', () => {
    const { byTurn } = runStage(world, 6, { pfa: 1e-6, clutterMap: { enabled: true, timeConstantScans: 5, thresholdDb: 6 } });
    for (const turn of [3, 4, 5]) {
      expect(byTurn[turn]!.filter(onLand).length, `turn ${turn}`).toBe(0);
      expect(byTurn[turn]!.filter((p) => nearBoat(p, turn)).length).toBe(1);
    }
  });
});

describe('masks', () => {
  const world: World = { echoes: targets, seed: 9 };

  it('blank a sector, a range ring and a lat/lon polygon around the targets, and nothing else', () => {
    const t3 = targets[2]!;
    const centre = destination(RADAR, t3.azimuthDegrees, t3.rangeMetres);
    const corner = (bearing: number) => destination(centre, bearing, 400);
    const { byTurn, stage } = runStage(world, 2, {
      pfa: 1e-6,
      masks: {
        sectors: [{ fromDegrees: 25, toDegrees: 35 }],
        rings: [{ fromMetres: 295 * RCM, toMetres: 305 * RCM }],
        polygons: [{ name: 'harbour', points: [corner(45), corner(135), corner(225), corner(315)] }],
      },
    });
    for (const turn of [0, 1]) for (const t of targets) expect(byTurn[turn]!.filter((p) => near(p, t)).length).toBe(0);
    expect(stage.counters.blanked).toBeGreaterThan(0);
    const unmasked = runStage(world, 2, { pfa: 1e-6 });
    for (const t of targets) expect(unmasked.byTurn[1]!.filter((p) => near(p, t)).length).toBe(1);
  });

  it('rasterises a sector across north and a polygon to the right polar cells', () => {
    const grid = { spokesPerTurn: 360, cols: 100, startRangeCell: 0, rangeCellMetres: 10 };
    const m = rasterizeMasks({ sectors: [{ fromDegrees: 350, toDegrees: 10, minRangeMetres: 0 }], rings: [], polygons: [] }, grid, undefined);
    expect(m[359 * 100 + 50]).toBe(1);
    expect(m[5 * 100 + 50]).toBe(1);
    expect(m[20 * 100 + 50]).toBe(0);
    const sq = [0, 90, 180, 270].map((b) => destination(destination(RADAR, 90, 500), b + 45, 100 * Math.SQRT2));
    const p = rasterizeMasks({ sectors: [], rings: [], polygons: [{ points: sq }] }, grid, RADAR);
    expect(p[90 * 100 + 50]).toBe(1); // 505 m due east: inside the 200 m square centred 500 m east
    expect(p[90 * 100 + 30]).toBe(0); // 305 m east: outside
    expect(p[0 * 100 + 50]).toBe(0);
    expect(() => rasterizeMasks({ sectors: [], rings: [], polygons: [{ points: sq }] }, grid, undefined)).toThrow(RangeError);
  });
});

describe('simulator clutter generators', () => {
  it('K-distributed sea clutter has the K intensity moments: E[I^2]/E[I]^2 = 2 (1 + 1/nu)', () => {
    for (const nu of [0.5, 2]) {
      const rng = new Rng(77);
      const power = new Float32Array(200_000);
      addSeaClutter(power, { cnr: 10, nu, correlationCells: 1 }, rng);
      let m1 = 0;
      let m2 = 0;
      for (const x of power) {
        m1 += x;
        m2 += x * x;
      }
      m1 /= power.length;
      m2 /= power.length;
      expect(m1).toBeCloseTo(10, 0);
      // Tolerance 10 %: the fourth moment of spiky clutter converges slowly.
      expect(m2 / (m1 * m1) / (2 * (1 + 1 / nu))).toBeGreaterThan(0.9);
      expect(m2 / (m1 * m1) / (2 * (1 + 1 / nu))).toBeLessThan(1.1);
    }
  });

  it('correlated texture: neighbouring cells share their texture', () => {
    const rng = new Rng(3);
    const a = new Float32Array(100_000);
    addSeaClutter(a, { cnr: 1, nu: 0.5, correlationCells: 16 }, rng);
    const smooth = (x: Float32Array, i: number) => (x[i]! + x[i + 1]! + x[i + 2]! + x[i + 3]!) / 4;
    let c = 0;
    for (let i = 0; i + 8 < a.length; i += 8) c += (smooth(a, i) - 1) * (smooth(a, i + 4) - 1);
    expect(c / (a.length / 8)).toBeGreaterThan(0.5);
  });

  it('Swerling 1 factors are exponential of mean 1, Swerling 0 is steady; land is persistent', () => {
    const rng = new Rng(1);
    let sum = 0;
    for (let i = 0; i < 20000; i++) sum += swerlingFactor(1, rng);
    expect(sum / 20000).toBeCloseTo(1, 1);
    expect(swerlingFactor(0, rng)).toBe(1);
    const p = new Float32Array(100);
    addLand(p, 90, [{ fromDegrees: 80, toDegrees: 100, fromMetres: 100, toMetres: 200, powerDb: 20 }], 10, 0, rng);
    expect(p[15]).toBeGreaterThan(70);
    expect(p[5]).toBe(0);
    const codes = new Uint8Array([1, 50, 120, 200]);
    preThreshold(codes, 120);
    expect(Array.from(codes)).toEqual([0, 0, 120, 200]);
    expect(buildLut({ type: 'log', dbPerCount: 0.25, zeroCountDb: -24 }, 8)[96]).toBeCloseTo(1, 5);
  });
});
