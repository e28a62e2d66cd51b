import type { Logger } from 'pino';
import type { NavConfig } from '../config/schema.js';
import type { Clock } from '../io/types.js';
import { PROTOCOLS } from '../protocols/registry.js';
import type { StreamDecoder } from '../protocols/types.js';
import { NavFusion } from '../track/nav-fusion.js';
import { PoseHistory } from '../track/pose.js';
import { connectDecoder } from './byte-pipeline.js';
import type { RecordSink, Runtime } from './types.js';

export interface NavRuntime extends Runtime {
  poses: PoseHistory;
}

export interface NavContext {
  logger: Logger;
  /** Where link alerts go. */
  sink: RecordSink;
  clock: Clock;
}

/**
 * The platform's navigation source (NMEA 0183 GNSS + heading, or a MAVLink flight controller)
 * feeding one pose history that every sensor's georeference asks.
 */
export function buildNav(nav: NavConfig, ctx: NavContext): NavRuntime {
  const poses = new PoseHistory({ maxAgeMs: nav.maxAgeMs });
  let count = 0;
  const fusion = new NavFusion({
    onPose: (p) => {
      count++;
      poses.push(p);
    },
  });
  const decoder: StreamDecoder<unknown> =
    nav.protocol === 'nmea0183'
      ? PROTOCOLS.nmea0183.createDecoder((s) => fusion.nmea(s))
      : PROTOCOLS.mavlink.createDecoder((p) => fusion.mavlink(p), nav.mavlinkKeyHex ? { signingKey: Buffer.from(nav.mavlinkKeyHex, 'hex') } : {});
  const input = connectDecoder({ id: 'nav', input: nav.input, logger: ctx.logger, sink: ctx.sink }, decoder);
  return {
    id: 'nav',
    poses,
    capabilities: ['nav'],
    lastDataMonoMs: () => input.lastDataMonoMs(),
    counters: () => {
      const latest = poses.latest();
      return { ...input.counters(), poses: count, poseAgeMs: latest ? Math.max(0, ctx.clock.wallMs() - latest.timeMs) : -1 };
    },
    stages: input.stages,
  };
}
