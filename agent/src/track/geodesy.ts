/**
 * WGS84 geodesy: the direct and inverse problems (Vincenty, sub-millimetre at radar ranges) and
 * conversions between geodetic, ECEF and a local east-north-up frame.
 */

import { vincentyDeltaSigma, WGS84_A, WGS84_B, WGS84_F, type LatLon } from '../wire/geo.js';

// The direct problem is part of the wire contract (hubs place plots with it): it lives in wire/.
export { destination, WGS84_A, WGS84_B, WGS84_F, type LatLon } from '../wire/geo.js';

const E2 = WGS84_F * (2 - WGS84_F);

const DEG = Math.PI / 180;
export const METRES_PER_NAUTICAL_MILE = 1852;

export interface Geodetic extends LatLon {
  altitudeMetres: number;
}

export interface Enu {
  east: number;
  north: number;
  up: number;
}

export function normalizeDegrees(deg: number): number {
  const d = deg % 360;
  return d < 0 ? d + 360 : d;
}

/** Signed smallest difference a - b in degrees, in (-180, 180]. */
export function angleDifferenceDegrees(a: number, b: number): number {
  let d = normalizeDegrees(a - b);
  if (d > 180) d -= 360;
  return d;
}

/** Distance and initial true bearing from `a` to `b` (Vincenty inverse; falls back near antipodes). */
export function inverse(a: LatLon, b: LatLon): { distanceMetres: number; bearingDegrees: number } {
  const L = (b.longitude - a.longitude) * DEG;
  const U1 = Math.atan((1 - WGS84_F) * Math.tan(a.latitude * DEG));
  const U2 = Math.atan((1 - WGS84_F) * Math.tan(b.latitude * DEG));
  const sinU1 = Math.sin(U1);
  const cosU1 = Math.cos(U1);
  const sinU2 = Math.sin(U2);
  const cosU2 = Math.cos(U2);
  let lambda = L;
  let lambdaPrev: number;
  let sinSigma: number;
  let cosSigma: number;
  let sigma: number;
  let cosSqAlpha: number;
  let cos2SigmaM: number;
  let sinLambda: number;
  let cosLambda: number;
  let iterations = 0;
  do {
    sinLambda = Math.sin(lambda);
    cosLambda = Math.cos(lambda);
    const t1 = cosU2 * sinLambda;
    const t2 = cosU1 * sinU2 - sinU1 * cosU2 * cosLambda;
    sinSigma = Math.sqrt(t1 * t1 + t2 * t2);
    if (sinSigma === 0) return { distanceMetres: 0, bearingDegrees: 0 };
    cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
    sigma = Math.atan2(sinSigma, cosSigma);
    const sinAlpha = (cosU1 * cosU2 * sinLambda) / sinSigma;
    cosSqAlpha = 1 - sinAlpha * sinAlpha;
    cos2SigmaM = cosSqAlpha !== 0 ? cosSigma - (2 * sinU1 * sinU2) / cosSqAlpha : 0;
    const C = (WGS84_F / 16) * cosSqAlpha * (4 + WGS84_F * (4 - 3 * cosSqAlpha));
    lambdaPrev = lambda;
    lambda =
      L +
      (1 - C) * WGS84_F * sinAlpha * (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
  } while (Math.abs(lambda - lambdaPrev) > 1e-12 && ++iterations < 200);
  const uSq = (cosSqAlpha * (WGS84_A * WGS84_A - WGS84_B * WGS84_B)) / (WGS84_B * WGS84_B);
  const A = 1 + (uSq / 16384) * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
  const B = (uSq / 1024) * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
  const deltaSigma = vincentyDeltaSigma(B, sinSigma, cosSigma, cos2SigmaM);
  const distanceMetres = WGS84_B * A * (sigma - deltaSigma);
  const bearing = Math.atan2(cosU2 * sinLambda, cosU1 * sinU2 - sinU1 * cosU2 * cosLambda) / DEG;
  return { distanceMetres, bearingDegrees: normalizeDegrees(bearing) };
}

export function geodeticToEcef(p: Geodetic): [number, number, number] {
  const lat = p.latitude * DEG;
  const lon = p.longitude * DEG;
  const sinLat = Math.sin(lat);
  const N = WGS84_A / Math.sqrt(1 - E2 * sinLat * sinLat);
  const h = p.altitudeMetres;
  return [
    (N + h) * Math.cos(lat) * Math.cos(lon),
    (N + h) * Math.cos(lat) * Math.sin(lon),
    (N * (1 - E2) + h) * sinLat,
  ];
}

export function ecefToGeodetic(x: number, y: number, z: number): Geodetic {
  const lon = Math.atan2(y, x);
  const p = Math.hypot(x, y);
  let lat = Math.atan2(z, p * (1 - E2));
  let h = 0;
  for (let i = 0; i < 10; i++) {
    const sinLat = Math.sin(lat);
    const N = WGS84_A / Math.sqrt(1 - E2 * sinLat * sinLat);
    h = p / Math.cos(lat) - N;
    const next = Math.atan2(z, p * (1 - (E2 * N) / (N + h)));
    if (Math.abs(next - lat) < 1e-14) {
      lat = next;
      break;
    }
    lat = next;
  }
  return { latitude: lat / DEG, longitude: lon / DEG, altitudeMetres: h };
}

/** East-north-up coordinates of `p` in the tangent frame at `origin`. */
export function geodeticToEnu(p: Geodetic, origin: Geodetic): Enu {
  const [x, y, z] = geodeticToEcef(p);
  const [x0, y0, z0] = geodeticToEcef(origin);
  const dx = x - x0;
  const dy = y - y0;
  const dz = z - z0;
  const lat = origin.latitude * DEG;
  const lon = origin.longitude * DEG;
  const sLat = Math.sin(lat);
  const cLat = Math.cos(lat);
  const sLon = Math.sin(lon);
  const cLon = Math.cos(lon);
  return {
    east: -sLon * dx + cLon * dy,
    north: -sLat * cLon * dx - sLat * sLon * dy + cLat * dz,
    up: cLat * cLon * dx + cLat * sLon * dy + sLat * dz,
  };
}

export function enuToGeodetic(enu: Enu, origin: Geodetic): Geodetic {
  const [x0, y0, z0] = geodeticToEcef(origin);
  const lat = origin.latitude * DEG;
  const lon = origin.longitude * DEG;
  const sLat = Math.sin(lat);
  const cLat = Math.cos(lat);
  const sLon = Math.sin(lon);
  const cLon = Math.cos(lon);
  const dx = -sLon * enu.east - sLat * cLon * enu.north + cLat * cLon * enu.up;
  const dy = cLon * enu.east - sLat * sLon * enu.north + cLat * sLon * enu.up;
  const dz = cLat * enu.north + sLat * enu.up;
  return ecefToGeodetic(x0 + dx, y0 + dy, z0 + dz);
}
