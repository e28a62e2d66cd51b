/** Runs a tracker (ours or the baseline) over a simulated tracking scenario and scores it. */
import { Tracker } from '../../agent/src/track/tracker/tracker.js';
import type { TrackerConfigInput } from '../../agent/src/track/tracker/config.js';
import { simulateTracks, SIM_SITE, type SimRun } from '../../agent/src/sim/tracks/plots.js';
import { trackScenario, TRACK_SCENARIO_NAMES } from '../../agent/src/sim/tracks/scenarios.js';
import { scoreTracks, type Score, type ScoredTrack } from '../../agent/src/sim/tracks/score.js';
import { BaselineTracker } from '../bench/baseline-tracker.js';

/** Every scenario the evaluation covers: each base scenario on a fixed site and from a vessel under way. */
export const ALL_TRACK_SCENARIOS = TRACK_SCENARIO_NAMES.flatMap((n) => [n, `${n}-moving`]);

/** A scenario by name (`NAME` or `NAME-moving`), simulated with one seed. */
export function simRun(name: string, seed = 1): SimRun {
  const moving = name.endsWith('-moving');
  return simulateTracks(trackScenario(moving ? name.slice(0, -'-moving'.length) : name, { moving }), { seed });
}

/** Our tracker with the radar's measurement model (range cell, spokes, beam) from the scenario. */
export function runOurs(run: SimRun, config: TrackerConfigInput = {}): ScoredTrack[] {
  const r = run.scenario.radar;
  const tracker = new Tracker({ ...config, measurement: { rangeCellMetres: r.rangeCellMetres, spokesPerTurn: r.spokesPerTurn, beamWidthDegrees: r.beamWidthDegrees, ...(config.measurement ?? {}) } });
  const out: ScoredTrack[] = [];
  for (const s of run.scans) {
    const res = tracker.update({ timeMs: s.timeMs, scan: s.scan, plots: s.plots, ...(s.ownShip ? { ownShip: s.ownShip } : { site: SIM_SITE }) });
    out.push(...res.tracks);
  }
  return out;
}

export function runBaseline(run: SimRun): ScoredTrack[] {
  const tracker = new BaselineTracker();
  const out: ScoredTrack[] = [];
  for (const s of run.scans) out.push(...tracker.update({ timeMs: s.timeMs, scan: s.scan, plots: s.plots, ...(s.ownShip ? { ownShip: s.ownShip } : { site: SIM_SITE }) }).tracks);
  return out;
}

export function scoreRun(run: SimRun, tracks: ScoredTrack[]): Score {
  return scoreTracks(tracks, run.truth);
}
