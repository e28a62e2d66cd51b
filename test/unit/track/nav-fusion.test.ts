import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MavlinkDecoder } from '../../../agent/src/protocols/mavlink/decoder.js';
import { encodeMavlink } from '../../../agent/src/protocols/mavlink/encoder.js';
import { Nmea0183Decoder } from '../../../agent/src/protocols/nmea0183/decoder.js';
import { encodeSentence } from '../../../agent/src/protocols/nmea0183/encoder.js';
import type { NmeaSentence } from '../../../agent/src/protocols/nmea0183/types.js';
import { NavFusion } from '../../../agent/src/track/nav-fusion.js';
import { PoseHistory, type Pose } from '../../../agent/src/track/pose.js';
import { SHARED_DATA } from '../../helpers/paths.js';

function nmeaSentences(bytes: Uint8Array, wallMs = 0): NmeaSentence[] {
  const out: NmeaSentence[] = [];
  const d = new Nmea0183Decoder({ onFrame: (s) => out.push(s) });
  d.push(bytes, { monoMs: wallMs, wallMs });
  d.end();
  return out;
}

describe('NavFusion on the real Navico log (HDG + variation, no HDT)', () => {
  const sentences = nmeaSentences(readFileSync(join(SHARED_DATA, 'nmea0183', 'navico-4g-arpa-2015-part1.nmea')));
  const poses: Pose[] = [];
  const nav = new NavFusion({ onPose: (p) => poses.push(p), time: 'sentence' });
  const history = new PoseHistory({ capacity: 4096 });
  for (const s of sentences) nav.nmea(s);
  for (const p of poses) history.push(p);

  it('builds one pose per GGA and valid RMC, timed by the sentences UTC', () => {
    expect(poses).toHaveLength(802 + 803);
    expect(poses[0]).toMatchObject({ timeMs: Date.UTC(2015, 6, 27, 13, 46, 1), source: 'nmea0183' });
    expect(poses[0]!.latitude).toBeCloseTo(58 + 12.7405 / 60, 12);
    expect(poses[0]!.longitude).toBeCloseTo(11 + 32.8508 / 60, 12);
    for (let i = 1; i < poses.length; i++) expect(poses[i]!.timeMs).toBeGreaterThanOrEqual(poses[i - 1]!.timeMs);
  });

  it('takes true heading as HDG magnetic + 2.9° E variation, which the log\'s own VHW true heading confirms', () => {
    // First VHW: 223.2 T, 220.3 M — the same sum.
    expect(poses[0]!.headingDegrees).toBeCloseTo(220.3 + 2.9, 9);
    const vhw = sentences.find((s) => s.sentence === 'VHW')!;
    expect(Number(vhw.fields[0])).toBeCloseTo(poses[0]!.headingDegrees!, 9);
    expect(poses.every((p) => p.headingDegrees !== null)).toBe(true);
  });

  it('carries GGA quality and altitude, RMC/VTG course and speed', () => {
    const gga = poses[1]!;
    expect(gga).toMatchObject({ altitudeMetres: -7, quality: { fix: 'gnss', hdop: 1.63, satellites: 8 }, courseDegrees: 67, speedMps: 0 });
  });

  it('answers at() between two fixes of the log', () => {
    const t = Date.UTC(2015, 6, 27, 13, 46, 1, 500);
    const r = history.at(t)!;
    expect(r.stale).toBe(false);
    expect(r.ageMs).toBeLessThanOrEqual(500);
    expect(r.pose.latitude).toBeCloseTo(58.2123, 3);
  });
});

