import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  encodeLkrRecord, FileSource, readRecording, recordingFormatOf, TimestampedWriter, type FileSourceOptions,
} from '../../../agent/src/io/file.js';
import type { ReceiveTime } from '../../../agent/src/io/types.js';
import { isLookoutError } from '../../../agent/src/errors.js';
import { SHARED_DATA } from '../../helpers/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'lookout-file-'));
const T0_US = 1_700_000_000_000_000;

/** A fake clock whose sleep advances time: pacing is checked without wall-clock thresholds. */
function fakeTime(): { clock: { monoMs(): number; wallMs(): number }; sleep: (ms: number) => Promise<void>; sleeps: number[] } {
  let now = 1000;
  const sleeps: number[] = [];
  return {
    clock: { monoMs: () => now, wallMs: () => 1_700_000_000_000 + now },
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
  };
}

async function collect(opts: Omit<FileSourceOptions, 'onData'>): Promise<{ chunks: Buffer[]; rx: ReceiveTime[]; ended: boolean; src: FileSource }> {
  const chunks: Buffer[] = [];
  const rx: ReceiveTime[] = [];
  let ended = false;
  const src = new FileSource({ ...opts, onData: (c, r) => { chunks.push(Buffer.from(c)); rx.push(r); }, onEnd: () => { ended = true; } });
  await src.start();
  await src.done();
  return { chunks, rx, ended, src };
}

describe('recording formats', () => {
  it('picks the format from the extension', () => {
    expect(recordingFormatOf('a.lkr')).toBe('lkr');
    expect(recordingFormatOf('a.TLOG')).toBe('tlog');
    expect(recordingFormatOf('a.bin')).toBe('raw');
  });

  it('lays out an .lkr record as u64 BE µs | u32 BE length | bytes', () => {
    expect([...encodeLkrRecord(0x0102030405, Buffer.from([9, 8]))]).toEqual([0, 0, 0, 0x01, 0x02, 0x03, 0x04, 0x05, 0, 0, 0, 2, 9, 8]);
  });
});

describe('FileSource: raw', () => {
  it('delivers the whole file in chunks of the configured size, then ends', async () => {
    const path = join(dir, 'raw.bin');
    const data = Buffer.from(Array.from({ length: 10_000 }, (_, i) => i & 0xff));
    writeFileSync(path, data);
    const { chunks, ended, src } = await collect({ path, chunkBytes: 3000 });
    expect(chunks.map((c) => c.length)).toEqual([3000, 3000, 3000, 1000]);
    expect(Buffer.concat(chunks)).toEqual(data);
    expect(ended).toBe(true);
    expect(src.counters).toMatchObject({ bytes: 10_000, chunks: 4 });
  });

  it('reads the real TI capture byte for byte', async () => {
    const path = join(SHARED_DATA, 'ti-mmwave', 'xwr16xx_processed_stream_2020_06_26T14_00_37_341.dat');
    const { chunks } = await collect({ path, format: 'raw' });
    expect(Buffer.concat(chunks).equals(readFileSync(path))).toBe(true);
  });

  it('rejects start() with E_FILE for a missing file', async () => {
    const src = new FileSource({ path: join(dir, 'nope.bin'), onData: () => {} });
    const err = await src.start().catch((e: unknown) => e);
    expect(isLookoutError(err, 'E_FILE')).toBe(true);
  });

  it('refuses misuse', () => {
    expect(() => new FileSource({ path: '', onData: () => {} })).toThrow(TypeError);
    expect(() => new FileSource({ path: 'x', onData: () => {}, speed: 0 })).toThrow(RangeError);
  });
});

