import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../../agent/src/cli/index.js';
import { runDecode } from '../../../agent/src/cli/decode.js';
import { encodeCat240Summary, encodeCat240Video } from '../../../agent/src/protocols/cat240/encoder.js';
import { encodeMavlink } from '../../../agent/src/protocols/mavlink/encoder.js';
import { SHARED_DATA } from '../../helpers/paths.js';

/** A stdout that keeps what it is given; a small highWaterMark makes the verb meet back-pressure. */
class Capture extends Writable {
  text = '';
  writes = 0;
  constructor(private readonly delayMs = 0) {
    super({ highWaterMark: 1024 });
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.text += chunk.toString();
    this.writes++;
    if (this.delayMs > 0) setTimeout(cb, this.delayMs);
    else setImmediate(cb);
  }
  lines(): Array<Record<string, unknown>> {
    return this.text.split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l) as Record<string, unknown>);
  }
}

async function run(args: string[]) {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main(args, { stdout, stderr });
  return { code, lines: stdout.lines(), stderr: stderr.text };
}

const NMEA = join(SHARED_DATA, 'nmea0183', 'navico-4g-arpa-2015-part1.nmea');
const TI = join(SHARED_DATA, 'ti-mmwave', 'xwr16xx_processed_stream_2020_06_26T14_00_37_341.dat');
const TLOG = join(SHARED_DATA, 'mavlink', '2021-12-08-14-59-44.tlog');

