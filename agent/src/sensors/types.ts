import type { Logger } from 'pino';
import type { z } from 'zod';
import type { DetectionConfig } from '../detect/config.js';
import type { DetectorKernels } from '../detect/kernel-types.js';
import type { Clock, ReceiveTime } from '../io/types.js';
import type { RecordBodies, RecordKind } from '../wire/types.js';
import type { BatchTimer } from '../track/arpa.js';
import type { PlatformPose } from '../track/georef.js';
import type { TrackerConfig } from '../track/tracker/config.js';

/** A long-lived part of the agent. Started in the order built, stopped in reverse. */
export interface Stage {
  readonly name: string;
  start(): Promise<void> | void;
  stop(): Promise<void> | void;
}

/** Where a sensor pipeline puts its records (the outbox). */
export interface RecordSink {
  append<K extends RecordKind>(kind: K, body: RecordBodies[K]): number;
}

/** What every sensor pipeline builder is handed by the composition root. */
export interface SensorContext<C> {
  sensor: C;
  logger: Logger;
  sink: RecordSink;
  kernels: DetectorKernels;
  clock: Clock;
  /** The unit's data directory (state a sensor keeps across restarts, e.g. a clutter map); absent: none kept. */
  dataDir?: string;
  /** The platform's pose when the unit has a nav source (a vessel, a drone); absent on a fixed site. */
  platform?: PlatformPose;
  /** The unit's `tracker:` section, for the sensors whose `tracking:` block runs a tracker (defaults when absent). */
  tracker?: TrackerConfig;
  /** Timers of the stages that batch (ARPA tracks); the system's when absent. */
  timer?: BatchTimer;
  /** File inputs: the file has been read to the end. */
  onInputEnd?: () => void;
}

/** The figures of a status record's summary a runtime may contribute to (summed over runtimes). */
export interface RuntimeSummary {
  /** Radar spokes taken in since start (a running count; status turns it into a rate). */
  spokes?: number;
  /** Plots of the last full antenna turn. */
  plotsLastTurn?: number;
}

/**
 * What a pipeline (a sensor, the nav source) gives back to the root: its stages in start order
 * and what status asks of it. The root namespaces `counters()` by the runtime's id and knows
 * nothing else of its insides.
 */
export interface Runtime {
  id: string;
  /** Counter name (without the id prefix, e.g. `decoder.framesOk`, `source.losses`) → value. */
  counters(): Record<string, number>;
  summary?(): RuntimeSummary;
  /** Monotonic ms of the last data from its input (health: silence, readiness); undefined before the first. */
  lastDataMonoMs?(): number | undefined;
  /**
   * The inputs have ended: push out what is held back (an open sector, a pending batch).
   * The runtime keeps running; its stages stop later as usual.
   */
  flush?(): Promise<void> | void;
  /** What the birth record lists for it besides the sensors' record kinds (the nav source: 'nav'). */
  capabilities?: readonly string[];
  stages: Stage[];
}

/** Where a sensor stands, for the birth record (a fixed mount; absent when the platform's pose places it). */
export interface SensorSite {
  latitude: number;
  longitude: number;
  heightMetres: number;
}

export interface SensorRuntime extends Runtime {
  protocol: string;
  /** What the birth record calls it ('radar', 'mmwave-radar', 'arpa-radar'). */
  type: string;
  /** Record kinds it yields. */
  capabilities: readonly RecordKind[];
  site?: SensorSite;
  /** Detection settings applied live (`set-detection`); absent when the kind has none to change. */
  reconfigureDetection?(config: DetectionConfig): void;
  /** Takes the unit's `tracker:` section live (`set-tracker`); absent when no tracker runs. Returns the sections that changed. */
  reconfigureTracker?(tracker: TrackerConfig): string[];
  /** Sees the input's raw bytes as received (`record-start`); undefined removes the tap. */
  tapInput?(tap: ((chunk: Uint8Array, rx: ReceiveTime) => void) | undefined): void;
}

/**
 * Where a sensor kind's position on the map comes from: `radar` = its `radar` block is required;
 * `radar-or-nav` = its `radar` block, or else the unit's nav source.
 */
export type MountRule = { needs: 'none' } | { needs: 'radar' | 'radar-or-nav'; message: string };

/**
 * One sensor kind: everything the rest of the agent knows about it. Adding a protocol is a
 * folder under protocols/ plus one of these in SENSOR_KINDS (sensors/index.ts).
 */
export interface SensorKind<S extends z.ZodObject = z.ZodObject> {
  /** The `protocol` value in config that selects this kind (the union's discriminator). */
  readonly protocol: string;
  readonly type: string;
  /** Record kinds a sensor of this kind yields. */
  readonly capabilities: readonly RecordKind[];
  /** Counter names its runtime reports (without the sensor id prefix). */
  readonly counters: readonly string[];
  /** Its config block (strict, with `protocol` a literal). */
  readonly schema: S;
  readonly mount: MountRule;
  build(ctx: SensorContext<z.infer<S>>): SensorRuntime;
}

/** Declares a kind with its builder's config type inferred from its schema. */
export function defineSensorKind<S extends z.ZodObject>(kind: SensorKind<S>): SensorKind<S> {
  return kind;
}
