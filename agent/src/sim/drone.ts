import { encodeMavlink } from '../protocols/mavlink/encoder.js';
import { signingTimestamp } from '../protocols/mavlink/signing.js';
import type { MavlinkMessageInput } from '../protocols/mavlink/types.js';
import { enuToGeodetic, inverse, normalizeDegrees, type Geodetic } from '../track/geodesy.js';
import { Rng } from './rng.js';
import type { SimStep, SimulatedSensor } from './types.js';

export interface DroneSimOptions {
  /** Home: the centre of the circle flown, and what relative_alt is measured from. Default 47.3977°N 8.5456°E, 488 m. */
  home?: Geodetic;
  seed: number;
  /** Wall-clock time of t = 0, ms since the Unix epoch. */
  startWallMs: number;
  /** The path: a circle around home, counter-clockwise seen from above when speed > 0. Defaults 100 m, 10 m/s, 50 m above home. */
  circle?: { radiusMetres?: number; speedMetresPerSecond?: number; heightMetres?: number };
  /** GLOBAL_POSITION_INT + ATTITUDE per second. Default 10. HEARTBEAT goes at 1 Hz. */
  rateHz?: number;
  sysid?: number;
  compid?: number;
  /** Sign every packet (MAVLink 2 signing) with this 32-byte key. */
  signingKey?: Uint8Array;
  /** The same key as 64 hex digits (what `lookout sim --key` passes); ignored when signingKey is set. */
  signingKeyHex?: string;
  linkId?: number;
  /** 1-sigma position noise in metres on the reported position (GNSS jitter). Default 0.5. */
  positionSigmaMetres?: number;
  /** Stop after this many seconds (next() returns null). Default: never. */
  durationS?: number;
}

/**
 * A drone's flight controller on its telemetry port: MAVLink 2 GLOBAL_POSITION_INT and
 * ATTITUDE at `rateHz`, HEARTBEAT at 1 Hz, optionally signed, flying a circle around home.
 * Truth records carry the noiseless position (target 0 = the drone itself, range and bearing
 * from home). Deterministic for a seed.
 */
export const DEFAULT_DRONE_HOME: Geodetic = { latitude: 47.3977419, longitude: 8.5455938, altitudeMetres: 488 };

function keyFromHex(hex: string): Uint8Array {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new RangeError('MAVLink signing key must be 64 hex digits (32 bytes)');
  return Uint8Array.from(Buffer.from(hex, 'hex'));
}

export function createDroneSim(options: DroneSimOptions): SimulatedSensor {
  const rate = options.rateHz ?? 10;
  if (!(rate > 0 && rate <= 1000)) throw new RangeError(`rateHz must be in (0, 1000], got ${rate}`);
  const radius = options.circle?.radiusMetres ?? 100;
  const speed = options.circle?.speedMetresPerSecond ?? 10;
  const height = options.circle?.heightMetres ?? 50;
  const sysid = options.sysid ?? 1;
  const compid = options.compid ?? 1;
  const sigma = options.positionSigmaMetres ?? 0.5;
  const duration = options.durationS ?? Infinity;
  const rng = new Rng(options.seed);
  const home = options.home ?? DEFAULT_DRONE_HOME;
  const signingKey = options.signingKey ?? (options.signingKeyHex === undefined ? undefined : keyFromHex(options.signingKeyHex));
  const omega = radius > 0 ? speed / radius : 0;
  let step = 0;
  let seq = 0;
  let lastTimestamp = 0;
  let nextHeartbeatS = 0;

  const packet = (m: MavlinkMessageInput, wallMs: number): Buffer => {
    let signing: { key: Uint8Array; linkId: number; timestamp: number } | undefined;
    if (signingKey !== undefined) {
      // Timestamps must strictly increase per link: several packets share one wall-clock instant.
      lastTimestamp = Math.max(lastTimestamp + 1, signingTimestamp(wallMs));
      signing = { key: signingKey, linkId: options.linkId ?? 0, timestamp: lastTimestamp };
    }
    const b = encodeMavlink(m, { sysid, compid, seq, ...(signing ? { signing } : {}) });
    seq = (seq + 1) & 0xff;
    return b;
  };

  return {
    next(): SimStep | null {
      const timeS = step / rate;
      if (timeS > duration) return null;
      step++;
      const wallMs = options.startWallMs + timeS * 1000;
      const angle = omega * timeS;
      const east = radius * Math.cos(angle);
      const north = radius * Math.sin(angle);
      const truePos = enuToGeodetic({ east, north, up: height }, home);
      const noisy = enuToGeodetic({ east: east + rng.gaussian() * sigma, north: north + rng.gaussian() * sigma, up: height + rng.gaussian() * sigma }, home);
      // Velocity along the circle (counter-clockwise), in north/east.
      const ve = -radius * omega * Math.sin(angle);
      const vn = radius * omega * Math.cos(angle);
      const yawRad = Math.atan2(ve, vn);
      const timeBootMs = Math.round(timeS * 1000) >>> 0;
      const parts: Buffer[] = [];
      if (timeS >= nextHeartbeatS) {
        nextHeartbeatS += 1;
        parts.push(packet({ name: 'HEARTBEAT', customMode: 5, mavType: 2, autopilot: 3, baseMode: 0x59, systemStatus: 4, mavlinkVersion: 3 }, wallMs));
      }
      // ATTITUDE first: a receiver then stamps this position with this instant's yaw.
      parts.push(
        packet({ name: 'ATTITUDE', timeBootMs, roll: Math.fround(Math.atan2(speed * omega, 9.80665)), pitch: 0, yaw: Math.fround(yawRad), rollspeed: 0, pitchspeed: 0, yawspeed: Math.fround(omega) }, wallMs),
        packet(
          {
            name: 'GLOBAL_POSITION_INT',
            timeBootMs,
            lat: Math.round(noisy.latitude * 1e7) / 1e7,
            lon: Math.round(noisy.longitude * 1e7) / 1e7,
            alt: Math.round(noisy.altitudeMetres * 1000) / 1000,
            relativeAlt: Math.round((noisy.altitudeMetres - home.altitudeMetres) * 1000) / 1000,
            vx: Math.round(vn * 100) / 100,
            vy: Math.round(ve * 100) / 100,
            vz: 0,
            hdg: Math.round(normalizeDegrees((yawRad * 180) / Math.PI) * 100) / 100 % 360,
          },
          wallMs,
        ),
      );
      const g = inverse(home, truePos);
      return {
        timeS,
        bytes: Buffer.concat(parts),
        truth: [{ timeMs: wallMs, target: 0, rangeMetres: g.distanceMetres, bearingDegrees: g.bearingDegrees, latitude: truePos.latitude, longitude: truePos.longitude, altitudeMetres: truePos.altitudeMetres, headingDegrees: normalizeDegrees((yawRad * 180) / Math.PI) }],
      };
    },
  };
}
