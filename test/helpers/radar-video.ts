import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Cat240Decoder } from '../../agent/src/protocols/cat240/decoder.js';
import type { Cat240Video } from '../../agent/src/protocols/cat240/types.js';
import { REPO_ROOT, SHARED_DATA } from './paths.js';

/** ../shared/data beside the checkout; from a git worktree one level further down, ../../shared/data. */
const VIDEO_DIR = [SHARED_DATA, resolve(REPO_ROOT, '..', '..', 'shared', 'data')].map((d) => join(d, 'radar-video')).find((d) => existsSync(d)) ?? join(SHARED_DATA, 'radar-video');

/** The shared real recordings (../shared/data/radar-video, README there). */
export const HARBOUR = join(VIDEO_DIR, 'navico-4g-noheading.cat240.gz');
export const HALO = join(VIDEO_DIR, 'navico-halo-velocitytrack-notarget.cat240.gz');

/** The CAT240 bytes of a recording (gunzipped once per file per process). */
const bytesCache = new Map<string, Buffer>();
export function recordingBytes(file: string): Buffer {
  let b = bytesCache.get(file);
  if (!b) {
    b = gunzipSync(readFileSync(file));
    bytesCache.set(file, b);
  }
  return b;
}

/** The recording's video messages (cells copied out of the decoder's slab), up to `maxSpokes`. */
export function recordingSpokes(file: string, maxSpokes = Infinity): Cat240Video[] {
  const out: Cat240Video[] = [];
  const dec = new Cat240Decoder({
    onFrame: (m) => {
      if (m.type !== 'cat240.video' || out.length >= maxSpokes) return;
      // A wall clock from the recording's own time of day, so plots carry the capture's time.
      const wallMs = Date.UTC(2026, 0, 1) + (m.timeOfDaySeconds ?? 0) * 1000;
      out.push({ ...m, cells: m.cells.slice(), rx: { monoMs: wallMs, wallMs } });
    },
  });
  dec.push(recordingBytes(file), { monoMs: 0, wallMs: 0 });
  dec.end();
  return out;
}

/** Index in the turn of a spoke (2048 per turn here), from the centre of its azimuth span. */
export function spokeIndex(v: Cat240Video, spokesPerTurn: number): number {
  const width = (v.endAzimuth - v.startAzimuth) & 0xffff || 65536 / spokesPerTurn;
  return Math.floor(((v.startAzimuth + width / 2) * spokesPerTurn) / 65536) % spokesPerTurn;
}

/** Whole turns of the recording as spokesPerTurn x cells matrices (the partial first and last turns left out). */
export function wholeTurns(spokes: readonly Cat240Video[], spokesPerTurn: number): Uint8Array[] {
  const cols = spokes[0]!.cells.length;
  const turns: Uint8Array[] = [];
  let cur: Uint8Array | null = null;
  let seen = 0;
  let last = -1;
  for (const v of spokes) {
    const s = spokeIndex(v, spokesPerTurn);
    if (last >= 0 && s < last - spokesPerTurn / 2) {
      if (cur && seen === spokesPerTurn) turns.push(cur);
      cur = new Uint8Array(spokesPerTurn * cols);
      seen = 0;
    }
    last = s;
    if (cur) {
      cur.set(v.cells as Uint8Array, s * cols);
      seen++;
    }
  }
  return turns;
}

/**
 * The 8-connected regions of non-zero cells of one turn (spoke x cell, spoke S-1 next to
 * spoke 0), counted by a plain flood fill: written apart from the detector on purpose.
 */
export function countRegions(turn: Uint8Array, spokesPerTurn: number, cols: number): number {
  const seen = new Uint8Array(turn.length);
  const stack: number[] = [];
  let regions = 0;
  for (let start = 0; start < turn.length; start++) {
    if (turn[start] === 0 || seen[start]) continue;
    regions++;
    seen[start] = 1;
    stack.push(start);
    while (stack.length > 0) {
      const i = stack.pop()!;
      const s = Math.floor(i / cols);
      const c = i - s * cols;
      for (let ds = -1; ds <= 1; ds++) {
        const s2 = (s + ds + spokesPerTurn) % spokesPerTurn;
        for (let dc = -1; dc <= 1; dc++) {
          const c2 = c + dc;
          if (c2 < 0 || c2 >= cols) continue;
          const j = s2 * cols + c2;
          if (turn[j] !== 0 && !seen[j]) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
    }
  }
  return regions;
}
