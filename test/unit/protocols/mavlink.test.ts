import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mavlinkCrc } from '../../../agent/src/protocols/mavlink/crc.js';
import { MavlinkDecoder, type MavlinkDecoderOptions } from '../../../agent/src/protocols/mavlink/decoder.js';
import { encodeMavlink } from '../../../agent/src/protocols/mavlink/encoder.js';
import { MESSAGE_DEFS } from '../../../agent/src/protocols/mavlink/messages.js';
import type { MavlinkMessage, MavlinkPacket } from '../../../agent/src/protocols/mavlink/types.js';
import { SHARED_DATA } from '../../helpers/paths.js';

const DIR = join(SHARED_DATA, 'mavlink');

/**
 * A .tlog is [u64 BE µs timestamp, packet] repeated. The test splits the file itself (the packet
 * length comes from its header) rather than with agent/src/io/tlog.ts, so that the split is an
 * oracle independent of the code under test.
 */
function readTlog(file: string): Array<{ timeUs: number; bytes: Buffer }> {
  const b = readFileSync(join(DIR, file));
  const out: Array<{ timeUs: number; bytes: Buffer }> = [];
  let p = 0;
  while (p + 8 < b.length) {
    const timeUs = Number(b.readBigUInt64BE(p));
    const q = p + 8;
    const len = b[q + 1]!;
    const total = b[q] === 0xfe ? 8 + len : 12 + len + (b[q + 2]! & 1 ? 13 : 0);
    out.push({ timeUs, bytes: b.subarray(q, q + total) });
    p = q + total;
  }
  expect(p).toBe(b.length);
  return out;
}

function decode(chunks: Array<{ timeUs: number; bytes: Uint8Array }>, options: Partial<MavlinkDecoderOptions> = {}) {
  const packets: MavlinkPacket[] = [];
  const d = new MavlinkDecoder({ onFrame: (p) => packets.push(p), ...options });
  for (const c of chunks) d.push(c.bytes, { monoMs: c.timeUs / 1000, wallMs: c.timeUs / 1000 });
  d.end();
  return { packets, counters: d.counters };
}

function countByName(packets: MavlinkPacket[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const p of packets) counts[p.name] = (counts[p.name] ?? 0) + 1;
  return counts;
}

const FILES = {
  '2013-10-13_18-31-24.tlog': {
    packets: 13_382,
    v1: 13_382,
    v2: 0,
    counts: { HEARTBEAT: 1529, ATTITUDE: 1977, GLOBAL_POSITION_INT: 702, GPS_RAW_INT: 473, VFR_HUD: 1922, STATUSTEXT: 1 },
  },
  '2021-12-08-14-59-44.tlog': {
    packets: 18_951,
    v1: 1079,
    v2: 17_872,
    counts: { HEARTBEAT: 654, ATTITUDE: 1296, GLOBAL_POSITION_INT: 648, GPS_RAW_INT: 648, VFR_HUD: 1296, STATUSTEXT: 33 },
  },
  '20211202-132614.tlog': {
    packets: 12_023,
    v1: 0,
    v2: 12_023,
    counts: { HEARTBEAT: 489, ATTITUDE: 478, GLOBAL_POSITION_INT: 478, GPS_RAW_INT: 478, VFR_HUD: 477, STATUSTEXT: 82 },
  },
} as const;

