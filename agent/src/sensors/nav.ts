import type { Logger } from 'pino';
import type { NavConfig } from '../config/schema.js';
import { MavlinkDecoder } from '../protocols/mavlink/decoder.js';
import { Nmea0183Decoder } from '../protocols/nmea0183/decoder.js';
import type { StreamDecoder } from '../protocols/types.js';
import { NavFusion } from '../track/nav-fusion.js';
import { PoseHistory } from '../track/pose.js';
import type { ByteSource } from '../io/types.js';
import { connectDecoder } from './byte-pipeline.js';
import type { Stage } from './types.js';

export interface NavRuntime {
  poses: PoseHistory;
  source: ByteSource;
  decoder: StreamDecoder<unknown>;
  counters: () => Record<string, number>;
  stages: Stage[];
}

/**
 * The platform's navigation source (NMEA 0183 GNSS + heading, or a MAVLink flight controller)
 * feeding one pose history that every sensor's georeference asks.
 */
export function buildNav(nav: NavConfig, logger: Logger): NavRuntime {
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
      ? new Nmea0183Decoder({ onFrame: (s) => fusion.nmea(s) })
      : new MavlinkDecoder({ onFrame: (p) => fusion.mavlink(p), ...(nav.mavlinkKeyHex ? { signingKey: Buffer.from(nav.mavlinkKeyHex, 'hex') } : {}) });
  const { source, stages } = connectDecoder({ id: 'nav', input: nav.input, logger }, decoder);
  return {
    poses,
    source,
    decoder,
    counters: () => {
      const latest = poses.latest();
      return { poses: count, poseAgeMs: latest ? Math.max(0, Date.now() - latest.timeMs) : -1 };
    },
    stages,
  };
}
