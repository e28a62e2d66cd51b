import { describe, expect, it } from 'vitest';
import { chi2Inv2, gaussian, Imm, innovation, likelihood, predictCt, predictCv, updatePosition, updatePositionLikelihood } from '../../../../agent/src/track/tracker/filter.js';
import { LocalFrame, toMeasurement } from '../../../../agent/src/track/tracker/frame.js';
import { trackerConfig } from '../../../../agent/src/track/tracker/config.js';
import { buildZones, polygonSignedDistance } from '../../../../agent/src/track/tracker/zones.js';
import { closestApproach } from '../../../../agent/src/track/tracker/cpa.js';

type M = number[][];
const mul = (a: M, b: M): M => a.map((r) => b[0]!.map((_, j) => r.reduce((s, v, k) => s + v * b[k]![j]!, 0)));
const tr = (a: M): M => a[0]!.map((_, j) => a.map((r) => r[j]!));
const add = (a: M, b: M): M => a.map((r, i) => r.map((v, j) => v + b[i]![j]!));
const inv2 = (s: M): M => {
  const d = s[0]![0]! * s[1]![1]! - s[0]![1]! * s[1]![0]!;
  return [[s[1]![1]! / d, -s[0]![1]! / d], [-s[1]![0]! / d, s[0]![0]! / d]];
};
const toM = (P: Float64Array): M => [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => P[i * 4 + j]!));

const P0 = [9, 1, 0.5, 0, 1, 4, 0, 0.2, 0.5, 0, 2, 0.1, 0, 0.2, 0.1, 3];

describe('CV Kalman filter', () => {
  it('predicts as F P Fᵀ + Q with the white-acceleration Q', () => {
    const g = gaussian([1, 2, 3, -1], P0);
    const dt = 2.5;
    const q = 0.3;
    predictCv(g, dt, q);
    const F: M = [[1, 0, dt, 0], [0, 1, 0, dt], [0, 0, 1, 0], [0, 0, 0, 1]];
    const Q: M = [[q * dt ** 3 / 3, 0, q * dt ** 2 / 2, 0], [0, q * dt ** 3 / 3, 0, q * dt ** 2 / 2], [q * dt ** 2 / 2, 0, q * dt, 0], [0, q * dt ** 2 / 2, 0, q * dt]];
    const want = add(mul(mul(F, toM(Float64Array.from(P0))), tr(F)), Q);
    toM(g.P).forEach((r, i) => r.forEach((v, j) => expect(v).toBeCloseTo(want[i]![j]!, 10)));
    expect([...g.x]).toEqual([1 + 3 * dt, 2 - dt, 3, -1]);
  });

  it('updates as the textbook gain K = P Hᵀ S⁻¹ and P = (I − KH) P', () => {
    const g = gaussian([1, 2, 3, -1], P0);
    const R: [number, number, number] = [2, 0.5, 3];
    const inn = updatePosition(g, 4, 0, R);
    const P = toM(Float64Array.from(P0));
    const H: M = [[1, 0, 0, 0], [0, 1, 0, 0]];
    const S = add(mul(mul(H, P), tr(H)), [[2, 0.5], [0.5, 3]]);
    const K = mul(mul(P, tr(H)), inv2(S));
    const x = [1, 2, 3, -1].map((v, i) => v + K[i]![0]! * 3 + K[i]![1]! * -2);
    const I = [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => (i === j ? 1 : 0)));
    const Pn = mul(add(I, mul(K, H).map((r) => r.map((v) => -v))), P);
    g.x.forEach((v, i) => expect(v).toBeCloseTo(x[i]!, 10));
    toM(g.P).forEach((r, i) => r.forEach((v, j) => expect(v).toBeCloseTo(Pn[i]![j]!, 9)));
    const Si = inv2(S);
    expect(inn.d2).toBeCloseTo(3 * (Si[0]![0]! * 3 + Si[0]![1]! * -2) + -2 * (Si[1]![0]! * 3 + Si[1]![1]! * -2), 10);
  });

  it('an IMM of one model is the plain filter; with two, a manoeuvre shifts the mode probability', () => {
    const one = new Imm([{ q: 0.1, meanSojournSeconds: 10 }], gaussian([0, 0, 5, 0], P0));
    const plain = gaussian([0, 0, 5, 0], P0);
    for (let k = 1; k <= 5; k++) {
      one.predict(2);
      predictCv(plain, 2, 0.1);
      one.update(10 * k + 0.3, 0.1 * k, [4, 0, 4]);
      updatePosition(plain, 10 * k + 0.3, 0.1 * k, [4, 0, 4]);
    }
    one.combined.x.forEach((v, i) => expect(v).toBeCloseTo(plain.x[i]!, 10));
    const imm = new Imm([{ q: 0.001, meanSojournSeconds: 100 }, { q: 1, meanSojournSeconds: 10 }], gaussian([0, 0, 5, 0], [4, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0.1, 0, 0, 0, 0, 0.1]), [0.9, 0.1]);
    for (let k = 1; k <= 10; k++) {
      imm.predict(2);
      imm.update(10 * k, 0, [4, 0, 4]);
    }
    const quiet = imm.mu[1]!;
    // Turns north hard: 2 m/s² across the track for 6 s.
    for (let k = 1; k <= 3; k++) {
      imm.predict(2);
      imm.update(100 + 10 * k, (2 * (2 * k) ** 2) / 2, [4, 0, 4]);
    }
    expect(imm.mu[1]!).toBeGreaterThan(Math.max(0.5, quiet * 3));
  });

  it('chi-square gate with 2 degrees of freedom', () => {
    expect(chi2Inv2(0.99)).toBeCloseTo(9.2103, 3);
    expect(() => chi2Inv2(1)).toThrow(RangeError);
    expect(() => innovation(gaussian([0, 0, 0, 0], new Array(16).fill(0)), 0, 0, [0, 0, 0])).toThrow(RangeError);
  });
});

