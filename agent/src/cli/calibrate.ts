import type { Command } from 'commander';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { SerialPort } from 'serialport';
import { stringify } from 'yaml';
import { evaluateBlock, recommend, VideoSurveyor } from '../detect/calibrate.js';
import { loadKernels } from '../detect/kernels.js';
import { LookoutError } from '../errors.js';
import { parseSerialSpec } from '../io/config.js';
import { PROTOCOLS } from '../protocols/registry.js';
import { EXIT_OK, parseIntOption, UsageError, type CliContext } from './common.js';

/**
 * `lookout calibrate --protocol cat240 FILE | --sensor PATH[@BAUD] [--turns N]`: reads some turns
 * of radar video, says what kind of video it is, prints on stdout a YAML document whose single
 * key `detection:` is the block to paste into sensors[].detection, and on stderr the reasons and
 * what that block gives on the same video (plots per turn, recurrence, cells covered).
 */

export interface CalibrateOptions {
  protocol: string;
  file?: string;
  sensor?: string;
  turns: number;
  /** Live port: give up after this long without enough turns. */
  timeoutMs?: number;
}

const MIN_TURNS = 2;

function inputError(message: string, details: Record<string, unknown>): LookoutError {
  return new LookoutError('E_VIDEO', message, { details });
}

/** Feeds bytes from the file (gzip'd or not) until the surveyor has its turns. */
async function readFile(file: string, push: (chunk: Buffer) => boolean): Promise<number> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (err) {
    throw new LookoutError('E_VIDEO', `cannot read ${file}: ${(err as Error).message}`, { cause: err, details: { file } });
  }
  if (size === 0) throw inputError(`${file} is empty`, { file });
  const head = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    createReadStream(file, { start: 0, end: 1 })
      .on('data', (c) => chunks.push(c as Buffer))
      .on('end', () => resolve(Buffer.concat(chunks)))
      .on('error', reject);
  });
  const raw = createReadStream(file, { highWaterMark: 1 << 16 });
  const stream = head[0] === 0x1f && head[1] === 0x8b ? raw.pipe(createGunzip()) : raw;
  let bytes = 0;
  try {
    for await (const chunk of stream) {
      bytes += (chunk as Buffer).length;
      if (!push(chunk as Buffer)) break;
    }
  } catch (err) {
    throw inputError(`${file} is not readable video: ${(err as Error).message}`, { file });
  } finally {
    raw.destroy();
  }
  return bytes;
}

/** How long a live port may stay quiet before the decoder decides what it holds, and before calibrate gives up on more. */
const IDLE_FLUSH_MS = 250;
const IDLE_END_MS = 5_000;

