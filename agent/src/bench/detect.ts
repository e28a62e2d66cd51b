import pino from 'pino';
import { loadKernels } from '../detect/kernels.js';
import { PLOT_STRIDE, type DetectorKernels, type VideoArray } from '../detect/kernel-types.js';
import { buildLut } from '../detect/lut.js';
import { caAlpha, goAlpha, osFactor, soAlpha } from '../detect/thresholds.js';
import { Rng } from '../sim/rng.js';
import { quantizeLog } from '../sim/video.js';

/**
 * `lookout bench detect`: every CFAR method, native and reference, on one turn of 2048 spokes x
 * 1024 cells (u8 log video through its LUT, and f32 linear power) and on a 256 x 128 range-Doppler
 * map, against memcpy of the same buffer in the same run; then plot extraction on a turn with
 * 1 % of its cells detected; then on a processed turn (30 % of cells hit) the level method, the
 * hit-frequency clutter map and extraction. One core: the calls are synchronous on the main thread.
 */

export interface BenchRow {
  method: string;
  impl: 'native' | 'reference';
  dtype: 'u8' | 'f32';
  mcellsPerSec: number;
  ms?: number;
}

const SPOKES = 2048;
const CELLS = 1024;
const RD_ROWS = 256;
const RD_COLS = 128;
const PFA = 1e-6;
const GUARD = 2;
const TRAIN = 12;
const K = 18;

/**
 * Runs fn until `minMs` of this process's CPU time have passed (at least once, after a warm-up
 * call); returns CPU ms per call. CPU time, not wall time: the calls are synchronous on one
 * thread, and on a shared machine wall time also counts the other processes' turns.
 */
function time(fn: () => void, minMs: number): number {
  fn();
  let calls = 0;
  const c0 = process.cpuUsage();
  let used: number;
  do {
    fn();
    calls++;
    const c = process.cpuUsage(c0);
    used = (c.user + c.system) / 1000;
  } while (used < minMs);
  return used / calls;
}

function turnData(): { u8: Uint8Array; f32: Float32Array; lut: Float32Array } {
  const rng = new Rng(2026);
  const f32 = new Float32Array(SPOKES * CELLS);
  for (let i = 0; i < f32.length; i++) f32[i] = rng.exponential(1);
  const u8 = new Uint8Array(f32.length);
  const scale = { dbPerCount: 0.25, zeroCountDb: -24 };
  quantizeLog(f32, scale, 8, u8);
  return { u8, f32, lut: buildLut({ type: 'log', ...scale }, 8) };
}

/**
 * A processed harbour turn: blocks of saturated returns (jetties, pontoons, boats) and weaker
 * fringes covering about 30 % of the cells, zeros elsewhere, as the real Navico recordings look.
 */
function processedTurn(): Uint8Array {
  const rng = new Rng(11);
  const v = new Uint8Array(SPOKES * CELLS);
  let hit = 0;
  while (hit < 0.3 * v.length) {
    const s0 = Math.floor(rng.uniform() * SPOKES);
    const c0 = Math.floor(rng.uniform() * CELLS);
    const ns = 1 + Math.floor(rng.uniform() * 40);
    const nc = 1 + Math.floor(rng.uniform() * 120);
    const code = rng.uniform() < 0.6 ? 255 : 17 * (1 + Math.floor(rng.uniform() * 14));
    for (let s = s0; s < Math.min(SPOKES, s0 + ns); s++) {
      for (let c = c0; c < Math.min(CELLS, c0 + nc); c++) {
        if (v[s * CELLS + c] === 0) hit++;
        v[s * CELLS + c] = code;
      }
    }
  }
  return v;
}