describe('local frame and measurement covariance', () => {
  const frame = new LocalFrame({ latitude: 43.2965, longitude: 5.3698 });

  it('round-trips positions 20 km out to the millimetre', () => {
    for (const [e, n] of [[0, 0], [20000, -15000], [-1234.5, 987.6]] as const) {
      const g = frame.toGeo(e, n);
      const back = frame.toLocal(g);
      expect(back.east).toBeCloseTo(e, 3);
      expect(back.north).toBeCloseTo(n, 3);
    }
  });

  it('is long along the range and narrow across it, growing with range and extent', () => {
    const cfg = trackerConfig().measurement;
    const at = (range: number, bearing: number, az = cfg.beamWidthDegrees, re = cfg.rangeCellMetres) => {
      const rad = (bearing * Math.PI) / 180;
      const p = frame.toGeo(range * Math.sin(rad), range * Math.cos(rad));
      return toMeasurement({ timeMs: 0, ...p, rangeMetres: range, bearingDegrees: bearing, azimuthExtentDegrees: az, rangeExtentMetres: re }, 0, frame, cfg, { east: 0, north: 0 });
    };
    // Due east at 3 km: cross-range (north) is far worse than range (east).
    const m = at(3000, 90);
    expect(m.r[2]).toBeGreaterThan(5 * m.r[0]);
    expect(Math.abs(m.r[1])).toBeLessThan(1e-6 * m.r[2]);
    expect(m.r[0]).toBeCloseTo((cfg.rangeSigmaCells * cfg.rangeCellMetres) ** 2, 6);
    // Due north: the axes swap.
    const n = at(3000, 0);
    expect(n.r[0]).toBeCloseTo(m.r[2], 6);
    // Farther is wider across; an extended return is a worse point.
    expect(at(6000, 90).r[2]).toBeCloseTo(4 * m.r[2], 3);
    expect(at(3000, 90, 5, 30).r[0]).toBeGreaterThan(10 * m.r[0]);
    expect(at(3000, 90, 5, 30).r[2]).toBeGreaterThan(m.r[2]);
    // At 45°: correlated, with the long axis along the bearing.
    const d = at(3000, 45);
    expect(d.r[1]).toBeLessThan(0);
    // A plot with only a position: a circle.
    const c = toMeasurement({ timeMs: 0, ...frame.toGeo(100, 100) }, 0, frame, cfg);
    expect(c.r).toEqual([cfg.positionSigmaMetres ** 2, 0, cfg.positionSigmaMetres ** 2]);
  });
});

