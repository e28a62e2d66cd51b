import { z } from 'zod';
import { inputSchema } from '../io/config.js';
import { outboxConfigSchema } from '../outbox/config.js';
import { mqttConfigSchema } from '../publish/config.js';
import { healthConfigSchema, httpConfigSchema } from '../ops/config.js';
import { SENSOR_KINDS, SENSOR_PROTOCOLS, sensorKind, type SensorConfig } from '../sensors/index.js';

export { SENSOR_PROTOCOLS } from '../sensors/index.js';
export type { SensorConfig } from '../sensors/index.js';
import { trackerConfigSchema } from '../track/tracker/config.js';
import { commandsConfigSchema } from '../control/config.js';

const unitId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'a unit id is 1-64 letters, digits, "_", "." or "-" (it becomes an MQTT topic level)');

/** The message for a `protocol` that names no sensor kind. */
export function unknownProtocolMessage(protocol: unknown): string {
  return protocol === 'mavlink' ? 'mavlink is a navigation source: configure it under nav' : `expected one of ${SENSOR_PROTOCOLS.join(', ')}`;
}

/** One sensor: a union on `protocol` of every sensor kind's own block (sensors/index.ts). */
export const sensorSchema = z.discriminatedUnion(
  'protocol',
  SENSOR_KINDS.map((k) => k.schema) as unknown as [(typeof SENSOR_KINDS)[number]['schema'], ...(typeof SENSOR_KINDS)[number]['schema'][]],
  {
    error: (issue) => {
      if (issue.code !== 'invalid_union' || !('discriminator' in issue)) return undefined;
      const input = issue.input as { protocol?: unknown } | undefined;
      return unknownProtocolMessage(input?.protocol);
    },
  },
);

export const navSchema = z
  .object({
    protocol: z.enum(['nmea0183', 'mavlink']).describe('what the navigation source speaks'),
    input: inputSchema,
    maxAgeMs: z.number().int().positive().default(2000).describe('a pose older than this is stale'),
    mavlinkKeyHex: z.string().regex(/^[0-9a-fA-F]{64}$/).optional().describe('32-byte MAVLink signing key, hex; signatures are checked when set'),
  })
  .strict();

export const configSchema = z
  .object({
    unit: unitId.describe('this unit\'s id: MQTT client id and topic level'),
    dataDir: z.string().min(1).default('/var/lib/lookout').describe('where the outbox database lives'),
    log: z
      .object({ level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info') })
      .strict()
      .default({ level: 'info' }),
    sensors: z.array(sensorSchema).min(1, 'at least one sensor is needed'),
    nav: navSchema.optional(),
    outbox: outboxConfigSchema.default(outboxConfigSchema.parse({})),
    mqtt: mqttConfigSchema.default(mqttConfigSchema.parse({})),
    tracker: trackerConfigSchema.prefault({}).describe('the multi-target tracker: measurement model, motion, association, life cycle, CPA, guard zones'),
    status: z
      .object({ intervalMs: z.number().int().min(500).default(5000).describe('how often a status record is written') })
      .strict()
      .default({ intervalMs: 5000 }),
    http: httpConfigSchema.default({}),
    health: healthConfigSchema.default(healthConfigSchema.parse({})),
    commands: commandsConfigSchema.prefault({}).describe('signed commands from hubs: the keys allowed, clock skew, rate'),
  })
  .strict()
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.sensors.forEach((s: SensorConfig, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['sensors', i, 'id'], message: `sensor id "${s.id}" is used twice` });
      seen.add(s.id);
      // A mount the kind's own block cannot require alone: its `radar`, or else the unit's nav source.
      const mount = sensorKind(s.protocol)?.mount;
      if (mount?.needs === 'radar-or-nav' && !('radar' in s && s.radar) && c.nav === undefined) {
        ctx.addIssue({ code: 'custom', path: ['sensors', i, 'radar'], message: mount.message });
      }
    });
  });

export type LookoutConfig = z.infer<typeof configSchema>;
export type NavConfig = NonNullable<LookoutConfig['nav']>;
