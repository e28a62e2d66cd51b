import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TiMmwaveDecoder } from '../../../agent/src/protocols/ti-mmwave/decoder.js';
import { encodeTiMmwaveFrame, TI_SDK_3_4, type TiMmwaveFrameInput } from '../../../agent/src/protocols/ti-mmwave/encoder.js';
import { TI_MAGIC, tiVersionString, type TiMmwaveFrame } from '../../../agent/src/protocols/ti-mmwave/types.js';
import { SHARED_DATA } from '../../helpers/paths.js';

const RX = { monoMs: 5, wallMs: 6 };
const CAPTURE = join(SHARED_DATA, 'ti-mmwave', 'xwr16xx_processed_stream_2020_06_26T14_00_37_341.dat');

function decode(chunks: Uint8Array[], maxFrameBytes?: number): { frames: TiMmwaveFrame[]; dec: TiMmwaveDecoder } {
  const frames: TiMmwaveFrame[] = [];
  const dec = new TiMmwaveDecoder({ onFrame: (f) => frames.push(f), ...(maxFrameBytes ? { maxFrameBytes } : {}) });
  for (const c of chunks) dec.push(c, RX);
  dec.end();
  return { frames, dec };
}

describe('TI mmWave: the real IWR1642 capture (data/README.md facts)', () => {
  const bytes = readFileSync(CAPTURE);
  const { frames, dec } = decode([bytes]);

  it('decodes all 101 frames with nothing skipped', () => {
    expect(frames).toHaveLength(101);
    expect(dec.counters).toMatchObject({ framesOk: 101, bytesSkipped: 0, resyncs: 0, badFrames: 0, badTlvs: 0, unknownTlvs: 0, frameNumberGaps: 0 });
  });

  it('has consecutive frame numbers from 370, SDK 3.4.0.3, IWR1642, TLVs 1 7 2 6 9, 736 bytes, 4 points', () => {
    expect(frames.map((f) => f.frameNumber)).toEqual(Array.from({ length: 101 }, (_, i) => 370 + i));
    for (const f of frames) {
      expect(tiVersionString(f.version)).toBe('3.4.0.3');
      expect(f.platform).toBe(0xa1642);
      expect(f.headerBytes).toBe(40);
      expect(f.tlvTypes).toEqual([1, 7, 2, 6, 9]);
      expect(f.totalPacketLen).toBe(736);
      expect(f.totalPacketLen % 32).toBe(0);
      expect(f.numDetectedObj).toBe(4);
      expect(f.points).toHaveLength(4);
      expect(f.pointFormat).toBe('float');
      for (const p of f.points) {
        expect(Number.isFinite(p.x) && Number.isFinite(p.y) && Number.isFinite(p.velocity)).toBe(true);
        expect(p.snrDb).toBeTypeOf('number');
        expect(p.noiseDb).toBeTypeOf('number');
      }
      expect(f.rangeProfile).toHaveLength(256);
      expect(f.stats).toBeDefined();
      expect(f.temperatures?.sensorsC).toHaveLength(10);
    }
  });

  it('every frame starts with the magic, the header is 40 bytes, the padding is not zero, the next magic is at start + totalPacketLen', () => {
    let start = 0;
    let nonZeroPadding = 0;
    for (const f of frames) {
      expect([...bytes.subarray(start, start + 8)]).toEqual([...TI_MAGIC]);
      // TLVs start right after a 40-byte header: the first TLV type (1) is at offset 40.
      expect(bytes.readUInt32LE(start + 40)).toBe(1);
      const used = 40 + 5 * 8 + 64 + 16 + 512 + 24 + 28;
      if (bytes.subarray(start + used, start + f.totalPacketLen).some((b) => b !== 0)) nonZeroPadding++;
      start += f.totalPacketLen;
    }
    expect(start).toBe(bytes.length);
    expect(nonZeroPadding).toBe(101);
  });

  it('decodes the first frame\'s values', () => {
    const f = frames[0]!;
    // Side info of point 0: f7 00 82 03 → 24.7 dB SNR, 89.8 dB noise.
    expect(f.points[0]!.snrDb).toBeCloseTo(24.7, 9);
    expect(f.points[0]!.noiseDb).toBeCloseTo(89.8, 9);
    expect(f.points[0]!.x).toBeCloseTo(0.009544, 5);
    expect(f.stats!.activeFrameCpuLoadPct).toBe(4);
    expect(f.stats!.interFrameCpuLoadPct).toBe(5);
    expect(f.temperatures!.validFlag).toBe(0);
  });

  it('re-encodes each frame to the same bytes but for the padding', () => {
    let start = 0;
    for (const f of frames) {
      const again = encodeTiMmwaveFrame(f);
      expect(again.length).toBe(f.totalPacketLen);
      const used = f.totalPacketLen - 12;
      expect(again.subarray(0, used).equals(bytes.subarray(start, start + used))).toBe(true);
      start += f.totalPacketLen;
    }
  });

  it('gives the same frames for any chunking of the capture', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 40 }), (cuts) => {
      const pts = [...new Set(cuts)].sort((a, b) => a - b);
      const chunks: Buffer[] = [];
      let prev = 0;
      for (const c of pts) {
        chunks.push(bytes.subarray(prev, c));
        prev = c;
      }
      chunks.push(bytes.subarray(prev));
      expect(decode(chunks).frames).toEqual(frames);
    }), { numRuns: 30 });
  });

  it('gives the same frames for a split at every byte of the first two frames', () => {
    const two = bytes.subarray(0, 2 * 736);
    const ref = decode([two]).frames;
    expect(ref).toHaveLength(2);
    for (let i = 0; i <= two.length; i++) expect(decode([two.subarray(0, i), two.subarray(i)]).frames).toEqual(ref);
  });

  it('gives the same frames fed one byte at a time', () => {
    const chunks: Buffer[] = [];
    for (let i = 0; i < 3000; i++) chunks.push(bytes.subarray(i, i + 1));
    chunks.push(bytes.subarray(3000));
    expect(decode(chunks).frames).toEqual(frames);
  });
});

