import type { Plot } from '../detect/types.js';
import type { PlacedPlot } from '../wire/types.js';
import { destination, normalizeDegrees, type LatLon } from './geodesy.js';

/** Where the antenna is and how its video azimuth relates to true north. */
export interface AntennaPlacement {
  latitude: number;
  longitude: number;
  /** Added to the video azimuth to get a true bearing (a fixed site's alignment error). */
  northOffsetDegrees: number;
}

/**
 * Where the platform is at a time, for a moving platform (a vessel or a drone): position and
 * true heading (and speed and course over ground when the source gives them: the tracker's own
 * ship for CPA). The nav stage's pose history implements it.
 */
export interface PlatformPose {
  poseAt(timeMs: number): { latitude: number; longitude: number; headingDegrees?: number; stale: boolean; speedMps?: number; courseDegrees?: number } | undefined;
}

export interface GeoreferenceCounters {
  plots: number;
  /** Plots placed from the fixed site because no fresh pose was available. */
  withoutPose: number;
}

/**
 * Puts plots on the Earth: true bearing = video azimuth + north offset (+ platform heading when
 * the antenna turns with a moving platform), position = the WGS84 direct problem from the antenna.
 * Without an antenna placement (a sensor placed by the platform's pose alone), a plot with no
 * fresh pose cannot be placed.
 */
export class Georeferencer {
  readonly counters: GeoreferenceCounters = { plots: 0, withoutPose: 0 };

  constructor(
    private readonly antenna: AntennaPlacement | undefined,
    private readonly platform?: PlatformPose,
  ) {
    if (!antenna && !platform) throw new TypeError('a Georeferencer needs an antenna placement or a platform pose');
  }

  /** The true bearing of a video azimuth on a fixed site (no platform heading). */
  static trueBearing(azimuthDegrees: number, northOffsetDegrees: number): number {
    return normalizeDegrees(azimuthDegrees + northOffsetDegrees);
  }

  place(plot: Plot): PlacedPlot {
    const placed = this.tryPlace(plot);
    if (!placed) throw new TypeError('no fresh pose and no antenna placement: use tryPlace()');
    return placed;
  }

  /** The plot on the Earth, or undefined with neither a fresh pose nor an antenna placement. */
  tryPlace(plot: Plot): PlacedPlot | undefined {
    let origin: LatLon | undefined = this.antenna;
    let bearing = plot.bearingDegrees + (this.antenna?.northOffsetDegrees ?? 0);
    if (this.platform) {
      const pose = this.platform.poseAt(plot.timeMs);
      if (pose && !pose.stale) {
        origin = pose;
        if (pose.headingDegrees !== undefined) bearing += pose.headingDegrees;
      } else {
        this.counters.withoutPose++;
      }
    }
    if (!origin) return undefined;
    bearing = normalizeDegrees(bearing);
    const p = destination(origin, bearing, plot.rangeMetres);
    this.counters.plots++;
    return { ...plot, bearingDegrees: bearing, latitude: p.latitude, longitude: p.longitude };
  }
}
