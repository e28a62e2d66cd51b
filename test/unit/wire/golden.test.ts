/**
 * Golden bytes of the wire contract: one fixed record of every kind (and the edge cases of the
 * plot batch), encoded, compared with the hex committed in golden.json before the encoder was
 * restructured, and decoded back to the committed decoded form. A change here is a change of
 * what hubs receive: it must be deliberate (regenerate with LOOKOUT_WRITE_GOLDEN=1 and say why).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeRecord, encodeRecord, type AnyRecord, type PlotRecord } from '../../../agent/src/wire/index.js';

const GOLDEN = join(import.meta.dirname, 'golden.json');
const T0 = 1_790_000_000_123.456;
const origin = { latitude: 43.2965, longitude: 5.3698 };

function plot(i: number, extra: Partial<PlotRecord> = {}): PlotRecord {
  return {
    timeMs: T0 + i * 3.217,
    scan: 41,
    rangeMetres: 250 + i * 137.35,
    // wraps through north on the last plots: the bearing delta takes the short way round
    bearingDegrees: (352.5 + i * 2.81) % 360,
    rangeExtentMetres: 7.5 * (1 + (i % 3)),
    azimuthExtentDegrees: 0.17578125 * (1 + (i % 4)),
    peakPower: 10 ** ((20 + i * 1.7) / 10),
    meanPower: 10 ** ((17 + i * 1.1) / 10),
    cellCount: 1 + i * 2,
    ...extra,
  };
}

/** The fixed records, by name. Every kind, and plots with and without an origin. */
const GOLDEN_RECORDS: Record<string, AnyRecord> = {
  birth: {
    unit: 'unit-7',
    session: 3,
    seq: 0,
    kind: 'birth',
    timeMs: T0,
    body: {
      version: '0.1.0',
      sensors: [
        { id: 'radar1', protocol: 'cat240', type: 'radar', latitude: 43.2965, longitude: 5.3698, heightMetres: 21.4 },
        { id: 'mmw', protocol: 'ti-mmwave', type: 'drone-radar' },
      ],
      configHash: 'a3f1c2d4e5b6978812345678909abcdefa3f1c2d4e5b6978812345678909abcd',
      session: 3,
      capabilities: ['plots', 'tracks', 'cmd:v1'],
      startedMs: T0 - 5000.5,
      nextSeq: 123456790,
    },
  },
  'state-online': { unit: 'unit-7', session: 3, seq: 0, kind: 'state', timeMs: T0, body: { online: true, sinceMs: T0 - 12.25 } },
  'state-offline': { unit: 'unit-7', session: 3, seq: 0, kind: 'state', timeMs: T0, body: { online: false, sinceMs: T0 } },
  'plots-origin': {
    unit: 'unit-7',
    session: 3,
    seq: 123456789,
    kind: 'plots',
    timeMs: T0,
    body: { sensor: 'radar1', origin, plots: Array.from({ length: 6 }, (_, i) => plot(i)) },
  },
  'plots-latlon-scans-thinned': {
    unit: 'unit-7',
    session: 3,
    seq: 123456790,
    kind: 'plots',
    timeMs: T0 + 1,
    body: {
      sensor: 'mmw',
      plots: Array.from({ length: 5 }, (_, i) => plot(i, { scan: 41 + (i >= 3 ? 1 : 0), latitude: 43.30001 + i * 1.3e-4, longitude: 5.36012 - i * 2.7e-4 })),
      thinned: 17,
    },
  },
  'plots-empty': { unit: 'unit-7', session: 3, seq: 123456791, kind: 'plots', timeMs: T0, body: { sensor: 'radar1', origin, plots: [] } },
  tracks: {
    unit: 'unit-7',
    session: 3,
    seq: 123456792,
    kind: 'tracks',
    timeMs: T0 + 2,
    body: {
      sensor: 'radar1',
      tracks: [
        { id: 7, timeMs: T0 - 100, latitude: 43.31234, longitude: 5.35678, speedMetresPerSecond: 7.72, courseDegrees: 271.3, rangeMetres: 1852.37, bearingDegrees: 318.9, hits: 12, status: 1 },
        { id: 8, timeMs: T0 - 50, latitude: -33.9, longitude: -70.6, speedMetresPerSecond: 0, courseDegrees: 0, rangeMetres: 0, bearingDegrees: 359.999, hits: 1, status: 0 },
      ],
    },
  },
  'tracks-arpa-source': {
    unit: 'unit-7',
    session: 3,
    seq: 123456797,
    kind: 'tracks',
    timeMs: T0 + 2,
    body: {
      sensor: 'arpa1',
      source: 'arpa',
      tracks: [{ id: 3, timeMs: T0 - 80, latitude: 43.29, longitude: 5.36, speedMetresPerSecond: 3.1, courseDegrees: 12.5, rangeMetres: 926, bearingDegrees: 45, hits: 4, status: 2 }],
    },
  },
  // Lookout's tracker, column-wise: increasing ids (unsorted here: the encoder sorts), a closing
  // track with CPA/TCPA and its alert bit, a stationary one, a tentative one, and two deletions.
  'tracks-tracker': {
    unit: 'unit-7',
    session: 3,
    seq: 123456798,
    kind: 'tracks',
    timeMs: T0 + 10,
    body: {
      sensor: 'radar1',
      source: 'tracker',
      scan: 812,
      origin,
      tracks: [
        { id: 19, timeMs: T0, latitude: 43.30517, longitude: 5.36203, speedMetresPerSecond: 0.18, courseDegrees: 181.2, status: 2, moving: false },
        { id: 17, timeMs: T0, latitude: 43.28214, longitude: 5.39177, speedMetresPerSecond: 6.42, courseDegrees: 301.7, status: 1, moving: true, cpaMetres: 143.6, tcpaSeconds: 211.4, cpaAlert: true },
        { id: 23, timeMs: T0, latitude: 43.2969, longitude: 5.3701, speedMetresPerSecond: 12.94, courseDegrees: 359.99, status: 0, moving: false },
      ],
      deleted: [21, 4],
    },
  },
  // A moving platform with tracks at different times, and a batch that only ends tracks.
  'tracks-tracker-times': {
    unit: 'unit-7',
    session: 3,
    seq: 123456799,
    kind: 'tracks',
    timeMs: T0 + 11,
    body: {
      sensor: 'mmw',
      source: 'tracker',
      scan: 90210,
      origin: { latitude: -33.91, longitude: -70.61 },
      tracks: [
        { id: 1, timeMs: T0 - 30.5, latitude: -33.9101, longitude: -70.6102, speedMetresPerSecond: 2.25, courseDegrees: 90, status: 1, moving: true, cpaMetres: 12, tcpaSeconds: 3 },
        { id: 2, timeMs: T0, latitude: -33.9098, longitude: -70.6099, speedMetresPerSecond: 0, courseDegrees: 0, status: 1, moving: false },
      ],
    },
  },
  'tracks-tracker-deleted-only': { unit: 'unit-7', session: 3, seq: 123456800, kind: 'tracks', timeMs: T0 + 12, body: { sensor: 'radar1', source: 'tracker', scan: 813, origin, tracks: [], deleted: [17] } },
  alert: {
    unit: 'unit-7',
    session: 3,
    seq: 123456793,
    kind: 'alerts',
    timeMs: T0 + 3,
    body: { severity: 'critical', code: 'E_CPA', message: 'track 7 closes within 150 m in 42 s', details: { cpaMetres: '148.2', tcpaSeconds: '42' }, trackId: 7 },
  },
  'alert-plain': { unit: 'unit-7', session: 3, seq: 123456794, kind: 'alerts', timeMs: T0 + 4, body: { severity: 'info', code: 'E_DISK_FULL', message: 'disk space is back' } },
  status: {
    unit: 'unit-7',
    session: 3,
    seq: 123456795,
    kind: 'status',
    timeMs: T0 + 5,
    body: {
      spokesPerSecond: 1638.4,
      plotsPerScan: 12.5,
      outboxDepth: 4321,
      outboxBytes: 9_876_543_210,
      published: 1234567,
      dropped: 3,
      thinned: 44,
      uptimeSeconds: 86400.4,
      counters: { 'outbox.appended': 1234570, 'serial.resyncs': 2 },
      gauges: { 'cpu.load': 0.75, 'rss.mb': 98.5 },
    },
  },
  gap: {
    unit: 'unit-7',
    session: 3,
    seq: 123456796,
    kind: 'gap',
    timeMs: T0 + 6,
    body: { ranges: [[100, 199], [250, 250], [4_000_000_000, 4_000_000_007]], reason: 'quota', count: 109, kinds: ['plots', 'status'] },
  },
  'gap-corrupt': { unit: 'unit-7', session: 4, seq: 2_000_001, kind: 'gap', timeMs: T0 + 7, body: { ranges: [[1, 2_000_000]], reason: 'corrupt', count: 2_000_000, kinds: [] } },
  'gap-disk-full': { unit: 'unit-7', session: 4, seq: 2_000_002, kind: 'gap', timeMs: T0 + 8, body: { ranges: [[5, 9]], reason: 'disk-full', count: 5, kinds: ['tracks'] } },
  'gap-expired': { unit: 'unit-7', session: 4, seq: 2_000_003, kind: 'gap', timeMs: T0 + 9, body: { ranges: [[11, 12]], reason: 'expired', count: 2, kinds: ['alerts', 'gap'] } },
};

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const asJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

