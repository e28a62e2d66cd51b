import { readFileSync } from 'node:fs';
import type { Plot } from '../detect/types.js';
import { isLookoutError, LookoutError } from '../errors.js';
import { TiMmwaveDecoder } from '../protocols/ti-mmwave/decoder.js';
import { configureTiSensor } from '../protocols/ti-mmwave/config-port.js';
import { Georeferencer } from '../track/georef.js';
import { normalizeDegrees } from '../track/geodesy.js';
import { connectDecoder } from './byte-pipeline.js';
import type { SensorContext, SensorRuntime, Stage } from './types.js';

const DEG = 180 / Math.PI;

/**
 * A TI mmWave sensor (out-of-box demo): it detects on chip, so each point of a frame becomes a
 * plot — range and bearing from x (right) and y (boresight), the power from its SNR — placed on
 * the map from the mount (`radar`: position, boresight azimuth) or the platform's pose.
 */
export function buildMmwave(ctx: SensorContext): SensorRuntime {
  const { sensor, sink, logger } = ctx;
  const mount = sensor.radar ?? { latitude: 0, longitude: 0, altitudeMetres: 0, northOffsetDegrees: 0 };
  const georef = new Georeferencer({ latitude: mount.latitude, longitude: mount.longitude, northOffsetDegrees: mount.northOffsetDegrees }, ctx.platform);
  const origin = ctx.platform ? undefined : { latitude: mount.latitude, longitude: mount.longitude };
  const counters = { frames: 0, points: 0, configLines: 0, configFailures: 0 };
  const decoder = new TiMmwaveDecoder({
    onFrame: (frame) => {
      counters.frames++;
      if (frame.points.length === 0) return;
      counters.points += frame.points.length;
      const plots: Plot[] = frame.points.map((p) => {
        const power = p.snrDb === undefined ? 1 : 10 ** (p.snrDb / 10);
        return {
          timeMs: frame.rx.wallMs,
          scan: frame.frameNumber,
          rangeMetres: Math.hypot(p.x, p.y),
          bearingDegrees: normalizeDegrees(Math.atan2(p.x, p.y) * DEG),
          rangeExtentMetres: 0,
          azimuthExtentDegrees: 0,
          peakPower: power,
          meanPower: power,
          cellCount: 1,
        };
      });
      const placed = plots.map((p) => georef.place(p));
      sink.append('plots', origin ? { sensor: sensor.id, origin, plots: placed } : { sensor: sensor.id, plots: placed });
    },
  });
  const { source, stages } = connectDecoder({ id: sensor.id, input: sensor.input, logger: ctx.logger, onInputEnd: ctx.onInputEnd }, decoder);
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
    source,
    decoder,
    counters: () => ({ ...counters, 'georef.withoutPose': georef.counters.withoutPose }),
    stages: [...configure, ...stages],
  };
}