describe('MAVLink CRC_EXTRA values', () => {
  it('match the official definitions and every real packet of each known message', () => {
    expect(Object.fromEntries(MESSAGE_DEFS.map((d) => [d.name, [d.id, d.crcExtra, d.minLength, d.maxLength]]))).toEqual({
      HEARTBEAT: [0, 50, 9, 9],
      ATTITUDE: [30, 39, 28, 28],
      GLOBAL_POSITION_INT: [33, 104, 28, 28],
      GPS_RAW_INT: [24, 24, 30, 52],
      VFR_HUD: [74, 20, 20, 20],
      STATUSTEXT: [253, 83, 51, 54],
    });
    for (const def of MESSAGE_DEFS) {
      let checked = 0;
      for (const file of Object.keys(FILES)) {
        for (const { bytes } of readTlog(file)) {
          const v2 = bytes[0] === 0xfd;
          const msgid = v2 ? bytes[7]! | (bytes[8]! << 8) | (bytes[9]! << 16) : bytes[5]!;
          if (msgid !== def.id) continue;
          const h = v2 ? 10 : 6;
          const len = bytes[1]!;
          expect(mavlinkCrc(bytes, 1, h + len, def.crcExtra)).toBe(bytes.readUInt16LE(h + len));
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(0);
    }
  });
});

describe.each(Object.entries(FILES))('MAVLink decoder on %s', (file, facts) => {
  const records = readTlog(file);
  const { packets, counters } = decode(records, { emitUnknown: true });

  it('splits into the stated number of packets, MAVLink 1 and 2 as stated', () => {
    expect(records).toHaveLength(facts.packets);
    expect(counters.v1).toBe(facts.v1);
    expect(counters.v2).toBe(facts.v2);
  });

  it('decodes every known packet with a good CRC (zero bad) and counts each message exactly', () => {
    const known = Object.values(facts.counts).reduce((a, b) => a + b, 0);
    expect(counters).toMatchObject({ badChecksum: 0, bytesSkipped: 0, resyncs: 0, oversize: 0, incompatFlags: 0, unknownType: facts.packets - known });
    const { UNKNOWN, ...named } = countByName(packets);
    expect(named).toEqual(facts.counts);
    expect(UNKNOWN).toBe(facts.packets - known);
    expect(counters.framesOk).toBe(facts.packets);
  });

  it('finds the same known packets in the raw file, timestamps and all, without the tlog split', () => {
    const raw = decode([{ timeUs: 0, bytes: readFileSync(join(DIR, file)) }]);
    expect(countByName(raw.packets)).toEqual(facts.counts);
    // The 8 timestamp bytes per record are skipped; a 0xFD/0xFE among them is a false start that
    // may count as a bad checksum, but no real packet is lost to one.
    expect(raw.counters.bytesSkipped).toBeGreaterThanOrEqual(8 * facts.packets);
  });

  it('gives each packet its tlog timestamp as receive time', () => {
    const withTime = packets.map((p, i) => [p.rx.wallMs, records[i]!.timeUs / 1000]);
    for (const [got, want] of withTime) expect(got).toBe(want);
  });

  it('re-encodes every unsigned known packet byte for byte', () => {
    let n = 0;
    for (let i = 0; i < packets.length; i++) {
      const p = packets[i]!;
      if (p.message === null || p.signature !== null) continue;
      const again = encodeMavlink(p.message, { sysid: p.sysid, compid: p.compid, seq: p.seq, version: p.version, compatFlags: p.compatFlags });
      expect(again.equals(records[i]!.bytes)).toBe(true);
      n++;
    }
    expect(n).toBe(Object.values(facts.counts).reduce((a, b) => a + b, 0) - (file.startsWith('2021-12-08') ? 1 : 0));
  });
});

describe('MAVLink decoded values', () => {
  it('reads positions in degrees and metres, attitude in radians and degrees', () => {
    const { packets } = decode(readTlog('20211202-132614.tlog'));
    const gpi = packets.find((p) => p.name === 'GLOBAL_POSITION_INT')!;
    const m = gpi.message as Extract<MavlinkMessage, { name: 'GLOBAL_POSITION_INT' }>;
    const raw = Buffer.from(gpi.payload);
    expect(m.lat).toBe(raw.readInt32LE(4) / 1e7);
    expect(m.lon).toBe(raw.readInt32LE(8) / 1e7);
    expect(m.alt).toBe(raw.readInt32LE(12) / 1000);
    expect(Math.abs(m.lat)).toBeLessThanOrEqual(90);
    expect(Math.abs(m.lon)).toBeLessThanOrEqual(180);
    const att = packets.find((p) => p.name === 'ATTITUDE')!.message as Extract<MavlinkMessage, { name: 'ATTITUDE' }>;
    expect(att.yawDeg).toBeCloseTo((att.yaw * 180) / Math.PI, 9);
    expect(Math.abs(att.roll)).toBeLessThan(Math.PI);
  });

  it('zero-extends a truncated MAVLink 2 payload (GLOBAL_POSITION_INT sent with 27 bytes)', () => {
    const { packets } = decode(readTlog('20211202-132614.tlog'));
    const short = packets.filter((p) => p.name === 'GLOBAL_POSITION_INT' && p.payload.length === 27);
    expect(short).toHaveLength(1);
    // hdg is the last u16: its high byte was a truncated zero, its low byte survives.
    expect(short[0]!.payload[26]).toBeGreaterThan(0);
    expect((short[0]!.message as { hdg: number }).hdg).toBe(short[0]!.payload[26]! / 100);
  });

  it('recognises the signed STATUSTEXT at byte 3254 of the mixed log; key unknown: decoded, not verified', () => {
    const bytes = readFileSync(join(DIR, '2021-12-08-14-59-44.tlog'));
    // The tlog record starts at 3254: its 8-byte timestamp, then the packet.
    const at = 3254 + 8;
    expect(bytes[at]).toBe(0xfd);
    expect(bytes[at + 2]! & 1).toBe(1);
    const { packets, counters } = decode([{ timeUs: 0, bytes: bytes.subarray(at, at + 12 + 23 + 13) }]);
    expect(packets).toHaveLength(1);
    expect(packets[0]).toMatchObject({ name: 'STATUSTEXT', version: 2, message: { text: 'Mission Planner 1.3.75' } });
    expect(packets[0]!.signature).toMatchObject({ verified: null });
    expect(counters.signed).toBe(1);
    const all = decode(readTlog('2021-12-08-14-59-44.tlog'));
    expect(all.packets.filter((p) => p.signature !== null).map((p) => (p.message as { text: string }).text)).toEqual(['Mission Planner 1.3.75']);
  });

  it('with a key configured, refuses the real signed packet (wrong key) and unsigned packets', () => {
    const { packets, counters } = decode(readTlog('2021-12-08-14-59-44.tlog'), { signingKey: new Uint8Array(32).fill(7) });
    expect(packets).toHaveLength(0);
    expect(counters.badSignature).toBe(1);
    expect(counters.unsigned).toBe(FILES['2021-12-08-14-59-44.tlog'].packets - 1 - counters.unknownType);
  });
});

describe('MAVLink signing', () => {
  const key = new Uint8Array(32).map((_, i) => i * 7 + 1);
  const hb: MavlinkMessage = { name: 'HEARTBEAT', customMode: 4, mavType: 2, autopilot: 3, baseMode: 81, systemStatus: 4, mavlinkVersion: 3 };
  const signed = (seq: number, timestamp: number, linkId = 0) => encodeMavlink(hb, { sysid: 1, compid: 1, seq, signing: { key, linkId, timestamp } });

  it('verifies a signature made with the key and refuses a tampered one', () => {
    const good = signed(0, 1000);
    const bad = Buffer.from(signed(1, 2000));
    bad[bad.length - 1]! ^= 1;
    const { packets, counters } = decode([{ timeUs: 0, bytes: Buffer.concat([good, bad]) }], { signingKey: key });
    expect(packets).toHaveLength(1);
    expect(packets[0]!.signature).toEqual({ linkId: 0, timestamp: 1000, verified: true });
    expect(counters.badSignature).toBe(1);
  });

  it('refuses replayed and non-increasing timestamps per (sysid, compid, link_id), counting them', () => {
    const bytes = Buffer.concat([signed(0, 1000), signed(1, 1000), signed(2, 999), signed(3, 1001), signed(4, 500, 1), signed(0, 1000)]);
    const { packets, counters } = decode([{ timeUs: 0, bytes }], { signingKey: key });
    expect(packets.map((p) => p.signature!.timestamp)).toEqual([1000, 1001, 500]);
    expect(counters.replayed).toBe(3);
  });

  it('refuses a new stream more than a minute older than the newest timestamp', () => {
    const minute = 60 * 100_000;
    const bytes = Buffer.concat([signed(0, 10 * minute), signed(1, 8 * minute, 2)]);
    const { packets, counters } = decode([{ timeUs: 0, bytes }], { signingKey: key });
    expect(packets).toHaveLength(1);
    expect(counters.replayed).toBe(1);
  });

  it('accepts unsigned packets beside signed ones only when told to', () => {
    const bytes = Buffer.concat([signed(0, 1000), encodeMavlink(hb, { sysid: 1, compid: 1, seq: 1 })]);
    expect(decode([{ timeUs: 0, bytes }], { signingKey: key }).packets).toHaveLength(1);
    expect(decode([{ timeUs: 0, bytes }], { signingKey: key, acceptUnsigned: true }).packets).toHaveLength(2);
  });

  it('refuses a signing key of the wrong size as caller misuse', () => {
    expect(() => new MavlinkDecoder({ onFrame: () => {}, signingKey: new Uint8Array(16) })).toThrow(RangeError);
  });
});

describe('MAVLink framing edge cases', () => {
  const gpi: MavlinkMessage = { name: 'GLOBAL_POSITION_INT', timeBootMs: 1234, lat: 47.3977419, lon: 8.5455938, alt: 488.123, relativeAlt: 10.5, vx: 1.5, vy: -0.25, vz: 0.01, hdg: 123.45 };

  it('drops and counts a packet with an unknown incompatibility flag', () => {
    const p = Buffer.from(encodeMavlink(gpi, { sysid: 1, compid: 1, seq: 0 }));
    p[2] = 0x02;
    p.writeUInt16LE(mavlinkCrc(p, 1, p.length - 2, 104), p.length - 2);
    const ok = encodeMavlink(gpi, { sysid: 1, compid: 1, seq: 1 });
    const { packets, counters } = decode([{ timeUs: 0, bytes: Buffer.concat([p, ok]) }]);
    expect(packets.map((x) => x.seq)).toEqual([1]);
    expect(counters.incompatFlags).toBe(1);
  });

  it('counts a bad CRC, resynchronises, and decodes what follows', () => {
    const bad = Buffer.from(encodeMavlink(gpi, { sysid: 1, compid: 1, seq: 0 }));
    bad[12]! ^= 0x10;
    const ok = encodeMavlink(gpi, { sysid: 1, compid: 1, seq: 1 });
    const { packets, counters } = decode([{ timeUs: 0, bytes: Buffer.concat([bad, ok]) }]);
    expect(packets.map((x) => x.seq)).toEqual([1]);
    expect(counters.badChecksum).toBe(1);
    expect(counters.bytesSkipped).toBe(bad.length);
    expect(counters.resyncs).toBe(1);
  });

  it('waits for the next byte before taking an unknown-id packet, or for flush() when the link goes quiet', () => {
    const p = Buffer.from(encodeMavlink(gpi, { sysid: 1, compid: 1, seq: 5 }));
    p[7] = 199; // an id without a known CRC_EXTRA (200 is in the table: ardupilotmega's GIMBAL_REPORT)
    const out: MavlinkPacket[] = [];
    const d = new MavlinkDecoder({ onFrame: (x) => out.push(x), emitUnknown: true });
    d.push(p, { monoMs: 1, wallMs: 1 });
    expect(out).toHaveLength(0);
    d.flush();
    expect(out.map((x) => [x.name, x.msgid, x.seq])).toEqual([['UNKNOWN', 199, 5]]);
    d.push(p, { monoMs: 2, wallMs: 2 });
    d.push(encodeMavlink(gpi, { sysid: 1, compid: 1, seq: 6 }), { monoMs: 3, wallMs: 3 });
    // The second unknown packet was confirmed by the next packet's first byte, and keeps its own receive time.
    expect(out.map((x) => [x.name, x.rx.wallMs])).toEqual([['UNKNOWN', 1], ['UNKNOWN', 2], ['GLOBAL_POSITION_INT', 3]]);
  });

  it('gives each packet a payload of its own, not a view of the pushed chunk', () => {
    const chunk = Buffer.from(encodeMavlink(gpi, { sysid: 1, compid: 1, seq: 0 }));
    const { packets } = decode([{ timeUs: 0, bytes: chunk }]);
    const before = Uint8Array.from(packets[0]!.payload);
    chunk.fill(0);
    expect(packets[0]!.payload).toEqual(before);
    expect(Buffer.isBuffer(packets[0]!.payload)).toBe(false);
  });

  it('encodes MAVLink 1 and 2 packets that decode to the same values', () => {
    for (const version of [1, 2] as const) {
      const { packets } = decode([{ timeUs: 0, bytes: encodeMavlink(gpi, { sysid: 7, compid: 9, seq: 200, version }) }]);
      expect(packets[0]).toMatchObject({ version, sysid: 7, compid: 9, seq: 200, name: 'GLOBAL_POSITION_INT' });
      expect(packets[0]!.message).toEqual(gpi);
    }
  });
});