function current(): Record<string, { hex: string; decoded: unknown }> {
  const out: Record<string, { hex: string; decoded: unknown }> = {};
  for (const [name, rec] of Object.entries(GOLDEN_RECORDS)) {
    const bytes = encodeRecord(rec);
    out[name] = { hex: hex(bytes), decoded: asJson(decodeRecord(bytes)) };
  }
  return out;
}

if (process.env.LOOKOUT_WRITE_GOLDEN === '1') writeFileSync(GOLDEN, `${JSON.stringify(current(), null, 1)}\n`);

const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, { hex: string; decoded: unknown }>;

describe('wire golden bytes', () => {
  it('covers every record kind', () => {
    const kinds = new Set(Object.values(GOLDEN_RECORDS).map((r) => r.kind));
    expect([...kinds].sort()).toEqual(['alerts', 'birth', 'gap', 'plots', 'state', 'status', 'tracks']);
    expect(Object.keys(golden).sort()).toEqual(Object.keys(GOLDEN_RECORDS).sort());
  });

  for (const [name, rec] of Object.entries(GOLDEN_RECORDS)) {
    it(`${name}: encodes to the committed bytes and decodes to the committed record`, () => {
      const bytes = encodeRecord(rec);
      expect(hex(bytes)).toBe(golden[name].hex);
      expect(asJson(decodeRecord(Buffer.from(golden[name].hex, 'hex')))).toEqual(golden[name].decoded);
      // and the decoded record encodes to the same bytes again (the decoder loses nothing the encoder kept)
      expect(hex(encodeRecord(decodeRecord(bytes)))).toBe(golden[name].hex);
    });
  }
});