describe('guard zones and CPA', () => {
  it('polygon distance is negative inside, positive outside, exact to the edges', () => {
    const xs = [0, 100, 100, 0];
    const ys = [0, 0, 100, 100];
    expect(polygonSignedDistance(xs, ys, 50, 50)).toBeCloseTo(-50, 9);
    expect(polygonSignedDistance(xs, ys, 90, 50)).toBeCloseTo(-10, 9);
    expect(polygonSignedDistance(xs, ys, 130, 50)).toBeCloseTo(30, 9);
    expect(polygonSignedDistance(xs, ys, 103, 104)).toBeCloseTo(5, 9);
  });

  it('a sector from 350° through north to 10°, 100-500 m, around a point that may move', () => {
    const frame = new LocalFrame({ latitude: 43, longitude: 5 });
    const [z] = buildZones([{ name: 'bow', sector: { minRangeMetres: 100, maxRangeMetres: 500, fromBearingDegrees: 350, toBearingDegrees: 10 } }], frame);
    const c = { east: 0, north: 0 };
    expect(z!.signedDistance(0, 300, c)).toBeLessThan(0);
    expect(z!.signedDistance(0, 50, c)).toBeCloseTo(50, 6);
    expect(z!.signedDistance(0, 600, c)).toBeCloseTo(100, 6);
    expect(z!.signedDistance(300, 300, c)).toBeGreaterThan(0);
    // The same point seen from a centre that moved 1 km north is behind it.
    expect(z!.signedDistance(0, 300, { east: 0, north: 1000 })).toBeGreaterThan(0);
    expect(z!.signedDistance(0, 300, undefined)).toBe(Infinity);
  });

  it('closest approach of straight-line motion', () => {
    // 1 km west of the reference, 200 m north, heading east at 5 m/s: CPA 200 m in 200 s.
    const a = closestApproach({ east: -1000, north: 200, vEast: 5, vNorth: 0 }, { east: 0, north: 0, vEast: 0, vNorth: 0 });
    expect(a.cpaMetres).toBeCloseTo(200, 9);
    expect(a.tcpaSeconds).toBeCloseTo(200, 9);
    // Opening: TCPA negative, CPA is the present distance.
    const b = closestApproach({ east: 100, north: 0, vEast: 5, vNorth: 0 }, { east: 0, north: 0, vEast: 0, vNorth: 0 });
    expect(b.tcpaSeconds).toBeLessThan(0);
    expect(b.cpaMetres).toBeCloseTo(100, 9);
    // Same velocity as own ship: no relative motion.
    expect(closestApproach({ east: 30, north: 40, vEast: 3, vNorth: 1 }, { east: 0, north: 0, vEast: 3, vNorth: 1 })).toEqual({ cpaMetres: 50, tcpaSeconds: 0 });
  });
});

describe('updatePositionLikelihood', () => {
  it('updates exactly as updatePosition does and returns the innovation likelihood', () => {
    const P = [9, 1, 2, 0.5, 1, 7, 0.3, 1.5, 2, 0.3, 4, 0.2, 0.5, 1.5, 0.2, 3];
    const a = gaussian([10, -5, 2, 1], P);
    const b = gaussian([10, -5, 2, 1], P);
    const R: [number, number, number] = [4, 0.7, 2.5];
    const inn = updatePosition(a, 12.5, -3, R);
    const lik = updatePositionLikelihood(b, 12.5, -3, R);
    for (let i = 0; i < 4; i++) expect(b.x[i]).toBeCloseTo(a.x[i], 12);
    for (let i = 0; i < 16; i++) expect(b.P[i]).toBeCloseTo(a.P[i], 12);
    expect(lik).toBeCloseTo(likelihood(inn), 14);
  });
});

describe('predictCt', () => {
  it('turns the velocity and follows the arc; at zero rate it is the CV prediction', () => {
    const tmp = new Float64Array(16);
    // North at 5 m/s, turning clockwise at 3°/s for 30 s: due east, on a circle of radius v/ω.
    const g = gaussian([0, 0, 0, 5], [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0.1, 0, 0, 0, 0, 0.1]);
    const w = (3 * Math.PI) / 180;
    predictCt(g, 30, 0, w, tmp);
    expect(g.x[2]).toBeCloseTo(5, 9);
    expect(g.x[3]).toBeCloseTo(0, 9);
    expect(g.x[0]).toBeCloseTo(5 / w, 6);
    expect(g.x[1]).toBeCloseTo(5 / w, 6);
    // Velocity variance is rotated, not grown, without process noise.
    expect(g.P[10] + g.P[15]).toBeCloseTo(0.2, 9);
    const cv = gaussian([0, 0, 1, 2], [2, 0.1, 0, 0, 0.1, 3, 0, 0, 0, 0, 0.5, 0, 0, 0, 0, 0.4]);
    const ct = gaussian([0, 0, 1, 2], [2, 0.1, 0, 0, 0.1, 3, 0, 0, 0, 0, 0.5, 0, 0, 0, 0, 0.4]);
    predictCv(cv, 2, 0.05);
    predictCt(ct, 2, 0.05, 1e-9, tmp);
    for (let i = 0; i < 16; i++) expect(ct.P[i]).toBeCloseTo(cv.P[i], 6);
    for (let i = 0; i < 4; i++) expect(ct.x[i]).toBeCloseTo(cv.x[i], 6);
  });
});
