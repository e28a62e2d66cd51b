import { describe, expect, it } from 'vitest';
import { createTiMmwaveSim } from '../../../agent/src/sim/ti-mmwave.js';
import { TiMmwaveDecoder } from '../../../agent/src/protocols/ti-mmwave/decoder.js';
import type { TiMmwaveFrame } from '../../../agent/src/protocols/ti-mmwave/types.js';
import type { SimStep } from '../../../agent/src/sim/types.js';
import { parseCfg } from '../../../agent/src/protocols/ti-mmwave/config-port.js';
import { tiProfileFromCfg, type TiRadarProfile } from '../../../agent/src/protocols/ti-mmwave/profile.js';

function run(n: number, opts: Parameters<typeof createTiMmwaveSim>[0]): { steps: SimStep[]; frames: TiMmwaveFrame[]; dec: TiMmwaveDecoder } {
  const sim = createTiMmwaveSim(opts);
  const steps: SimStep[] = [];
  for (let i = 0; i < n; i++) steps.push(sim.next()!);
  const frames: TiMmwaveFrame[] = [];
  const dec = new TiMmwaveDecoder({ onFrame: (f) => frames.push(f) });
  for (const s of steps) dec.push(s.bytes, { monoMs: s.timeS * 1000, wallMs: 0 });
  dec.end();
  return { steps, frames, dec };
}

describe('simulated TI mmWave sensor', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = run(20, { seed: 7 }).steps;
    const b = run(20, { seed: 7 }).steps;
    const c = run(20, { seed: 8 }).steps;
    expect(Buffer.concat(a.map((s) => s.bytes)).equals(Buffer.concat(b.map((s) => s.bytes)))).toBe(true);
    expect(Buffer.concat(a.map((s) => s.bytes)).equals(Buffer.concat(c.map((s) => s.bytes)))).toBe(false);
  });

  it('sends frames the decoder reads cleanly, at the period, with non-zero padding, TLVs 1 7 2 6 9', () => {
    const { steps, frames, dec } = run(50, { seed: 1, periodMs: 50 });
    expect(frames).toHaveLength(50);
    expect(dec.counters).toMatchObject({ bytesSkipped: 0, badFrames: 0, frameNumberGaps: 0 });
    expect(steps.map((s) => s.timeS)).toEqual(steps.map((_, i) => (i * 50) / 1000));
    // Padding after the last TLV holds random bytes, like the firmware's leftovers.
    let padded = 0;
    steps.forEach((s, i) => {
      const f = frames[i]!;
      const used = 40 + f.tlvTypes.length * 8 + 20 * f.points.length + 2 * f.rangeProfile!.length + 24 + 28;
      if (s.bytes.length - used < 4) return;
      padded++;
      expect(s.bytes.subarray(used).some((b) => b !== 0)).toBe(true);
    });
    expect(padded).toBeGreaterThan(0);
    expect(frames.every((f) => f.tlvTypes.join() === (f.points.length > 0 ? '1,7,2,6,9' : '2,6,9'))).toBe(true);
    expect(frames.every((f) => f.totalPacketLen % 32 === 0)).toBe(true);
    expect(frames.every((f) => f.points.every((p) => p.snrDb !== undefined && p.noiseDb !== undefined))).toBe(true);
  });

  it('puts points near the truth of each target in view', () => {
    const { steps, frames } = run(100, { seed: 3, falsePointsPerFrame: 0 });
    let matched = 0;
    let expected = 0;
    frames.forEach((f, i) => {
      for (const t of steps[i]!.truth!) {
        if ((t.y as number) <= 0) continue;
        expected++;
        const near = f.points.some((p) => Math.hypot(p.x - (t.x as number), p.y - (t.y as number)) < 0.2);
        if (near) matched++;
      }
    });
    // Detection probability 0.95 per target per frame; 300 chances: 3 σ below 285 is about 274.
    expect(matched / expected).toBeGreaterThan(0.9);
    expect(matched).toBeLessThanOrEqual(expected);
  });

  it('writes truth with range, bearing, lat/lon per target per frame', () => {
    const { steps } = run(3, { seed: 1, startWallMs: 1_700_000_000_000, site: { latitude: 58, longitude: 11, boresightDegrees: 90 } });
    const t = steps[0]!.truth!;
    expect(t).toHaveLength(3);
    expect(t[0]).toMatchObject({ timeMs: 1_700_000_000_000, target: 1 });
    // Target 1 starts at x = -6, y = 12: left of a boresight pointing east, so north of east.
    expect(t[0]!.bearingDegrees).toBeCloseTo(90 - (Math.atan2(6, 12) * 180) / Math.PI, 6);
    expect(t[0]!.latitude).toBeGreaterThan(58);
    expect(steps[1]!.truth![0]!.timeMs).toBe(1_700_000_000_100);
  });

  it('sends the range-Doppler heatmap on request, with the target at its range and Doppler bin', () => {
    const { frames, steps } = run(1, { seed: 2, heatmap: true, rangeBins: 64, dopplerBins: 16, rangeResolutionMetres: 0.5, velocityResolutionMps: 0.1, targets: [{ x: 0, y: 10, z: 0, vx: 0, vy: 0.5, vz: 0, snrDbAt10m: 30 }] });
    const h = frames[0]!.rangeDopplerHeatmap!;
    expect(h).toHaveLength(64 * 16);
    let best = 0;
    for (let i = 1; i < h.length; i++) if (h[i]! > h[best]!) best = i;
    expect(Math.floor(best / 16)).toBe(20); // 10 m / 0.5 m
    expect(best % 16).toBe(5); // 0.5 m/s / 0.1
    expect(frames[0]!.tlvTypes).toContain(5);
    expect(steps[0]!.truth![0]!.velocity).toBeCloseTo(0.5, 9);
  });

  it('can speak the SDK 2.x Q-format point layout', () => {
    const { frames } = run(5, { seed: 4, sdkMajor: 2 });
    const withPoints = frames.filter((f) => f.points.length > 0);
    expect(withPoints.length).toBeGreaterThan(0);
    expect(withPoints.every((f) => f.pointFormat === 'q')).toBe(true);
  });

  it('follows a .cfg profile: range bins, period, and the TLVs its guiMonitor line asks for', () => {
    const profile = tiProfileFromCfg(parseCfg('channelCfg 15 3 0\nprofileCfg 0 77 100 7 60 0 0 20 1 128 5000 0 0 30\nframeCfg 0 1 32 0 50 1 0\nguiMonitor -1 1 1 1 0 1 1')) as TiRadarProfile;
    const { steps, frames } = run(3, { seed: 5, profile });
    expect(steps[1]!.timeS).toBe(0.05);
    expect(frames[0]!.rangeProfile).toHaveLength(128);
    expect(frames[0]!.noiseProfile).toHaveLength(128);
    expect(frames[0]!.rangeDopplerHeatmap).toHaveLength(128 * 32);
  });
});
