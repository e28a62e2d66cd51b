import { describe, expect, it } from 'vitest';
import { benchTiMmwave } from '../../../agent/src/bench/decode-radar.js';

// A smoke test of the benchmark function (`bench decode` calls it); speed is not asserted.
describe('benchTiMmwave', () => {
  it.each([false, true])('heatmap=%s: every frame decoded, nothing skipped, figures reported', (heatmap) => {
    const r = benchTiMmwave({ totalBytes: 256 * 1024, repeats: 1, heatmap });
    expect(r.name).toBe(heatmap ? 'ti-mmwave+heatmap' : 'ti-mmwave');
    expect(r.frames).toBeGreaterThan(10);
    expect(r.bytesSkipped).toBe(0);
    for (const v of [r.mbPerSec, r.memcpyMbPerSec, r.framesPerSec]) expect(Number.isFinite(v) && v > 0).toBe(true);
  });
});
