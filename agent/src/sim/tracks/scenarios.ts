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

/** A TI mmWave sensor's point clouds: frames at a fixed rate, several points per target. */
export interface PointCloudModel {
  frameHz: number;
  maxRangeMetres: number;
  rangeResolutionMetres: number;
  dopplerBins: number;
  /** Field of view, total, about the boresight. */
  fovDegrees: number;
  /** Boresight: from north on a fixed site, from the bow on a vessel. */
  mountDegrees: number;
  /** Two targets closer than this in angle (and overlapping in range) come out as one blob. */
  angleResolutionDegrees: number;
  /** Noise of each point. */
  rangeSigmaMetres: number;
  angleSigmaDegrees: number;
  /** Mean number of points of a detected target (at least one). */
  meanPointsPerTarget: number;
  /** CFAR false alarms per range-Doppler cell per frame. */
  pfa: number;
  /** Wave and multipath returns per frame within `waveClutterMetres`. */
  waveClutterPerFrame: number;
  waveClutterMetres: number;
}

export interface TrackScenario {
  name: string;
  description: string;
  seconds: number;
  targets: ScenarioTarget[];
  radar: RadarModel;
  /** Present: the sensor is a TI mmWave giving point clouds (the radar model is then unused). */
  points?: PointCloudModel;
  /** Present: the radar is on a vessel under way. */
  ownShip?: OwnShipModel;
}

/**
 * An IWR6843-class sensor with a long-range chirp profile: 10 frames a second, 120 m at 0.3 m
 * bins, 32 Doppler bins, 120 degrees of view, about 14 degrees of angular resolution (8 virtual
 * antennas in azimuth) and 1 degree of angle noise on a strong point; a CFAR at Pfa 1e-4 (about
 * 1.3 false points a frame).
 */
export const DEFAULT_POINT_CLOUD: PointCloudModel = {
  frameHz: 10,
  maxRangeMetres: 120,
  rangeResolutionMetres: 0.3,
  dopplerBins: 32,
  fovDegrees: 120,
  mountDegrees: 0,
  angleResolutionDegrees: 14,
  rangeSigmaMetres: 0.15,
  angleSigmaDegrees: 1,
  meanPointsPerTarget: 4,
  pfa: 1e-4,
  waveClutterPerFrame: 0,
  waveClutterMetres: 25,
};

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

/** The same cases at a TI mmWave's short range (the sensor at the origin looking north, or over the bow). */
const TI_BASE: Record<string, Omit<TrackScenario, 'radar' | 'name' | 'points'> & { points?: Partial<PointCloudModel> }> = {
  'ti-crossing': {
    description: 'two 6 m boats crossing at 90 degrees 50 m out, 3.5 m/s each, the second passing 15 m behind the first (resolved in range as it crosses the bearing)',
    seconds: 30,
    targets: [boat({ east: -50, north: 50, speedMps: 3.5, courseDegrees: 90, lengthMetres: 6 }), boat({ east: 10, north: 125, speedMps: 3.5, courseDegrees: 180, lengthMetres: 6 })],
  },
  'ti-overtaking': {
    description: 'a 6 m/s boat overtaking a 3.5 m/s one on the same course, 10 m abeam, 50 m out',
    seconds: 28,
    targets: [boat({ east: -45, north: 50, speedMps: 3.5, courseDegrees: 90, lengthMetres: 6 }), boat({ east: -70, north: 60, speedMps: 6, courseDegrees: 90, lengthMetres: 6 })],
  },
  'ti-side-by-side': {
    description: 'two 5 m boats 5 m abeam running out at 3.5 m/s (one blob in angle), then splitting 20 degrees apart',
    seconds: 25,
    targets: [
      boat({ east: -2.5, north: 25, speedMps: 3.5, courseDegrees: 0, lengthMetres: 5, legs: [{ seconds: 3 }, { seconds: 5, turnDegreesPerSecond: -4 }, { seconds: 1e9 }] }),
      boat({ east: 2.5, north: 25, speedMps: 3.5, courseDegrees: 0, lengthMetres: 5, legs: [{ seconds: 3 }, { seconds: 5, turnDegreesPerSecond: 4 }, { seconds: 1e9 }] }),
    ],
  },
  'ti-turn': {
    description: 'a 3.5 m/s boat making a 90 degree turn at 3 deg/s (a 67 m radius) across the field of view',
    seconds: 38,
    targets: [boat({ east: -35, north: 22, speedMps: 3.5, courseDegrees: 90, lengthMetres: 6, legs: [{ seconds: 2 }, { seconds: 30, turnDegreesPerSecond: -3 }, { seconds: 1e9 }] })],
  },
  'ti-moored': {
    description: 'a moored 8 m boat swinging 0.5 m on its line 30 m out, and a passing 4 m/s boat',
    seconds: 30,
    targets: [boat({ east: 10, north: 30, speedMps: 0, courseDegrees: 0, lengthMetres: 8, swingMetres: 0.5, pd: 0.95 }), boat({ east: -55, north: 55, speedMps: 4, courseDegrees: 95, lengthMetres: 6 })],
  },
  'ti-clutter': {
    description: 'one 4 m/s boat in clutter: CFAR Pfa 5e-4 (about 6 false points a frame) and 5 wave returns a frame inside 25 m',
    seconds: 30,
    targets: [boat({ east: -40, north: 45, speedMps: 4, courseDegrees: 70, lengthMetres: 6, pd: 0.85 })],
    points: { pfa: 5e-4, waveClutterPerFrame: 5 },
  },
};

export const TRACK_SCENARIO_NAMES = [...Object.keys(BASE), ...Object.keys(TI_BASE)];

/** A named scenario on a fixed site, or `moving: true` for the same targets seen from a vessel under way. */
export function trackScenario(name: string, opts: { moving?: boolean } = {}): TrackScenario {
  const base = BASE[name];
  const ti = TI_BASE[name];
  if (!base && !ti) throw new RangeError(`unknown tracking scenario "${name}" (${TRACK_SCENARIO_NAMES.join(', ')})`);
  const scenario: TrackScenario = {
    name: opts.moving ? `${name}-moving` : name,
    description: (base ?? ti).description,
    seconds: (base ?? ti).seconds,
    targets: (base ?? ti).targets,
    radar: { ...DEFAULT_RADAR, ...(base?.radar ?? {}) },
  };
  if (ti) scenario.points = { ...DEFAULT_POINT_CLOUD, ...(ti.points ?? {}) };
  // A vessel under way: a radar's ship at 4 m/s; a TI's small craft at 1.5 m/s east, the
  // sensor looking out to port (north), so the targets stay in its field of view.
  if (opts.moving) scenario.ownShip = ti ? { speedMps: 1.5, courseDegrees: 90, headingSigmaDegrees: 0.2 } : { speedMps: 4, courseDegrees: 30, headingSigmaDegrees: 0.2 };
  if (opts.moving && scenario.points) scenario.points.mountDegrees = -90;
  return scenario;
}
