import { z } from 'zod';
import { inputSchema } from '../io/config.js';
import { detectionConfigSchema } from '../detect/config.js';
import { outboxConfigSchema } from '../outbox/config.js';
import { mqttConfigSchema } from '../publish/config.js';
import { trackerConfigSchema } from '../track/tracker/config.js';

const unitId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'a unit id is 1-64 letters, digits, "_", "." or "-" (it becomes an MQTT topic level)');

export const radarSiteSchema = z
  .object({
    latitude: z.number().min(-90).max(90).describe('antenna latitude, WGS84 degrees'),
    longitude: z.number().min(-180).max(180).describe('antenna longitude, WGS84 degrees'),
    altitudeMetres: z.number().default(0).describe('antenna height above the ellipsoid'),
    northOffsetDegrees: z.number().min(-180).max(180).default(0).describe('added to video azimuth to get true bearing'),
  })
  .strict();

export const tiConfigPortSchema = z
  .object({
    port: z.string().min(1).describe('the sensor\'s CLI (config) port, e.g. /dev/ttyACM0'),
    baud: z.number().int().positive().default(115200),
    cfgFile: z.string().min(1).describe('the .cfg file sent line by line at start (lines starting with % are comments)'),
    lineTimeoutMs: z.number().int().positive().default(3000).describe('wait this long for Done after each line'),
  })
  .strict();

/** Sensors Lookout reads contacts from; MAVLink is a navigation source (`nav`), not a sensor. */
export const SENSOR_PROTOCOLS = ['cat240', 'ti-mmwave', 'nmea0183'] as const;

export const sensorSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_.-]{1,32}$/, 'a sensor id is 1-32 letters, digits, "_", "." or "-"'),
    protocol: z
      .enum(SENSOR_PROTOCOLS, { error: (i) => (i.input === 'mavlink' ? 'mavlink is a navigation source: configure it under nav' : `expected one of ${SENSOR_PROTOCOLS.join(', ')}`) })
      .describe('cat240 radar video, ti-mmwave points, nmea0183 ARPA targets'),
    input: inputSchema,
    radar: radarSiteSchema.optional().describe('where the antenna is and where it points (radar video, mmWave mount)'),
    detection: detectionConfigSchema.default(detectionConfigSchema.parse({})),
    tiConfig: tiConfigPortSchema.optional().describe('ti-mmwave: configure the sensor through its CLI port at start'),
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.protocol === 'cat240' && s.radar === undefined) {
      ctx.addIssue({ code: 'custom', path: ['radar'], message: 'a cat240 sensor needs the radar position (radar.latitude, radar.longitude)' });
    }
    if (s.tiConfig !== undefined && s.protocol !== 'ti-mmwave') {
      ctx.addIssue({ code: 'custom', path: ['tiConfig'], message: 'tiConfig is for ti-mmwave sensors only' });
    }
  });

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
  })
  .strict()
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.sensors.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['sensors', i, 'id'], message: `sensor id "${s.id}" is used twice` });
      seen.add(s.id);
      if (s.protocol === 'ti-mmwave' && s.radar === undefined && c.nav === undefined) {
        ctx.addIssue({ code: 'custom', path: ['sensors', i, 'radar'], message: 'a ti-mmwave sensor needs its mount (radar.latitude, longitude, northOffsetDegrees = boresight azimuth) or a nav source' });
      }
    });
  });

export type LookoutConfig = z.infer<typeof configSchema>;
export type SensorConfig = LookoutConfig['sensors'][number];
export type NavConfig = NonNullable<LookoutConfig['nav']>;
