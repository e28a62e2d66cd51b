import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc16Accumulate, crc16AccumulateByte, CRC_INIT } from '../../../agent/src/protocols/mavlink/crc.js';
import { CRC_TABLE_SIZE, crcEntry, crcExtraOf } from '../../../agent/src/protocols/mavlink/crc-extra.js';
import { MavlinkDecoder } from '../../../agent/src/protocols/mavlink/decoder.js';
import { encodeMavlink } from '../../../agent/src/protocols/mavlink/encoder.js';
import { MESSAGE_DEFS } from '../../../agent/src/protocols/mavlink/messages.js';
import type { MavlinkPacket } from '../../../agent/src/protocols/mavlink/types.js';
import { Rng } from '../../../agent/src/sim/rng.js';
import { SHARED_DATA } from '../../helpers/paths.js';

/**
 * mavgen's CRC_EXTRA: X.25 over "NAME " then, for each non-extension field in wire order
 * (largest type first), "type name " and the array length as one byte; the 16-bit sum folded
 * to one byte. An oracle written from the MAVLink documentation, independent of the table.
 */
function crcExtraFromDefinition(name: string, fields: Array<[type: string, name: string, arrayLength?: number]>): number {
  const ascii = (s: string) => Buffer.from(s, 'ascii');
  let crc = crc16Accumulate(CRC_INIT, ascii(`${name} `));
  for (const [type, field, n] of fields) {
    crc = crc16Accumulate(crc, ascii(`${type} ${field} `));
    if (n !== undefined) crc = crc16AccumulateByte(crc, n);
  }
  return (crc & 0xff) ^ (crc >>> 8);
}

/** The message definitions of common.xml, non-extension fields in mavgen's wire order. */
const DEFINITIONS: Record<string, [id: number, fields: Array<[string, string, number?]>]> = {
  HEARTBEAT: [0, [['uint32_t', 'custom_mode'], ['uint8_t', 'type'], ['uint8_t', 'autopilot'], ['uint8_t', 'base_mode'], ['uint8_t', 'system_status'], ['uint8_t', 'mavlink_version']]],
  GPS_RAW_INT: [24, [['uint64_t', 'time_usec'], ['int32_t', 'lat'], ['int32_t', 'lon'], ['int32_t', 'alt'], ['uint16_t', 'eph'], ['uint16_t', 'epv'], ['uint16_t', 'vel'], ['uint16_t', 'cog'], ['uint8_t', 'fix_type'], ['uint8_t', 'satellites_visible']]],
  ATTITUDE: [30, [['uint32_t', 'time_boot_ms'], ['float', 'roll'], ['float', 'pitch'], ['float', 'yaw'], ['float', 'rollspeed'], ['float', 'pitchspeed'], ['float', 'yawspeed']]],
  GLOBAL_POSITION_INT: [
    33,
    [['uint32_t', 'time_boot_ms'], ['int32_t', 'lat'], ['int32_t', 'lon'], ['int32_t', 'alt'], ['int32_t', 'relative_alt'], ['int16_t', 'vx'], ['int16_t', 'vy'], ['int16_t', 'vz'], ['uint16_t', 'hdg']],
  ],
  VFR_HUD: [74, [['float', 'airspeed'], ['float', 'groundspeed'], ['float', 'alt'], ['float', 'climb'], ['int16_t', 'heading'], ['uint16_t', 'throttle']]],
  STATUSTEXT: [253, [['uint8_t', 'severity'], ['char', 'text', 50]]],
  SYSTEM_TIME: [2, [['uint64_t', 'time_unix_usec'], ['uint32_t', 'time_boot_ms']]],
  PARAM_VALUE: [22, [['float', 'param_value'], ['uint16_t', 'param_count'], ['uint16_t', 'param_index'], ['char', 'param_id', 16], ['uint8_t', 'param_type']]],
  RC_CHANNELS_RAW: [
    35,
    [
      ['uint32_t', 'time_boot_ms'],
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((i): [string, string] => ['uint16_t', `chan${i}_raw`]),
      ['uint8_t', 'port'],
      ['uint8_t', 'rssi'],
    ],
  ],
};

const TLOGS = ['2013-10-13_18-31-24.tlog', '2021-12-08-14-59-44.tlog', '20211202-132614.tlog'];

