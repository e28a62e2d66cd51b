/**
 * `lookout bench decode`: MB/s of each streaming decoder on one core, fed 64 KiB chunks as a
 * file or socket would, beside a memcpy of the same buffer in the same chunks (the baseline),
 * and against the link rates that matter: 921600 baud is 92 KB/s, a 48 rpm radar's CAT240
 * video about 2 MB/s. CAT240 and TI mmWave come from bench/decode-radar.ts when it is there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MavlinkDecoder } from '../protocols/mavlink/decoder.js';
import { Nmea0183Decoder } from '../protocols/nmea0183/decoder.js';
import type { StreamDecoder } from '../protocols/types.js';
import { createArpaSim } from '../sim/arpa.js';
import { createDroneSim } from '../sim/drone.js';
import { printRow, type BenchRow } from './common.js';


const CHUNK = 64 * 1024;
const SERIAL_921600_BYTES_PER_S = 92_160;
const RUNS = 5;
const CAT240_48RPM_BYTES_PER_S = 2e6;

/** Real captures beside the repository (../shared/data), when this runs from a checkout. */
const SHARED_DATA = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));


/**
 * Best MB/s of RUNS passes over `data` (after one warm-up pass), each pass in CHUNK pieces, in
 * CPU time of this process (user + system) as bench/decode-radar.ts measures: on a shared
 * machine other load stretches wall time several times over, not the CPU a decode takes.
 */
function throughput(data: Buffer, pass: () => void): number {
  pass();
  let best = Infinity;
  for (let r = 0; r < RUNS; r++) {
    const t = cpuSeconds();
    pass();
    best = Math.min(best, cpuSeconds() - t);
  }
  return data.length / 1e6 / Math.max(best, 1e-9);
}

function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** `data` repeated to at least `bytes`, so each timed pass lasts long enough to time. */
function repeatTo(data: Buffer, bytes: number): Buffer {
  return Buffer.concat(new Array<Buffer>(Math.max(1, Math.ceil(bytes / data.length))).fill(data));
}

function memcpyRate(data: Buffer): number {
  const dst = Buffer.allocUnsafe(CHUNK);
  return throughput(data, () => {
    for (let o = 0; o < data.length; o += CHUNK) data.copy(dst, 0, o, Math.min(o + CHUNK, data.length));
  });
}

function decoderRate(data: Buffer, make: () => StreamDecoder<unknown>): { mbps: number; frames: number } {
  let frames = 0;
  const rx = { monoMs: 0, wallMs: 0 };
  const mbps = throughput(data, () => {
    const d = make();
    for (let o = 0; o < data.length; o += CHUNK) d.push(data.subarray(o, Math.min(o + CHUNK, data.length)), rx);
    d.end();
    frames = d.counters.framesOk;
  });
  return { mbps, frames };
}

/** The NMEA input: the real Navico ARPA log when present, else 1 MB of simulated ARPA output. */
function nmeaInput(): { data: Buffer; source: string } {
  const real = `${SHARED_DATA}nmea0183/navico-4g-arpa-2015-part1.nmea`;
  if (existsSync(real)) return { data: readFileSync(real), source: 'Navico 4G ARPA log' };
  const sim = createArpaSim({
    scenario: {
      radar: { latitude: 58.2, longitude: 11.5, altitudeMetres: 0, sac: 1, sic: 1 },
      targets: Array.from({ length: 8 }, (_, i) => ({ id: i + 1, rangeMetres: 500 + 400 * i, bearingDegrees: 40 * i, courseDegrees: 90, speedMetresPerSecond: 4, snrDb: 20, swerling: 0 as const })),
    },
    seed: 1,
    startWallMs: Date.UTC(2026, 0, 1),
  });
  return { data: collect(sim, 1 << 20), source: 'simulated ARPA, 8 targets' };
}

/** The MAVLink input: the packets of the real tlogs (timestamps stripped), else a simulated drone. */
function mavlinkInput(): { data: Buffer; source: string } {
  const files = ['20211202-132614.tlog', '2021-12-08-14-59-44.tlog', '2013-10-13_18-31-24.tlog'].map((f) => `${SHARED_DATA}mavlink/${f}`);
  if (files.every((f) => existsSync(f))) {
    const parts: Buffer[] = [];
    for (const f of files) {
      const b = readFileSync(f);
      let p = 0;
      while (p + 10 < b.length) {
        const q = p + 8;
        const total = b[q] === 0xfe ? 8 + b[q + 1] : 12 + b[q + 1] + (b[q + 2] & 1 ? 13 : 0);
        parts.push(b.subarray(q, q + total));
        p = q + total;
      }
    }
    return { data: Buffer.concat(parts), source: 'packets of the three real tlogs, v1+v2' };
  }
  return { data: collect(createDroneSim({ seed: 1, startWallMs: Date.UTC(2026, 0, 1) }), 1 << 20), source: 'simulated drone' };
}

