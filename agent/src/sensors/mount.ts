import { z } from 'zod';
import type { Plot } from '../detect/types.js';
import { LookoutError } from '../errors.js';
import type { PlotRecord, RecordBodies } from '../wire/types.js';
import { Georeferencer, type PlatformPose } from '../track/georef.js';
import type { SensorSite } from './types.js';

export const sensorIdSchema = z.string().regex(/^[A-Za-z0-9_.-]{1,32}$/, 'a sensor id is 1-32 letters, digits, "_", "." or "-"');

/**
 * Where an antenna is and where it points. `missing` is the message when a kind that needs the
 * block has none (the key path says which sensor).
 */
export function radarSiteSchema(missing?: string) {
  return z
    .object(
      {
        latitude: z.number().min(-90).max(90).describe('antenna latitude, WGS84 degrees'),
        longitude: z.number().min(-180).max(180).describe('antenna longitude, WGS84 degrees'),
        altitudeMetres: z.number().default(0).describe('antenna height above the ellipsoid'),
        northOffsetDegrees: z.number().min(-180).max(180).default(0).describe('added to video azimuth to get true bearing'),
      },
      missing === undefined ? undefined : { error: (issue) => (issue.input === undefined ? missing : undefined) },
    )
    .strict();
}

export type RadarSite = z.infer<ReturnType<typeof radarSiteSchema>>;

/** The birth record's position of a sensor with a `radar` block. */
export function siteOf(radar: RadarSite | undefined): SensorSite | undefined {
  return radar ? { latitude: radar.latitude, longitude: radar.longitude, heightMetres: radar.altitudeMetres } : undefined;
}

/**
 * Puts a sensor's plots on the map, the same way for every kind that yields plots. On a fixed
 * site the batch carries the origin and each plot only its true bearing and range (hubs compute
 * the position); on a moving platform every plot gets lat/lon from the pose at its time, and a
 * plot without a fresh pose is placed from the mount (or dropped, with no mount, and counted).
 */
export class PlotPlacement {
  readonly georef: Georeferencer | undefined;
  private readonly origin: { latitude: number; longitude: number } | undefined;
  private readonly northOffset: number;
  private unplaced = 0;

  constructor(
    private readonly sensorId: string,
    mount: RadarSite | undefined,
    platform: PlatformPose | undefined,
  ) {
    if (!mount && !platform) {
      throw new LookoutError('E_CONFIG', `sensor ${sensorId} has no mount (radar) and the unit no nav source`, {
        details: { problems: [{ path: 'radar', message: 'the sensor needs its mount (radar.latitude, radar.longitude) or a nav source' }], sensor: sensorId },
      });
    }
    this.northOffset = mount?.northOffsetDegrees ?? 0;
    this.origin = platform ? undefined : { latitude: mount!.latitude, longitude: mount!.longitude };
    this.georef = platform ? new Georeferencer(mount ? { latitude: mount.latitude, longitude: mount.longitude, northOffsetDegrees: mount.northOffsetDegrees } : undefined, platform) : undefined;
  }

  /** The `plots` body for one batch, or undefined when nothing in it could be placed. */
  batch(plots: readonly Plot[]): RecordBodies['plots'] | undefined {
    if (plots.length === 0) return undefined;
    if (this.origin) {
      const oriented: PlotRecord[] = plots.map((p) => ({ ...p, bearingDegrees: Georeferencer.trueBearing(p.bearingDegrees, this.northOffset) }));
      return { sensor: this.sensorId, origin: this.origin, plots: oriented };
    }
    const placed: PlotRecord[] = [];
    for (const p of plots) {
      const g = this.georef!.tryPlace(p);
      if (g) placed.push(g);
      else this.unplaced++;
    }
    return placed.length === 0 ? undefined : { sensor: this.sensorId, plots: placed };
  }

  counters(): Record<string, number> {
    return { 'georef.withoutPose': this.georef?.counters.withoutPose ?? 0, 'georef.unplaced': this.unplaced };
  }
}
