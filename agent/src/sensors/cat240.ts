import { join } from 'node:path';
import { z } from 'zod';
import { detectionConfigSchema } from '../detect/config.js';
import { DetectionStage } from '../detect/stage.js';
import { inputSchema } from '../io/config.js';
import { PROTOCOLS } from '../protocols/registry.js';
import { connectDecoder } from './byte-pipeline.js';
import { PlotPlacement, radarSiteSchema, sensorIdSchema, siteOf } from './mount.js';
import { trackingConfigSchema } from '../track/tracking-config.js';
import { sensorTracking } from './tracking.js';
import { defineSensorKind, type SensorContext, type SensorRuntime } from './types.js';

const MISSING_RADAR = 'a cat240 sensor needs the radar position (radar.latitude, radar.longitude)';

export const cat240SensorSchema = z
  .object({
    id: sensorIdSchema,
    protocol: z.literal('cat240').describe('cat240 radar video'),
    input: inputSchema,
    radar: radarSiteSchema(MISSING_RADAR).describe('where the antenna is and where it points'),
    detection: detectionConfigSchema.default(detectionConfigSchema.parse({})),
    tracking: trackingConfigSchema.optional().describe("Lookout's tracker on this radar's plots (one scan per antenna turn); absent: plots only"),
  })
  .strict();

export type Cat240SensorConfig = z.infer<typeof cat240SensorSchema>;

/** Radar video (ASTERIX CAT240): spokes → CFAR detection and plot extraction → plots on the map. */
export function buildRadarVideo(ctx: SensorContext<Cat240SensorConfig>): SensorRuntime {
  const { sensor, sink } = ctx;
  const radar = sensor.radar;
  const placement = new PlotPlacement(sensor.id, radar, ctx.platform);
  const tracking = sensorTracking(ctx, { latitude: radar.latitude, longitude: radar.longitude });
  const detection = new DetectionStage({
    config: sensor.detection,
    kernels: ctx.kernels,
    logger: ctx.logger.child({ stage: 'detect' }),
    radar: { latitude: radar.latitude, longitude: radar.longitude },
    ...(ctx.dataDir ? { clutterMapPath: join(ctx.dataDir, `clutter-map-${sensor.id}.bin`) } : {}),
    onPlots: (plots) => {
      const body = placement.batch(plots);
      if (!body) return;
      if (tracking.publishPlots) sink.append('plots', body);
      tracking.stage?.push(body);
    },
  });
  const decoder = PROTOCOLS.cat240.createDecoder((msg) => {
    if (msg.type !== 'cat240.video') return;
    detection.pushSpoke(msg);
    // The tracker closes a turn a quarter turn after north, when its last plots are out.
    tracking.stage?.radarSpoke(detection.counters.turns, msg.startAzimuth / 65536, msg.rx.wallMs);
  });
  const input = connectDecoder({ id: sensor.id, input: sensor.input, logger: ctx.logger, sink, onInputEnd: ctx.onInputEnd }, decoder);
  const detectCounters = (): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(detection.counters)) if (typeof v === 'number') out[`detect.${k}`] = v;
    // Per-turn quality of the picture (the figures `lookout calibrate` prints).
    const q = detection.qualityFigures;
    out['detect.quality.plotsLastTurn'] = q.plotsLastTurn;
    out['detect.quality.recurrencePermille'] = q.recurrencePermille;
    out['detect.quality.coveredPermille'] = q.coveredPermille;
    out['detect.quality.cellsLearnt'] = q.cellsLearnt;
    return out;
  };
  return {
    id: sensor.id,
    protocol: sensor.protocol,
    type: cat240Kind.type,
    capabilities: tracking.capabilities,
    ...(tracking.reconfigure ? { reconfigureTracker: tracking.reconfigure } : {}),
    site: siteOf(radar),
    lastDataMonoMs: () => input.lastDataMonoMs(),
    tapInput: (tap) => input.setTap(tap),
    counters: () => ({ ...input.counters(), ...detectCounters(), ...placement.counters(), ...tracking.counters() }),
    summary: () => ({ spokes: detection.counters.spokes, plotsLastTurn: detection.counters.plotsLastTurn }),
    // Detection holds the open sector and the open plots: stopping it processes them; then the
    // tracker closes the scans they belong to.
    flush: async () => {
      await detection.stop();
      tracking.stage?.flush();
    },
    reconfigureDetection: (config) => detection.reconfigure(config),
    // The tracker stops after detection (stages stop in reverse), so it takes the last plots.
    stages: [...tracking.stages, { name: `detect:${sensor.id}`, start: () => detection.start(), stop: () => detection.stop() }, ...input.stages],
  };
}

export const cat240Kind = defineSensorKind({
  protocol: 'cat240',
  type: 'radar',
  capabilities: ['plots', 'tracks'],
  counters: ['detect.spokes', 'detect.plotsLastTurn', 'detect.quality.recurrencePermille', 'detect.quality.coveredPermille', 'detect.quality.cellsLearnt', 'georef.withoutPose'],
  schema: cat240SensorSchema,
  mount: { needs: 'radar', message: MISSING_RADAR },
  build: buildRadarVideo,
});
