import { Nmea0183Decoder } from '../protocols/nmea0183/decoder.js';
import type { NmeaSentence, TllSentence, TtmSentence } from '../protocols/nmea0183/types.js';
import type { TrackRecord } from '../wire/types.js';
import { destination, normalizeDegrees } from '../track/geodesy.js';
import type { PlatformPose } from '../track/georef.js';
import { NavFusion, unitsToMetres } from '../track/nav-fusion.js';
import { PoseHistory } from '../track/pose.js';
import { connectDecoder } from './byte-pipeline.js';
import type { SensorContext, SensorRuntime } from './types.js';

/** A TLL older than this (ms) no longer places its target: the TTM and own ship do. */
const TLL_FRESH_MS = 5000;
const STATUS_CODE = { Q: 0, T: 1, L: 3 } as const;

/**
 * A radar's ARPA output (NMEA 0183 TTM/TLL): the radar tracks; we put its targets on the map and
 * pass them on as tracks, batched once a second. Own ship comes from the unit's nav source, or
 * else from the navigation sentences the radar repeats on the same line (GGA, RMC, HDT/HDG).
 */
export function buildArpa(ctx: SensorContext, batchMs = 1000): SensorRuntime {
  const { sensor, sink } = ctx;
  const ownShip = new PoseHistory({ maxAgeMs: 5000 });
  const fusion = new NavFusion({ onPose: (p) => ownShip.push(p) });
  const platform: PlatformPose = ctx.platform ?? ownShip;
  const lastTll = new Map<number, { latitude: number; longitude: number; atMs: number }>();
  const hits = new Map<number, number>();
  let pending: TrackRecord[] = [];
  /** The batch's record of each target and its TTM time, for the TLL of the same update. */
  const pendingByTarget = new Map<number, { record: TrackRecord; utc: string | null }>();
  const counters = { ttm: 0, tll: 0, tracks: 0, withoutPosition: 0 };

  const onTtm = (s: TtmSentence): void => {
    counters.ttm++;
    const metres = unitsToMetres(s.units);
    if (s.target === null || s.distance === null || s.bearing === null || metres === null) return;
    const t = s.rx.wallMs;
    const pose = platform.poseAt(t);
    const heading = pose && !pose.stale ? pose.headingDegrees : undefined;
    // Relative bearings and courses are from the bow: true = relative + heading.
    const toTrue = (deg: number, ref: 'T' | 'R' | null): number | null =>
      ref === 'R' ? (heading === undefined ? null : normalizeDegrees(deg + heading)) : normalizeDegrees(deg);
    const bearing = toTrue(s.bearing, s.bearingReference);
    const tll = lastTll.get(s.target);
    let position: { latitude: number; longitude: number } | undefined;
    if (tll && t - tll.atMs <= TLL_FRESH_MS) position = tll;
    else if (pose && !pose.stale && bearing !== null) position = destination(pose, bearing, s.distance * metres);
    if (!position || bearing === null) {
      counters.withoutPosition++;
      return;
    }
    const n = (hits.get(s.target) ?? 0) + 1;
    hits.set(s.target, n);
    const course = s.course === null ? null : toTrue(s.course, s.courseReference);
    const record: TrackRecord = {
      id: s.target,
      timeMs: t,
      latitude: position.latitude,
      longitude: position.longitude,
      speedMetresPerSecond: s.speed === null ? 0 : (s.speed * metres) / 3600,
      courseDegrees: course ?? 0,
      rangeMetres: s.distance * metres,
      bearingDegrees: bearing,
      hits: n,
      status: s.status === null ? 1 : STATUS_CODE[s.status],
    };
    pending.push(record);
    pendingByTarget.set(s.target, { record, utc: s.utc });
    if (s.status === 'L') {
      hits.delete(s.target);
      lastTll.delete(s.target);
    }
  };

  const decoder = new Nmea0183Decoder({
    onFrame: (s: NmeaSentence) => {
      if (s.sentence === 'TTM') onTtm(s as TtmSentence);
      else if (s.sentence === 'TLL') {
        const tll = s as TllSentence;
        counters.tll++;
        if (tll.target !== null && tll.latitude !== null && tll.longitude !== null) {
          lastTll.set(tll.target, { latitude: tll.latitude, longitude: tll.longitude, atMs: tll.rx.wallMs });
          // Radars send TTM then TLL for the same update: the radar's own position wins.
          const p = pendingByTarget.get(tll.target);
          if (p && (tll.utc === null || p.utc === null || tll.utc === p.utc)) {
            p.record.latitude = tll.latitude;
            p.record.longitude = tll.longitude;
          }
        }
      } else if (!ctx.platform) fusion.nmea(s);
    },
  });
  const flush = (): void => {
    if (pending.length === 0) return;
    counters.tracks += pending.length;
    sink.append('tracks', { sensor: sensor.id, tracks: pending });
    pending = [];
    pendingByTarget.clear();
  };
  let timer: NodeJS.Timeout | undefined;
  const { source, stages } = connectDecoder({ id: sensor.id, input: sensor.input, logger: ctx.logger, onInputEnd: ctx.onInputEnd }, decoder);
  return {
    id: sensor.id,
    protocol: sensor.protocol,
    source,
    decoder,
    counters: () => ({ ...counters }),
    stages: [
      {
        name: `tracks:${sensor.id}`,
        start: () => {
          timer = setInterval(flush, batchMs);
          timer.unref();
        },
        stop: () => {
          if (timer) clearInterval(timer);
          flush();
        },
      },
      ...stages,
    ],
  };
}