function collect(sim: { next(): { bytes: Uint8Array } | null }, bytes: number): Buffer {
  const parts: Uint8Array[] = [];
  let n = 0;
  while (n < bytes) {
    const s = sim.next();
    if (s === null) break;
    parts.push(s.bytes);
    n += s.bytes.length;
  }
  return Buffer.concat(parts);
}

function linkNote(mbps: number, source: string): string {
  return `${source}; ${Math.round((mbps * 1e6) / SERIAL_921600_BYTES_PER_S)}x a 921600-baud link`;
}

export async function runDecodeBench({ json }: { json: boolean }, out: NodeJS.WritableStream): Promise<void> {
  const rows: BenchRow[] = [];

  const nmea = nmeaInput();
  nmea.data = repeatTo(nmea.data, 8e6);
  const nmeaCopy = memcpyRate(nmea.data);
  const n = decoderRate(nmea.data, () => new Nmea0183Decoder({ onFrame: () => {} }));
  rows.push({ bench: 'decode', name: 'nmea0183', value: n.mbps, unit: 'MB/s', goal: '>= 30 MB/s', baseline: { name: 'memcpy', value: nmeaCopy, unit: 'MB/s' }, note: linkNote(n.mbps, `${nmea.source}, ${n.frames} sentences`) });

  const mav = mavlinkInput();
  mav.data = repeatTo(mav.data, 16e6);
  const mavCopy = memcpyRate(mav.data);
  const m = decoderRate(mav.data, () => new MavlinkDecoder({ onFrame: () => {} }));
  rows.push({ bench: 'decode', name: 'mavlink', value: m.mbps, unit: 'MB/s', goal: '>= 50 MB/s', baseline: { name: 'memcpy', value: mavCopy, unit: 'MB/s' }, note: linkNote(m.mbps, `${mav.source}, ${m.frames} known packets decoded, unknown ids counted and skipped`) });

  const key = new Uint8Array(32).fill(1);
  // Simulated, not repeated: a repeated signed stream would be refused as replays after one copy.
  const signed = collect(createDroneSim({ seed: 1, startWallMs: Date.UTC(2026, 0, 1), signingKey: key }), 4e6);
  const s = decoderRate(signed, () => new MavlinkDecoder({ onFrame: () => {}, signingKey: key }));
  rows.push({ bench: 'decode', name: 'mavlink signed (verify + replay check)', value: s.mbps, unit: 'MB/s', baseline: { name: 'memcpy', value: memcpyRate(signed), unit: 'MB/s' }, note: linkNote(s.mbps, `simulated drone, ${s.frames} packets`) });

  for (const row of rows) printRow(row, json, out);

  // CAT240 and TI mmWave belong to bench/decode-radar.ts (another owner); run them when present.
  let radar: Record<string, unknown> | undefined;
  try {
    radar = (await import('./decode-radar.js'));
  } catch {
    radar = undefined;
  }
  for (const [fn, name] of [['benchCat240', 'cat240'], ['benchTiMmwave', 'ti-mmwave']] as const) {
    const bench = radar?.[fn] as ((o?: object) => RadarResult) | undefined;
    if (typeof bench !== 'function') {
      printRow({ bench: 'decode', name, value: 0, unit: 'MB/s', goal: '>= 200 MB/s', note: 'not measured: bench/decode-radar.ts not present' }, json, out);
      continue;
    }
    const r = bench();
    const link = name === 'cat240' ? `${Math.round((r.mbPerSec * 1e6) / CAT240_48RPM_BYTES_PER_S)}x a 48 rpm radar's video (2 MB/s)` : `${Math.round((r.mbPerSec * 1e6) / SERIAL_921600_BYTES_PER_S)}x a 921600-baud link`;
    printRow({ bench: 'decode', name: r.name, value: r.mbPerSec, unit: 'MB/s', goal: '>= 200 MB/s', baseline: { name: 'memcpy', value: r.memcpyMbPerSec, unit: 'MB/s' }, note: `${r.frameDescription}; ${link}` }, json, out);
  }
}

/** What bench/decode-radar.ts returns (the fields read here). */
interface RadarResult {
  name: string;
  mbPerSec: number;
  memcpyMbPerSec: number;
  frameDescription: string;
}
