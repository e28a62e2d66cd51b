import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Nmea0183Decoder } from '../../../agent/src/protocols/nmea0183/decoder.js';
import { encodeSentence, formatRaw, type TypedSentenceInit } from '../../../agent/src/protocols/nmea0183/encoder.js';
import type { NmeaSentence } from '../../../agent/src/protocols/nmea0183/types.js';

const RX = { monoMs: 0, wallMs: 0 };

function decodeChunks(chunks: Uint8Array[], maxSentenceChars?: number, flushEvery = 0): { out: NmeaSentence[]; maxBuffered: number; bound: number } {
  const out: NmeaSentence[] = [];
  const d = new Nmea0183Decoder({ onFrame: (s) => out.push(s), ...(maxSentenceChars === undefined ? {} : { maxSentenceChars }) });
  let maxBuffered = 0;
  for (const c of chunks) {
    d.push(c, RX);
    maxBuffered = Math.max(maxBuffered, d.buffered);
    // A quiet link between chunks now and then (deterministic: by chunk length).
    if (flushEvery > 0 && c.length % flushEvery === 1) {
      d.flush();
      maxBuffered = Math.max(maxBuffered, d.buffered);
    }
  }
  d.end();
  // The bound holds by the scan's own logic: the frame buffer never had to drop anything.
  expect(d.counters).toMatchObject({ bufferOverflows: 0, bufferOverflowBytes: 0 });
  return { out, maxBuffered, bound: maxSentenceChars ?? 256 };
}

/** Splits bytes at the given cut points (any order, duplicates allowed). */
function split(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let prev = 0;
  for (const p of points) {
    chunks.push(bytes.subarray(prev, p));
    prev = p;
  }
  chunks.push(bytes.subarray(prev));
  return chunks;
}

const strip = (s: NmeaSentence) => JSON.stringify({ ...s, rx: undefined });

// Values at the precision the encoder writes, so encode → decode is exact.
const fixed = (max: number, scale: number) => fc.integer({ min: 0, max: max * scale }).map((n) => n / scale);
const orNull = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const name = fc.stringMatching(/^[A-Za-z0-9 ()\-#.]{0,30}$/).map((s) => (s === '' ? null : s));
const utc = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 5999 })).map(
  ([h, m, cs]) => `${String(h).padStart(2, '0')}${String(m).padStart(2, '0')}${String(Math.floor(cs / 100)).padStart(2, '0')}.${String(cs % 100).padStart(2, '0')}`,
);
const lat = fc.integer({ min: -89 * 600_000, max: 89 * 600_000 }).map((n) => n / 600_000);
const lon = fc.integer({ min: -179 * 600_000, max: 179 * 600_000 }).map((n) => n / 600_000);
const signed1 = fc.integer({ min: -300, max: 300 }).map((n) => n / 10);

