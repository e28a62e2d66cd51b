import { z } from 'zod';
import { inputSchema } from '../io/config.js';
import { PROTOCOLS } from '../protocols/registry.js';
import { ArpaCorrelator, type BatchTimer } from '../track/arpa.js';
import { NavFusion } from '../track/nav-fusion.js';
import { PoseHistory } from '../track/pose.js';
import { connectDecoder } from './byte-pipeline.js';
import { sensorIdSchema } from './mount.js';
import { defineSensorKind, type SensorContext, type SensorRuntime } from './types.js';

export const nmea0183SensorSchema = z
  .object({
    id: sensorIdSchema,
    protocol: z.literal('nmea0183').describe('nmea0183 ARPA targets (TTM/TLL)'),
    input: inputSchema,
  })
  .strict();

export type Nmea0183SensorConfig = z.infer<typeof nmea0183SensorSchema>;

export interface ArpaBuildOptions {
  batchMs?: number;
  timer?: BatchTimer;
}

/**
 * A radar's ARPA output (NMEA 0183 TTM/TLL): the radar tracks, the correlator (track/arpa.ts)
 * puts its targets on the map, batched once a second. Own ship comes from the unit's nav source,
 * or else from the navigation sentences the radar repeats on the same line (GGA, RMC, HDT/HDG).
 */
export function buildArpa(ctx: SensorContext<Nmea0183SensorConfig>, options: ArpaBuildOptions = {}): SensorRuntime {
  const { sensor, sink } = ctx;
  const ownShip = new PoseHistory({ maxAgeMs: 5000 });
  const fusion = new NavFusion({ onPose: (p) => ownShip.push(p) });
  const correlator = new ArpaCorrelator({
    platform: ctx.platform ?? ownShip,
    onTracks: (tracks) => sink.append('tracks', { sensor: sensor.id, source: 'arpa', tracks }),
    ...(ctx.timer ? { timer: ctx.timer } : {}),
    ...options,
  });
  const decoder = PROTOCOLS.nmea0183.createDecoder((s) => {
    if (!correlator.push(s) && !ctx.platform) fusion.nmea(s);
  });
  const input = connectDecoder({ id: sensor.id, input: sensor.input, logger: ctx.logger, sink, onInputEnd: ctx.onInputEnd }, decoder);
  return {
    id: sensor.id,
    protocol: sensor.protocol,
    type: nmea0183Kind.type,
    capabilities: nmea0183Kind.capabilities,
    lastDataMonoMs: () => input.lastDataMonoMs(),
    tapInput: (tap) => input.setTap(tap),
    counters: () => ({ ...input.counters(), ...correlator.counters }),
    flush: () => correlator.flush(),
    stages: [{ name: `tracks:${sensor.id}`, start: () => correlator.start(), stop: () => correlator.stop() }, ...input.stages],
  };
}

export const nmea0183Kind = defineSensorKind({
  protocol: 'nmea0183',
  type: 'arpa-radar',
  capabilities: ['tracks'],
  counters: ['ttm', 'tll', 'tracks', 'withoutPosition'],
  schema: nmea0183SensorSchema,
  mount: { needs: 'none' },
  build: (ctx) => buildArpa(ctx),
});
