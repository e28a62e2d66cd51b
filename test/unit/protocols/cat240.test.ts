import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Cat240Decoder } from '../../../agent/src/protocols/cat240/decoder.js';
import {
  encodeCat240Block, encodeCat240Summary, encodeCat240SummaryRecord, encodeCat240Video, encodeCat240VideoRecord,
  type Cat240VideoInput,
} from '../../../agent/src/protocols/cat240/encoder.js';
import type { Cat240Message, Cat240Resolution, Cat240Video } from '../../../agent/src/protocols/cat240/types.js';

const RX = { monoMs: 1, wallMs: 2 };
const RESOLUTIONS: Cat240Resolution[] = [1, 2, 4, 8, 16, 32];

function decodeStream(chunks: Uint8Array[], opts: { maxBlockBytes?: number } = {}): { msgs: Cat240Message[]; dec: Cat240Decoder } {
  const msgs: Cat240Message[] = [];
  const dec = new Cat240Decoder({ onFrame: (m) => msgs.push(m), ...opts });
  for (const c of chunks) dec.push(c, RX);
  dec.end();
  return { msgs, dec };
}

function cellsFor(bits: Cat240Resolution, n: number, seed = 1): number[] {
  const max = bits === 32 ? 0xffffffff : 2 ** bits - 1;
  const out: number[] = [];
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out.push(bits === 32 ? s : s % (max + 1));
  }
  return out;
}

function typedCells(bits: Cat240Resolution, values: number[]): Uint8Array | Uint16Array | Uint32Array {
  return bits <= 8 ? Uint8Array.from(values) : bits === 16 ? Uint16Array.from(values) : Uint32Array.from(values);
}

function video(over: Partial<Cat240VideoInput> = {}): Cat240VideoInput {
  const bits = over.resolutionBits ?? 8;
  return {
    sac: 7, sic: 9, msgIndex: 100, startAzimuth: 0x1234, endAzimuth: 0x1240, startRangeCell: 0,
    cellDurationFs: 50_000_000, resolutionBits: bits, cells: typedCells(bits, cellsFor(bits, 64)), ...over,
  };
}

describe('CAT240 encoder layout (PROTOCOLS.md UAP, exact bytes)', () => {
  it('writes a video message item by item', () => {
    const buf = encodeCat240Video({
      sac: 1, sic: 2, msgIndex: 0x01020304, startAzimuth: 0x1000, endAzimuth: 0x1010, startRangeCell: 5,
      cellDurationFs: 50e6, resolutionBits: 8, cells: Uint8Array.from([1, 2, 3, 4]),
    });
    expect([...buf]).toEqual([
      0xf0, 0x00, 0x24, // CAT 240, LEN 36
      0xeb, 0xc0, // FSPEC: 010 000 020 040 048 FX | 049 050
      0x01, 0x02, // 010 SAC SIC
      0x02, // 000 video message
      0x01, 0x02, 0x03, 0x04, // 020 MSG_INDEX
      0x10, 0x00, 0x10, 0x10, 0x00, 0x00, 0x00, 0x05, 0x00, 0x00, 0x00, 0x32, // 040 az, az, START_RG, 50 ns
      0x00, 0x04, // 048 C=0, RES=4 (8 bits)
      0x00, 0x04, 0x00, 0x00, 0x04, // 049 NB_VB=4, NB_CELLS=4
      0x01, 0x01, 0x02, 0x03, 0x04, // 050 REP=1, 4 octets
    ]);
  });

  it('writes a summary with time of day', () => {
    const buf = encodeCat240Summary({ sac: 1, sic: 2, summary: 'AB', timeOfDaySeconds: 1 });
    expect([...buf]).toEqual([0xf0, 0x00, 0x0e, 0xd1, 0x08, 1, 2, 1, 2, 0x41, 0x42, 0x00, 0x00, 0x80]);
  });

  it('packs sub-octet cells most significant bits first', () => {
    const buf = encodeCat240Video(video({ resolutionBits: 2, cells: Uint8Array.from([3, 0, 1, 2, 1]) }));
    // 049: NB_VB=2, NB_CELLS=5; 050: REP=1, 0b11000110 0b01000000 and zero fill.
    expect([...buf.subarray(buf.length - 10)]).toEqual([0x00, 0x02, 0x00, 0x00, 0x05, 0x01, 0xc6, 0x40, 0x00, 0x00]);
  });

  it('refuses values the items cannot carry', () => {
    expect(() => encodeCat240Video(video({ cells: [256] as unknown as Uint8Array }))).toThrow(RangeError);
    expect(() => encodeCat240Video(video({ resolutionBits: 4, cells: Uint8Array.from([16]) }))).toThrow(RangeError);
    expect(() => encodeCat240Video(video({ startAzimuth: 65536 }))).toThrow(RangeError);
    expect(() => encodeCat240Video(video({ cellDurationFs: 50_034_000.5 }))).toThrow(RangeError);
    expect(() => encodeCat240Video(video({ cellDurationFs: 50_034_123 }), { header: 'I040' })).toThrow(RangeError);
    expect(() => encodeCat240Video(video({ resolutionBits: 3 as Cat240Resolution }))).toThrow(RangeError);
    expect(() => encodeCat240Video(video({ cells: new Uint8Array(2000) }), { block: 'I050' })).toThrow(RangeError);
    expect(() => encodeCat240Summary({ sac: 1, sic: 1, summary: 'x'.repeat(256) })).toThrow(RangeError);
  });
});

