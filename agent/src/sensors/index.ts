import type { z } from 'zod';
import { cat240Kind, type Cat240SensorConfig } from './cat240.js';
import { nmea0183Kind, type Nmea0183SensorConfig } from './nmea0183.js';
import { tiMmwaveKind, type TiMmwaveSensorConfig } from './ti-mmwave.js';
import type { SensorContext, SensorKind, SensorRuntime } from './types.js';

/**
 * Every sensor kind Lookout reads contacts from. The config schema's union, the birth record's
 * sensor types and capabilities, and the agent's builders all come from this list.
 * MAVLink is a navigation source (`nav`), not a sensor.
 */
export const SENSOR_KINDS = [cat240Kind, tiMmwaveKind, nmea0183Kind] as const;

export type SensorConfig = Cat240SensorConfig | TiMmwaveSensorConfig | Nmea0183SensorConfig;
export type SensorProtocol = SensorConfig['protocol'];

export const SENSOR_PROTOCOLS = SENSOR_KINDS.map((k) => k.protocol) as readonly SensorProtocol[];

export function sensorKind(protocol: string): SensorKind<z.ZodObject> | undefined {
  return (SENSOR_KINDS as readonly SensorKind<z.ZodObject>[]).find((k) => k.protocol === protocol);
}

/** Builds a sensor's runtime through its kind's descriptor. */
export function buildSensor(ctx: SensorContext<SensorConfig>): SensorRuntime {
  const kind = sensorKind(ctx.sensor.protocol);
  if (!kind) throw new TypeError(`no sensor kind for protocol "${ctx.sensor.protocol}"`);
  return kind.build(ctx);
}

export type { SensorKind, SensorRuntime, SensorContext } from './types.js';
