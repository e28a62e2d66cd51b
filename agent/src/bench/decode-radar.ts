import { Cat240Decoder } from '../protocols/cat240/decoder.js';
import { encodeCat240Video } from '../protocols/cat240/encoder.js';
import { TiMmwaveDecoder } from '../protocols/ti-mmwave/decoder.js';
import { createTiMmwaveSim } from '../sim/ti-mmwave.js';

/**
 * Decode throughput of the radar-side decoders on one core (CPU time, see `cpuSeconds`), against
 * a memcpy of the same buffer in the same chunks measured in the same run (the ceiling no decoder
 * can beat). The buffer is
 * built from realistic frames before timing; `bench decode` calls these and prints the figures.
 */
export interface RadarDecodeBenchResult {
  name: string;
  /** Decoder throughput, MB/s (10^6 bytes). */
  mbPerSec: number;
  /** memcpy of the same bytes in the same chunks, MB/s. */
  memcpyMbPerSec: number;
  /** mbPerSec / memcpyMbPerSec. */
  fractionOfMemcpy: number;
  bytes: number;
  frames: number;
  framesPerSec: number;
  seconds: number;
  chunkBytes: number;
  /** What one frame is, in words. */
  frameDescription: string;
  /** Counters must show a clean decode: anything skipped means the benchmark measured resync. */
  bytesSkipped: number;
}

export interface RadarDecodeBenchOptions {
  /** Size of the synthetic stream. Default 64 MiB. */
  totalBytes?: number;
  /** Bytes per push, like a serial or socket read. Default 64 KiB. */
  chunkBytes?: number;
  /**
   * Timed runs; the best is reported (decoder and memcpy alike), which filters out other load
   * on a shared machine. Default 3.
   */
  repeats?: number;
}

export interface Cat240BenchOptions extends RadarDecodeBenchOptions {
  /** Cells per spoke (default 1024) and bits per cell (default 8). */
  cellsPerSpoke?: number;
  resolutionBits?: 8 | 16;
}

export interface TiBenchOptions extends RadarDecodeBenchOptions {
  /** Include the range-Doppler heatmap (256 x 16 u16, the simulator's default) in each frame. Default false: points, side info, range profile, stats, temperatures as in the real capture. */
  heatmap?: boolean;
}

const MIB = 1024 * 1024;

/** CAT240 video: one 1024-cell 8-bit spoke per block (I041, I051), as the simulator sends. */
export function benchCat240(options: Cat240BenchOptions = {}): RadarDecodeBenchResult {
  const cells = options.cellsPerSpoke ?? 1024;
  const bits = options.resolutionBits ?? 8;
  const templates: Buffer[] = [];
  let s = 12345;
  for (let i = 0; i < 64; i++) {
    const v = bits === 8 ? new Uint8Array(cells) : new Uint16Array(cells);
    for (let k = 0; k < cells; k++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      // Noise-like video: exponential-ish power, log-compressed into the cell range.
      v[k] = Math.min(bits === 8 ? 255 : 65535, Math.floor(-Math.log((s >>> 8) / 16777216 + 1e-9) * (bits === 8 ? 20 : 5000)));
    }
    templates.push(encodeCat240Video({ sac: 1, sic: 2, msgIndex: 0, startAzimuth: i * 32, endAzimuth: i * 32 + 32, startRangeCell: 0, cellDurationFs: 50_034_569, resolutionBits: bits, cells: v, timeOfDaySeconds: 3600 }, { header: 'I041' }));
  }
  const { buffer, frames } = fill(options.totalBytes ?? 64 * MIB, (i) => {
    const t = Buffer.from(templates[i % templates.length]);
    t.writeUInt32BE(i >>> 0, 8); // MSG_INDEX (after CAT, LEN, FSPEC x2, SAC, SIC, TYPE) keeps counting: no gaps
    return t;
  });
  let decoded = 0;
  let skipped = 0;
  const result = time(buffer, options, () => {
    const dec = new Cat240Decoder({ onFrame: () => { decoded++; } });
    return { push: (chunk, rx) => dec.push(chunk, rx), end: () => { dec.end(); skipped += dec.counters.bytesSkipped; } };
  });
  return finish('cat240', result, frames, decoded / result.runs, skipped, `one spoke of ${cells} cells x ${bits} bits (${templates[0].length} bytes)`);
}

