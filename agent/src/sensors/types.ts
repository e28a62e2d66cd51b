import type { Logger } from 'pino';
import type { SensorConfig } from '../config/schema.js';
import type { DetectorKernels } from '../detect/kernel-types.js';
import type { DetectionStage } from '../detect/stage.js';
import type { ByteSource } from '../io/types.js';
import type { RecordBodies, RecordKind } from '../wire/types.js';
import type { StreamDecoder } from '../protocols/types.js';
import type { PlatformPose } from '../track/georef.js';

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
export interface SensorContext {
  sensor: SensorConfig;
  logger: Logger;
  sink: RecordSink;
  kernels: DetectorKernels;
  /** The platform's pose when the unit has a nav source (a vessel, a drone); absent on a fixed site. */
  platform?: PlatformPose;
  /** File inputs: the file has been read to the end. */
  onInputEnd?: () => void;
}

/** What a sensor pipeline gives back: its parts for status, and its stages in start order. */
export interface SensorRuntime {
  id: string;
  protocol: string;
  source: ByteSource;
  decoder: StreamDecoder<unknown>;
  detection?: DetectionStage;
  /** Extra numbers for status (named without the sensor prefix). */
  counters?: () => Record<string, number>;
  stages: Stage[];
}