describe('lookout decode', () => {
  it('nmea0183: one line per sentence with talker, sentence and the typed TTM fields, then stats', async () => {
    const { code, lines } = await run(['decode', '--protocol', 'nmea0183', '--stats', NMEA]);
    expect(code).toBe(0);
    expect(lines).toHaveLength(28_001);
    expect(lines.every((l) => typeof l.type === 'string')).toBe(true);
    const ttm = lines.find((l) => l.sentence === 'TTM')!;
    expect(ttm).toMatchObject({ type: 'nmea0183', talker: 'RA', target: 1, distance: 0.48, bearing: 263.6, speed: 0, course: 2.9, units: 'N', name: '1 (Broadband 4G - 2782 B)', status: 'T' });
    expect(lines.find((l) => l.sentence === 'XDR')).toHaveProperty('fields');
    expect(lines.at(-1)).toMatchObject({ type: 'stats', framesOk: 28_000, badChecksum: 0, bytesSkipped: 0 });
  });

  it('mavlink --tlog: msgid, name, sysid, compid, seq, SI fields and the tlog time; the signed packet flagged', async () => {
    const { code, lines } = await run(['decode', '--protocol', 'mavlink', '--tlog', '--stats', TLOG]);
    expect(code).toBe(0);
    expect(lines).toHaveLength(18_951 + 1);
    const gpi = lines.find((l) => l.name === 'GLOBAL_POSITION_INT')!;
    expect(gpi).toMatchObject({ type: 'mavlink', msgid: 33 });
    for (const k of ['sysid', 'compid', 'seq', 'lat', 'lon', 'alt', 'relativeAlt', 'vx', 'vy', 'vz', 'timeMs']) expect(typeof gpi[k]).toBe('number');
    expect(Math.abs(gpi.lat as number)).toBeLessThanOrEqual(90);
    const signed = lines.filter((l) => l.signed === true);
    expect(signed).toHaveLength(1);
    expect(signed[0]).toMatchObject({ name: 'STATUSTEXT', text: 'Mission Planner 1.3.75', signature: { verified: null } });
    expect(lines.at(-1)).toMatchObject({ type: 'stats', badChecksum: 0, v1: 1079, v2: 17_872, signed: 1, tlog: { records: 18_951, bytesSkipped: 0, truncated: 0 } });
    const names: Record<string, number> = {};
    for (const l of lines.slice(0, -1)) names[l.name as string] = (names[l.name as string] ?? 0) + 1;
    expect(names).toMatchObject({ HEARTBEAT: 654, ATTITUDE: 1296, GLOBAL_POSITION_INT: 648, GPS_RAW_INT: 648, VFR_HUD: 1296, STATUSTEXT: 33 });
  });

  it('ti-mmwave: frame, version, platform and points with side info', async () => {
    const { code, lines } = await run(['decode', '--protocol', 'ti-mmwave', '--stats', TI]);
    expect(code).toBe(0);
    const frames = lines.filter((l) => l.type !== 'stats');
    expect(frames).toHaveLength(101);
    expect(frames[0]).toMatchObject({ frame: 370, version: '3.4.0.3', platform: '0xa1642' });
    const points = frames[0]!.points as Array<Record<string, number>>;
    expect(points).toHaveLength(4);
    for (const p of points) for (const k of ['x', 'y', 'z', 'velocity', 'snrDb', 'noiseDb']) expect(typeof p[k]).toBe('number');
    expect(frames[0]!.rangeProfile).toMatchObject({ length: expect.any(Number), min: expect.any(Number) });
  });

  it('cat240: decodes a file the CAT240 encoder wrote; cells printed as a summary, or base64', async () => {
    const cells = Uint8Array.from({ length: 512 }, (_, i) => i % 256);
    const video = encodeCat240Video({ sac: 1, sic: 2, msgIndex: 7, startAzimuth: 0, endAzimuth: 64, startRangeCell: 0, cellDurationFs: 100_000_000, resolutionBits: 8, cells });
    const summary = encodeCat240Summary({ sac: 1, sic: 2, summary: 'hello' });
    const dir = mkdtempSync(join(tmpdir(), 'lookout-decode-'));
    const file = join(dir, 'x.cat240');
    writeFileSync(file, Buffer.concat([summary, video]));
    const { code, lines } = await run(['decode', '--protocol', 'cat240', '--stats', file]);
    expect(code).toBe(0);
    expect(lines[0]).toMatchObject({ type: 'cat240.summary', summary: 'hello' });
    expect(lines[1]).toMatchObject({ type: 'cat240.video', msgIndex: 7, cells: { length: 512, min: 0, max: 255 } });
    expect(lines.at(-1)).toMatchObject({ type: 'stats', protocol: 'cat240', framesOk: 2 });
    const b64 = await run(['decode', '--protocol', 'cat240', '--binary', 'base64', file]);
    expect(b64.lines[1]).toMatchObject({ cells: { length: 512, base64: Buffer.from(cells).toString('base64') } });
  });

  it('exits 2 with a clear message on an unknown protocol, a missing file, or --tlog with another protocol', async () => {
    const a = await run(['decode', '--protocol', 'nmea', NMEA]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('unknown protocol "nmea"');
    const b = await run(['decode', '--protocol', 'nmea0183', '/nonexistent/file.nmea']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('no such file: /nonexistent/file.nmea');
    const c = await run(['decode', '--protocol', 'nmea0183', '--tlog', NMEA]);
    expect(c.code).toBe(2);
    const d = await run(['decode', NMEA]);
    expect(d.code).toBe(2);
  });

  it('waits for a slow stdout (back-pressure) and reads in chunks, with the same output', async () => {
    const slow = new Capture(1);
    const fast = new Capture();
    await runDecode({ protocol: 'nmea0183', file: NMEA, chunkBytes: 4096 }, slow);
    await runDecode({ protocol: 'nmea0183', file: NMEA, chunkBytes: 1 << 20 }, fast);
    expect(slow.text).toBe(fast.text);
    expect(slow.writes).toBeGreaterThan(200);
  });

  it('prints unknown MAVLink payloads in base64 with --binary base64', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-decode-'));
    const file = join(dir, 'x.mavlink');
    const hb = encodeMavlink({ name: 'HEARTBEAT', customMode: 0, mavType: 2, autopilot: 3, baseMode: 0, systemStatus: 4, mavlinkVersion: 3 }, { sysid: 1, compid: 1, seq: 0 });
    const unknown = Buffer.from(hb);
    // msgid 199: neither decoded here nor in the CRC_EXTRA table (200 is, since the table holds ardupilotmega).
    unknown[7] = 199;
    writeFileSync(file, Buffer.concat([unknown, hb]));
    const { lines } = await run(['decode', '--protocol', 'mavlink', '--binary', 'base64', file]);
    expect(lines[0]).toMatchObject({ name: 'UNKNOWN', msgid: 199, verified: false, payload: { length: hb[1], base64: hb.subarray(10, 10 + hb[1]!).toString('base64') } });
    expect(lines[1]).toMatchObject({ name: 'HEARTBEAT' });
  });
});
