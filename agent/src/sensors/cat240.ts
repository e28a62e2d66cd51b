import { z } from 'zod';
import { detectionConfigSchema } from '../detect/config.js';
import { DetectionStage } from '../detect/stage.js';
import { inputSchema } from '../io/config.js';
import { PROTOCOLS } from '../protocols/registry.js';
import { connectDecoder } from './byte-pipeline.js';
import { PlotPlacement, radarSiteSchema, sensorIdSchema, siteOf } from './mount.js';
import { defineSensorKind, type SensorContext, type SensorRuntime } from './types.js';

const MISSING_RADAR = 'a cat240 sensor needs the radar position (radar.latitude, radar.longitude)';

export const cat240SensorSchema = z
  .object({
    id: sensorIdSchema,
    protocol: z.literal('cat240').describe('cat240 radar video'),
    input: inputSchema,
    radar: radarSiteSchema(MISSING_RADAR).describe('where the antenna is and where it points'),
    detection: detectionConfigSchema.default(detectionConfigSchema.parse({})),
  })
  .strict();

export type Cat240SensorConfig = z.infer<typeof cat240SensorSchema>;

/** Radar video (ASTERIX CAT240): spokes → CFAR detection and plot extraction → plots on the map. */
export function buildRadarVideo(ctx: SensorContext<Cat240SensorConfig>): SensorRuntime {
  const { sensor, sink } = ctx;
  const radar = sensor.radar;
  const placement = new PlotPlacement(sensor.id, radar, ctx.platform);
  const detection = new DetectionStage({
    config: sensor.detection,
    kernels: ctx.kernels,
    logger: ctx.logger.child({ stage: 'detect' }),
    radar: { latitude: radar.latitude, longitude: radar.longitude },
    onPlots: (plots) => {
      const body = placement.batch(plots);
      if (body) sink.append('plots', body);
    },
  });
  const decoder = PROTOCOLS.cat240.createDecoder((msg) => {
    if (msg.type === 'cat240.video') detection.pushSpoke(msg);
  });
  const input = connectDecoder({ id: sensor.id, input: sensor.input, logger: ctx.logger, sink, onInputEnd: ctx.onInputEnd }, decoder);
  const detectCounters = (): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(detection.counters)) if (typeof v === 'number') out[`detect.${k}`] = v;
    return out;
  };
  return {
    id: sensor.id,
    protocol: sensor.protocol,
    type: cat240Kind.type,
    capabilities: cat240Kind.capabilities,
    site: siteOf(radar),
    lastDataMonoMs: () => input.lastDataMonoMs(),
    tapInput: (tap) => input.setTap(tap),
    counters: () => ({ ...input.counters(), ...detectCounters(), ...placement.counters() }),
    summary: () => ({ spokes: detection.counters.spokes, plotsLastTurn: detection.counters.plotsLastTurn }),
    // Detection holds the open sector and the open plots: stopping it processes them.
    flush: () => detection.stop(),
    reconfigureDetection: (config) => detection.reconfigure(config),
    stages: [{ name: `detect:${sensor.id}`, start: () => detection.start(), stop: () => detection.stop() }, ...input.stages],
  };
}

export const cat240Kind = defineSensorKind({
  protocol: 'cat240',
  type: 'radar',
  capabilities: ['plots'],
  counters: ['detect.spokes', 'detect.plotsLastTurn', 'georef.withoutPose'],
  schema: cat240SensorSchema,
  mount: { needs: 'radar', message: MISSING_RADAR },
  build: buildRadarVideo,
});