function sampleFrame(over: Partial<TiMmwaveFrameInput> = {}): TiMmwaveFrameInput {
  return {
    version: TI_SDK_3_4, platform: 0xa1642, frameNumber: 1, timeCpuCycles: 123456, subFrameNumber: 0,
    points: [
      { x: 0.5, y: 2.25, z: -0.125, velocity: -1.5, snrDb: 20.1, noiseDb: 80.2 },
      { x: -1, y: 7.75, z: 0, velocity: 0.25, snrDb: 15, noiseDb: 79.9 },
    ],
    rangeProfile: Uint16Array.from({ length: 64 }, (_, i) => 1000 + i),
    ...over,
  };
}

describe('TI mmWave encoder round trip', () => {
  it('round-trips SDK 3.x points with side info, profiles, both heatmaps, stats, temperatures and unknown TLVs bit for bit', () => {
    const input = sampleFrame({
      noiseProfile: Uint16Array.from({ length: 64 }, (_, i) => 900 + i),
      azimuthStaticHeatmap: Int16Array.from({ length: 64 * 8 * 2 }, (_, i) => (i * 37) % 2000 - 1000),
      rangeDopplerHeatmap: Uint16Array.from({ length: 64 * 16 }, (_, i) => (i * 13) & 0xffff),
      stats: { interFrameProcessingTimeUs: 1, transmitOutputTimeUs: 2, interFrameProcessingMarginUs: 3, interChirpProcessingMarginUs: 4, activeFrameCpuLoadPct: 5, interFrameCpuLoadPct: 6 },
      temperatures: { validFlag: 0, timeMs: 98_000, sensorsC: [40, 41, 42, 43, 44, 45, 46, 47, 48, -5] },
      otherTlvs: [{ type: 8, payload: Uint8Array.from([1, 2, 3, 4]) }],
    });
    const bytes = encodeTiMmwaveFrame(input);
    expect(bytes.length % 32).toBe(0);
    const { frames, dec } = decode([bytes]);
    expect(frames).toHaveLength(1);
    const f = frames[0]!;
    expect(f.tlvTypes).toEqual([1, 7, 2, 3, 4, 5, 6, 9, 8]);
    expect(f.points).toEqual(input.points);
    expect(f.rangeDopplerHeatmap).toEqual(input.rangeDopplerHeatmap);
    expect(f.azimuthStaticHeatmap).toEqual(input.azimuthStaticHeatmap);
    expect(f.otherTlvs).toEqual([{ type: 8, payload: Uint8Array.from([1, 2, 3, 4]) }]);
    expect(dec.counters.unknownTlvs).toBe(1);
    expect(encodeTiMmwaveFrame(f).equals(bytes)).toBe(true);
  });

  it('round-trips the SDK 2.x Q-format points (by version) with a 40-byte header on xWR16xx', () => {
    const input = sampleFrame({
      version: 0x02010000, xyzQFormat: 9,
      points: [{ x: 0.5, y: 2.25, z: -0.125, velocity: Number.NaN, rangeIdx: 12, dopplerIdx: -3, peakVal: 4000 }],
    });
    const bytes = encodeTiMmwaveFrame(input);
    const f = decode([bytes]).frames[0]!;
    expect(f).toMatchObject({ pointFormat: 'q', xyzQFormat: 9, headerBytes: 40, subFrameNumber: 0 });
    expect(f.points).toEqual(input.points);
    expect(encodeTiMmwaveFrame(f).equals(bytes)).toBe(true);
  });

  it('uses the 36-byte header for xWR1443 with SDK < 3, and 40 with SDK 3', () => {
    const old = encodeTiMmwaveFrame(sampleFrame({ version: 0x01020000, platform: 0xa1443, points: [{ x: 1, y: 2, z: 0, velocity: Number.NaN, rangeIdx: 1, dopplerIdx: 0, peakVal: 1 }], subFrameNumber: undefined }));
    expect(old.readUInt32LE(36)).toBe(1); // first TLV type right after 36 bytes
    const f = decode([old]).frames[0]!;
    expect(f.headerBytes).toBe(36);
    expect(f.subFrameNumber).toBeUndefined();
    expect(f.points[0]).toMatchObject({ x: 1, y: 2, rangeIdx: 1 });
    const sdk3 = decode([encodeTiMmwaveFrame(sampleFrame({ platform: 0xa1443 }))]).frames[0]!;
    expect(sdk3.headerBytes).toBe(40);
  });

  it('skips 16 x 0xFF ackPing answers and counts them', () => {
    const a = encodeTiMmwaveFrame(sampleFrame({ frameNumber: 1 }), { padByte: 0xff });
    const b = encodeTiMmwaveFrame(sampleFrame({ frameNumber: 2 }));
    const ping = Buffer.alloc(16, 0xff);
    const { frames, dec } = decode([ping, a, ping, ping, b]);
    expect(frames.map((f) => f.frameNumber)).toEqual([1, 2]);
    expect(dec.counters).toMatchObject({ ackPings: 3, bytesSkipped: 0, resyncs: 0 });
  });

  it('counts frame number gaps', () => {
    const frames = [1, 2, 5, 6].map((n) => encodeTiMmwaveFrame(sampleFrame({ frameNumber: n })));
    expect(decode(frames).dec.counters).toMatchObject({ frameNumberGaps: 1, framesLost: 2 });
  });

  it('refuses an oversize totalPacketLen and finds the next frame', () => {
    const big = encodeTiMmwaveFrame(sampleFrame({ rangeDopplerHeatmap: new Uint16Array(4000), frameNumber: 1 }));
    const small = encodeTiMmwaveFrame(sampleFrame({ frameNumber: 2 }));
    const { frames, dec } = decode([big, small], 2048);
    expect(frames.map((f) => f.frameNumber)).toEqual([2]);
    expect(dec.counters.oversize).toBe(1);
  });
});

