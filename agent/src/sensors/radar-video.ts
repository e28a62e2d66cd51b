import { DetectionStage } from '../detect/stage.js';
import { Cat240Decoder } from '../protocols/cat240/decoder.js';
import { Georeferencer } from '../track/georef.js';
import { connectDecoder } from './byte-pipeline.js';
import type { SensorContext, SensorRuntime } from './types.js';

/** Radar video (ASTERIX CAT240): spokes → CFAR detection and plot extraction → plots on the map. */
export function buildRadarVideo(ctx: SensorContext): SensorRuntime {
  const { sensor, sink } = ctx;
  const radar = sensor.radar!;
  const georef = new Georeferencer({ latitude: radar.latitude, longitude: radar.longitude, northOffsetDegrees: radar.northOffsetDegrees }, ctx.platform);
  // A fixed site sends its origin once per batch and hubs compute each plot's position from
  // range and bearing (6 bytes a plot saved); on a moving platform every plot carries lat/lon.
  const origin = ctx.platform ? undefined : { latitude: radar.latitude, longitude: radar.longitude };
  const detection = new DetectionStage({
    config: sensor.detection,
    kernels: ctx.kernels,
    logger: ctx.logger.child({ stage: 'detect' }),
    radar: { latitude: radar.latitude, longitude: radar.longitude },
    onPlots: (plots) => {
      if (plots.length === 0) return;
      const placed = plots.map((p) => georef.place(p));
      sink.append('plots', origin ? { sensor: sensor.id, origin, plots: placed } : { sensor: sensor.id, plots: placed });
    },
  });
  const decoder = new Cat240Decoder({
    onFrame: (msg) => {
      if (msg.type === 'cat240.video') detection.pushSpoke(msg);
    },
  });
  const { source, stages } = connectDecoder({ id: sensor.id, input: sensor.input, logger: ctx.logger, onInputEnd: ctx.onInputEnd }, decoder);
  return {
    id: sensor.id,
    protocol: sensor.protocol,
    source,
    decoder,
    detection,
    counters: () => ({ 'georef.withoutPose': georef.counters.withoutPose }),
    stages: [{ name: `detect:${sensor.id}`, start: () => detection.start(), stop: () => detection.stop() }, ...stages],
  };
}