describe('NavFusion rules', () => {
  const rx = (wallMs: number) => ({ monoMs: wallMs, wallMs });
  const feed = (nav: NavFusion, items: Array<[number, Buffer]>) => {
    for (const [t, b] of items) for (const s of nmeaSentences(b, t)) nav.nmea(s);
  };

  it('prefers fresh HDT over HDG, adds deviation, and drops to HDG when HDT goes quiet', () => {
    const poses: Pose[] = [];
    const nav = new NavFusion({ onPose: (p) => poses.push(p), headingMaxAgeMs: 1000 });
    const gga = encodeSentence({ sentence: 'GGA', talker: 'GP', utc: '120000', latitude: 10, longitude: 20, fixQuality: 1, satellites: 9, hdop: 0.9, altitudeMetres: 5, geoidSeparationMetres: null, dgpsAgeSeconds: null, dgpsStation: null });
    feed(nav, [
      [0, encodeSentence({ sentence: 'HDT', talker: 'HE', headingTrue: 100 })],
      [100, encodeSentence({ sentence: 'HDG', talker: 'HC', headingMagnetic: 50, deviation: -1, variation: 3 })],
      [200, gga],
      [2000, encodeSentence({ sentence: 'HDG', talker: 'HC', headingMagnetic: 50, deviation: -1, variation: 3 })],
      [2100, gga],
    ]);
    expect(poses.map((p) => p.headingDegrees)).toEqual([100, 52]);
    expect(poses[0]!.timeMs).toBe(200);
  });

  it('uses the RMC variation when HDG has none, and no heading without any variation', () => {
    const poses: Pose[] = [];
    const nav = new NavFusion({ onPose: (p) => poses.push(p) });
    const hdg = encodeSentence({ sentence: 'HDG', talker: 'HC', headingMagnetic: 10, deviation: null, variation: null });
    const rmc = encodeSentence({ sentence: 'RMC', talker: 'GP', utc: '120000', status: 'A', latitude: 1, longitude: 2, speedKnots: 10, courseTrue: 90, date: '010124', variation: -4, mode: 'A', navStatus: null });
    feed(nav, [[0, hdg], [10, rmc], [20, hdg], [30, rmc]]);
    expect(poses.map((p) => p.headingDegrees)).toEqual([null, 6]);
    expect(poses[1]!.speedMps).toBeCloseTo(10 * 1852 / 3600, 12);
  });

  it('ignores RMC with status V and GGA without a fix', () => {
    const poses: Pose[] = [];
    const nav = new NavFusion({ onPose: (p) => poses.push(p) });
    feed(nav, [
      [0, encodeSentence({ sentence: 'RMC', talker: 'GP', utc: '120000', status: 'V', latitude: 1, longitude: 2, speedKnots: null, courseTrue: null, date: null, variation: null, mode: 'N', navStatus: null })],
      [0, encodeSentence({ sentence: 'GGA', talker: 'GP', utc: '120000', latitude: 1, longitude: 2, fixQuality: 0, satellites: 0, hdop: null, altitudeMetres: null, geoidSeparationMetres: null, dgpsAgeSeconds: null, dgpsStation: null })],
    ]);
    expect(poses).toHaveLength(0);
  });

  it('builds MAVLink poses from GLOBAL_POSITION_INT with ATTITUDE yaw as heading and NED velocity as course/speed', () => {
    const poses: Pose[] = [];
    const nav = new NavFusion({ onPose: (p) => poses.push(p) });
    const d = new MavlinkDecoder({ onFrame: (p) => nav.mavlink(p) });
    d.push(encodeMavlink({ name: 'ATTITUDE', timeBootMs: 1, roll: 0, pitch: 0, yaw: -Math.PI / 2, rollspeed: 0, pitchspeed: 0, yawspeed: 0 }, { sysid: 1, compid: 1, seq: 0 }), rx(1000));
    d.push(encodeMavlink({ name: 'GLOBAL_POSITION_INT', timeBootMs: 2, lat: 47.1, lon: 8.2, alt: 500, relativeAlt: 20, vx: 0, vy: 3, vz: 0, hdg: 123 }, { sysid: 1, compid: 1, seq: 1 }), rx(1010));
    expect(poses).toHaveLength(1);
    expect(poses[0]).toMatchObject({ timeMs: 1010, latitude: 47.1, longitude: 8.2, altitudeMetres: 500, courseDegrees: 90, speedMps: 3, source: 'mavlink' });
    expect(poses[0]!.headingDegrees).toBeCloseTo(270, 4);
  });
});

describe('NavFusion on the real tlogs', () => {
  function tlogPoses(file: string): Pose[] {
    const b = readFileSync(join(SHARED_DATA, 'mavlink', file));
    const poses: Pose[] = [];
    const nav = new NavFusion({ onPose: (p) => poses.push(p) });
    const d = new MavlinkDecoder({ onFrame: (p) => nav.mavlink(p) });
    let p = 0;
    while (p + 8 < b.length) {
      const wallMs = Number(b.readBigUInt64BE(p)) / 1000;
      const q = p + 8;
      const total = b[q] === 0xfe ? 8 + b[q + 1]! : 12 + b[q + 1]! + (b[q + 2]! & 1 ? 13 : 0);
      d.push(b.subarray(q, q + total), { monoMs: wallMs, wallMs });
      p = q + total;
    }
    d.end();
    return poses;
  }

  it.each([
    ['20211202-132614.tlog', 478],
    ['2021-12-08-14-59-44.tlog', 648],
    ['2013-10-13_18-31-24.tlog', 702],
  ])('%s: poses from GLOBAL_POSITION_INT with a fix, headed by ATTITUDE', (file, gpiCount) => {
    const poses = tlogPoses(file);
    expect(poses.length).toBeGreaterThan(0);
    expect(poses.length).toBeLessThanOrEqual(gpiCount);
    for (const p of poses) {
      expect(Math.abs(p.latitude)).toBeLessThanOrEqual(90);
      expect(p.latitude).not.toBe(0);
      expect(p.headingDegrees).not.toBeNull();
      expect(p.headingDegrees!).toBeGreaterThanOrEqual(0);
      expect(p.headingDegrees!).toBeLessThan(360);
    }
    for (let i = 1; i < poses.length; i++) expect(poses[i]!.timeMs).toBeGreaterThanOrEqual(poses[i - 1]!.timeMs);
    const h = new PoseHistory({ capacity: 4096, maxAgeMs: 2000 });
    for (const p of poses) h.push(p);
    const mid = (poses[0]!.timeMs + poses[poses.length - 1]!.timeMs) / 2;
    expect(h.at(mid)!.pose.latitude).toBeCloseTo(poses[0]!.latitude, 1);
  });
});
