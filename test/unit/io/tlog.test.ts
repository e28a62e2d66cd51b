import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MavlinkDecoder } from '../../../agent/src/protocols/mavlink/decoder.js';
import type { MavlinkPacket } from '../../../agent/src/protocols/mavlink/types.js';
import { mavlinkPacketLength, readTlogFile, readU64BE, splitTlog, TlogSplitter, writeU64BE, type TlogRecord } from '../../../agent/src/io/tlog.js';
import { SHARED_DATA } from '../../helpers/paths.js';

const tlog = (name: string): string => join(SHARED_DATA, 'mavlink', name);

describe('MAVLink packet length rule', () => {
  it('v1: len + 8; v2: len + 12, + 13 when signed; 0 when more bytes are needed; -1 otherwise', () => {
    expect(mavlinkPacketLength(Uint8Array.from([0xfe, 9]), 0)).toBe(17);
    expect(mavlinkPacketLength(Uint8Array.from([0xfd, 9, 0]), 0)).toBe(21);
    expect(mavlinkPacketLength(Uint8Array.from([0xfd, 9, 1]), 0)).toBe(34);
    expect(mavlinkPacketLength(Uint8Array.from([0xfd, 9, 2]), 0)).toBe(21);
    expect(mavlinkPacketLength(Uint8Array.from([0xfd, 9]), 0)).toBe(0);
    expect(mavlinkPacketLength(Uint8Array.from([0x55, 9, 0]), 0)).toBe(-1);
  });

  it('u64 BE timestamps round-trip', () => {
    const b = Buffer.alloc(8);
    for (const v of [0, 1, 2 ** 32 - 1, 2 ** 32, 1_638_451_574_123_456, Number.MAX_SAFE_INTEGER]) {
      writeU64BE(b, 0, v);
      expect(b.readBigUInt64BE(0)).toBe(BigInt(v));
      expect(readU64BE(b, 0)).toBe(v);
    }
    expect(() => writeU64BE(b, 0, -1)).toThrow(RangeError);
  });
});

describe('real tlogs split into timestamped packets', () => {
  // Counts checked independently (a byte walk with the same rule in Python): records end exactly at the end of the file.
  it.each([
    ['20211202-132614.tlog', 12023, 0, 12023, 0],
    ['2021-12-08-14-59-44.tlog', 18951, 1079, 17872, 1],
    ['2013-10-13_18-31-24.tlog', 13382, 13382, 0, 0],
  ])('%s: %i records (%i v1, %i v2, %i signed), nothing skipped, time never goes back', (name, total, v1, v2, signed) => {
    const bytes = readFileSync(tlog(name));
    const { records, counters } = splitTlog(bytes);
    expect(counters).toEqual({ records: total, bytesSkipped: 0, resyncs: 0, truncated: 0, clockSteps: 0 });
    expect(records.filter((r) => r.packet[0] === 0xfe)).toHaveLength(v1);
    expect(records.filter((r) => r.packet[0] === 0xfd)).toHaveLength(v2);
    expect(records.filter((r) => r.packet[0] === 0xfd && (r.packet[2]! & 1) === 1)).toHaveLength(signed);
    expect(records.reduce((n, r) => n + 8 + r.packet.length, 0)).toBe(bytes.length);
    for (let i = 1; i < records.length; i++) expect(records[i]!.timestampUs).toBeGreaterThanOrEqual(records[i - 1]!.timestampUs);
  });

  it('finds the signed STATUSTEXT at byte 3254 of the mixed log', () => {
    const { records } = splitTlog(readFileSync(tlog('2021-12-08-14-59-44.tlog')));
    let offset = 0;
    let found = 0;
    for (const r of records) {
      if (r.packet[0] === 0xfd && (r.packet[2]! & 1) === 1) {
        found++;
        expect(offset).toBe(3254); // the record (its timestamp) starts there
        offset += 8;
        expect(r.packet[7] | (r.packet[8]! << 8) | (r.packet[9]! << 16)).toBe(253);
        expect(r.packet.toString('latin1')).toContain('Mission Planner 1.3.75');
        offset -= 8;
      }
      offset += 8 + r.packet.length;
    }
    expect(found).toBe(1);
  });

  it('reads a file in blocks with the same result', async () => {
    const path = tlog('20211202-132614.tlog');
    const all: TlogRecord[] = [];
    for await (const r of readTlogFile(path, 1000)) all.push(r);
    expect(all).toEqual(splitTlog(readFileSync(path)).records);
  });

  it('gives the same records for any chunking', () => {
    const bytes = readFileSync(tlog('2021-12-08-14-59-44.tlog')).subarray(0, 20_000);
    const ref = splitTlog(bytes);
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 50 }), (cuts) => {
      const got: TlogRecord[] = [];
      const s = new TlogSplitter({ onRecord: (r) => got.push(r) });
      let prev = 0;
      for (const c of [...cuts].sort((a, b) => a - b)) {
        s.push(bytes.subarray(prev, c));
        prev = c;
      }
      s.push(bytes.subarray(prev));
      s.end();
      expect(got).toEqual(ref.records);
    }), { numRuns: 50 });
  });

  it('resynchronises after garbage and counts a record cut short at the end', () => {
    const bytes = readFileSync(tlog('20211202-132614.tlog'));
    const ref = splitTlog(bytes).records;
    // garbage (no 0xFD/0xFE at offset 8 of any candidate) in the middle, a cut at the end
    const cutAt = 8 + ref[0]!.packet.length + 8 + ref[1]!.packet.length;
    const dirty = Buffer.concat([bytes.subarray(0, cutAt), Buffer.alloc(37, 0x11), bytes.subarray(cutAt, bytes.length - 5)]);
    const { records, counters } = splitTlog(dirty);
    expect(records).toEqual(ref.slice(0, -1));
    expect(counters).toMatchObject({ bytesSkipped: 37 + ref.at(-1)!.packet.length + 8 - 5, resyncs: 1, truncated: 1 });
  });

  it('never throws on random bytes', () => {
    fc.assert(fc.property(fc.array(fc.uint8Array({ maxLength: 600 }), { maxLength: 10 }), (chunks) => {
      const s = new TlogSplitter({ onRecord: () => {} });
      for (const c of chunks) s.push(c);
      s.end();
    }), { numRuns: 300 });
  });
});

