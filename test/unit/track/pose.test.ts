import { describe, expect, it } from 'vitest';
import type { PlatformPose } from '../../../agent/src/track/georef.js';
import { PoseHistory, type Pose } from '../../../agent/src/track/pose.js';

function pose(timeMs: number, over: Partial<Pose> = {}): Pose {
  return {
    timeMs,
    latitude: 58,
    longitude: 11,
    altitudeMetres: 10,
    headingDegrees: 0,
    courseDegrees: 0,
    speedMps: 1,
    source: 'test',
    quality: { fix: 'gnss', hdop: 1, satellites: 8 },
    ...over,
  };
}

describe('PoseHistory', () => {
  it('is undefined when empty', () => {
    expect(new PoseHistory().at(0)).toBeUndefined();
  });

  it('interpolates position and altitude linearly between the samples around the time', () => {
    const h = new PoseHistory({ maxAgeMs: 1000 });
    h.push(pose(1000, { latitude: 58, longitude: 11, altitudeMetres: 0, speedMps: 2 }));
    h.push(pose(2000, { latitude: 59, longitude: 12, altitudeMetres: 100, speedMps: 4 }));
    const r = h.at(1250)!;
    expect(r.pose.latitude).toBeCloseTo(58.25, 12);
    expect(r.pose.longitude).toBeCloseTo(11.25, 12);
    expect(r.pose.altitudeMetres).toBeCloseTo(25, 12);
    expect(r.pose.speedMps).toBeCloseTo(2.5, 12);
    expect(r.pose.timeMs).toBe(1250);
    expect(r).toMatchObject({ stale: false, ageMs: 250 });
  });

  it('interpolates heading and course along the short arc, and longitude across the antimeridian', () => {
    const h = new PoseHistory();
    h.push(pose(0, { headingDegrees: 350, courseDegrees: 10, longitude: 179.5 }));
    h.push(pose(100, { headingDegrees: 20, courseDegrees: 340, longitude: -179.5 }));
    const r = h.at(50)!.pose;
    expect(r.headingDegrees).toBeCloseTo(5, 9);
    expect(r.courseDegrees).toBeCloseTo(355, 9);
    expect(Math.abs(r.longitude)).toBeCloseTo(180, 9);
    const q = h.at(75)!.pose;
    expect(q.longitude).toBeCloseTo(-179.75, 9);
  });

  it('holds the nearest sample outside the history and says how old it is, stale past maxAgeMs', () => {
    const h = new PoseHistory({ maxAgeMs: 500 });
    h.push(pose(1000, { latitude: 1 }));
    h.push(pose(2000, { latitude: 2 }));
    expect(h.at(2400)).toMatchObject({ stale: false, ageMs: 400, pose: { latitude: 2, timeMs: 2400 } });
    expect(h.at(2600)).toMatchObject({ stale: true, ageMs: 600 });
    expect(h.at(0)).toMatchObject({ stale: true, ageMs: 1000, pose: { latitude: 1 } });
  });

  it('calls an interpolation across a long gap stale', () => {
    const h = new PoseHistory({ maxAgeMs: 1000 });
    h.push(pose(0));
    h.push(pose(10_000));
    expect(h.at(5000)).toMatchObject({ stale: true, ageMs: 5000 });
    expect(h.at(900)).toMatchObject({ stale: false, ageMs: 900 });
  });

  it('keeps at most capacity poses, in time order, replacing one at the same time', () => {
    const h = new PoseHistory({ capacity: 3 });
    h.push(pose(3000));
    h.push(pose(1000));
    h.push(pose(2000));
    h.push(pose(2000, { latitude: 7 }));
    expect(h.size).toBe(3);
    h.push(pose(4000));
    expect(h.size).toBe(3);
    expect(h.at(0)!.pose.timeMs).toBe(0);
    expect(h.at(0)!.ageMs).toBe(2000);
    expect(h.at(2000)!.pose.latitude).toBe(7);
    expect(h.latest()!.timeMs).toBe(4000);
  });

  it('serves the georeferencer and the tracker (PlatformPose): heading, speed and course present only when known', () => {
    const h = new PoseHistory({ maxAgeMs: 100 });
    const platform: PlatformPose = h;
    expect(platform.poseAt(0)).toBeUndefined();
    h.push(pose(0, { headingDegrees: null, speedMps: null, courseDegrees: null }));
    expect(platform.poseAt(0)).toEqual({ latitude: 58, longitude: 11, stale: false, ageMs: 0 });
    h.push(pose(100, { headingDegrees: 10, speedMps: 4.5, courseDegrees: 12 }));
    expect(platform.poseAt(1000)).toEqual({ latitude: 58, longitude: 11, headingDegrees: 10, speedMps: 4.5, courseDegrees: 12, stale: true, ageMs: 900 });
  });

  it('refuses a pose without finite time or position, and bad options', () => {
    expect(() => new PoseHistory().push(pose(Number.NaN))).toThrow(RangeError);
    expect(() => new PoseHistory({ capacity: 0 })).toThrow(RangeError);
  });
});