describe('CAT240 round trip', () => {
  const cases: Array<[Cat240Resolution, 'I040' | 'I041', 'I050' | 'I051' | 'I052', boolean]> = [];
  for (const bits of RESOLUTIONS)
    for (const header of ['I040', 'I041'] as const)
      for (const block of ['I050', 'I051', 'I052'] as const)
        for (const compress of [false, true]) cases.push([bits, header, block, compress]);

  it.each(cases)('%i bits, %s, %s, compressed=%s: fields and bytes survive', (bits, header, block, compress) => {
    const n = block === 'I050' ? 100 : 700;
    const input = video({
      resolutionBits: bits, cells: typedCells(bits, cellsFor(bits, n, bits * 31 + n)),
      cellDurationFs: header === 'I040' ? 50_000_000 : 50_034_569, timeOfDaySeconds: 43_210.5,
    });
    const bytes = encodeCat240Video(input, { header, block, compress });
    const { msgs, dec } = decodeStream([bytes]);
    expect(msgs).toHaveLength(1);
    const v = msgs[0] as Cat240Video;
    expect(v.type).toBe('cat240.video');
    expect(v).toMatchObject({
      sac: 7, sic: 9, msgIndex: 100, startAzimuth: 0x1234, endAzimuth: 0x1240, startRangeCell: 0,
      cellDurationFs: input.cellDurationFs, resolutionBits: bits, cellCount: n, compressed: compress,
      videoHeader: header, videoBlock: block, timeOfDaySeconds: 43_210.5, rx: RX,
    });
    expect(v.cells).toEqual(input.cells);
    expect(v.cells.constructor).toBe(input.cells.constructor);
    expect(v.rangeCellMetres).toBeCloseTo((299_792_458 * input.cellDurationFs * 1e-15) / 2, 9);
    expect(encodeCat240Video(v)).toEqual(bytes); // bit for bit
    expect(dec.counters).toMatchObject({ framesOk: 1, bytesSkipped: 0, resyncs: 0, badBlocks: 0 });
  });

  it('drops a spoke whose cell duration is 0 (every cell at range 0) as a bad block, and keeps the next', () => {
    const { msgs, dec } = decodeStream([encodeCat240Video(video({ cellDurationFs: 0, msgIndex: 1 })), encodeCat240Video(video({ msgIndex: 2 }))]);
    expect(msgs.map((m) => (m as Cat240Video).msgIndex)).toEqual([2]);
    expect(dec.counters).toMatchObject({ framesOk: 1, badBlocks: 1 });
  });

  it('chooses I050/I051/I052 by size when not told', () => {
    const pick = (n: number): string | undefined => {
      const { msgs } = decodeStream([encodeCat240Video(video({ cells: new Uint8Array(n) }))]);
      return (msgs[0] as Cat240Video).videoBlock;
    };
    expect(pick(1020)).toBe('I050');
    expect(pick(1021)).toBe('I051');
    expect(pick(16_320)).toBe('I051');
    expect(pick(16_321)).toBe('I052');
  });

  it('chooses I040 for whole nanoseconds and I041 otherwise', () => {
    const header = (fs: number): string | undefined =>
      (decodeStream([encodeCat240Video(video({ cellDurationFs: fs }))]).msgs[0] as Cat240Video).videoHeader;
    expect(header(50_000_000)).toBe('I040');
    expect(header(50_034_569)).toBe('I041');
  });

  it('round-trips a summary', () => {
    const bytes = encodeCat240Summary({ sac: 3, sic: 4, summary: 'Lookout sim v1, 2048 spokes' });
    const { msgs } = decodeStream([bytes]);
    expect(msgs).toEqual([{ type: 'cat240.summary', sac: 3, sic: 4, summary: 'Lookout sim v1, 2048 spokes', rx: RX }]);
  });

  it('decodes several records in one block, in order', () => {
    const block = encodeCat240Block([
      encodeCat240SummaryRecord({ sac: 1, sic: 1, summary: 'start' }),
      encodeCat240VideoRecord(video({ msgIndex: 1 })),
      encodeCat240VideoRecord(video({ msgIndex: 2, resolutionBits: 4, cells: typedCells(4, cellsFor(4, 33)) }), { compress: true }),
    ]);
    const { msgs, dec } = decodeStream([block]);
    expect(msgs.map((m) => (m.type === 'cat240.video' ? m.msgIndex : m.summary))).toEqual(['start', 1, 2]);
    expect(dec.counters).toMatchObject({ framesOk: 1, records: 3, videoMessages: 2, summaryMessages: 1 });
  });
});