describe('TI mmWave latency', () => {
  it('emits a frame as soon as it is complete, without waiting for the next magic', () => {
    const frames: TiMmwaveFrame[] = [];
    const dec = new TiMmwaveDecoder({ onFrame: (f) => frames.push(f) });
    dec.push(encodeTiMmwaveFrame(sampleFrame()), RX);
    expect(frames).toHaveLength(1);
  });

  it('flush() keeps a frame that is still arriving', () => {
    const frames: TiMmwaveFrame[] = [];
    const dec = new TiMmwaveDecoder({ onFrame: (f) => frames.push(f) });
    const bytes = encodeTiMmwaveFrame(sampleFrame());
    for (const [a, b] of [[0, 3], [3, 20], [20, 100], [100, bytes.length]] as const) {
      dec.push(bytes.subarray(a, b), RX);
      dec.flush();
    }
    expect(frames).toHaveLength(1);
    expect(dec.counters.bytesSkipped).toBe(0);
  });

  it('holds a frame whose last bytes could start a magic until more bytes or flush()', () => {
    const frames: TiMmwaveFrame[] = [];
    const dec = new TiMmwaveDecoder({ onFrame: (f) => frames.push(f) });
    const bytes = encodeTiMmwaveFrame(sampleFrame({ frameNumber: 1 }), { padByte: 0x02 });
    expect(bytes.at(-1)).toBe(0x02);
    dec.push(bytes, RX);
    expect(frames).toHaveLength(0);
    dec.flush();
    expect(frames.map((f) => f.frameNumber)).toEqual([1]);
    dec.push(bytes, RX);
    dec.push(Buffer.from([0x55]), RX); // not the magic's second byte: decided
    expect(frames.map((f) => f.frameNumber)).toEqual([1, 1]);
  });
});

