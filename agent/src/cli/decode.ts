import type { Command } from 'commander';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { LookoutError } from '../errors.js';
import { TlogSplitter } from '../io/tlog.js';
import { isProtocolName, protocolEntry, type BinaryView } from '../protocols/registry.js';
import { PROTOCOL_NAMES, type ProtocolName } from '../protocols/types.js';
import { EXIT_OK, UsageError, type CliContext } from './common.js';

export interface DecodeOptions {
  protocol: ProtocolName;
  file: string;
  /** The file is a .tlog (u64 BE µs timestamp before each MAVLink packet); adds `timeMs` to each line. */
  tlog?: boolean;
  stats?: boolean;
  binary?: BinaryView;
  /** Read size; small values exercise chunk boundaries in tests. */
  chunkBytes?: number;
}

/**
 * Decodes a capture file to JSON lines on `out`: one per frame/sentence/packet (each with a
 * `type`), then with `stats` one `{"type":"stats", ...counters}`. The line of each protocol is
 * its registry JSON view (protocols/registry.ts): `cat240.video` / `cat240.summary`;
 * `ti-mmwave.frame` with `frame`, `version` ("3.4.0.3"), `platform` ("0xa1642") and `points`;
 * `nmea0183` with `talker`, `sentence` and the typed fields (raw `fields` for untyped ones);
 * `mavlink` with `msgid`, `name`, `sysid`, `compid`, `seq`, `signed` and the message fields in
 * SI units and degrees. Binary arrays print as `{length,min,max,mean}` or, with
 * `binary: 'base64'`, `{length,base64}`. Streams the file in chunks and
 * waits for `out` to drain when it says so, so a large file piped into a slow reader holds
 * memory to about one chunk's worth of lines.
 */
export async function runDecode(options: DecodeOptions, out: NodeJS.WritableStream): Promise<number> {
  const entry = protocolEntry(options.protocol);
  const binary = options.binary ?? 'summary';
  let lines: string[] = [];
  let frames = 0;
  const onFrame = (frame: unknown): void => {
    const json = entry.toJson(frame, { binary });
    // The decoder stamps each packet with the receive time of the push that completed it.
    if (options.tlog) json.timeMs = (frame as { rx: { wallMs: number } }).rx.wallMs;
    lines.push(JSON.stringify(json));
    frames++;
  };
  // MAVLink packets of unknown ids are printed too (name UNKNOWN, raw payload): a field engineer
  // reading a capture wants to see everything that went by.
  const decoder = entry.createDecoder(onFrame, options.protocol === 'mavlink' ? { emitUnknown: true } : {});
  const rx = { monoMs: 0, wallMs: 0 };
  const splitter = options.tlog
    ? new TlogSplitter({ onRecord: (r) => decoder.push(r.packet, { monoMs: r.timestampUs / 1000, wallMs: r.timestampUs / 1000 }) })
    : undefined;

  let outFailed: Error | undefined;
  const onOutError = (err: Error) => {
    outFailed = err;
  };
  out.on('error', onOutError);
  const flush = async (last = false): Promise<boolean> => {
    if (lines.length === 0 && !last) return true;
    const text = lines.join('\n') + (lines.length > 0 ? '\n' : '');
    lines = [];
    if (last) {
      // Resolve only once the last line has left: main() returns to a caller (a test, a
      // pipeline) that reads what was written.
      if (outFailed === undefined) await new Promise<void>((resolve) => out.write(text, () => resolve()));
    } else if (!out.write(text)) await drained(out);
    return outFailed === undefined;
  };

  let bytes = 0;
  try {
    const input = createReadStream(options.file, { highWaterMark: options.chunkBytes ?? 64 * 1024 });
    try {
      for await (const chunk of input as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        if (splitter) splitter.push(chunk);
        else decoder.push(chunk, rx);
        if (!(await flush())) break;
      }
    } finally {
      input.destroy();
    }
    splitter?.end();
    decoder.end();
    if (options.stats && outFailed === undefined) {
      const stats: Record<string, unknown> = { type: 'stats', protocol: options.protocol, bytes, lines: frames, ...decoder.counters };
      if (splitter) stats.tlog = { ...splitter.counters };
      lines.push(JSON.stringify(stats));
    }
    await flush(true);
  } catch (err) {
    throw new LookoutError('E_FILE', `cannot read ${options.file}: ${(err as Error).message}`, { cause: err, details: { path: options.file } });
  } finally {
    out.off('error', onOutError);
  }
  // A reader that went away (EPIPE from `| head`) is not a decoding failure.
  return EXIT_OK;
}

/** Resolves at 'drain', or when the stream closes or fails (then nothing will drain it). */
function drained(out: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      out.off('drain', done);
      out.off('close', done);
      out.off('error', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
    out.on('error', done);
  });
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('decode')
    .description('decode a capture file: one JSON line per frame, sentence or packet')
    .argument('<file>', 'capture file (raw bytes as they came off the link, or a .tlog with --tlog)')
    .requiredOption('--protocol <name>', `protocol: ${PROTOCOL_NAMES.join('|')}`)
    .option('--tlog', 'the file is a MAVLink .tlog (8-byte big-endian µs timestamp before each packet)')
    .option('--stats', 'print the decoder counters as a last line {"type":"stats",...}')
    .option('--binary <view>', 'binary arrays as summary ({length,min,max,mean}) or base64', 'summary')
    .action(async (file: string, opts: { protocol: string; tlog?: boolean; stats?: boolean; binary: string }) => {
      if (!isProtocolName(opts.protocol)) throw new UsageError(`unknown protocol "${opts.protocol}"; expected one of ${PROTOCOL_NAMES.join(', ')}`);
      if (opts.tlog && opts.protocol !== 'mavlink') throw new UsageError('--tlog applies to --protocol mavlink only');
      if (opts.binary !== 'summary' && opts.binary !== 'base64') throw new UsageError(`--binary must be summary or base64, got "${opts.binary}"`);
      const info = await stat(file).catch(() => undefined);
      if (info === undefined) throw new UsageError(`no such file: ${file}`);
      if (!info.isFile()) throw new UsageError(`not a regular file: ${file}`);
      ctx.exitCode = await runDecode({ protocol: opts.protocol, file, tlog: opts.tlog, stats: opts.stats, binary: opts.binary }, ctx.stdout);
    });
}
