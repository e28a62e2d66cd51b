/** The tracker's public records: what a scan hands it and what it hands back. */
import type { LatLon } from '../geodesy.js';
import type { TrackerPlot } from './frame.js';

export type TrackStatus = 'tentative' | 'confirmed' | 'coasting';

export interface OwnShip extends LatLon {
  speedMps: number;
  courseDegrees: number;
}

/** One scan handed to the tracker: every plot of one turn (or frame), closed at `timeMs`. */
export interface TrackerScan {
  timeMs: number;
  scan?: number;
  plots: readonly TrackerPlot[];
  /** Own ship at `timeMs` on a moving platform. */
  ownShip?: OwnShip;
  /** The sensor's position on a fixed site, when known (a plots record's origin). */
  site?: LatLon;
}

export interface TrackUpdate {
  id: number;
  timeMs: number;
  scan: number;
  status: TrackStatus;
  latitude: number;
  longitude: number;
  eastMetres: number;
  northMetres: number;
  speedMps: number;
  courseDegrees: number;
  moving: boolean;
  /** Against own ship (moving platform) or the protected point / site; null when neither is known. */
  cpaMetres: number | null;
  tcpaSeconds: number | null;
  /** CPA below the alert distance within the alert time ahead (confirmed tracks only). */
  cpaAlert: boolean;
  hits: number;
  misses: number;
  positionSigmaMetres: number;
  manoeuvreProbability: number;
}

export interface ZoneAlert {
  type: 'zone';
  zone: string;
  id: number;
  timeMs: number;
  latitude: number;
  longitude: number;
}

export interface TrackerResult {
  tracks: TrackUpdate[];
  deleted: number[];
  alerts: ZoneAlert[];
}

export interface TrackerDeps {
  /** Id of the first track (ids then increase by one and are never reused). */
  firstId?: number;
}