describe('TI mmWave stream properties (fast-check)', () => {
  const arbFrames = fc.array(fc.record({
    n: fc.integer({ min: 0, max: 12 }),
    bins: fc.integer({ min: 0, max: 80 }),
    heat: fc.boolean(),
    pad: fc.integer({ min: 0, max: 255 }),
    seed: fc.integer({ min: 0, max: 1000 }),
  }), { minLength: 1, maxLength: 10 }).map((specs) => specs.map((s, i) => encodeTiMmwaveFrame({
    version: TI_SDK_3_4, platform: 0xa1843, frameNumber: 100 + i, timeCpuCycles: s.seed * 7919, subFrameNumber: 0,
    points: Array.from({ length: s.n }, (_, k) => ({ x: k * 0.25, y: s.seed / 64, z: -k / 8, velocity: (k - 3) / 4, snrDb: 10 + k, noiseDb: 70 + s.seed % 10 })),
    rangeProfile: s.bins > 0 ? Uint16Array.from({ length: s.bins }, (_, k) => (s.seed * 31 + k * 977) & 0xffff) : undefined,
    rangeDopplerHeatmap: s.heat && s.bins > 0 ? Uint16Array.from({ length: s.bins * 8 }, (_, k) => (k * s.seed) & 0xffff) : undefined,
  }, { padByte: s.pad })));

  it('any chunking gives the same frames', () => {
    fc.assert(fc.property(arbFrames, fc.array(fc.nat(), { maxLength: 30 }), (frames, cuts) => {
      const whole = Buffer.concat(frames);
      const ref = decode([whole]).frames;
      expect(ref).toHaveLength(frames.length);
      const pts = [...new Set(cuts.map((c) => c % (whole.length + 1)))].sort((a, b) => a - b);
      const chunks: Buffer[] = [];
      let prev = 0;
      for (const c of pts) {
        chunks.push(whole.subarray(prev, c));
        prev = c;
      }
      chunks.push(whole.subarray(prev));
      expect(decode(chunks).frames).toEqual(ref);
    }), { numRuns: 200 });
  });

  it('any chunking with flush() calls between chunks gives the same frames', () => {
    fc.assert(fc.property(arbFrames, fc.array(fc.nat(), { maxLength: 30 }), (frames, cuts) => {
      const whole = Buffer.concat(frames);
      const ref = decode([whole]).frames;
      const got: TiMmwaveFrame[] = [];
      const dec = new TiMmwaveDecoder({ onFrame: (f) => got.push(f) });
      let prev = 0;
      for (const c of [...new Set(cuts.map((x) => x % (whole.length + 1)))].sort((a, b) => a - b)) {
        dec.push(whole.subarray(prev, c), RX);
        dec.flush();
        prev = c;
      }
      dec.push(whole.subarray(prev), RX);
      dec.end();
      expect(got).toEqual(ref);
    }), { numRuns: 200 });
  });

  /*
   * Recovery, stated: every intact frame is recovered (100 %) when random garbage (0..100
   * bytes) lies between frames, and when other frames are cut short or have a bit flipped. A cut
   * frame is refused (the next magic lies inside its length); a flipped frame is refused when
   * the flip breaks its framing and otherwise decodes with the flipped value (the format has no
   * checksum). The only exception we allow for: garbage that itself contains the 8-byte magic,
   * which random bytes do with probability ~2^-64 per position.
   */
  it('recovers every intact frame with garbage interleaved', () => {
    fc.assert(fc.property(arbFrames, fc.array(fc.uint8Array({ maxLength: 100 }), { minLength: 11, maxLength: 11 }), (frames, garbage) => {
      const parts: Uint8Array[] = [];
      frames.forEach((f, i) => parts.push(garbage[i]!, f));
      parts.push(garbage[10]!);
      const got = decode([Buffer.concat(parts)]).frames;
      expect(got.map((f) => f.frameNumber)).toEqual(decode(frames).frames.map((f) => f.frameNumber));
      expect(got).toEqual(decode(frames).frames);
    }), { numRuns: 300 });
  });

  it('recovers every intact frame around truncated and bit-flipped ones', () => {
    const arbDamage = fc.array(fc.record({ kind: fc.constantFrom('none', 'none', 'truncate', 'flip'), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }), { minLength: 10, maxLength: 10 });
    fc.assert(fc.property(arbFrames, arbDamage, (frames, damage) => {
      const intact: Buffer[] = [];
      const parts = frames.map((b, i) => {
        const d = damage[i]!;
        if (d.kind === 'truncate') return b.subarray(0, d.at % b.length);
        if (d.kind === 'flip') {
          const c = Buffer.from(b);
          c[d.at % c.length]! ^= 1 << d.bit;
          return c;
        }
        intact.push(b);
        return b;
      });
      const got = decode([Buffer.concat(parts)]).frames.map((f) => f.frameNumber);
      const want = decode(intact).frames.map((f) => f.frameNumber);
      expect(want.every((n) => got.includes(n))).toBe(true);
    }), { numRuns: 300 });
  });

  it('never throws and never holds more than its bound', () => {
    fc.assert(fc.property(
      fc.array(fc.oneof(fc.uint8Array({ maxLength: 2000 }), arbFrames.map((f) => Buffer.concat(f).subarray(3))), { maxLength: 15 }),
      fc.integer({ min: 40, max: 3000 }),
      (chunks, maxFrameBytes) => {
        const dec = new TiMmwaveDecoder({ onFrame: () => {}, maxFrameBytes });
        for (const c of chunks) {
          dec.push(c, RX);
          expect(dec.bufferedBytes).toBeLessThanOrEqual(maxFrameBytes + 8);
        }
        dec.end();
        expect(dec.bufferedBytes).toBe(0);
        // By the scan's own logic: the frame buffer never had to drop anything.
        expect(dec.counters).toMatchObject({ bufferOverflows: 0, bufferOverflowBytes: 0 });
      },
    ), { numRuns: 300 });
  });

  it('survives a header that lies about numTLVs and TLV lengths', () => {
    const good = encodeTiMmwaveFrame(sampleFrame({ frameNumber: 7 }));
    const lie = Buffer.from(encodeTiMmwaveFrame(sampleFrame({ frameNumber: 6 })));
    lie.writeUInt32LE(50, 32); // numTLVs
    const lie2 = Buffer.from(encodeTiMmwaveFrame(sampleFrame({ frameNumber: 5 })));
    lie2.writeUInt32LE(0xfffffff0, 44); // first TLV length
    const { frames, dec } = decode([lie2, lie, good]);
    expect(frames.map((f) => f.frameNumber)).toEqual([7]);
    expect(dec.counters.badFrames).toBeGreaterThanOrEqual(1);
  });
});
