/**
 * The WGS84 direct problem (Vincenty): where a plot is, given the sensor position, a true
 * bearing and a range. It is part of the wire contract: a plot batch with an origin carries
 * no lat/lon, and hubs compute them with these same steps (test/interop/hub.py does), so the
 * function lives with the encoder and decoder; track/geodesy.ts re-exports it for the tracker.
 */
import { fromE7, toE7 } from './fixed.js';

export const WGS84_A = 6_378_137.0;
export const WGS84_F = 1 / 298.257223563;
export const WGS84_B = WGS84_A * (1 - WGS84_F);

const DEG = Math.PI / 180;

export interface LatLon {
  latitude: number;
  longitude: number;
}

/** The point at `distanceMetres` along the initial true bearing `bearingDegrees` from `from`. */
/** Vincenty's Δσ series, shared by the direct problem (here) and the inverse (track/geodesy.ts). */
export function vincentyDeltaSigma(B: number, sinSigma: number, cosSigma: number, cos2SigmaM: number): number {
  return (
    B *
    sinSigma *
    (cos2SigmaM +
      (B / 4) * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM) - (B / 6) * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)))
  );
}

export function destination(from: LatLon, bearingDegrees: number, distanceMetres: number): LatLon {
  if (distanceMetres === 0) return { latitude: from.latitude, longitude: from.longitude };
  const alpha1 = bearingDegrees * DEG;
  const sinAlpha1 = Math.sin(alpha1);
  const cosAlpha1 = Math.cos(alpha1);
  const tanU1 = (1 - WGS84_F) * Math.tan(from.latitude * DEG);
  const cosU1 = 1 / Math.sqrt(1 + tanU1 * tanU1);
  const sinU1 = tanU1 * cosU1;
  const sigma1 = Math.atan2(tanU1, cosAlpha1);
  const sinAlpha = cosU1 * sinAlpha1;
  const cosSqAlpha = 1 - sinAlpha * sinAlpha;
  const uSq = (cosSqAlpha * (WGS84_A * WGS84_A - WGS84_B * WGS84_B)) / (WGS84_B * WGS84_B);
  const A = 1 + (uSq / 16384) * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
  const B = (uSq / 1024) * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
  let sigma = distanceMetres / (WGS84_B * A);
  let sigmaPrev: number;
  let cos2SigmaM: number;
  let sinSigma: number;
  let cosSigma: number;
  let iterations = 0;
  do {
    cos2SigmaM = Math.cos(2 * sigma1 + sigma);
    sinSigma = Math.sin(sigma);
    cosSigma = Math.cos(sigma);
    const deltaSigma = vincentyDeltaSigma(B, sinSigma, cosSigma, cos2SigmaM);
    sigmaPrev = sigma;
    sigma = distanceMetres / (WGS84_B * A) + deltaSigma;
  } while (Math.abs(sigma - sigmaPrev) > 1e-12 && ++iterations < 200);
  const x = sinU1 * sinSigma - cosU1 * cosSigma * cosAlpha1;
  const phi2 = Math.atan2(
    sinU1 * cosSigma + cosU1 * sinSigma * cosAlpha1,
    (1 - WGS84_F) * Math.sqrt(sinAlpha * sinAlpha + x * x),
  );
  const lambda = Math.atan2(sinSigma * sinAlpha1, cosU1 * cosSigma - sinU1 * sinSigma * cosAlpha1);
  const C = (WGS84_F / 16) * cosSqAlpha * (4 + WGS84_F * (4 - 3 * cosSqAlpha));
  const L =
    lambda -
    (1 - C) * WGS84_F * sinAlpha * (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
  let lon = from.longitude + L / DEG;
  if (lon > 180) lon -= 360;
  if (lon < -180) lon += 360;
  return { latitude: phi2 / DEG, longitude: lon };
}

/** The plot position that hubs compute from the origin when lat/lon columns are absent (1e-7 deg). */
export function plotPosition(origin: LatLon, rangeMetres: number, bearingDegrees: number): LatLon {
  const p = destination(origin, bearingDegrees, rangeMetres);
  return { latitude: fromE7(toE7(p.latitude)), longitude: fromE7(toE7(p.longitude)) };
}