describe('CAT240 MSG_INDEX gaps', () => {
  it('counts gaps and lost messages per SAC/SIC, and a wrap is not a gap', () => {
    const idx = [1, 2, 5, 6, 10, 0xffffffff, 0, 1];
    const blocks = idx.map((i) => encodeCat240Video(video({ msgIndex: i })));
    blocks.push(encodeCat240Video(video({ sic: 10, msgIndex: 500 }))); // another radar: its own sequence
    const { dec } = decodeStream(blocks);
    // 2→5 lost 2; 6→10 lost 3; 10→0xffffffff is a jump of more than half the range: a reset.
    expect(dec.counters).toMatchObject({ msgIndexGaps: 2, messagesLost: 5, msgIndexResets: 1 });
  });
});

describe('CAT240 over UDP (pushDatagram)', () => {
  it('takes one or more blocks per datagram and skips other categories', () => {
    const a = encodeCat240Video(video({ msgIndex: 1 }));
    const b = encodeCat240Video(video({ msgIndex: 2 }));
    const cat34 = Buffer.from([34, 0, 6, 0x80, 1, 2]);
    const msgs: Cat240Message[] = [];
    const dec = new Cat240Decoder({ onFrame: (m) => msgs.push(m) });
    dec.pushDatagram(Buffer.concat([a, cat34, b]), RX);
    dec.pushDatagram(encodeCat240Video(video({ msgIndex: 3 })), RX);
    expect(msgs.map((m) => (m as Cat240Video).msgIndex)).toEqual([1, 2, 3]);
    expect(dec.counters).toMatchObject({ framesOk: 3, unknownType: 1, bytesSkipped: 0 });
  });

  it('drops the rest of a datagram whose LEN runs past its end', () => {
    const a = encodeCat240Video(video({ msgIndex: 1 }));
    const msgs: Cat240Message[] = [];
    const dec = new Cat240Decoder({ onFrame: (m) => msgs.push(m) });
    dec.pushDatagram(Buffer.concat([a, a.subarray(0, 20)]), RX);
    expect(msgs).toHaveLength(1);
    expect(dec.counters.bytesSkipped).toBe(20);
  });
});