/** The records written back as tlog bytes, each timestamp shifted by `shiftUs`. */
function tlogBytes(records: TlogRecord[], shiftUs = 0): Buffer {
  const parts: Buffer[] = [];
  for (const r of records) {
    const ts = Buffer.alloc(8);
    writeU64BE(ts, 0, r.timestampUs + shiftUs);
    parts.push(ts, r.packet);
  }
  return Buffer.concat(parts);
}

describe('a tlog whose clock steps backwards', () => {
  const SEVEN_MINUTES_US = 7 * 60e6;

  /** One real log cut in two, its second half with the clock set back by seven minutes. */
  function spliced(name: string): { ref: TlogRecord[]; half: number; bytes: Buffer } {
    const ref = splitTlog(readFileSync(tlog(name))).records;
    const half = ref.length >> 1;
    const bytes = Buffer.concat([tlogBytes(ref.slice(0, half)), tlogBytes(ref.slice(half), -SEVEN_MINUTES_US)]);
    return { ref, half, bytes };
  }

  it.each(['20211202-132614.tlog', '2021-12-08-14-59-44.tlog', '2013-10-13_18-31-24.tlog'])(
    '%s spliced with its own clock set back 7 minutes: every packet of both parts split and decoded, the step counted once',
    (name) => {
      const { ref, half, bytes } = spliced(name);
      const { records, counters } = splitTlog(bytes);
      expect(counters).toEqual({ records: ref.length, bytesSkipped: 0, resyncs: 0, truncated: 0, clockSteps: 1 });
      expect(records.map((r) => r.packet)).toEqual(ref.map((r) => r.packet));
      expect(records.map((r) => r.timestampUs)).toEqual(ref.map((r, i) => r.timestampUs - (i >= half ? SEVEN_MINUTES_US : 0)));
      // The step really is backwards by more than the splitter's one-minute tolerance.
      expect(records[half - 1]!.timestampUs - records[half]!.timestampUs).toBeGreaterThan(6 * 60e6);

      const decoded: MavlinkPacket[] = [];
      const d = new MavlinkDecoder({ onFrame: (p) => decoded.push(p), emitUnknown: true });
      for (const r of records) d.push(r.packet, { monoMs: r.timestampUs / 1000, wallMs: r.timestampUs / 1000 });
      d.end();
      expect(decoded).toHaveLength(ref.length);
      expect(d.counters).toMatchObject({ framesOk: ref.length, badChecksum: 0, bytesSkipped: 0, unverified: 0 });
    },
  );

  it('gives the same records for any chunking of the spliced file', () => {
    const { bytes, half } = spliced('2021-12-08-14-59-44.tlog');
    // Around the splice, so that the stepped record is cut across pushes.
    const at = tlogBytes(splitTlog(bytes).records.slice(0, half)).length;
    const region = bytes.subarray(at - 3000, at + 3000);
    const ref = splitTlog(region);
    expect(ref.counters.clockSteps).toBe(1);
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: region.length }), { maxLength: 40 }), (cuts) => {
      const got: TlogRecord[] = [];
      const s = new TlogSplitter({ onRecord: (r) => got.push(r) });
      let prev = 0;
      for (const c of [...cuts].sort((a, b) => a - b)) {
        s.push(region.subarray(prev, c));
        prev = c;
      }
      s.push(region.subarray(prev));
      s.end();
      expect(got).toEqual(ref.records);
      expect(s.counters).toEqual(ref.counters);
    }), { numRuns: 50 });
  });

  it('still refuses a packet that fails its CRC where its timestamp steps; the next good one is taken', () => {
    const { ref, half, bytes } = spliced('20211202-132614.tlog');
    const at = tlogBytes(ref.slice(0, half)).length;
    const dirty = Buffer.from(bytes);
    dirty[at + 8 + 10] ^= 0x55; // a payload byte of the first stepped packet
    const { records, counters } = splitTlog(dirty);
    expect(records.map((r) => r.packet)).toEqual([...ref.slice(0, half), ...ref.slice(half + 1)].map((r) => r.packet));
    expect(counters).toMatchObject({ records: ref.length - 1, bytesSkipped: 8 + ref[half]!.packet.length, resyncs: 1, clockSteps: 1 });
  });
});