describe('TimestampedWriter and FileSource: .lkr', () => {
  const path = join(dir, 'rec.lkr');
  const chunks = [Buffer.from('abc'), Buffer.alloc(0), Buffer.from([0xf0, 0, 5]), Buffer.alloc(70_000, 7)];
  const atMs = [0, 10, 250, 1250];

  it('writes what arrives with its time and reads it back', async () => {
    const w = new TimestampedWriter({ path });
    chunks.forEach((c, i) => w.write(c, T0_US / 1000 + atMs[i]!));
    await w.close();
    expect(w.records).toBe(4);
    expect(readFileSync(path).length).toBe(4 * 12 + 3 + 3 + 70_000);
    const recs = await readRecording(path);
    expect(recs.map((r) => r.bytes)).toEqual(chunks);
    expect(recs.map((r) => r.timestampUs - T0_US)).toEqual(atMs.map((m) => m * 1000));
  });

  it('replays at the recorded pace times the speed factor, with the recorded wall time', async () => {
    const t = fakeTime();
    const { chunks: got, rx } = await collect({ path, speed: 2, clock: t.clock, sleep: t.sleep });
    expect(got).toEqual(chunks);
    expect(t.sleeps).toEqual([5, 120, 500]);
    expect(rx.map((r) => r.wallMs - T0_US / 1000)).toEqual(atMs);
    expect(rx.map((r) => r.monoMs - 1000)).toEqual([0, 5, 125, 625]);
  });

  it('replays as fast as possible without sleeping', async () => {
    const t = fakeTime();
    const { chunks: got, rx } = await collect({ path, speed: 'max', clock: t.clock, sleep: t.sleep });
    expect(got).toEqual(chunks);
    expect(t.sleeps).toEqual([]);
    expect(rx.map((r) => r.wallMs - T0_US / 1000)).toEqual(atMs);
  });

  it('stops mid-replay on stop()', async () => {
    let n = 0;
    let src!: FileSource;
    const slow = async (): Promise<void> => { void src.stop(); };
    src = new FileSource({ path, speed: 1, sleep: slow, onData: () => { n++; } });
    await src.start();
    await src.done();
    expect(n).toBe(1);
  });

  it('counts a record cut short at the end', async () => {
    const cut = join(dir, 'cut.lkr');
    writeFileSync(cut, readFileSync(path).subarray(0, 40));
    const src = new FileSource({ path: cut, onData: () => {} });
    await src.start();
    await src.done();
    expect(src.counters).toMatchObject({ chunks: 2, badRecords: 1 }); // 15 + 12 bytes whole, then 13 of 15
  });

  it('reports a write error as E_FILE on close', async () => {
    const w = new TimestampedWriter({ path: join(dir, 'no', 'such', 'dir.lkr') });
    w.write(Buffer.from('x'));
    const err = await w.close().catch((e: unknown) => e);
    expect(isLookoutError(err, 'E_FILE')).toBe(true);
  });
});

describe('FileSource: .tlog', () => {
  afterEach(() => {});
  it('replays a real tlog one packet per call, paced by its timestamps', async () => {
    const path = join(SHARED_DATA, 'mavlink', '20211202-132614.tlog');
    const t = fakeTime();
    const { chunks, rx } = await collect({ path, speed: 100, clock: t.clock, sleep: t.sleep });
    expect(chunks).toHaveLength(12023);
    expect(chunks.every((c) => c[0] === 0xfd)).toBe(true);
    const spanMs = rx.at(-1)!.wallMs - rx[0]!.wallMs;
    // Sleeps add up to the recorded span divided by the speed (to float rounding).
    expect(t.sleeps.reduce((a, b) => a + b, 0)).toBeCloseTo(spanMs / 100, 3);
  });

  it('goes straight on over a clock step: every packet, the monotonic time never back, the pace of each part kept', async () => {
    const recs = await readRecording(join(SHARED_DATA, 'mavlink', '20211202-132614.tlog'));
    const half = recs.length >> 1;
    const path = join(dir, 'stepped.tlog');
    const w = new TimestampedWriter({ path, format: 'tlog' });
    recs.forEach((r, i) => w.write(r.bytes, (r.timestampUs - (i >= half ? 7 * 60e6 : 0)) / 1000));
    await w.close();
    const t = fakeTime();
    const { chunks, rx, src } = await collect({ path, speed: 100, clock: t.clock, sleep: t.sleep });
    expect(chunks).toEqual(recs.map((r) => r.bytes));
    expect(src.counters).toMatchObject({ chunks: recs.length, badRecords: 0, clockSteps: 1 });
    for (let i = 1; i < rx.length; i++) expect(rx[i]!.monoMs).toBeGreaterThanOrEqual(rx[i - 1]!.monoMs);
    expect(rx[half - 1]!.wallMs - rx[half]!.wallMs).toBeGreaterThan(6 * 60e3); // the recorded wall time, stepped
    const spanUs = recs[half - 1]!.timestampUs - recs[0]!.timestampUs + (recs.at(-1)!.timestampUs - recs[half]!.timestampUs);
    expect(t.sleeps.reduce((a, b) => a + b, 0)).toBeCloseTo(spanUs / 1000 / 100, 3);
  });

  it('writes a tlog (timestamp + packet, no length) that reads back', async () => {
    const path = join(dir, 'out.tlog');
    const w = new TimestampedWriter({ path, format: 'tlog' });
    const pkt = Buffer.from([0xfe, 1, 0, 1, 1, 0, 42, 0xaa, 0xbb]);
    w.write(pkt, 1000);
    w.write(pkt, 2000);
    await w.close();
    const recs = await readRecording(path);
    expect(recs).toEqual([{ timestampUs: 1_000_000, bytes: pkt }, { timestampUs: 2_000_000, bytes: pkt }]);
  });
});
