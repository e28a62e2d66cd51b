/** Ground truth for one simulated target at one instant (JSON lines with `sim --truth`). */
export interface TruthRecord {
  /** Simulated wall-clock time in ms since the Unix epoch. */
  timeMs: number;
  target: number;
  rangeMetres: number;
  bearingDegrees: number;
  latitude: number;
  longitude: number;
  [extra: string]: unknown;
}

/** One step of a simulated sensor: what it sends at simulated time `timeS`. */
export interface SimStep {
  /** Seconds of simulated time since the start of the run. */
  timeS: number;
  /** Bytes the sensor emits at that time (frames, sentences, packets), in order. */
  bytes: Uint8Array;
  truth?: TruthRecord[];
}

/**
 * A simulated sensor: a deterministic generator of timed byte bursts for a seed. The runner
 * (`lookout sim`) paces them (or not) and writes them to a port, file, UDP or stdout.
 */
export interface SimulatedSensor {
  next(): SimStep | null;
}
