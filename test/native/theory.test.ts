import { describe, expect, it } from 'vitest';
import { Rng } from '../../agent/src/sim/rng.js';
import { caAlpha, defaultOsRank, goAlpha, osFactor, soAlpha, swerling1CaPd } from '../../agent/src/detect/thresholds.js';
import { native } from './kernels.js';

/**
 * Against theory, in exponential noise of unit mean, counted with the native kernel (which the
 * equivalence suite ties to the reference bit for bit).
 *
 * Pfa: 1.2 M tested cells at Pfa = 1e-3 -> about 1200 false alarms; the relative standard
 * deviation of a Poisson count of 1200 is 2.9 %, so +-15 % is more than 5 sigma for independent
 * cells and stays above 3 sigma with the correlation that overlapping windows add.
 * Pd: 20 000 Swerling 1 trials per SNR -> standard deviation <= 0.0035, so +-0.02 is > 5 sigma.
 */

const PFA = 1e-3;

function noise(n: number, seed: number): Float32Array {
  const rng = new Rng(seed);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.exponential(1);
  return out;
}

const rows = 1200;
const cols = 1024;
const field = noise(rows * cols, 1234);
const mask = new Uint8Array(rows * cols);

function measured1d(method: 'ca' | 'go' | 'so' | 'os', guard: number, train: number, scale: number, k?: number): { pfa: number; cells: number } {
  const detections = native.cfar1d(field, rows, cols, { method, guard, train, scale, ...(k ? { k } : {}) }, mask);
  const cells = rows * (cols - 2 * (guard + train));
  return { pfa: detections / cells, cells };
}

describe('CFAR false-alarm rate matches its design (Pfa = 1e-3, +-15 %)', () => {
  const table: Record<string, string> = {};
  it.each([
    ['CA N=16', 'ca', 8, () => caAlpha(16, PFA), undefined],
    ['GO n=12', 'go', 12, () => goAlpha(12, PFA), undefined],
    ['SO n=12', 'so', 12, () => soAlpha(12, PFA), undefined],
    ['OS N=24 k=18', 'os', 12, () => osFactor(24, 18, PFA), 18],
    ['OS N=32 k=24', 'os', 16, () => osFactor(32, defaultOsRank(32), PFA), 24],
  ] as const)('%s', (label, method, train, factor, k) => {
    const { pfa, cells } = measured1d(method, 2, train, factor(), k);
    table[label] = `${pfa.toExponential(3)} over ${cells} cells`;
    console.log(`Pfa ${label}: ${pfa.toExponential(3)} (${(pfa / PFA).toFixed(3)} x design) over ${cells} cells`);
    expect(pfa / PFA).toBeGreaterThan(0.85);
    expect(pfa / PFA).toBeLessThan(1.15);
  });

  it.each([
    ['CA-2D guard 1,1 train 2,2 (N=40)', 'ca', 1, 1, 2, 2],
    ['OS-2D guard 1,1 train 2,2 (N=40, k=30)', 'os', 1, 1, 2, 2],
  ] as const)('%s', (label, method, gr, gd, tr, td) => {
    const R = 1200;
    const C = 1024;
    const n = (2 * (gr + tr) + 1) * (2 * (gd + td) + 1) - (2 * gr + 1) * (2 * gd + 1);
    const k = defaultOsRank(n);
    const scale = method === 'ca' ? caAlpha(n, PFA) : osFactor(n, k, PFA);
    const detections = native.cfar2d(field, R, C, { method, guardRange: gr, guardDoppler: gd, trainRange: tr, trainDoppler: td, k, scale }, mask);
    const cells = (R - 2 * (gr + tr)) * C;
    const pfa = detections / cells;
    console.log(`Pfa ${label}: ${pfa.toExponential(3)} (${(pfa / PFA).toFixed(3)} x design) over ${cells} cells`);
    expect(pfa / PFA).toBeGreaterThan(0.85);
    expect(pfa / PFA).toBeLessThan(1.15);
  });
});

describe('Swerling 1 detection probability under CA-CFAR N = 16, Pfa = 1e-3 (+-0.02)', () => {
  it.each([
    [10, 0.4646],
    [15, 0.769],
    [20, 0.9182],
  ])('%d dB -> Pd %f', (snrDb, expected) => {
    const trials = 20_000;
    const guard = 2;
    const train = 8;
    const width = 2 * (guard + train) + 1;
    const rng = new Rng(4242 + snrDb);
    const snr = 10 ** (snrDb / 10);
    const video = new Float32Array(trials * width);
    for (let t = 0; t < trials; t++) {
      for (let c = 0; c < width; c++) video[t * width + c] = rng.exponential(1);
      // Swerling 1: a Rayleigh amplitude drawn per trial; target plus noise power is exponential of mean 1 + SNR.
      video[t * width + guard + train] = rng.exponential(1 + snr);
    }
    const alpha = caAlpha(16, PFA);
    const out = new Uint8Array(trials * width);
    const pd = native.cfar1d(video, trials, width, { method: 'ca', guard, train, scale: alpha }, out) / trials;
    console.log(`Pd Swerling 1 at ${snrDb} dB: measured ${pd.toFixed(4)}, theory ${swerling1CaPd(16, alpha, snr).toFixed(4)}`);
    expect(swerling1CaPd(16, alpha, snr)).toBeCloseTo(expected, 3);
    expect(Math.abs(pd - expected)).toBeLessThan(0.02);
  });
});
