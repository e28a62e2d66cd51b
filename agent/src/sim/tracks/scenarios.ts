/**
 * Tracking scenarios with ground truth, at the level of plots (what the detector and the
 * georeferencer hand the tracker): targets move in a local east/north frame around a start
 * point; the radar is on a fixed site there or on a vessel under way. Each scenario is one of
 * the cases a tracker gets wrong in harbours: crossing and overtaking boats (label swaps), two
 * boats side by side that split (a merged plot resolving), a turn (a CV filter losing it), a
 * moored boat (a ghost speed), and clutter.
 */

/** One leg of a target's motion: straight, or turning at a constant rate. */
export interface Leg {
  /** Seconds the leg lasts (the last leg lasts to the end). */
  seconds: number;
  /** Turn rate, degrees per second (positive clockwise); 0 or absent for straight. */
  turnDegreesPerSecond?: number;
  /** Speed change over the leg, m/s per second. */
  accelerationMps2?: number;
}

export interface ScenarioTarget {
  /** Start position, metres east and north of the site (or of own ship's start). */
  east: number;
  north: number;
  speedMps: number;
  courseDegrees: number;
  legs?: Leg[];
  /** Hull length: extended returns, centroid wander and merging. */
  lengthMetres: number;
  /** Probability of a plot on each scan. */
  pd: number;
  /** A moored boat swings on its line: random wander of this many metres around its point. */
  swingMetres?: number;
}

export interface RadarModel {
  rpm: number;
  rangeCellMetres: number;
  spokesPerTurn: number;
  cellsPerSpoke: number;
  beamWidthDegrees: number;
  /** Centroid noise of a point target. */
  rangeSigmaMetres: number;
  bearingSigmaDegrees: number;
  /** False plots: probability per range-azimuth cell per scan, after the detector's clustering. */
  pfa: number;
  /** Extra clutter in an inner ring (sea clutter, wakes): plots per scan within `seaClutterMetres`. */
  seaClutterPerScan: number;
  seaClutterMetres: number;
}

export interface OwnShipModel {
  speedMps: number;
  courseDegrees: number;
  /** Heading/nav error per scan, degrees (a common rotation of all plots of a scan). */
  headingSigmaDegrees: number;
}

export interface TrackScenario {
  name: string;
  description: string;
  seconds: number;
  targets: ScenarioTarget[];
  radar: RadarModel;
  /** Present: the radar is on a vessel under way. */
  ownShip?: OwnShipModel;
}

export const DEFAULT_RADAR: RadarModel = {
  rpm: 36,
  rangeCellMetres: 3,
  spokesPerTurn: 2048,
  cellsPerSpoke: 1024,
  beamWidthDegrees: 1.8,
  rangeSigmaMetres: 1.5,
  bearingSigmaDegrees: 0.15,
  // A CFAR designed for 1e-6 over 2 M cells: about two false plots a turn, uniform in cells.
  pfa: 1e-6,
  seaClutterPerScan: 0,
  seaClutterMetres: 400,
};

const boat = (o: Partial<ScenarioTarget> & Pick<ScenarioTarget, 'east' | 'north' | 'speedMps' | 'courseDegrees'>): ScenarioTarget => ({ lengthMetres: 8, pd: 0.9, ...o });

const BASE: Record<string, Omit<TrackScenario, 'radar' | 'name'> & { radar?: Partial<RadarModel> }> = {
  crossing: {
    description: 'two boats crossing at 90 degrees, 6 and 5 m/s, the second passing 20 m behind the first 1 km out',
    seconds: 150,
    targets: [boat({ east: -400, north: 1000, speedMps: 6, courseDegrees: 90 }), boat({ east: 0, north: 1353, speedMps: 5, courseDegrees: 180 })],
  },
  overtaking: {
    description: 'a 7 m/s boat overtaking a 4 m/s one on the same course, 15 m abeam',
    seconds: 150,
    targets: [boat({ east: -300, north: 800, speedMps: 4, courseDegrees: 90 }), boat({ east: -600, north: 815, speedMps: 7, courseDegrees: 90 })],
  },
  'side-by-side': {
    description: 'two boats 30 m abeam running out at 5 m/s (merged in the beam), then splitting 20 degrees apart',
    seconds: 150,
    targets: [
      boat({ east: -15, north: 1200, speedMps: 5, courseDegrees: 0, legs: [{ seconds: 40 }, { seconds: 10, turnDegreesPerSecond: -2 }, { seconds: 1e9 }] }),
      boat({ east: 15, north: 1200, speedMps: 5, courseDegrees: 0, legs: [{ seconds: 40 }, { seconds: 10, turnDegreesPerSecond: 2 }, { seconds: 1e9 }] }),
    ],
  },
  turn: {
    description: 'a 6 m/s boat making a 90 degree turn at 3 deg/s',
    seconds: 150,
    targets: [boat({ east: -600, north: 900, speedMps: 6, courseDegrees: 90, legs: [{ seconds: 60 }, { seconds: 30, turnDegreesPerSecond: 3 }, { seconds: 1e9 }] })],
  },
  moored: {
    description: 'a moored 12 m boat swinging 3 m on its line, and a passing 5 m/s boat',
    seconds: 150,
    targets: [boat({ east: 300, north: 600, speedMps: 0, courseDegrees: 0, lengthMetres: 12, swingMetres: 3, pd: 0.95 }), boat({ east: -700, north: 400, speedMps: 5, courseDegrees: 80 })],
  },
  clutter: {
    description: 'one 5 m/s boat in sea clutter: Pfa 1e-5 (about 20 false plots a turn) and 8 sea-clutter plots a turn inside 400 m',
    seconds: 150,
    targets: [boat({ east: -500, north: 700, speedMps: 5, courseDegrees: 60, pd: 0.85 })],
    radar: { pfa: 1e-5, seaClutterPerScan: 8 },
  },
};

export const TRACK_SCENARIO_NAMES = Object.keys(BASE);

/** A named scenario on a fixed site, or `moving: true` for the same targets seen from a vessel under way. */
export function trackScenario(name: string, opts: { moving?: boolean } = {}): TrackScenario {
  const base = BASE[name];
  if (!base) throw new RangeError(`unknown tracking scenario "${name}" (${TRACK_SCENARIO_NAMES.join(', ')})`);
  const scenario: TrackScenario = {
    name: opts.moving ? `${name}-moving` : name,
    description: base.description,
    seconds: base.seconds,
    targets: base.targets,
    radar: { ...DEFAULT_RADAR, ...(base.radar ?? {}) },
  };
  if (opts.moving) scenario.ownShip = { speedMps: 4, courseDegrees: 30, headingSigmaDegrees: 0.2 };
  return scenario;
}