const typedSentence: fc.Arbitrary<TypedSentenceInit> = fc.oneof(
  fc.record({
    sentence: fc.constant('TTM' as const),
    talker: fc.constant('RA'),
    target: orNull(fc.integer({ min: 0, max: 999 })),
    distance: orNull(fixed(99, 100)),
    bearing: orNull(fixed(359, 10)),
    bearingReference: orNull(fc.constantFrom('T' as const, 'R' as const)),
    speed: orNull(fixed(99, 10)),
    course: orNull(fixed(359, 10)),
    courseReference: orNull(fc.constantFrom('T' as const, 'R' as const)),
    cpaDistance: orNull(fixed(99, 100)),
    tcpaMinutes: orNull(signed1),
    units: orNull(fc.constantFrom('K' as const, 'N' as const, 'S' as const)),
    name,
    status: orNull(fc.constantFrom('L' as const, 'Q' as const, 'T' as const)),
    reference: fc.boolean(),
    utc: orNull(utc),
    acquisition: orNull(fc.constantFrom('A' as const, 'M' as const, 'R' as const)),
  }),
  fc.record({
    sentence: fc.constant('TLL' as const),
    talker: fc.constant('RA'),
    target: orNull(fc.integer({ min: 0, max: 999 })),
    latitude: orNull(lat),
    longitude: orNull(lon),
    name,
    utc: orNull(utc),
    status: orNull(fc.constantFrom('L' as const, 'Q' as const, 'T' as const)),
    reference: fc.boolean(),
  }),
  fc.record({
    sentence: fc.constant('GGA' as const),
    talker: fc.constantFrom('GP', 'GN'),
    utc: orNull(utc),
    latitude: orNull(lat),
    longitude: orNull(lon),
    fixQuality: orNull(fc.integer({ min: 0, max: 8 })),
    satellites: orNull(fc.integer({ min: 0, max: 40 })),
    hdop: orNull(fixed(50, 100)),
    altitudeMetres: orNull(signed1),
    geoidSeparationMetres: orNull(signed1),
    dgpsAgeSeconds: orNull(fixed(99, 10)),
    dgpsStation: orNull(fc.constantFrom('0000', '0123')),
  }),
  fc.record({
    sentence: fc.constant('RMC' as const),
    talker: fc.constant('GP'),
    utc: orNull(utc),
    status: orNull(fc.constantFrom('A' as const, 'V' as const)),
    latitude: orNull(lat),
    longitude: orNull(lon),
    speedKnots: orNull(fixed(99, 10)),
    courseTrue: orNull(fixed(359, 10)),
    date: orNull(fc.constantFrom('270715', '010124', '311299')),
    variation: orNull(signed1),
    mode: orNull(fc.constantFrom('A', 'D', 'N')),
    navStatus: orNull(fc.constantFrom('S', 'V')),
  }),
  fc.record({ sentence: fc.constant('HDT' as const), talker: fc.constant('HE'), headingTrue: orNull(fixed(359, 10)) }),
  fc.record({ sentence: fc.constant('HDG' as const), talker: fc.constant('HC'), headingMagnetic: orNull(fixed(359, 10)), deviation: orNull(signed1), variation: orNull(signed1) }),
  fc.record({
    sentence: fc.constant('VTG' as const),
    talker: fc.constant('GP'),
    courseTrue: orNull(fixed(359, 10)),
    courseMagnetic: orNull(fixed(359, 10)),
    speedKnots: orNull(fixed(99, 10)),
    speedKmh: orNull(fixed(99, 10)),
    mode: orNull(fc.constantFrom('A', 'N')),
  }),
  fc.record({
    sentence: fc.constant('ZDA' as const),
    talker: fc.constant('GP'),
    utc: orNull(utc),
    day: orNull(fc.integer({ min: 1, max: 28 })),
    month: orNull(fc.integer({ min: 1, max: 12 })),
    year: orNull(fc.integer({ min: 1990, max: 2100 })),
    zoneHours: orNull(fc.integer({ min: -13, max: 13 })),
    zoneMinutes: orNull(fc.integer({ min: 0, max: 59 })),
  }),
  fc.record({
    sentence: fc.constant('OSD' as const),
    talker: fc.constant('RA'),
    headingTrue: orNull(fixed(359, 10)),
    headingStatus: orNull(fc.constantFrom('A' as const, 'V' as const)),
    courseTrue: orNull(fixed(359, 10)),
    courseReference: orNull(fc.constantFrom('B', 'M', 'W', 'R', 'P')),
    speed: orNull(fixed(99, 10)),
    speedReference: orNull(fc.constantFrom('B', 'M', 'W', 'R', 'P')),
    set: orNull(fixed(359, 10)),
    drift: orNull(fixed(9, 10)),
    units: orNull(fc.constantFrom('K' as const, 'N' as const, 'S' as const)),
  }),
  fc.record({
    sentence: fc.constant('RSD' as const),
    talker: fc.constant('RA'),
    origin1Range: orNull(fixed(99, 100)),
    origin1Bearing: orNull(fixed(359, 10)),
    vrm1: orNull(fixed(99, 100)),
    ebl1: orNull(fixed(359, 10)),
    origin2Range: orNull(fixed(99, 100)),
    origin2Bearing: orNull(fixed(359, 10)),
    vrm2: orNull(fixed(99, 100)),
    ebl2: orNull(fixed(359, 10)),
    cursorRange: orNull(fixed(99, 100)),
    cursorBearing: orNull(fixed(359, 10)),
    rangeScale: orNull(fixed(96, 100)),
    units: orNull(fc.constantFrom('K' as const, 'N' as const, 'S' as const)),
    displayRotation: orNull(fc.constantFrom('C' as const, 'H' as const, 'N' as const)),
  }),
);

