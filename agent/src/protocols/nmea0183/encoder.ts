import {
  formatEastWest,
  formatInteger,
  formatLatLon,
  formatNumber,
  formatText,
} from './fields.js';
import type {
  GgaSentence,
  HdgSentence,
  HdtSentence,
  OsdSentence,
  RmcSentence,
  RsdSentence,
  TllSentence,
  TtmSentence,
  TypedSentence,
  VtgSentence,
  ZdaSentence,
} from './types.js';

/**
 * NMEA 0183 encoder. `encodeRaw` writes any sentence from its fields (decoded sentences re-encode
 * byte for byte from `fields`). `encodeSentence` writes a typed sentence from its typed values
 * with fixed precisions (below); the decoder reads back exactly the values it wrote, so
 * encode → decode → encode is the identity on bytes.
 */

/** What a typed encoder needs: the typed values, not what the decoder adds. */
export type SentenceInit<S extends TypedSentence> = Omit<S, 'type' | 'fields' | 'rx' | 'checksumPresent' | 'start' | 'timeMs'> & {
  start?: '$' | '!';
};
export type TypedSentenceInit = { [K in TypedSentence['sentence']]: SentenceInit<Extract<TypedSentence, { sentence: K }>> }[TypedSentence['sentence']];

const HEXDIGITS = '0123456789ABCDEF';

export function nmeaChecksum(body: string): number {
  let x = 0;
  for (let i = 0; i < body.length; i++) x ^= body.charCodeAt(i);
  return x;
}

/** `$` + talker + sentence + `,` fields + `*hh` + CR LF, as a string. */
export function formatRaw(talker: string, sentence: string, fields: readonly string[], start: '$' | '!' = '$'): string {
  for (const f of fields) {
    if (/[\r\n$!*,]/.test(f) || /[^\x20-\x7e]/.test(f)) throw new RangeError(`NMEA field ${JSON.stringify(f)} holds a reserved or non-printable character`);
  }
  const body = fields.length > 0 ? `${talker}${sentence},${fields.join(',')}` : `${talker}${sentence}`;
  const x = nmeaChecksum(body);
  return `${start}${body}*${HEXDIGITS[x >> 4]}${HEXDIGITS[x & 15]}\r\n`;
}

export function encodeRaw(talker: string, sentence: string, fields: readonly string[], start: '$' | '!' = '$'): Buffer {
  return Buffer.from(formatRaw(talker, sentence, fields, start), 'latin1');
}

/** The fields of a typed sentence, in order. Precisions are the ones real ARPA radars and GNSS use. */
export function typedFields(s: TypedSentenceInit): string[] {
  switch (s.sentence) {
    case 'TTM':
      return ttm(s);
    case 'TLL':
      return tll(s);
    case 'OSD':
      return osd(s);
    case 'RSD':
      return rsd(s);
    case 'GGA':
      return gga(s);
    case 'RMC':
      return rmc(s);
    case 'VTG':
      return vtg(s);
    case 'HDT':
      return hdt(s);
    case 'HDG':
      return hdg(s);
    case 'ZDA':
      return zda(s);
  }
}

export function formatSentence(s: TypedSentenceInit): string {
  return formatRaw(s.talker, s.sentence, typedFields(s), s.start ?? '$');
}

export function encodeSentence(s: TypedSentenceInit): Buffer {
  return Buffer.from(formatSentence(s), 'latin1');
}

function ttm(s: SentenceInit<TtmSentence>): string[] {
  return [
    formatInteger(s.target, 2),
    formatNumber(s.distance, 2),
    formatNumber(s.bearing, 1),
    formatText(s.bearingReference),
    formatNumber(s.speed, 1),
    formatNumber(s.course, 1),
    formatText(s.courseReference),
    formatNumber(s.cpaDistance, 2),
    formatNumber(s.tcpaMinutes, 1),
    formatText(s.units),
    formatText(s.name),
    formatText(s.status),
    s.reference ? 'R' : '',
    formatText(s.utc),
    formatText(s.acquisition),
  ];
}