async function readSerial(spec: string, timeoutMs: number, push: (chunk: Buffer) => boolean, idle: () => boolean): Promise<number> {
  const { path, baud } = parseSerialSpec(spec);
  const port = new SerialPort({ path, baudRate: baud ?? 921600, autoOpen: false });
  await new Promise<void>((resolve, reject) =>
    port.open((err) => (err ? reject(new LookoutError('E_SERIAL_OPEN', `cannot open serial port ${path}: ${err.message}`, { cause: err, details: { path } })) : resolve())),
  );
  let bytes = 0;
  await new Promise<void>((resolve) => {
    let quietMs = 0;
    const done = (): void => {
      clearTimeout(timer);
      clearInterval(tick);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    // A stream decoder holds back a block until the next one starts: on a quiet link it is told
    // to decide; a link quiet for long (the sender stopped) ends the reading.
    const tick = setInterval(() => {
      quietMs += IDLE_FLUSH_MS;
      if (quietMs === IDLE_FLUSH_MS && !idle()) done();
      else if (bytes > 0 && quietMs >= IDLE_END_MS) done();
    }, IDLE_FLUSH_MS);
    port.on('data', (c: Buffer) => {
      bytes += c.length;
      quietMs = 0;
      if (!push(c)) done();
    });
    port.on('error', () => {});
    // The other end went away (a cable pulled): decide on what came.
    port.on('close', done);
  });
  if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  return bytes;
}

export async function runCalibrate(o: CalibrateOptions, ctx: CliContext): Promise<number> {
  if (o.protocol !== 'cat240') throw new UsageError(`calibrate reads radar video: --protocol cat240 (got "${o.protocol}")`);
  if ((o.file === undefined) === (o.sensor === undefined)) throw new UsageError('calibrate needs either FILE or --sensor PATH[@BAUD]');
  const source = o.file ?? o.sensor!;
  const surveyor = new VideoSurveyor(o.turns);
  let more = true;
  const decoder = PROTOCOLS.cat240.createDecoder((m) => {
    if (more && m.type === 'cat240.video') more = surveyor.push(m);
  });
  const rx = { monoMs: 0, wallMs: 0 };
  const push = (chunk: Buffer): boolean => {
    decoder.push(chunk, rx);
    return more;
  };
  const idle = (): boolean => {
    decoder.flush?.();
    return more;
  };
  const bytes = o.file ? await readFile(o.file, push) : await readSerial(o.sensor!, o.timeoutMs ?? 60_000, push, idle);
  decoder.end();
  const survey = surveyor.result();
  if (!survey) throw inputError(`${source} holds no CAT240 video (${bytes} bytes read, no video message decoded)`, { source, bytes });
  if (survey.turns < MIN_TURNS) {
    throw inputError(`${source} is too short: ${survey.spokes} spokes, ${survey.turns} whole turn(s); calibrate needs at least ${MIN_TURNS}`, { source, spokes: survey.spokes });
  }
  const rec = recommend(survey);
  const kernels = loadKernels({ logger: { error: () => {}, info: () => {}, debug: () => {} } });
  const block = rec.detection;
  const withoutMap = block.clutterMap ? { ...block, clutterMap: { ...block.clutterMap, enabled: false } } : block;
  const plain = evaluateBlock(surveyor.spokes, withoutMap, kernels);
  const err = ctx.stderr;
  err.write(`calibrate: ${source}\n`);
  for (const r of rec.reasons) err.write(`  ${r}\n`);
  const fig = (label: string, f: typeof plain): void => {
    err.write(
      `  ${label}: ${f.plotsPerTurn.toFixed(1)} plots per turn over ${f.turns} turns, ${(100 * f.recurrence).toFixed(1)} % recur next turn, ` +
        `${(100 * f.covered).toFixed(1)} % of the non-zero cells covered${f.cellsLearnt ? `, ${f.cellsLearnt} cells learnt` : ''}\n`,
    );
  };
  fig(block.clutterMap ? 'with this block, clutter map off' : 'with this block', plain);
  if (block.clutterMap) {
    const mapped = evaluateBlock(surveyor.spokes, block, kernels);
    fig('with the clutter map on', mapped);
    err.write(`  plots per turn with the map, turn by turn: ${mapped.perTurn.join(' ')}\n`);
  }
  ctx.stdout.write(stringify({ detection: block }));
  return EXIT_OK;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('calibrate')
    .description('measure some turns of radar video and recommend its detection block (YAML on stdout, reasons on stderr)')
    .argument('[file]', 'a CAT240 capture (raw bytes, or gzip\'d)')
    .requiredOption('--protocol <p>', 'the video protocol (cat240)')
    .option('--sensor <path[@baud]>', 'read a live serial port instead of a file')
    .option('--turns <n>', 'whole turns to read', parseIntOption('--turns', MIN_TURNS, 1000), 10)
    .addHelpText('after', '\nExample:\n  lookout calibrate --protocol cat240 harbour.cat240 > detection.yaml\n')
    .action(async (file: string | undefined, flags: { protocol: string; sensor?: string; turns: number }) => {
      ctx.exitCode = await runCalibrate({ protocol: flags.protocol, turns: flags.turns, ...(file ? { file } : {}), ...(flags.sensor ? { sensor: flags.sensor } : {}) }, ctx);
    });
}
