import { createWriteStream, type WriteStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { extname } from 'node:path';
import { LookoutError } from '../errors.js';
import { isClockStep, readU64BE, TlogSplitter, writeU64BE } from './tlog.js';
import { systemClock, type ByteSource, type ByteSourceEvents, type Clock, type ReceiveTime, type SourceCounters } from './types.js';

/**
 * Files as byte sources, and the recorder's writer.
 *
 * Formats:
 * - `raw`: the bytes as they came off the link, no timing. Delivered in chunks, as fast as the
 *   consumer takes them.
 * - `lkr` (Lookout recording): per chunk `u64 BE µs since the Unix epoch | u32 BE length | bytes`.
 *   What `lookout record` writes: any protocol, chunk boundaries and timing kept.
 * - `tlog` (MAVLink): per packet `u64 BE µs | one MAVLink packet` (length from the packet header).
 * Timestamped formats replay at the recorded pace times `speed`, or as fast as possible.
 */
export type RecordingFormat = 'raw' | 'lkr' | 'tlog';

export const LKR_HEADER_BYTES = 12;
/** A chunk longer than this in an .lkr is corruption, not data (serial reads are KiBs). */
export const LKR_MAX_CHUNK_BYTES = 16 * 1024 * 1024;

/** The format a path's extension implies: .lkr, .tlog, anything else raw. */
export function recordingFormatOf(path: string): RecordingFormat {
  const ext = extname(path).toLowerCase();
  return ext === '.lkr' ? 'lkr' : ext === '.tlog' ? 'tlog' : 'raw';
}

export interface FileSourceOptions extends ByteSourceEvents {
  path: string;
  /** Default: from the extension (`recordingFormatOf`). */
  format?: RecordingFormat;
  /**
   * Timestamped formats: 1 = recorded pace, 10 = ten times faster, 'max' = as fast as possible
   * (the default). Raw files are always read as fast as possible.
   */
  speed?: number | 'max';
  /** Raw files: bytes per onData call. Default 64 KiB. */
  chunkBytes?: number;
  /** Called once when every byte has been delivered (not after stop()). */
  onEnd?(): void;
  clock?: Clock;
  /** Waits (replay pacing); tests hand in a fake. */
  sleep?: (ms: number) => Promise<void>;
}

export interface FileSourceCounters extends SourceCounters {
  chunks: number;
  /** Timestamped formats: records that could not be read (corrupt length, cut short). */
  badRecords: number;
  /**
   * Timestamped formats: steps of the recorded clock (back by more than a minute, or forward by
   * more than a day). The replay's monotonic time and pace go straight on over them.
   */
  clockSteps: number;
}

const READ_BLOCK_BYTES = 64 * 1024;
/** Yield to the event loop this often when reading flat out, so stop() and timers get a turn. */
const YIELD_EVERY_CHUNKS = 16;

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reads a file and hands its bytes to `onData`. Raw files get receive times from the clock;
 * recordings carry their recorded wall time (`rx.wallMs`), and a monotonic time that advances
 * as the recording did (`rx.monoMs`), so decoders and later stages see the original timing.
 * A missing file rejects `start()` with E_FILE; faults while reading go to `onError` and end it.
 */
export class FileSource implements ByteSource {
  readonly name: string;
  readonly format: RecordingFormat;
  readonly counters: FileSourceCounters = { opens: 0, losses: 0, bytes: 0, errors: 0, chunks: 0, badRecords: 0, clockSteps: 0 };
  private readonly options: FileSourceOptions;
  private readonly clock: Clock;
  private readonly sleep: (ms: number) => Promise<void>;
  private fh: FileHandle | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(options: FileSourceOptions) {
    if (typeof options?.path !== 'string' || options.path === '') throw new TypeError('FileSource needs a path');
    if (typeof options.onData !== 'function') throw new TypeError('FileSource needs onData');
    const speed = options.speed ?? 'max';
    if (speed !== 'max' && !(typeof speed === 'number' && speed > 0 && Number.isFinite(speed))) {
      throw new RangeError(`speed must be a positive number or 'max', got ${String(speed)}`);
    }
    const chunk = options.chunkBytes ?? READ_BLOCK_BYTES;
    if (!Number.isInteger(chunk) || chunk < 1) throw new RangeError(`chunkBytes must be a positive integer, got ${String(chunk)}`);
    this.options = options;
    this.format = options.format ?? recordingFormatOf(options.path);
    this.name = `file:${options.path}`;
    this.clock = options.clock ?? systemClock;
    this.sleep = options.sleep ?? defaultSleep;
  }

  async start(): Promise<void> {
    this.stopped = false;
    try {
      this.fh = await open(this.options.path, 'r');
    } catch (err) {
      throw new LookoutError('E_FILE', `cannot open ${this.options.path}: ${(err as Error).message}`, { cause: err, details: { path: this.options.path } });
    }
    this.counters.opens++;
    this.options.onOpen?.();
    this.running = this.run().catch((err: unknown) => {
      this.counters.errors++;
      this.options.onError?.(new LookoutError('E_FILE', `reading ${this.options.path} failed: ${(err as Error).message}`, { cause: err, details: { path: this.options.path } }));
    });
  }

  /** Resolves when the whole file has been delivered (or the source was stopped). */
  async done(): Promise<void> {
    await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
    this.running = undefined;
  }

  private async run(): Promise<void> {
    const fh = this.fh!;
    try {
      if (this.format === 'raw') await this.runRaw(fh);
      else await this.runTimestamped(fh);
      if (!this.stopped) this.options.onEnd?.();
    } finally {
      this.fh = undefined;
      await fh.close();
      this.options.onClose?.();
    }
  }

  private async runRaw(fh: FileHandle): Promise<void> {
    const size = this.options.chunkBytes ?? READ_BLOCK_BYTES;
    for (let n = 0; !this.stopped; n++) {
      const chunk = Buffer.alloc(size);
      const { bytesRead } = await fh.read(chunk, 0, size, null);
      if (bytesRead === 0) return;
      this.deliver(chunk.subarray(0, bytesRead), { monoMs: this.clock.monoMs(), wallMs: this.clock.wallMs() });
      if (n % YIELD_EVERY_CHUNKS === YIELD_EVERY_CHUNKS - 1) await new Promise<void>((r) => setImmediate(r));
    }
  }

  private async runTimestamped(fh: FileHandle): Promise<void> {
    const speed = this.options.speed ?? 'max';
    let lastTsUs: number | undefined;
    /** Recorded time since the first record, clock steps left out (a log paused and resumed, a clock reset). */
    let timelineUs = 0;
    let startMono = 0;
    let n = 0;
    for await (const rec of timestampedRecords(fh, this.format as 'lkr' | 'tlog', this.counters)) {
      if (this.stopped) return;
      if (lastTsUs === undefined) {
        startMono = this.clock.monoMs();
      } else if (isClockStep(rec.timestampUs - lastTsUs)) {
        this.counters.clockSteps++;
      } else {
        timelineUs += rec.timestampUs - lastTsUs;
      }
      lastTsUs = rec.timestampUs;
      const offsetMs = timelineUs / 1000;
      if (speed !== 'max') {
        const due = startMono + offsetMs / speed;
        const wait = due - this.clock.monoMs();
        if (wait > 0) await this.sleep(wait);
        if (this.stopped) return;
      } else if (++n % YIELD_EVERY_CHUNKS === 0) {
        await new Promise<void>((r) => setImmediate(r));
      }
      this.deliver(rec.bytes, { monoMs: startMono + offsetMs / (speed === 'max' ? 1 : speed), wallMs: rec.timestampUs / 1000 });
    }
  }

  private deliver(chunk: Buffer, rx: ReceiveTime): void {
    this.counters.bytes += chunk.length;
    this.counters.chunks++;
    this.options.onData(chunk, rx);
  }
}

export interface TimestampedChunk {
  timestampUs: number;
  bytes: Buffer;
}

/**
 * Records of an .lkr or .tlog file, read in 64 KiB blocks. A corrupt .lkr length ends the
 * iteration (counted): without a marker there is nothing to resynchronise on. A .tlog
 * resynchronises on packet starts (see TlogSplitter).
 */
export async function* timestampedRecords(fh: FileHandle, format: 'lkr' | 'tlog', counters?: { badRecords: number }): AsyncGenerator<TimestampedChunk> {
  const block = Buffer.alloc(READ_BLOCK_BYTES);
  if (format === 'tlog') {
    const pending: TimestampedChunk[] = [];
    const splitter = new TlogSplitter({ onRecord: (r) => pending.push({ timestampUs: r.timestampUs, bytes: r.packet }) });
    for (;;) {
      const { bytesRead } = await fh.read(block, 0, block.length, null);
      if (bytesRead === 0) break;
      splitter.push(block.subarray(0, bytesRead));
      while (pending.length > 0) yield pending.shift()!;
    }
    splitter.end();
    while (pending.length > 0) yield pending.shift()!;
    if (counters) counters.badRecords += splitter.counters.resyncs + splitter.counters.truncated;
    return;
  }
  let buf = Buffer.alloc(0);
  let eof = false;
  for (;;) {
    while (buf.length >= LKR_HEADER_BYTES) {
      const length = buf.readUInt32BE(8);
      if (length > LKR_MAX_CHUNK_BYTES) {
        if (counters) counters.badRecords++;
        return;
      }
      if (buf.length < LKR_HEADER_BYTES + length) break;
      const timestampUs = readU64BE(buf, 0);
      yield { timestampUs, bytes: Buffer.from(buf.subarray(LKR_HEADER_BYTES, LKR_HEADER_BYTES + length)) };
      buf = buf.subarray(LKR_HEADER_BYTES + length);
    }
    if (eof) {
      if (buf.length > 0 && counters) counters.badRecords++;
      return;
    }
    const { bytesRead } = await fh.read(block, 0, block.length, null);
    if (bytesRead === 0) eof = true;
    else buf = Buffer.concat([buf, block.subarray(0, bytesRead)]);
  }
}

/** Reads every record of a recording file (.lkr or .tlog) into memory: for tools and tests. */
export async function readRecording(path: string, format: 'lkr' | 'tlog' = recordingFormatOf(path) as 'lkr' | 'tlog'): Promise<TimestampedChunk[]> {
  if (format !== 'lkr' && format !== 'tlog') throw new TypeError(`${path} is not a timestamped recording (.lkr or .tlog)`);
  const fh = await open(path, 'r');
  try {
    const out: TimestampedChunk[] = [];
    for await (const r of timestampedRecords(fh, format)) out.push(r);
    return out;
  } finally {
    await fh.close();
  }
}

/** One .lkr record: u64 BE µs, u32 BE length, bytes. */
export function encodeLkrRecord(timestampUs: number, bytes: Uint8Array): Buffer {
  if (bytes.length > LKR_MAX_CHUNK_BYTES) throw new RangeError(`an .lkr chunk holds at most ${LKR_MAX_CHUNK_BYTES} bytes`);
  const out = Buffer.allocUnsafe(LKR_HEADER_BYTES + bytes.length);
  writeU64BE(out, 0, timestampUs);
  out.writeUInt32BE(bytes.length, 8);
  out.set(bytes, LKR_HEADER_BYTES);
  return out;
}

export interface TimestampedWriterOptions {
  path: string;
  /** 'lkr' (default): with a length per chunk, for any protocol. 'tlog': no length, so each chunk must be one MAVLink packet. */
  format?: 'lkr' | 'tlog';
  /** Append to an existing file instead of replacing it. */
  append?: boolean;
  clock?: Clock;
}

/**
 * Writes each chunk as it arrives with its receive time, for `lookout record`. Writes are
 * buffered by the stream; `close()` flushes and reports the first write error as E_FILE.
 */
export class TimestampedWriter {
  readonly format: 'lkr' | 'tlog';
  private readonly stream: WriteStream;
  private readonly clock: Clock;
  private error: Error | undefined;
  private closed = false;
  bytesWritten = 0;
  records = 0;

  constructor(options: TimestampedWriterOptions) {
    if (typeof options?.path !== 'string' || options.path === '') throw new TypeError('TimestampedWriter needs a path');
    this.format = options.format ?? 'lkr';
    if (this.format !== 'lkr' && this.format !== 'tlog') throw new RangeError(`format must be 'lkr' or 'tlog', got ${String(options.format)}`);
    this.clock = options.clock ?? systemClock;
    this.stream = createWriteStream(options.path, { flags: options.append ? 'a' : 'w' });
    this.stream.on('error', (err) => {
      this.error ??= err;
    });
  }

  /**
   * Appends one chunk stamped with `wallMs` (default: the clock's now). Returns false when the
   * stream's buffer is full (wait for `drain()` before writing much more).
   */
  write(chunk: Uint8Array, wallMs: number = this.clock.wallMs()): boolean {
    if (this.closed) throw new TypeError('TimestampedWriter is closed');
    const timestampUs = Math.round(wallMs * 1000);
    let record: Buffer;
    if (this.format === 'lkr') {
      record = encodeLkrRecord(timestampUs, chunk);
    } else {
      record = Buffer.allocUnsafe(8 + chunk.length);
      writeU64BE(record, 0, timestampUs);
      record.set(chunk, 8);
    }
    this.bytesWritten += record.length;
    this.records++;
    return this.stream.write(record);
  }

  drain(): Promise<void> {
    return this.stream.writableNeedDrain ? new Promise((resolve) => this.stream.once('drain', () => resolve())) : Promise.resolve();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await new Promise<void>((resolve) => this.stream.end(() => resolve()));
    if (this.stream.closed === false) await new Promise<void>((resolve) => this.stream.once('close', () => resolve()));
    if (this.error) throw new LookoutError('E_FILE', `writing ${String(this.stream.path)} failed: ${this.error.message}`, { cause: this.error, details: { path: String(this.stream.path) } });
  }
}
