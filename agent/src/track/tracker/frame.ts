import { enuToGeodetic, geodeticToEcef, WGS84_A, type LatLon } from '../geodesy.js';
import type { TrackerConfig } from './config.js';
import type { Footprint } from './fragments.js';

const DEG = Math.PI / 180;

/**
 * The tracker's local east/north frame: the tangent plane at a fixed origin (the site, or own
 * ship's position at the first scan), so tracks are true, not relative to a moving platform.
 * Points are taken at sea level; the tangent plane drops below the ellipsoid by about d²/2R,
 * which the inverse puts back so a round trip stays on the surface.
 */
export class LocalFrame {
  private readonly o;
  private readonly ecef: [number, number, number];
  private readonly rot: [number, number, number, number, number, number];

  constructor(readonly origin: LatLon) {
    this.o = { latitude: origin.latitude, longitude: origin.longitude, altitudeMetres: 0 };
    // geodeticToEnu with the origin's ECEF position and rotation worked out once.
    this.ecef = geodeticToEcef(this.o);
    const lat = origin.latitude * DEG;
    const lon = origin.longitude * DEG;
    this.rot = [Math.sin(lat), Math.cos(lat), Math.sin(lon), Math.cos(lon), 0, 0];
  }

  toLocal(p: LatLon): { east: number; north: number } {
    const [x, y, z] = geodeticToEcef({ latitude: p.latitude, longitude: p.longitude, altitudeMetres: 0 });
    const dx = x - this.ecef[0];
    const dy = y - this.ecef[1];
    const dz = z - this.ecef[2];
    const [sLat, cLat, sLon, cLon] = this.rot;
    return { east: -sLon * dx + cLon * dy, north: -sLat * cLon * dx - sLat * sLon * dy + cLat * dz };
  }

  toGeo(east: number, north: number): LatLon {
    const up = -(east * east + north * north) / (2 * WGS84_A);
    const g = enuToGeodetic({ east, north, up }, this.o);
    return { latitude: g.latitude, longitude: g.longitude };
  }
}

/** A plot as the tracker takes it: a position, and what the sensor says about its quality. */
export interface TrackerPlot {
  timeMs: number;
  latitude: number;
  longitude: number;
  /** Range and bearing from the sensor (bearing: true or video azimuth; only its direction is used). */
  rangeMetres?: number;
  bearingDegrees?: number;
  rangeExtentMetres?: number;
  azimuthExtentDegrees?: number;
  cellCount?: number;
  peakPower?: number;
}

export interface Measurement {
  timeMs: number;
  east: number;
  north: number;
  /** Covariance [xx, xy, yy] in m². */
  r: [number, number, number];
  index: number;
  /** With a range and bearing: the parts of `r`, so a track can widen it by its own extent. */
  polar?: PolarNoise;
  /** With range and azimuth extents too (a radar video plot): where its cells lie. */
  footprint?: Footprint;
}

export interface PolarNoise {
  /** Direction sensor → plot: sin and cos of its bearing. */
  sin: number;
  cos: number;
  /** Point-target noise along and across the range, m². */
  rangePoint2: number;
  crossPoint2: number;
  /** Extent beyond a point target along and across the range, metres. */
  alongMetres: number;
  acrossMetres: number;
  extentFactor: number;
  floor2: number;
}

/**
 * The covariance of a plot taken as a measurement of a target whose own extent (from its recent
 * plots) is `along` x `across` metres beyond a point: the plot's centroid can fall anywhere on
 * the larger of the two (a merged pair seen as one boat on a scan, a big hull seen as its bow).
 * Writes [xx, xy, yy] into `out`.
 */
export function widenedCovariance(p: PolarNoise, along: number, across: number, out: [number, number, number]): [number, number, number] {
  const f = p.extentFactor;
  const sr2 = Math.max(p.rangePoint2 + (f * Math.max(along, p.alongMetres)) ** 2, p.floor2);
  const sc2 = Math.max(p.crossPoint2 + (f * Math.max(across, p.acrossMetres)) ** 2, p.floor2);
  const s = p.sin;
  const c = p.cos;
  out[0] = sr2 * s * s + sc2 * c * c;
  out[1] = (sr2 - sc2) * s * c;
  out[2] = sr2 * c * c + sc2 * s * s;
  return out;
}

/**
 * Converts a plot to a local position with its covariance. With a range and bearing the noise is
 * polar: range from the range cell and the plot's range extent, cross-range from the spoke width,
 * the beam and the azimuth extent, rotated into east/north along the sensor→plot direction (the
 * sensor position when known, the plot's bearing otherwise). Without them, a circle of the
 * configured position sigma.
 */
export function toMeasurement(plot: TrackerPlot, index: number, frame: LocalFrame, cfg: TrackerConfig['measurement'], sensor?: { east: number; north: number }, moving = false): Measurement {
  const { east, north } = frame.toLocal(plot);
  const floor2 = cfg.minSigmaMetres * cfg.minSigmaMetres;
  if (plot.rangeMetres === undefined || plot.bearingDegrees === undefined || !(plot.rangeMetres > 0)) {
    const s2 = Math.max(cfg.positionSigmaMetres * cfg.positionSigmaMetres, floor2);
    return { timeMs: plot.timeMs, east, north, r: [s2, 0, s2], index };
  }
  const range = plot.rangeMetres;
  // A point target is one range cell long and one beam wide; only what is beyond is hull.
  const rangeExtent = Math.max(0, (plot.rangeExtentMetres ?? 0) - cfg.rangeCellMetres);
  const azExtent = Math.max(0, (plot.azimuthExtentDegrees ?? 0) - cfg.beamWidthDegrees);
  const spoke = 360 / cfg.spokesPerTurn;
  // Centroid noise of a point target (range cells; spoke quantisation w²/12 and beam noise in
  // azimuth), plus a share of the extent: the centroid of an extended return wanders over the
  // hull from scan to scan.
  const rangePoint2 = (cfg.rangeSigmaCells * cfg.rangeCellMetres) ** 2;
  const pointDeg2 = (spoke * spoke) / 12 + cfg.beamBearingSigmaDegrees ** 2 + (moving ? cfg.headingSigmaDegrees ** 2 : 0);
  const crossPoint2 = pointDeg2 * (range * DEG) ** 2;
  let theta: number;
  if (sensor) theta = Math.atan2(east - sensor.east, north - sensor.north);
  else theta = plot.bearingDegrees * DEG;
  // Unit vectors: along range (sin θ, cos θ), across (cos θ, −sin θ) in (east, north).
  const polar: PolarNoise = { sin: Math.sin(theta), cos: Math.cos(theta), rangePoint2, crossPoint2, alongMetres: rangeExtent, acrossMetres: azExtent * range * DEG, extentFactor: cfg.extentFactor, floor2 };
  const m: Measurement = { timeMs: plot.timeMs, east, north, r: widenedCovariance(polar, 0, 0, [0, 0, 0]), index, polar };
  if (plot.rangeExtentMetres !== undefined && plot.azimuthExtentDegrees !== undefined && plot.azimuthExtentDegrees > 0) {
    m.footprint = { rangeMetres: range, bearingDegrees: plot.bearingDegrees, rangeExtentMetres: plot.rangeExtentMetres, azimuthExtentDegrees: plot.azimuthExtentDegrees };
  }
  return m;
}
