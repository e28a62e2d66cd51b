import { describe, expect, it } from 'vitest';
import { MavlinkDecoder } from '../../../agent/src/protocols/mavlink/decoder.js';
import type { MavlinkPacket } from '../../../agent/src/protocols/mavlink/types.js';
import { createDroneSim, type DroneSimOptions } from '../../../agent/src/sim/drone.js';
import type { SimStep } from '../../../agent/src/sim/types.js';
import { inverse } from '../../../agent/src/track/geodesy.js';
import { NavFusion } from '../../../agent/src/track/nav-fusion.js';
import type { Pose } from '../../../agent/src/track/pose.js';

const KEY = new Uint8Array(32).map((_, i) => (i * 13 + 5) & 0xff);
const OPTIONS: DroneSimOptions = { home: { latitude: 47.4, longitude: 8.5, altitudeMetres: 400 }, seed: 7, startWallMs: Date.UTC(2026, 0, 1), durationS: 20 };

function run(options: DroneSimOptions): SimStep[] {
  const sim = createDroneSim(options);
  const steps: SimStep[] = [];
  for (let s = sim.next(); s !== null; s = sim.next()) steps.push(s);
  return steps;
}

function decode(steps: SimStep[], signingKey?: Uint8Array) {
  const packets: MavlinkPacket[] = [];
  const d = new MavlinkDecoder({ onFrame: (p) => packets.push(p), ...(signingKey ? { signingKey } : {}) });
  for (const s of steps) d.push(s.bytes, { monoMs: s.timeS * 1000, wallMs: OPTIONS.startWallMs + s.timeS * 1000 });
  d.end();
  return { packets, counters: d.counters };
}

describe('drone simulator (MAVLink 2)', () => {
  it('is deterministic for a seed', () => {
    expect(Buffer.concat(run(OPTIONS).map((s) => s.bytes)).equals(Buffer.concat(run(OPTIONS).map((s) => s.bytes)))).toBe(true);
  });

  it('sends GLOBAL_POSITION_INT + ATTITUDE at 10 Hz and HEARTBEAT at 1 Hz, MAVLink 2, sequence numbers in order', () => {
    const steps = run(OPTIONS);
    const { packets, counters } = decode(steps);
    expect(steps).toHaveLength(201);
    expect(counters).toMatchObject({ badChecksum: 0, bytesSkipped: 0, v1: 0 });
    const count = (n: string) => packets.filter((p) => p.name === n).length;
    expect([count('GLOBAL_POSITION_INT'), count('ATTITUDE'), count('HEARTBEAT')]).toEqual([201, 201, 21]);
    packets.forEach((p, i) => expect(p.seq).toBe(i & 0xff));
  });

  it('flies within the stated noise of its truth, and NavFusion follows it', () => {
    const steps = run(OPTIONS);
    const poses: Pose[] = [];
    const nav = new NavFusion({ onPose: (p) => poses.push(p) });
    decode(steps).packets.forEach((p) => nav.mavlink(p));
    const truth = steps.map((s) => s.truth![0]!);
    expect(poses).toHaveLength(truth.length);
    for (let i = 0; i < poses.length; i++) {
      // 0.5 m sigma per axis: 6 sigma in the plane is under 4.3 m.
      expect(inverse(poses[i]!, truth[i]!).distanceMetres).toBeLessThan(4.3);
      expect(Math.abs(((poses[i]!.headingDegrees! - (truth[i]!.headingDegrees as number) + 540) % 360) - 180)).toBeLessThan(0.01);
      expect(truth[i]!.rangeMetres).toBeCloseTo(100, 0);
    }
    expect(poses[5]!.speedMps).toBeCloseTo(10, 1);
  });

  it('runs on defaults (home, circle) as lookout sim calls it, and takes the key as hex', () => {
    const hex = Buffer.from(KEY).toString('hex');
    const steps = run({ seed: 1, startWallMs: OPTIONS.startWallMs, durationS: 2, signingKeyHex: hex });
    const { packets, counters } = decode(steps, KEY);
    expect(packets.length).toBeGreaterThan(40);
    expect(counters.badSignature).toBe(0);
    expect(() => createDroneSim({ seed: 1, startWallMs: 0, signingKeyHex: 'abc' })).toThrow(RangeError);
  });

  it('signs every packet with the key: all verify, none is refused as a replay', () => {
    const steps = run({ ...OPTIONS, signingKey: KEY, linkId: 3 });
    const { packets, counters } = decode(steps, KEY);
    expect(packets).toHaveLength(201 * 2 + 21);
    expect(packets.every((p) => p.signature?.verified === true && p.signature.linkId === 3)).toBe(true);
    expect(counters).toMatchObject({ badSignature: 0, replayed: 0, unsigned: 0 });
    const wrong = decode(steps, new Uint8Array(32));
    expect(wrong.packets).toHaveLength(0);
    expect(wrong.counters.badSignature).toBe(packets.length);
  });
});