/** The level method, the hit-frequency map (without and with the spread calibrate picks) and extraction on a processed turn. */
function processedRows(kernels: DetectorKernels, video: Uint8Array, emit: (row: BenchRow) => void): void {
  const cells = SPOKES * CELLS;
  const minMs = kernels.impl === 'native' ? 300 : 1;
  const hits = new Uint8Array(cells);
  let ms = time(() => kernels.levelDetect(video, SPOKES, CELLS, { level: 17 }, hits), minMs);
  emit({ method: 'level', impl: kernels.impl, dtype: 'u8', mcellsPerSec: cells / ms / 1000, ms });
  ms = time(() => kernels.levelDetect(video, SPOKES, CELLS, { level: 136, hysteresisLevel: 17 }, hits), minMs);
  emit({ method: 'levelhys', impl: kernels.impl, dtype: 'u8', mcellsPerSec: cells / ms / 1000, ms });
  const map = new Uint8Array(cells);
  const scratch = new Uint8Array(cells);
  // The map's whole turn, sector by sector as the stage calls it (16 spokes), hits restored each time.
  const hitMapTurn = (spreadCells: number, spreadSpokes: number) => (): void => {
    scratch.set(hits);
    for (let s = 0; s < SPOKES; s += 16) {
      kernels.updateHitMap(map, scratch.subarray(s * CELLS, (s + 16) * CELLS), 16, CELLS, { firstSpoke: s, timeConstantTurns: 8, threshold: 0.3, spreadCells, spreadSpokes });
    }
  };
  kernels.levelDetect(video, SPOKES, CELLS, { level: 17 }, hits);
  // memcpy of the hits is part of each call here; the row reports the map and the copy together.
  ms = time(hitMapTurn(0, 0), minMs);
  emit({ method: 'hitmap', impl: kernels.impl, dtype: 'u8', mcellsPerSec: cells / ms / 1000, ms });
  ms = time(hitMapTurn(39, 5), minMs);
  emit({ method: 'hitmap+s', impl: kernels.impl, dtype: 'u8', mcellsPerSec: cells / ms / 1000, ms });
  const plots = new Float64Array(cells * 0.02 * PLOT_STRIDE);
  ms = time(() => kernels.extractPlots(hits, video, SPOKES, CELLS, { wrap: true }, plots), kernels.impl === 'native' ? 300 : 1);
  emit({ method: 'extract30', impl: kernels.impl, dtype: 'u8', mcellsPerSec: cells / ms / 1000, ms });
}

