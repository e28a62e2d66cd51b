import type { VideoArray } from '../kernel-types.js';
import { checkLength, checkLut, checkMask, checkNumber, checkVideo } from './validate.js';

/** Clears detections where blank[i] != 0; the twin of native applyMask. */
export function applyMaskReference(detections: Uint8Array, blank: Uint8Array): number {
  if (!(detections instanceof Uint8Array)) throw new TypeError('detections must be a Uint8Array');
  checkMask('blank', blank, detections.length);
  let left = 0;
  for (let i = 0; i < detections.length; i++) {
    const d = blank[i] !== 0 ? 0 : detections[i] !== 0 ? 1 : 0;
    detections[i] = d;
    left += d;
  }
  return left;
}

/** map[i] += weight x (power[i] - map[i]) in float32; the twin of native updateClutterMap. */
export function updateClutterMapReference(map: Float32Array, input: VideoArray, lut: Float32Array | null, weight: number): void {
  if (!(map instanceof Float32Array)) throw new TypeError('map must be a Float32Array');
  checkVideo('input', input);
  checkLength('input', input, map.length);
  const table = checkLut(lut, input);
  checkNumber('weight', weight, 0, true);
  if (weight > 1) throw new RangeError(`weight must be in (0, 1], got ${weight}`);
  const f = new Float32Array(2);
  f[0] = weight;
  const w = f[0];
  for (let i = 0; i < map.length; i++) {
    const p = table ? table[input[i]] : input[i];
    f[1] = p - map[i];
    f[1] = f[1] * w;
    map[i] = map[i] + f[1];
  }
}
