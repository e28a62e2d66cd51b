import type { RecordKind } from '../wire/types.js';
import type { LatLon } from '../track/geodesy.js';
import { TrackingStage } from '../track/stage.js';
import type { TrackerConfig } from '../track/tracker/config.js';
import { sensorTrackerConfig, type TrackingConfig } from '../track/tracking-config.js';
import type { SensorContext, Stage } from './types.js';

/** What a sensor that yields plots gets back for its `tracking:` block. */
export interface SensorTracking {
  /** The tracker stage, when one runs for the sensor. */
  stage: TrackingStage | undefined;
  /** Whether the plots still go out (always without a tracker; by `tracking.publishPlots` with one). */
  publishPlots: boolean;
  capabilities: RecordKind[];
  /** The stage's counters under `track.` (empty without a tracker). */
  counters(): Record<string, number>;
  stages: Stage[];
  /** Takes the unit's new `tracker:` section live (this sensor's `tracking.settings` over it); absent without a tracker. */
  reconfigure?: (unit: TrackerConfig) => string[];
}

/**
 * The tracking stage of a plot-yielding sensor from its `tracking:` block, the unit's `tracker:`
 * section and where the sensor is (its mount on a fixed site; the platform's pose when moving).
 */
export function sensorTracking(ctx: SensorContext<{ id: string; tracking?: TrackingConfig | undefined }>, site: LatLon | undefined): SensorTracking {
  const cfg = ctx.sensor.tracking;
  if (!cfg?.enabled) return { stage: undefined, publishPlots: true, capabilities: ['plots'], counters: () => ({}), stages: [] };
  const stage = new TrackingStage({
    sensor: ctx.sensor.id,
    config: cfg,
    tracker: sensorTrackerConfig(ctx.sensor.id, ctx.tracker, cfg.settings),
    sink: ctx.sink,
    ...(ctx.platform ? { platform: ctx.platform } : {}),
    ...(site ? { site } : {}),
    logger: ctx.logger.child({ stage: 'track' }),
  });
  return {
    stage,
    publishPlots: cfg.publishPlots,
    capabilities: cfg.publishPlots ? ['plots', 'tracks'] : ['tracks'],
    counters: () => {
      const out: Record<string, number> = {};
      for (const [k, v] of Object.entries(stage.counterValues())) out[`track.${k}`] = v;
      return out;
    },
    stages: [{ name: stage.name, start: () => stage.start(), stop: () => stage.stop() }],
    reconfigure: (unit) => stage.reconfigureTracker(sensorTrackerConfig(ctx.sensor.id, unit, cfg.settings)),
  };
}
