import { describe, expect, it } from 'vitest';
import { scoreTracks, type ScoredTrack, type ScoredTruth } from '../../../../agent/src/sim/tracks/score.js';
import { LocalFrame } from '../../../../agent/src/track/tracker/frame.js';

const O = { latitude: 43.3, longitude: 5.37 };
const f = new LocalFrame(O);
const truth = (scan: number, target: number, e: number, n: number, extra: Partial<ScoredTruth> = {}): ScoredTruth => ({ timeMs: scan * 2000, scan, target, ...f.toGeo(e, n), ...extra });
const track = (scan: number, id: number, e: number, n: number, extra: Partial<ScoredTrack> = {}): ScoredTrack => ({ timeMs: scan * 2000, scan, id, status: 'confirmed', ...f.toGeo(e, n), ...extra });

describe('GOSPA (p = 2, α = 2, c = 100 m) and its parts', () => {
  it('one truth, one track 5 m off: localisation only', () => {
    const s = scoreTracks([track(0, 1, 3, 4)], [truth(0, 1, 0, 0)]);
    expect(s.gospa).toBeCloseTo(5, 3);
    expect(s.localisation).toBeCloseTo(25, 2);
    expect(s.missed).toBe(0);
    expect(s.false).toBe(0);
  });

  it('a missed truth and a false track cost c²/2 each; a pair c or more apart is both', () => {
    expect(scoreTracks([], [truth(0, 1, 0, 0)]).gospa).toBeCloseTo(Math.sqrt(5000), 6);
    const far = scoreTracks([track(0, 1, 150, 0)], [truth(0, 1, 0, 0)]);
    expect(far.gospa).toBeCloseTo(100, 6);
    expect(far.missed).toBeCloseTo(5000, 6);
    expect(far.false).toBeCloseTo(5000, 6);
    // Tentative tracks are not reported; a confirmed one with no truth is false.
    const onlyTracks = scoreTracks([track(0, 1, 0, 0), track(0, 2, 50, 0, { status: 'tentative' })], [truth(0, 1, 0, 0), truth(0, 2, 500, 0)]);
    expect(onlyTracks.missed).toBeCloseTo(5000, 6);
    expect(onlyTracks.false).toBe(0);
  });

  it('the assignment is optimal, not nearest-first, and the mean is over scans', () => {
    // Truths at 0 and 60; tracks at 35 and 95: nearest-first pairs 35 with 60 (25 m) and
    // leaves 95 to 0 (beyond c): 25² + 10⁴. Optimal: 35² + 35² = 2450.
    const s = scoreTracks([track(0, 1, 35, 0), track(0, 2, 95, 0), track(1, 1, 0, 0)], [truth(0, 1, 0, 0), truth(0, 2, 60, 0), truth(1, 1, 0, 0), truth(1, 2, 60, 0)]);
    expect(s.scans).toBe(2);
    expect(s.gospa).toBeCloseTo((Math.sqrt(2450) + Math.sqrt(5000)) / 2, 3);
    expect(s.localisation).toBeCloseTo(2450 / 2, 2);
    expect(s.meanMissedTargets).toBeCloseTo(0.5, 9);
  });
});

describe('identities, time to confirm, kinematics', () => {
  it('counts an ID switch when a target changes track, not when two targets meet', () => {
    const tracks: ScoredTrack[] = [];
    const truths: ScoredTruth[] = [];
    for (let k = 0; k < 10; k++) {
      truths.push(truth(k, 1, -200 + 40 * k, 0), truth(k, 2, 200 - 40 * k, 0));
      // Correct labels throughout (they pass each other at scan 5).
      tracks.push(track(k, 1, -200 + 40 * k, 1), track(k, 2, 200 - 40 * k, -1));
    }
    expect(scoreTracks(tracks, truths).idSwitches).toBe(0);
    // Now the labels swap at scan 7 (the tracker crossed them): one switch per target.
    const swapped = tracks.map((t) => (t.scan! >= 7 ? { ...t, id: 3 - t.id } : t));
    const s = scoreTracks(swapped, truths);
    expect(s.idSwitches).toBe(2);
    expect(s.targets.map((t) => t.trackIds)).toEqual([[1, 2], [2, 1]]);
  });

  it('time to confirm from the first plot; after resolution for a target that shared plots', () => {
    const truths = [0, 1, 2, 3, 4, 5].map((k) => truth(k, 1, 0, 0, { detected: k !== 1, merged: k === 1 }));
    const tracks = [3, 4, 5].map((k) => track(k, 7, 1, 0));
    const t = scoreTracks(tracks, truths).targets[0]!;
    expect(t.firstSeenScan).toBe(0);
    expect(t.scansToConfirm).toBe(3);
    expect(t.secondsToConfirm).toBe(6);
    expect(t.firstResolvedScan).toBe(2);
    expect(t.scansToConfirmAfterResolved).toBe(1);
  });

  it('speed and course RMSE for targets over 3 m/s, with the course wrapped', () => {
    const truths = [truth(0, 1, 0, 0, { speedMps: 5, courseDegrees: 359 }), truth(1, 1, 0, 0, { speedMps: 5, courseDegrees: 90 }), truth(2, 1, 0, 0, { speedMps: 1, courseDegrees: 0 })];
    const tracks = [track(0, 1, 0, 0, { speedMps: 5.3, courseDegrees: 1 }), track(1, 1, 0, 0, { speedMps: 4.6, courseDegrees: 93 }), track(2, 1, 0, 0, { speedMps: 9, courseDegrees: 180 })];
    const s = scoreTracks(tracks, truths);
    expect(s.speedRmseMps!).toBeCloseTo(Math.sqrt((0.09 + 0.16) / 2), 9);
    expect(s.courseRmseDegrees!).toBeCloseTo(Math.sqrt((4 + 9) / 2), 6);
    expect(scoreTracks(tracks, truths, { settleScans: 1 }).speedRmseMps!).toBeCloseTo(0.4, 9);
  });

  it('CPA/TCPA relative errors of closing targets only', () => {
    const truths = [truth(0, 1, 0, 0, { speedMps: 5, cpaMetres: 200, tcpaSeconds: 100 }), truth(1, 1, 0, 0, { speedMps: 5, cpaMetres: 200, tcpaSeconds: 10 })];
    const tracks = [track(0, 1, 0, 0, { speedMps: 5, cpaMetres: 210, tcpaSeconds: 95 }), track(1, 1, 0, 0, { speedMps: 5, cpaMetres: 400, tcpaSeconds: 40 })];
    const s = scoreTracks(tracks, truths);
    expect(s.cpaRelativeError!).toBeCloseTo(0.05, 9);
    expect(s.tcpaRelativeError!).toBeCloseTo(0.05, 9);
  });
});