describe('CAT240 stream properties (fast-check)', () => {
  const arbVideo = fc.record({
    bits: fc.constantFrom(...RESOLUTIONS),
    n: fc.integer({ min: 0, max: 300 }),
    seed: fc.integer({ min: 1, max: 1e6 }),
    compress: fc.boolean(),
    header: fc.constantFrom('I040' as const, 'I041' as const),
    tod: fc.option(fc.integer({ min: 0, max: 86_399 * 128 }), { nil: undefined }),
  });
  const arbBlocks = fc.array(arbVideo, { minLength: 1, maxLength: 12 }).map((vs) =>
    vs.map((v, i) => encodeCat240Video(video({
      msgIndex: i, resolutionBits: v.bits, cells: typedCells(v.bits, cellsFor(v.bits, v.n, v.seed)),
      cellDurationFs: v.header === 'I040' ? 30e6 : 30_000_001, timeOfDaySeconds: v.tod === undefined ? undefined : v.tod / 128,
    }), { compress: v.compress })));

  function split(bytes: Buffer, cuts: number[]): Buffer[] {
    const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
    const out: Buffer[] = [];
    let prev = 0;
    for (const p of points) {
      out.push(bytes.subarray(prev, p));
      prev = p;
    }
    out.push(bytes.subarray(prev));
    return out;
  }

  it('any chunking gives the same messages', () => {
    fc.assert(fc.property(arbBlocks, fc.array(fc.nat(), { maxLength: 30 }), (blocks, cuts) => {
      const whole = Buffer.concat(blocks);
      const ref = decodeStream([whole]).msgs;
      expect(ref).toHaveLength(blocks.length);
      const { msgs, dec } = decodeStream(split(whole, cuts));
      expect(msgs).toEqual(ref);
      expect(dec.counters.bytesSkipped).toBe(0);
    }), { numRuns: 200 });
  });

  it('any chunking with flush() calls between chunks (idle gaps) gives the same messages', () => {
    fc.assert(fc.property(arbBlocks, fc.array(fc.nat(), { maxLength: 30 }), (blocks, cuts) => {
      const whole = Buffer.concat(blocks);
      const ref = decodeStream([whole]).msgs;
      const msgs: Cat240Message[] = [];
      const dec = new Cat240Decoder({ onFrame: (m) => msgs.push(m) });
      for (const c of split(whole, cuts)) {
        dec.push(c, RX);
        dec.flush();
      }
      dec.end();
      expect(msgs).toEqual(ref);
    }), { numRuns: 200 });
  });

  it('every byte split of a small stream gives the same messages', () => {
    const blocks = [
      encodeCat240Video(video({ msgIndex: 1, cells: Uint8Array.from(cellsFor(8, 40)) })),
      encodeCat240Summary({ sac: 1, sic: 2, summary: 'x' }),
      encodeCat240Video(video({ msgIndex: 2, resolutionBits: 1, cells: Uint8Array.from(cellsFor(1, 90)) }), { compress: true }),
    ];
    const whole = Buffer.concat(blocks);
    const ref = decodeStream([whole]).msgs;
    for (let i = 0; i <= whole.length; i++) {
      for (let j = i; j <= whole.length; j += 7) {
        expect(decodeStream([whole.subarray(0, i), whole.subarray(i, j), whole.subarray(j)]).msgs).toEqual(ref);
      }
    }
  });

  /*
   * Recovery. Stated: with random garbage (0..64 bytes) between blocks, every intact block is
   * recovered (100 %): a block is accepted as soon as it parses, and noise after it does not
   * count against it. With blocks cut short or bit-flipped, every block that is intact and whose
   * predecessor's damage left its own bytes alone is recovered (100 %); the damaged blocks
   * themselves are lost or, for a flip inside the video octets (ASTERIX has no checksum), decoded
   * with the flipped cell. The properties below assert exactly that.
   */
  it('recovers every intact block with garbage interleaved', () => {
    fc.assert(fc.property(arbBlocks, fc.array(fc.uint8Array({ maxLength: 64 }), { minLength: 13, maxLength: 13 }), (blocks, garbage) => {
      const parts: Uint8Array[] = [];
      blocks.forEach((b, i) => parts.push(garbage[i]!, b));
      parts.push(garbage[12]!);
      const { msgs } = decodeStream([Buffer.concat(parts)]);
      const intact = decodeStream(blocks).msgs;
      expect(containsInOrder(msgs, intact)).toBe(true);
    }), { numRuns: 300 });
  });

  it('recovers every undamaged block around truncated and bit-flipped ones', () => {
    const arbDamage = fc.array(fc.record({
      kind: fc.constantFrom('none', 'none', 'truncate', 'flip'),
      at: fc.nat(),
      bit: fc.integer({ min: 0, max: 7 }),
    }), { minLength: 12, maxLength: 12 });
    fc.assert(fc.property(arbBlocks, arbDamage, (blocks, damage) => {
      const intact: Buffer[] = [];
      const parts = blocks.map((b, i) => {
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
      const { msgs } = decodeStream([Buffer.concat(parts)]);
      const expected = decodeStream(intact.map((b) => Buffer.from(b))).msgs;
      // A flip inside video octets still decodes (no checksum): allow extra messages, require the intact ones.
      expect(containsInOrder(msgs, expected)).toBe(true);
    }), { numRuns: 300 });
  });

  it('recovers every intact spoke of strong, 0xF0-rich video on a link that drops and flips bytes', () => {
    // 400 spokes of 1024 8-bit cells, a third of them saturated (240..255: 0xF0 and plausible
    // FSPEC bytes everywhere), 15 dropped byte runs and 15 bit flips at fixed pseudo-random places.
    let s = 99;
    const rnd = (n: number): number => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      return (s >>> 8) % n;
    };
    const blocks = Array.from({ length: 400 }, (_, i) => encodeCat240Video(video({
      msgIndex: i, cells: Uint8Array.from({ length: 1024 }, () => (rnd(3) === 0 ? 240 + rnd(16) : rnd(80))),
    })));
    const damaged = new Set<number>();
    const parts = blocks.map((b) => Buffer.from(b));
    for (let k = 0; k < 15; k++) {
      const i = rnd(400);
      const at = rnd(parts[i]!.length - 20);
      parts[i] = Buffer.concat([parts[i]!.subarray(0, at), parts[i]!.subarray(at + 1 + rnd(16))]);
      damaged.add(i);
      const j = rnd(400);
      parts[j]![rnd(parts[j]!.length)]! ^= 1 << rnd(8);
      damaged.add(j);
    }
    const { msgs, dec } = decodeStream([Buffer.concat(parts)]);
    const got = new Set(msgs.map((m) => (m as Cat240Video).msgIndex));
    const intact = blocks.map((_, i) => i).filter((i) => !damaged.has(i));
    expect(intact.filter((i) => !got.has(i))).toEqual([]); // 100 % of intact spokes
    expect(msgs.length).toBeLessThanOrEqual(400); // nothing invented
    expect(dec.counters.resyncs).toBeGreaterThan(0);
  });

  it('never throws and never holds more than its bound, whatever the bytes', () => {
    fc.assert(fc.property(
      fc.array(fc.oneof(fc.uint8Array({ maxLength: 3000 }), arbBlocks.map((b) => Buffer.concat(b).subarray(1))), { maxLength: 20 }),
      fc.integer({ min: 8, max: 2000 }),
      (chunks, maxBlockBytes) => {
        const dec = new Cat240Decoder({ onFrame: () => {}, maxBlockBytes });
        for (const c of chunks) {
          dec.push(c, RX);
          expect(dec.bufferedBytes).toBeLessThanOrEqual(maxBlockBytes + 3);
        }
        dec.end();
        dec.pushDatagram(Buffer.concat(chunks), RX);
        expect(dec.bufferedBytes).toBe(0);
        // By the scan's own logic: the frame buffer never had to drop anything.
        expect(dec.counters).toMatchObject({ bufferOverflows: 0, bufferOverflowBytes: 0 });
      },
    ), { numRuns: 300 });
  });

  it('survives a compressed block whose zlib data is garbage', () => {
    const good = encodeCat240Video(video({ msgIndex: 1 }), { compress: true });
    const bad = Buffer.from(good);
    bad.fill(0x55, 35, bad.length - 2); // inside the zlib stream
    const { msgs, dec } = decodeStream([bad, encodeCat240Video(video({ msgIndex: 2 }))]);
    expect(msgs.map((m) => (m as Cat240Video).msgIndex)).toEqual([2]);
    expect(dec.counters.decompressErrors).toBe(1);
  });

  it('counts an oversize LEN against maxBlockBytes and resyncs', () => {
    const big = encodeCat240Video(video({ cells: new Uint8Array(3000) }));
    const small = encodeCat240Video(video({ msgIndex: 101 }));
    const { msgs, dec } = decodeStream([big, small], { maxBlockBytes: 1000 });
    expect(msgs.map((m) => (m as Cat240Video).msgIndex)).toEqual([101]);
    expect(dec.counters.oversize).toBeGreaterThanOrEqual(1);
  });
});

describe('CAT240 latency', () => {
  it('emits a block as soon as it is complete (no wait for the next one)', () => {
    const msgs: Cat240Message[] = [];
    const dec = new Cat240Decoder({ onFrame: (m) => msgs.push(m) });
    dec.push(encodeCat240Video(video({ msgIndex: 1 })), RX);
    expect(msgs).toHaveLength(1);
  });

  it('flush() keeps a block that is still arriving', () => {
    const msgs: Cat240Message[] = [];
    const dec = new Cat240Decoder({ onFrame: (m) => msgs.push(m) });
    const block = encodeCat240Video(video({ msgIndex: 1 }));
    dec.push(block.subarray(0, 1), RX);
    dec.flush();
    dec.push(block.subarray(1, 40), RX);
    dec.flush();
    dec.push(block.subarray(40), RX);
    expect(msgs).toHaveLength(1);
    expect(dec.counters.bytesSkipped).toBe(0);
  });

  it('holds a block with a plausible block start inside until the bytes after it decide, or flush()', () => {
    // Cells that look like the head of a 200-byte block (0xF0, LEN, FSPEC with I010 and I000).
    const cells = Uint8Array.from([...cellsFor(8, 40).map((c) => c & 0x7f), 0xf0, 0x00, 0xc8, 0xc0, 1, 2]);
    const block = encodeCat240Video(video({ msgIndex: 1, cells }), { block: 'I050' });
    const msgs: Cat240Message[] = [];
    const dec = new Cat240Decoder({ onFrame: (m) => msgs.push(m) });
    dec.push(block, RX);
    expect(msgs).toHaveLength(0); // it could be a cut block whose LEN swallowed that one
    dec.flush(); // the link went quiet: nothing else is coming
    expect(msgs).toHaveLength(1);
    expect((msgs[0] as Cat240Video).cells).toEqual(cells);
    dec.push(block, RX);
    // Once 200 bytes from that inner start are in, it is found not to parse: the held block goes out.
    for (let i = 2; i <= 4; i++) dec.push(encodeCat240Video(video({ msgIndex: i })), RX);
    expect(msgs.map((m) => (m as Cat240Video).msgIndex)).toEqual([1, 1, 2, 3, 4]);
    expect(dec.counters.bytesSkipped).toBe(0);
  });
});

describe('CAT240 decoder construction', () => {
  it('refuses misuse', () => {
    expect(() => new Cat240Decoder({} as never)).toThrow(TypeError);
    expect(() => new Cat240Decoder({ onFrame: () => {}, maxBlockBytes: 70_000 })).toThrow(RangeError);
  });
});

/** Is `want` a subsequence of `got` (deep equality)? */
function containsInOrder(got: Cat240Message[], want: Cat240Message[]): boolean {
  let i = 0;
  for (const g of got) {
    if (i < want.length && deepEqual(g, want[i]!)) i++;
  }
  return i === want.length;
}

function deepEqual(a: unknown, b: unknown): boolean {
  try {
    expect(a).toEqual(b);
    return true;
  } catch {
    return false;
  }
}