/** TI mmWave frames from the simulator: like the real IWR1642 capture (about 700 bytes), or with the heatmap. */
export function benchTiMmwave(options: TiBenchOptions = {}): RadarDecodeBenchResult {
  const sim = createTiMmwaveSim({ seed: 1, heatmap: options.heatmap ?? false });
  const templates: Buffer[] = [];
  for (let i = 0; i < 64; i++) templates.push(Buffer.from(sim.next()!.bytes));
  const { buffer, frames } = fill(options.totalBytes ?? 64 * MIB, (i) => {
    const t = Buffer.from(templates[i % templates.length]);
    t.writeUInt32LE((i + 1) >>> 0, 20); // frameNumber keeps counting
    return t;
  });
  let decoded = 0;
  let skipped = 0;
  const result = time(buffer, options, () => {
    const dec = new TiMmwaveDecoder({ onFrame: () => { decoded++; } });
    return { push: (chunk, rx) => dec.push(chunk, rx), end: () => { dec.end(); skipped += dec.counters.bytesSkipped; } };
  });
  const size = templates.reduce((n, t) => n + t.length, 0) / templates.length;
  return finish(options.heatmap ? 'ti-mmwave+heatmap' : 'ti-mmwave', result, frames, decoded / result.runs, skipped,
    `one frame with points, side info, range profile, stats, temperatures${options.heatmap ? ', 256x16 range-Doppler heatmap' : ''} (~${Math.round(size)} bytes)`);
}

function fill(total: number, frameAt: (i: number) => Buffer): { buffer: Buffer; frames: number } {
  const parts: Buffer[] = [];
  let size = 0;
  let i = 0;
  while (size < total) {
    const f = frameAt(i++);
    parts.push(f);
    size += f.length;
  }
  return { buffer: Buffer.concat(parts), frames: i };
}

interface Timing {
  seconds: number;
  memcpySeconds: number;
  bytes: number;
  chunkBytes: number;
  runs: number;
}

type Rx = { monoMs: number; wallMs: number };

function time(buffer: Buffer, options: RadarDecodeBenchOptions, makeDecoder: () => { push: (c: Buffer, rx: Rx) => void; end: () => void }): Timing {
  const chunkBytes = options.chunkBytes ?? 64 * 1024;
  const runs = Math.max(1, options.repeats ?? 3);
  const rx: Rx = { monoMs: 0, wallMs: 0 };
  const target = Buffer.allocUnsafe(chunkBytes);
  let memcpySeconds = Infinity;
  let seconds = Infinity;
  for (let r = 0; r < runs; r++) {
    let t0 = cpuSeconds();
    for (let p = 0; p < buffer.length; p += chunkBytes) buffer.copy(target, 0, p, Math.min(p + chunkBytes, buffer.length));
    memcpySeconds = Math.min(memcpySeconds, cpuSeconds() - t0);
    const dec = makeDecoder(); // a fresh decoder per run: each sees the stream from its start
    t0 = cpuSeconds();
    for (let p = 0; p < buffer.length; p += chunkBytes) dec.push(buffer.subarray(p, Math.min(p + chunkBytes, buffer.length)), rx);
    dec.end();
    seconds = Math.min(seconds, cpuSeconds() - t0);
  }
  return { seconds, memcpySeconds, bytes: buffer.length, chunkBytes, runs };
}

/**
 * CPU time of this process (user + system), not wall time: on a shared 2-core machine other
 * processes stretch wall time by several times, while the CPU a decode takes stays put. GC
 * threads count too, which is fair: the decoder's garbage is its cost.
 */
function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

function finish(name: string, t: Timing, frames: number, decoded: number, bytesSkipped: number, frameDescription: string): RadarDecodeBenchResult {
  if (decoded !== frames) throw new Error(`${name} bench decoded ${decoded} of ${frames} frames: the benchmark input is wrong`);
  const mbPerSec = t.bytes / 1e6 / t.seconds;
  const memcpyMbPerSec = t.bytes / 1e6 / t.memcpySeconds;
  return {
    name,
    mbPerSec,
    memcpyMbPerSec,
    fractionOfMemcpy: mbPerSec / memcpyMbPerSec,
    bytes: t.bytes,
    frames,
    framesPerSec: frames / t.seconds,
    seconds: t.seconds,
    chunkBytes: t.chunkBytes,
    frameDescription,
    bytesSkipped,
  };
}
