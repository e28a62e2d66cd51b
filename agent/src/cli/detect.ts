import type { Command } from 'commander';
import { readFile, stat } from 'node:fs/promises';
import pino from 'pino';
import { loadKernels } from '../detect/kernels.js';
import { PLOT_STRIDE, testedCells1d, testedCells2d, type VideoArray } from '../detect/kernel-types.js';
import { caAlpha, defaultOsRank, osFactor, thresholdFactor } from '../detect/thresholds.js';
import { EXIT_OK, parseSchemaNumberOption, UsageError, writeJsonLine, type CliContext } from './common.js';
import { detectionConfigSchema } from '../detect/config.js';

const DTYPES = { u8: 1, u16: 2, f32: 4 } as const;
const METHODS = ['ca', 'go', 'so', 'os', 'ca2d', 'os2d'] as const;

export interface DetectCliOptions {
  input: string;
  dtype: keyof typeof DTYPES;
  rows: number;
  cols: number;
  method: (typeof METHODS)[number];
  /** [range] for 1-D methods, [range, doppler] for 2-D. */
  guard: number[];
  train: number[];
  k?: number;
  pfa?: number;
  scale?: number;
  impl?: 'native' | 'reference';
  wrap?: boolean;
  minCells?: number;
}

export interface DetectSummary {
  cells: number;
  detections: number;
  plots: number;
  ms: number;
}

function intList(name: string, value: string, count: number): number[] {
  const parts = value.split(',');
  if (parts.length !== count) throw new UsageError(`${name} takes ${count === 1 ? 'one integer' : 'a range,doppler pair of integers'}, got "${value}"`);
  return parts.map((p) => {
    const n = Number(p);
    if (p.trim() === '' || !Number.isInteger(n) || n < 0) throw new UsageError(`${name} must be non-negative integers, got "${value}"`);
    return n;
  });
}

function positiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} must be an integer >= 1, got "${value}"`);
  return n;
}

function asVideo(bytes: Buffer, dtype: DetectCliOptions['dtype']): VideoArray {
  // A private, aligned copy (a Buffer from the pool may sit at any byte offset); little-endian
  // hosts only (x64, arm64), like the file format.
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return dtype === 'u8' ? copy : dtype === 'u16' ? new Uint16Array(copy.buffer) : new Float32Array(copy.buffer);
}

/** Runs one detector on a raw matrix (what `lookout detect` does, minus the argument parsing). */
export async function runDetect(o: DetectCliOptions): Promise<DetectSummary> {
  const info = await stat(o.input).catch(() => undefined);
  if (info === undefined || !info.isFile()) throw new UsageError(`--input ${o.input}: no such file`);
  const expected = o.rows * o.cols * DTYPES[o.dtype];
  if (info.size !== expected) {
    throw new UsageError(`--input ${o.input} has ${info.size} bytes, but --rows ${o.rows} x --cols ${o.cols} x ${DTYPES[o.dtype]} bytes (${o.dtype}) = ${expected}`);
  }
  const video = asVideo(await readFile(o.input), o.dtype);
  const kernels = loadKernels({ logger: pino({ level: 'error' }, process.stderr), ...(o.impl ? { impl: o.impl } : {}) });
  const twoD = o.method === 'ca2d' || o.method === 'os2d';
  const mask = new Uint8Array(o.rows * o.cols);
  let detections: number;
  let cells: number;
  const t0 = performance.now();
  try {
    if (twoD) {
      const [gr, gd] = o.guard as [number, number];
      const [tr, td] = o.train as [number, number];
      const n = (2 * (gr + tr) + 1) * (2 * (gd + td) + 1) - (2 * gr + 1) * (2 * gd + 1);
      if (n < 1) throw new UsageError('--train 0,0 leaves no reference cells');
      const k = o.k ?? defaultOsRank(n);
      if (o.method === 'os2d' && k > n) throw new UsageError(`--k must be <= ${n} (the reference cells), got ${k}`);
      const scale = o.scale ?? (o.method === 'ca2d' ? caAlpha(n, o.pfa!) : osFactor(n, k, o.pfa!));
      detections = kernels.cfar2d(video, o.rows, o.cols, { method: o.method === 'ca2d' ? 'ca' : 'os', guardRange: gr, guardDoppler: gd, trainRange: tr, trainDoppler: td, k, scale }, mask);
      cells = testedCells2d(o.rows, o.cols, gr, tr);
    } else {
      const method = o.method as 'ca' | 'go' | 'so' | 'os';
      const guard = o.guard[0];
      const train = o.train[0];
      if (train < 1) throw new UsageError('--train must be >= 1');
      const k = o.k ?? defaultOsRank(2 * train);
      if (method === 'os' && k > 2 * train) throw new UsageError(`--k must be <= 2 x train (${2 * train}), got ${k}`);
      const scale = o.scale ?? thresholdFactor(method, train, o.pfa!, method === 'os' ? k : undefined);
      detections = kernels.cfar1d(video, o.rows, o.cols, { method, guard, train, k, scale }, mask);
      cells = testedCells1d(o.rows, o.cols, guard, train);
    }
  } catch (err) {
    if (err instanceof RangeError || err instanceof TypeError) throw new UsageError(err.message);
    throw err;
  }
  const out = new Float64Array(Math.min(detections, 1 << 20) * PLOT_STRIDE);
  const plots = kernels.extractPlots(mask, video, o.rows, o.cols, { wrap: o.wrap === true, minCells: o.minCells ?? 1 }, out);
  const ms = performance.now() - t0;
  return { cells, detections, plots, ms: Math.round(ms * 1000) / 1000 };
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('detect')
    .description('run a CFAR detector and plot extraction on a raw little-endian row-major matrix; prints {"cells","detections","plots","ms"}')
    .requiredOption('--input <file>', 'raw matrix: rows x cols values, row-major, little-endian')
    .requiredOption('--dtype <type>', 'u8|u16|f32 (u8/u16 are taken as linear power)')
    .requiredOption('--rows <n>', 'rows (spokes, or range bins for 2-D)')
    .requiredOption('--cols <n>', 'columns (range cells, or Doppler bins for 2-D)')
    .requiredOption('--method <m>', METHODS.join('|'))
    .requiredOption('--guard <g>', 'guard cells per side (2-D: range,doppler)')
    .requiredOption('--train <t>', 'reference cells per side (2-D: range,doppler)')
    .option('--k <k>', 'OS: rank of the reference cell (default round(3N/4))')
    .option('--pfa <p>', 'design probability of false alarm, in (0, 1)')
    .option('--scale <x>', 'typed-in threshold factor instead of --pfa')
    .option('--impl <impl>', 'native|reference (default: native, falling back to reference)')
    .option('--wrap', 'rows are one whole turn: the last row neighbours the first in plot extraction')
    .action(async (raw: Record<string, string | boolean | undefined>) => {
      const dtype = raw.dtype as string;
      if (!(dtype in DTYPES)) throw new UsageError(`--dtype must be u8, u16 or f32, got "${dtype}"`);
      const method = raw.method as string;
      if (!(METHODS as readonly string[]).includes(method)) throw new UsageError(`--method must be one of ${METHODS.join(', ')}, got "${method}"`);
      const pairs = method.endsWith('2d') ? 2 : 1;
      const impl = raw.impl as string | undefined;
      if (impl !== undefined && impl !== 'native' && impl !== 'reference') throw new UsageError(`--impl must be native or reference, got "${impl}"`);
      let pfa: number | undefined;
      let scale: number | undefined;
      if (raw.scale !== undefined) {
        scale = Number(raw.scale);
        if (!Number.isFinite(scale) || scale <= 0) throw new UsageError(`--scale must be a number > 0, got "${String(raw.scale)}"`);
      } else if (raw.pfa !== undefined) {
        pfa = parseSchemaNumberOption('--pfa', detectionConfigSchema.shape.pfa)(String(raw.pfa));
      } else {
        throw new UsageError('give --pfa P (or a threshold factor with --scale X)');
      }
      const summary = await runDetect({
        input: raw.input as string,
        dtype: dtype as DetectCliOptions['dtype'],
        rows: positiveInt('--rows', raw.rows as string),
        cols: positiveInt('--cols', raw.cols as string),
        method: method as DetectCliOptions['method'],
        guard: intList('--guard', raw.guard as string, pairs),
        train: intList('--train', raw.train as string, pairs),
        ...(raw.k !== undefined ? { k: positiveInt('--k', raw.k as string) } : {}),
        ...(pfa !== undefined ? { pfa } : {}),
        ...(scale !== undefined ? { scale } : {}),
        ...(impl ? { impl: impl } : {}),
        wrap: raw.wrap === true,
      });
      writeJsonLine(ctx.stdout, summary);
      ctx.exitCode = EXIT_OK;
    });
}
