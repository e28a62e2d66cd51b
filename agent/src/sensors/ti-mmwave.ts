import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Plot } from '../detect/types.js';
import { isLookoutError, LookoutError } from '../errors.js';
import { inputSchema } from '../io/config.js';
import { PROTOCOLS } from '../protocols/registry.js';
import { configureTiSensor } from '../protocols/ti-mmwave/config-port.js';
import { normalizeDegrees } from '../track/geodesy.js';
import { connectDecoder } from './byte-pipeline.js';
import { PlotPlacement, radarSiteSchema, sensorIdSchema, siteOf } from './mount.js';
import { trackingConfigSchema } from '../track/tracking-config.js';
import { sensorTracking } from './tracking.js';
import { defineSensorKind, type SensorContext, type SensorRuntime, type Stage } from './types.js';

const DEG = 180 / Math.PI;

export const tiConfigPortSchema = z
  .object({
    port: z.string().min(1).describe('the sensor\'s CLI (config) port, e.g. /dev/ttyACM0'),
    baud: z.number().int().positive().default(115200),
    cfgFile: z.string().min(1).describe('the .cfg file sent line by line at start (lines starting with % are comments)'),
    lineTimeoutMs: z.number().int().positive().default(3000).describe('wait this long for Done after each line'),
  })
  .strict();

export const tiMmwaveSensorSchema = z
  .object({
    id: sensorIdSchema,
    protocol: z.literal('ti-mmwave').describe('ti-mmwave points (out-of-box demo)'),
    input: inputSchema,
    radar: radarSiteSchema().optional().describe('the mount: position, northOffsetDegrees = boresight azimuth (else the nav source places it)'),
    tiConfig: tiConfigPortSchema.optional().describe('configure the sensor through its CLI port at start'),
    tracking: trackingConfigSchema.optional().describe("Lookout's tracker on this sensor's points (one scan per frame); absent: plots only"),
  })
  .strict();

export type TiMmwaveSensorConfig = z.infer<typeof tiMmwaveSensorSchema>;

/** One point of a frame as a plot: range and bearing from x (right) and y (boresight), power from SNR. */
function pointPlot(p: { x: number; y: number; snrDb?: number }, timeMs: number, scan: number): Plot {
  const power = p.snrDb === undefined ? 1 : 10 ** (p.snrDb / 10);
  return {
    timeMs,
    scan,
    rangeMetres: Math.hypot(p.x, p.y),
    bearingDegrees: normalizeDegrees(Math.atan2(p.x, p.y) * DEG),
    rangeExtentMetres: 0,
    azimuthExtentDegrees: 0,
    peakPower: power,
    meanPower: power,
    cellCount: 1,
  };
}

/**
 * A TI mmWave sensor (out-of-box demo): it detects on chip, so each point of a frame becomes a
 * plot, placed on the map from the mount (`radar`) or the platform's pose.
 */
export function buildMmwave(ctx: SensorContext<TiMmwaveSensorConfig>): SensorRuntime {
  const { sensor, sink, logger } = ctx;
  const placement = new PlotPlacement(sensor.id, sensor.radar, ctx.platform);
  const tracking = sensorTracking(ctx, sensor.radar ? { latitude: sensor.radar.latitude, longitude: sensor.radar.longitude } : undefined);
  const counters = { frames: 0, points: 0, configLines: 0, configFailures: 0 };
  const decoder = PROTOCOLS['ti-mmwave'].createDecoder((frame) => {
    counters.frames++;
    counters.points += frame.points.length;
    const body = frame.points.length === 0 ? undefined : placement.batch(frame.points.map((p) => pointPlot(p, frame.rx.wallMs, frame.frameNumber)));
    if (body && tracking.publishPlots) sink.append('plots', body);
    // Every frame is a scan, an empty one too: a miss for every track.
    tracking.stage?.pushScan(body, frame.frameNumber, frame.rx.wallMs);
  });
  const input = connectDecoder({ id: sensor.id, input: sensor.input, logger, sink, onInputEnd: ctx.onInputEnd }, decoder);
  const configure: Stage[] = [];
  const tiConfig = sensor.tiConfig;
  if (tiConfig) {
    configure.push({
      name: `ti-config:${sensor.id}`,
      start: async () => {
        const cfg = readFileSync(tiConfig.cfgFile, 'utf8');
        try {
          const result = await configureTiSensor({
            path: tiConfig.port,
            baudRate: tiConfig.baud,
            cfg,
            timeoutMs: tiConfig.lineTimeoutMs,
            onProgress: (p) => logger.debug({ line: p.lineNumber, command: p.command, status: p.status }, 'sensor config line'),
          });
          counters.configLines = result.sent;
          logger.info({ port: tiConfig.port, lines: result.sent }, 'sensor configured');
        } catch (err) {
          // The data port may still deliver (a sensor configured before): keep running, say why.
          counters.configFailures++;
          const e = isLookoutError(err) ? err : new LookoutError('E_SENSOR_CONFIG', (err as Error).message, { cause: err });
          logger.error({ code: e.code, port: tiConfig.port, ...e.details }, e.message);
          sink.append('alerts', { severity: 'critical', code: e.code, message: e.message, details: Object.fromEntries(Object.entries(e.details).map(([k, v]) => [k, String(v)])) });
        }
      },
      stop: () => {},
    });
  }
  return {
    id: sensor.id,
    protocol: sensor.protocol,
    type: tiMmwaveKind.type,
    capabilities: tracking.capabilities,
    ...(tracking.reconfigure ? { reconfigureTracker: tracking.reconfigure } : {}),
    site: siteOf(sensor.radar),
    lastDataMonoMs: () => input.lastDataMonoMs(),
    tapInput: (tap) => input.setTap(tap),
    counters: () => ({ ...input.counters(), ...counters, ...placement.counters(), ...tracking.counters() }),
    stages: [...tracking.stages, ...configure, ...input.stages],
  };
}

export const tiMmwaveKind = defineSensorKind({
  protocol: 'ti-mmwave',
  type: 'mmwave-radar',
  capabilities: ['plots', 'tracks'],
  counters: ['frames', 'points', 'configLines', 'configFailures', 'georef.withoutPose'],
  schema: tiMmwaveSensorSchema,
  mount: { needs: 'radar-or-nav', message: 'a ti-mmwave sensor needs its mount (radar.latitude, longitude, northOffsetDegrees = boresight azimuth) or a nav source' },
  build: buildMmwave,
});
