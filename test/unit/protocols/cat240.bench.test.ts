import { describe, expect, it } from 'vitest';
import { benchCat240 } from '../../../agent/src/bench/decode-radar.js';

// A smoke test of the benchmark function (`bench decode` calls it): it decodes every frame it
// built, cleanly, and reports finite figures. Speed itself is not asserted: benchmarks are not tests.
describe('benchCat240', () => {
  it.each([8, 16] as const)('%i-bit spokes: every block decoded, nothing skipped, figures reported', (bits) => {
    const r = benchCat240({ totalBytes: 256 * 1024, repeats: 1, resolutionBits: bits });
    expect(r.name).toBe('cat240');
    expect(r.bytes).toBeGreaterThanOrEqual(256 * 1024);
    expect(r.frames).toBeGreaterThan(100);
    expect(r.bytesSkipped).toBe(0);
    for (const v of [r.mbPerSec, r.memcpyMbPerSec, r.framesPerSec, r.fractionOfMemcpy]) expect(Number.isFinite(v) && v > 0).toBe(true);
  });
});