function tll(s: SentenceInit<TllSentence>): string[] {
  return [
    formatInteger(s.target, 2),
    ...formatLatLon(s.latitude, true),
    ...formatLatLon(s.longitude, false),
    formatText(s.name),
    formatText(s.utc),
    formatText(s.status),
    s.reference ? 'R' : '',
  ];
}

function osd(s: SentenceInit<OsdSentence>): string[] {
  return [
    formatNumber(s.headingTrue, 1),
    formatText(s.headingStatus),
    formatNumber(s.courseTrue, 1),
    formatText(s.courseReference),
    formatNumber(s.speed, 1),
    formatText(s.speedReference),
    formatNumber(s.set, 1),
    formatNumber(s.drift, 1),
    formatText(s.units),
  ];
}

function rsd(s: SentenceInit<RsdSentence>): string[] {
  return [
    formatNumber(s.origin1Range, 2),
    formatNumber(s.origin1Bearing, 1),
    formatNumber(s.vrm1, 2),
    formatNumber(s.ebl1, 1),
    formatNumber(s.origin2Range, 2),
    formatNumber(s.origin2Bearing, 1),
    formatNumber(s.vrm2, 2),
    formatNumber(s.ebl2, 1),
    formatNumber(s.cursorRange, 2),
    formatNumber(s.cursorBearing, 1),
    formatNumber(s.rangeScale, 2),
    formatText(s.units),
    formatText(s.displayRotation),
  ];
}

function gga(s: SentenceInit<GgaSentence>): string[] {
  return [
    formatText(s.utc),
    ...formatLatLon(s.latitude, true),
    ...formatLatLon(s.longitude, false),
    formatInteger(s.fixQuality),
    formatInteger(s.satellites, 2),
    formatNumber(s.hdop, 2),
    formatNumber(s.altitudeMetres, 1),
    s.altitudeMetres === null ? '' : 'M',
    formatNumber(s.geoidSeparationMetres, 1),
    s.geoidSeparationMetres === null ? '' : 'M',
    formatNumber(s.dgpsAgeSeconds, 1),
    formatText(s.dgpsStation),
  ];
}

function rmc(s: SentenceInit<RmcSentence>): string[] {
  const fields = [
    formatText(s.utc),
    formatText(s.status),
    ...formatLatLon(s.latitude, true),
    ...formatLatLon(s.longitude, false),
    formatNumber(s.speedKnots, 1),
    formatNumber(s.courseTrue, 1),
    formatText(s.date),
    ...formatEastWest(s.variation, 1),
    formatText(s.mode),
  ];
  if (s.navStatus !== null) fields.push(s.navStatus);
  return fields;
}

function vtg(s: SentenceInit<VtgSentence>): string[] {
  return [
    formatNumber(s.courseTrue, 1),
    'T',
    formatNumber(s.courseMagnetic, 1),
    'M',
    formatNumber(s.speedKnots, 1),
    'N',
    formatNumber(s.speedKmh, 1),
    'K',
    formatText(s.mode),
  ];
}

function hdt(s: SentenceInit<HdtSentence>): string[] {
  return [formatNumber(s.headingTrue, 1), 'T'];
}

function hdg(s: SentenceInit<HdgSentence>): string[] {
  return [formatNumber(s.headingMagnetic, 1), ...formatEastWest(s.deviation, 1), ...formatEastWest(s.variation, 1)];
}

function zda(s: SentenceInit<ZdaSentence>): string[] {
  return [
    formatText(s.utc),
    formatInteger(s.day, 2),
    formatInteger(s.month, 2),
    formatInteger(s.year, 4),
    formatInteger(s.zoneHours, 2),
    formatInteger(s.zoneMinutes, 2),
  ];
}