export async function runDetectBench({ json }: { json: boolean }, out: NodeJS.WritableStream): Promise<void> {
  const logger = pino({ level: 'error' }, process.stderr);
  const impls: DetectorKernels[] = [loadKernels({ logger }), loadKernels({ logger, impl: 'reference' })];
  if (impls[0].impl !== 'native') impls.shift();
  const rows: BenchRow[] = [];
  const emit = (row: BenchRow): void => {
    rows.push(row);
    if (json) out.write(JSON.stringify(row) + '\n');
  };
  const { u8, f32, lut } = turnData();
  const processed = processedTurn();
  const cells = SPOKES * CELLS;
  const mask = new Uint8Array(cells);
  const factors = { ca: caAlpha(2 * TRAIN, PFA), go: goAlpha(TRAIN, PFA), so: soAlpha(TRAIN, PFA), os: osFactor(2 * TRAIN, K, PFA) };
  const inputs: Array<['u8' | 'f32', VideoArray, Float32Array | null]> = [
    ['u8', u8, lut],
    ['f32', f32, null],
  ];
  for (const [dtype, input] of inputs) {
    const copy = dtype === 'u8' ? new Uint8Array(cells) : new Float32Array(cells);
    const ms = time(() => copy.set(input), 200);
    emit({ method: 'memcpy', impl: 'native', dtype, mcellsPerSec: cells / ms / 1000, ms });
  }
  for (const kernels of impls) {
    const minMs = kernels.impl === 'native' ? 300 : 1;
    for (const [dtype, input, table] of inputs) {
      for (const method of ['ca', 'go', 'so', 'os'] as const) {
        const opts = { method, guard: GUARD, train: TRAIN, k: K, scale: factors[method], lut: table };
        const ms = time(() => kernels.cfar1d(input, SPOKES, CELLS, opts, mask), minMs);
        emit({ method, impl: kernels.impl, dtype, mcellsPerSec: cells / ms / 1000, ms });
      }
    }
    const rd = f32.subarray(0, RD_ROWS * RD_COLS);
    const rdMask = new Uint8Array(RD_ROWS * RD_COLS);
    const n2d = 9 * 9 - 3 * 3;
    for (const method of ['ca', 'os'] as const) {
      const opts = { method, guardRange: 1, guardDoppler: 1, trainRange: 3, trainDoppler: 3, k: Math.round(0.75 * n2d), scale: method === 'ca' ? caAlpha(n2d, PFA) : osFactor(n2d, Math.round(0.75 * n2d), PFA) };
      const ms = time(() => kernels.cfar2d(rd, RD_ROWS, RD_COLS, opts, rdMask), kernels.impl === 'native' ? 300 : 1);
      emit({ method: `${method}2d`, impl: kernels.impl, dtype: 'f32', mcellsPerSec: (RD_ROWS * RD_COLS) / ms / 1000, ms });
    }
    // Plot extraction on a turn with 1 % of its cells detected (isolated and clustered alike).
    const rng = new Rng(7);
    const detected = new Uint8Array(cells);
    for (let i = 0; i < cells; i++) if (rng.uniform() < 0.01) detected[i] = 1;
    const plots = new Float64Array(cells * 0.02 * PLOT_STRIDE);
    const ms = time(() => kernels.extractPlots(detected, u8, SPOKES, CELLS, { lut, wrap: true }, plots), kernels.impl === 'native' ? 300 : 1);
    emit({ method: 'extract', impl: kernels.impl, dtype: 'u8', mcellsPerSec: cells / ms / 1000, ms });
    processedRows(kernels, processed, emit);
  }
  if (json) return;
  const line = (s: string): void => void out.write(s + '\n');
  const find = (m: string, impl: string, d: string): BenchRow | undefined => rows.find((r) => r.method === m && r.impl === impl && r.dtype === d);
  line(`detect bench: turn ${SPOKES} x ${CELLS} (guard ${GUARD}, train ${TRAIN}, OS k ${K}), range-Doppler ${RD_ROWS} x ${RD_COLS}; one core`);
  line('method   dtype  native Mcells/s  reference Mcells/s  native/ref  native/memcpy');
  for (const r of rows) {
    if (r.impl !== 'native' || r.method === 'memcpy') continue;
    const ref = find(r.method, 'reference', r.dtype);
    const mem = find('memcpy', 'native', r.dtype)!;
    line(
      `${r.method.padEnd(8)} ${r.dtype.padEnd(6)} ${r.mcellsPerSec.toFixed(1).padStart(15)} ${(ref ? ref.mcellsPerSec.toFixed(1) : '-').padStart(19)} ${(ref ? (r.mcellsPerSec / ref.mcellsPerSec).toFixed(1) + 'x' : '-').padStart(11)} ${(r.mcellsPerSec / mem.mcellsPerSec).toFixed(3).padStart(14)}`,
    );
  }
  for (const r of rows.filter((x) => x.method === 'memcpy')) line(`memcpy   ${r.dtype.padEnd(6)} ${r.mcellsPerSec.toFixed(1).padStart(15)}`);
  for (const r of rows.filter((x) => x.method === 'extract')) line(`extraction (1 % detected, ${r.impl}): ${r.ms!.toFixed(2)} ms per turn`);
  for (const r of rows.filter((x) => x.method === 'extract30')) line(`extraction (processed turn, 30 % hit, ${r.impl}): ${r.ms!.toFixed(2)} ms per turn`);
  line('level: the level method (levelhys: with a hysteresis level); hitmap: the hit-frequency clutter map (hitmap+s: spread 39 cells x 5 spokes), both on a processed turn, 1 byte of map per cell');
}
