import { describe, expect, it } from 'vitest';
import { Nmea0183Decoder } from '../../../agent/src/protocols/nmea0183/decoder.js';
import type { NmeaSentence, TllSentence, TtmSentence } from '../../../agent/src/protocols/nmea0183/types.js';
import { createArpaSim, type ArpaSimOptions } from '../../../agent/src/sim/arpa.js';
import type { SimStep } from '../../../agent/src/sim/types.js';
import { inverse, METRES_PER_NAUTICAL_MILE } from '../../../agent/src/track/geodesy.js';
import { NavFusion } from '../../../agent/src/track/nav-fusion.js';
import type { Pose } from '../../../agent/src/track/pose.js';

const OPTIONS: ArpaSimOptions = {
  scenario: {
    radar: { latitude: 58.2, longitude: 11.5, altitudeMetres: 4, sac: 1, sic: 1 },
    targets: [
      { id: 1, rangeMetres: 1500, bearingDegrees: 45, courseDegrees: 270, speedMetresPerSecond: 5, snrDb: 20, swerling: 0 },
      { id: 102, rangeMetres: 4000, bearingDegrees: 200, courseDegrees: 0, speedMetresPerSecond: 0, snrDb: 20, swerling: 0 },
    ],
  },
  seed: 42,
  startWallMs: Date.UTC(2026, 0, 2, 3, 4, 5),
  ownShip: { courseDegrees: 90, speedMetresPerSecond: 3 },
  durationS: 59,
};

function run(options: ArpaSimOptions): SimStep[] {
  const sim = createArpaSim(options);
  const steps: SimStep[] = [];
  for (let s = sim.next(); s !== null; s = sim.next()) steps.push(s);
  return steps;
}

describe('ARPA simulator (NMEA 0183)', () => {
  const steps = run(OPTIONS);
  const sentences: NmeaSentence[] = [];
  const decoder = new Nmea0183Decoder({ onFrame: (s) => sentences.push(s) });
  for (const s of steps) decoder.push(s.bytes, { monoMs: s.timeS * 1000, wallMs: OPTIONS.startWallMs + s.timeS * 1000 });
  decoder.end();

  it('is deterministic for a seed and differs for another', () => {
    expect(Buffer.concat(run(OPTIONS).map((s) => s.bytes)).equals(Buffer.concat(steps.map((s) => s.bytes)))).toBe(true);
    expect(Buffer.concat(run({ ...OPTIONS, seed: 43 }).map((s) => s.bytes)).equals(Buffer.concat(steps.map((s) => s.bytes)))).toBe(false);
  });

  it('sends GGA, RMC, HDT then TTM + TLL per target each second, all with good checksums', () => {
    expect(steps).toHaveLength(60);
    expect(decoder.counters).toMatchObject({ framesOk: 60 * 7, badChecksum: 0, bytesSkipped: 0 });
    expect(sentences.slice(0, 7).map((s) => s.talker + s.sentence)).toEqual(['GPGGA', 'GPRMC', 'HEHDT', 'RATTM', 'RATLL', 'RATTM', 'RATLL']);
  });

  it('reports targets within the stated noise of the truth, acquiring then tracking, three-digit numbers kept', () => {
    const ttms = sentences.filter((s): s is TtmSentence => s.sentence === 'TTM');
    const tlls = sentences.filter((s): s is TllSentence => s.sentence === 'TLL');
    const truth = steps.flatMap((s) => s.truth ?? []);
    expect(ttms).toHaveLength(truth.length);
    expect(new Set(ttms.map((t) => t.target))).toEqual(new Set([1, 102]));
    expect(ttms.slice(0, 6).map((t) => t.status)).toEqual(['Q', 'Q', 'Q', 'Q', 'Q', 'Q']);
    expect(ttms.at(-1)!.status).toBe('T');
    for (let i = 0; i < truth.length; i++) {
      const t = truth[i]!;
      // 5 m range sigma plus 0.01 NM (18.5 m) rounding: 6 sigma + rounding is 48.5 m.
      expect(Math.abs(ttms[i]!.distance! * METRES_PER_NAUTICAL_MILE - t.rangeMetres)).toBeLessThan(48.5);
      expect(Math.abs(((ttms[i]!.bearing! - t.bearingDegrees + 540) % 360) - 180)).toBeLessThan(0.3 * 6 + 0.05);
      // TLL: the measured point, so within the same errors of the true one (bearing error at range).
      const miss = inverse(tlls[i]!, t).distanceMetres;
      expect(miss).toBeLessThan(30 + t.rangeMetres * Math.sin((1.85 * Math.PI) / 180));
    }
  });

  it('runs on the default scenario as lookout sim calls it (three-digit target number included)', () => {
    const sim = createArpaSim({ seed: 1, startWallMs: OPTIONS.startWallMs });
    const out: NmeaSentence[] = [];
    const d = new Nmea0183Decoder({ onFrame: (s) => out.push(s) });
    for (let i = 0; i < 5; i++) d.push(sim.next()!.bytes, { monoMs: 0, wallMs: 0 });
    expect(d.counters.badChecksum).toBe(0);
    expect(new Set(out.filter((s) => s.sentence === 'TTM').map((s) => (s as TtmSentence).target))).toEqual(new Set([1, 2, 3, 101]));
  });

  it('feeds NavFusion: own ship moving east at 3 m/s with HDT heading', () => {
    const poses: Pose[] = [];
    const nav = new NavFusion({ onPose: (p) => poses.push(p) });
    for (const s of sentences) nav.nmea(s);
    expect(poses).toHaveLength(120);
    // The first GGA precedes the first HDT and RMC: no heading or course yet; then both.
    expect(poses[0]).toMatchObject({ headingDegrees: null, courseDegrees: null });
    expect(poses.at(-1)).toMatchObject({ headingDegrees: 90, courseDegrees: 90 });
    const moved = inverse(poses[0]!, poses.at(-1)!);
    expect(moved.distanceMetres).toBeCloseTo(3 * 59, -1);
    expect(moved.bearingDegrees).toBeCloseTo(90, 0);
  });
});