describe('NMEA 0183 encoder/decoder properties', () => {
  it('every typed sentence round-trips: encode → decode gives the values, re-encode gives the bytes', () => {
    fc.assert(
      fc.property(typedSentence, (init) => {
        const bytes = encodeSentence(init);
        const { out } = decodeChunks([bytes]);
        expect(out).toHaveLength(1);
        // Latitudes/longitudes go through ddmm.mmmm: equal to 1e-12 degrees, not to the last bit.
        const want: Record<string, unknown> = { ...init };
        for (const k of ['latitude', 'longitude'] as const) {
          const a = (init as Record<string, unknown>)[k];
          const b = (out[0] as unknown as Record<string, unknown>)[k];
          if (typeof a === 'number' && typeof b === 'number') {
            expect(Math.abs(a - b)).toBeLessThan(1e-12);
            want[k] = b;
          }
        }
        expect(out[0]).toMatchObject(want);
        expect(encodeSentence(out[0] as TypedSentenceInit).equals(bytes)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('any chunking of the same bytes gives the same sentences', () => {
    fc.assert(
      fc.property(fc.array(typedSentence, { minLength: 1, maxLength: 12 }), fc.uint8Array({ maxLength: 40 }), fc.array(fc.nat(), { maxLength: 30 }), (sentences, garbage, cuts) => {
        const bytes = Buffer.concat([...sentences.map(encodeSentence), garbage, ...sentences.slice(0, 2).map(encodeSentence)]);
        const whole = decodeChunks([bytes]).out.map(strip);
        expect(decodeChunks(split(bytes, cuts)).out.map(strip)).toEqual(whole);
        expect(decodeChunks([...bytes].map((b) => Uint8Array.of(b))).out.map(strip)).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  /**
   * Recovery: intact sentences separated by random garbage, truncated sentences and sentences
   * with a flipped bit. Stated fraction: 100% of intact sentences are recovered, in order — a
   * `$`, `!`, CR or LF ends any candidate, so damage cannot reach past the next sentence start.
   * (Damaged ones may rarely slip through a 1-in-256 checksum collision; that is not asserted.)
   */
  it('recovers every intact sentence among garbage, truncated sentences and bit flips', () => {
    const damage = fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 60 }).map((g) => ({ kind: 'garbage' as const, g })),
      fc.tuple(typedSentence, fc.nat()).map(([s, n]) => ({ kind: 'truncated' as const, s, n })),
      fc.tuple(typedSentence, fc.nat(), fc.integer({ min: 0, max: 7 })).map(([s, n, bit]) => ({ kind: 'flip' as const, s, n, bit })),
    );
    let intactTotal = 0;
    let recoveredTotal = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(damage, fc.integer({ min: 0, max: 359 })), { minLength: 1, maxLength: 15 }), fc.array(fc.nat(), { maxLength: 10 }), (items, cuts) => {
        const parts: Buffer[] = [];
        const intact: string[] = [];
        items.forEach(([d, h], i) => {
          if (d.kind === 'garbage') parts.push(Buffer.from(d.g));
          else {
            const b = Buffer.from(encodeSentence(d.s));
            if (d.kind === 'truncated') parts.push(b.subarray(0, d.n % b.length));
            else {
              const k = d.n % b.length;
              b[k]! ^= 1 << d.bit;
              parts.push(b);
            }
          }
          // A unique marker per intact sentence: ZZZ is a sentence no damage generator makes.
          const text = formatRaw('II', 'ZZZ', [String(i), String(h)]);
          intact.push(text);
          parts.push(Buffer.from(text, 'latin1'));
        });
        const { out, maxBuffered, bound } = decodeChunks(split(Buffer.concat(parts), cuts));
        const got = out.filter((s) => s.sentence === 'ZZZ').map((s) => formatRaw(s.talker, s.sentence, s.fields));
        expect(got).toEqual(intact);
        expect(maxBuffered).toBeLessThanOrEqual(bound);
        intactTotal += intact.length;
        recoveredTotal += got.length;
      }),
      { numRuns: 500 },
    );
    expect(recoveredTotal / intactTotal).toBe(1);
  });

  it('typed sentences with any field contents (valid checksum) never throw and give null for what does not parse', () => {
    const field = fc.stringMatching(/^[ -~]{0,12}$/).map((f) => f.replace(/[$!*,]/g, ''));
    fc.assert(
      fc.property(fc.constantFrom('TTM', 'TLL', 'OSD', 'RSD', 'GGA', 'RMC', 'VTG', 'HDT', 'HDG', 'ZDA'), fc.array(fc.oneof(field, fc.constantFrom('', '-', '.', 'N', 'S', 'E', 'W', '9999.99', '-0', '1e9', '0x1F', 'NaN', 'Infinity')), { maxLength: 20 }), (id, fields) => {
        const { out } = decodeChunks([Buffer.from(formatRaw('XX', id, fields), 'latin1')]);
        expect(out).toHaveLength(1);
        for (const [k, v] of Object.entries(out[0]!)) {
          if (typeof v === 'number') expect(Number.isFinite(v), k).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('no input (with flushes between chunks) throws, and the buffer never grows past maxSentenceChars', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.uint8Array({ maxLength: 400 }), fc.stringMatching(/^[$!,*A-Z0-9\r\n.]{0,300}$/).map((s) => Buffer.from(s, 'latin1'))), { maxLength: 20 }),
        fc.integer({ min: 11, max: 300 }),
        (chunks, max) => {
          const { maxBuffered } = decodeChunks(chunks, max, 3);
          expect(maxBuffered).toBeLessThanOrEqual(max);
        },
      ),
      { numRuns: 500 },
    );
  });
});
