/**
 * `record-start` / `record-stop`: a raw capture of one sensor's input into
 * `<dataDir>/recordings/<sensor>-<time>.lkr` (the format of `lookout record`: per chunk
 * `u64 BE µs | u32 BE length | bytes`, so `lookout replay` reads it), stopped at its duration,
 * at `commands.recordMaxBytes`, or by `record-stop`. One capture per sensor at a time; the file
 * name is the unit's own, never one a command names.
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { ReceiveTime } from '../io/types.js';
import { systemTimers, type TimerHandle, type Timers } from '../io/timers.js';

export interface RecordingTarget {
  /** Installs (or with undefined removes) a tap on the sensor's input; false when the sensor has none. */
  tap(sensor: string, tap: ((chunk: Uint8Array, rx: ReceiveTime) => void) | undefined): boolean;
}

interface Capture {
  file: string;
  out: WriteStream;
  bytes: number;
  chunks: number;
  timer: TimerHandle;
  full: boolean;
}

export interface CaptureSummary {
  sensor: string;
  file: string;
  bytes: number;
  chunks: number;
  /** Stopped because it reached commands.recordMaxBytes. */
  full: boolean;
}

export class Recorder {
  private readonly captures = new Map<string, Capture>();

  constructor(
    private readonly o: { dataDir: string; maxBytes: number; target: RecordingTarget; logger: Logger; timers?: Timers },
  ) {}

  start(sensor: string, seconds: number, wallMs: number): { file: string; maxBytes: number } {
    if (this.captures.has(sensor)) throw new RangeError(`sensor ${sensor} is being recorded already (record-stop first)`);
    const dir = join(this.o.dataDir, 'recordings');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${sensor}-${new Date(wallMs).toISOString().replace(/[:.]/g, '-')}.lkr`);
    const out = createWriteStream(file, { flags: 'wx', mode: 0o640 });
    out.on('error', (err) => this.o.logger.error({ err, file }, 'recording failed'));
    const timers = this.o.timers ?? systemTimers;
    const capture: Capture = { file, out, bytes: 0, chunks: 0, full: false, timer: timers.setTimeout(() => this.stop(sensor), seconds * 1000) };
    capture.timer.unref?.();
    const ok = this.o.target.tap(sensor, (chunk, rx) => {
      if (capture.bytes + 12 + chunk.length > this.o.maxBytes) {
        capture.full = true;
        this.stop(sensor);
        return;
      }
      const head = Buffer.alloc(12);
      head.writeBigUInt64BE(BigInt(Math.round(rx.wallMs * 1000)), 0);
      head.writeUInt32BE(chunk.length, 8);
      out.write(head);
      out.write(chunk);
      capture.bytes += 12 + chunk.length;
      capture.chunks++;
    });
    if (!ok) {
      timers.clearTimeout(capture.timer);
      out.destroy();
      throw new RangeError(`sensor "${sensor}" has no input to record`);
    }
    this.captures.set(sensor, capture);
    this.o.logger.info({ sensor, file, seconds }, 'recording started');
    return { file, maxBytes: this.o.maxBytes };
  }

  /** Stops one capture (or all, without a sensor); returns what each wrote. */
  stop(sensor?: string): CaptureSummary[] {
    const out: CaptureSummary[] = [];
    for (const [id, c] of this.captures) {
      if (sensor !== undefined && id !== sensor) continue;
      this.o.target.tap(id, undefined);
      (this.o.timers ?? systemTimers).clearTimeout(c.timer);
      c.out.end();
      this.captures.delete(id);
      out.push({ sensor: id, file: c.file, bytes: c.bytes, chunks: c.chunks, full: c.full });
      this.o.logger.info({ sensor: id, file: c.file, bytes: c.bytes, full: c.full }, 'recording stopped');
    }
    return out;
  }
}
