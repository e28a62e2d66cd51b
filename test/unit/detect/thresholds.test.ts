import { describe, expect, it } from 'vitest';
import { caAlpha, caPfa, goAlpha, goPfa, osFactor, osPfa, soAlpha, soPfa, swerling1CaPd, thresholdFactor } from '../../../agent/src/detect/thresholds.js';

describe('threshold factors from a design Pfa', () => {
  it('matches the check values of issue 5 at Pfa = 1e-3', () => {
    expect(caAlpha(16, 1e-3)).toBeCloseTo(8.6388, 4);
    expect(soAlpha(12, 1e-3)).toBeCloseTo(10.4809, 4);
    expect(goAlpha(12, 1e-3)).toBeCloseTo(7.089, 4);
    expect(osFactor(24, 18, 1e-3)).toBeCloseTo(6.5024, 4);
  });

  it('solves back to the design Pfa', () => {
    for (const pfa of [1e-2, 1e-4, 1e-6, 1e-9]) {
      expect(caPfa(20, caAlpha(20, pfa)) / pfa).toBeCloseTo(1, 9);
      expect(soPfa(8, soAlpha(8, pfa)) / pfa).toBeCloseTo(1, 9);
      expect(goPfa(8, goAlpha(8, pfa)) / pfa).toBeCloseTo(1, 9);
      expect(osPfa(32, 24, osFactor(32, 24, pfa)) / pfa).toBeCloseTo(1, 9);
    }
  });

  it('gives the Swerling 1 Pd of the issue under CA N = 16', () => {
    const alpha = caAlpha(16, 1e-3);
    expect(swerling1CaPd(16, alpha, 10)).toBeCloseTo(0.4646, 4);
    expect(swerling1CaPd(16, alpha, 10 ** 1.5)).toBeCloseTo(0.769, 4);
    expect(swerling1CaPd(16, alpha, 100)).toBeCloseTo(0.9182, 4);
  });

  it('refuses a Pfa outside (0, 1) and bad counts', () => {
    for (const pfa of [0, 1, -1, NaN, 2]) expect(() => caAlpha(16, pfa)).toThrow(RangeError);
    expect(() => caAlpha(0, 1e-3)).toThrow(RangeError);
    expect(() => osFactor(8, 9, 1e-3)).toThrow(RangeError);
    expect(() => caAlpha('16' as unknown as number, 1e-3)).toThrow(TypeError);
    expect(thresholdFactor('os', 12, 1e-3, 18)).toBeCloseTo(6.5024, 4);
  });
});