/** The packets of a tlog, split by the oracle rule (length from the header), without timestamps. */
function tlogPackets(file: string): Buffer[] {
  const b = readFileSync(join(SHARED_DATA, 'mavlink', file));
  const out: Buffer[] = [];
  for (let p = 0; p + 8 < b.length; ) {
    const q = p + 8;
    const total = b[q] === 0xfe ? 8 + b[q + 1]! : 12 + b[q + 1]! + (b[q + 2]! & 1 ? 13 : 0);
    out.push(b.subarray(q, q + total));
    p = q + total;
  }
  return out;
}

describe('MAVLink CRC_EXTRA table', () => {
  it('holds the common set and the ardupilotmega dialect, with the decoded messages as they define them', () => {
    expect(CRC_TABLE_SIZE).toBe(285);
    for (const def of MESSAGE_DEFS) expect(crcEntry(def.id)).toEqual({ crcExtra: def.crcExtra, minLength: def.minLength, maxLength: def.maxLength });
    // ardupilotmega ids above the dense range
    expect(crcEntry(11_000)).toEqual({ crcExtra: 134, minLength: 51, maxLength: 52 });
    expect(crcExtraOf(199)).toBe(-1);
    expect(crcExtraOf(0xffffff)).toBe(-1);
  });

  it.each(Object.entries(DEFINITIONS))('agrees with CRC_EXTRA computed from the definition of %s', (name, [id, fields]) => {
    expect(crcExtraOf(id)).toBe(crcExtraFromDefinition(name, fields));
  });

  it.each(TLOGS)('verifies every packet of %s on its CRC (none framed on trust, none bad)', (file) => {
    const packets = tlogPackets(file);
    const out: MavlinkPacket[] = [];
    const d = new MavlinkDecoder({ onFrame: (p) => out.push(p), emitUnknown: true });
    for (const p of packets) d.push(p, { monoMs: 0, wallMs: 0 });
    d.end();
    expect(d.counters).toMatchObject({ framesOk: packets.length, unverified: 0, badChecksum: 0, bytesSkipped: 0 });
    expect(out.every((p) => p.verified)).toBe(true);
    // More ids than the six decoded ones are in these logs: they are verified too.
    const unknown = out.filter((p) => p.name === 'UNKNOWN');
    expect(unknown.length).toBeGreaterThan(0);
    expect(d.counters.unknownType).toBe(unknown.length);
  });
});

describe('MAVLink decoder on random bytes', () => {
  const rng = new Rng(20_211_202);
  const bytes = new Uint8Array(4 << 20);
  for (let i = 0; i < bytes.length; i += 4) {
    const v = rng.uint32();
    bytes[i] = v;
    bytes[i + 1] = v >>> 8;
    bytes[i + 2] = v >>> 16;
    bytes[i + 3] = v >>> 24;
  }

  it('takes almost nothing as a good frame: unknown ids are unverified, known ids fail their CRC', () => {
    const out: MavlinkPacket[] = [];
    const d = new MavlinkDecoder({ onFrame: (p) => out.push(p), emitUnknown: true });
    for (let i = 0; i < bytes.length; i += 4096) d.push(bytes.subarray(i, i + 4096), { monoMs: 0, wallMs: 0 });
    d.end();
    const c = d.counters;
    // About 16k v1 candidates have a known id; ~0.5 % of those a legal length; a CRC matches by
    // chance once in 65536: the expected number of good frames is ~0.002, so at most 2 is generous.
    expect(c.framesOk).toBeLessThanOrEqual(2);
    expect(out.filter((p) => p.verified)).toHaveLength(c.framesOk);
    // What the decoder used to count as good: frames of unknown ids that happen to be followed by a magic.
    expect(c.unverified).toBeGreaterThan(10);
    expect(out.filter((p) => !p.verified)).toHaveLength(c.unverified);
    expect(c.badChecksum).toBeGreaterThan(c.framesOk);
    expect(c.bytesSkipped).toBeGreaterThan(bytes.length * 0.9);
  });

  it('still decodes a real packet written into the noise', () => {
    const hb = encodeMavlink({ name: 'HEARTBEAT', customMode: 1, mavType: 2, autopilot: 3, baseMode: 4, systemStatus: 5, mavlinkVersion: 3 }, { sysid: 9, compid: 1, seq: 77 });
    const noisy = Uint8Array.from(bytes.subarray(0, 100_000));
    noisy.set(hb, 50_000);
    const out: MavlinkPacket[] = [];
    const d = new MavlinkDecoder({ onFrame: (p) => out.push(p) });
    d.push(noisy, { monoMs: 0, wallMs: 0 });
    d.end();
    expect(out.filter((p) => p.name === 'HEARTBEAT' && p.sysid === 9 && p.seq === 77)).toHaveLength(1);
  });
});
