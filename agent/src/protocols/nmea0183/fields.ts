/**
 * Field codecs shared by the NMEA decoder and encoder. Parsers return null for an empty or
 * malformed field (a device that sends `0.-6` gets null, not NaN); formatters return '' for null.
 */

/**
 * A decimal field: optional sign, digits, optional fraction. Stricter than Number(), which would
 * also take ' 12', '0x1F', '1e9' and 'Infinity' — nothing an NMEA talker sends.
 */
export function parseNumber(s: string | undefined): number | null {
  if (s === undefined || s === '') return null;
  let i = s.charCodeAt(0) === 0x2d || s.charCodeAt(0) === 0x2b ? 1 : 0;
  let digits = 0;
  let dots = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digits++;
    else if (c === 0x2e && dots === 0) dots++;
    else return null;
  }
  return digits > 0 ? Number(s) : null;
}

export function parseInteger(s: string | undefined): number | null {
  const n = parseNumber(s);
  return n !== null && Number.isInteger(n) ? n : null;
}

export function parseText(s: string | undefined): string | null {
  return s === undefined || s === '' ? null : s;
}

export function parseChoice<T extends string>(s: string | undefined, choices: readonly T[]): T | null {
  return s !== undefined && (choices as readonly string[]).includes(s) ? (s as T) : null;
}

/**
 * `ddmm.mmmm` / `dddmm.mmmm` plus hemisphere to signed degrees. Split on the text, not by
 * `v / 100`: 5812.7405 - 5800 is 12.740499999999884 in binary and would not re-encode exactly.
 */
export function parseLatLon(value: string | undefined, hemisphere: string | undefined, negative: 'S' | 'W'): number | null {
  if (value === undefined || value === '' || hemisphere === undefined) return null;
  const positive = negative === 'S' ? 'N' : 'E';
  if (hemisphere !== positive && hemisphere !== negative) return null;
  let dot = value.indexOf('.');
  if (dot < 0) dot = value.length;
  if (dot < 3) return null;
  const degrees = parseNumber(value.slice(0, dot - 2));
  const minutes = parseNumber(value.slice(dot - 2));
  if (degrees === null || minutes === null || !Number.isInteger(degrees) || degrees < 0 || minutes < 0 || minutes >= 60) return null;
  const v = degrees + minutes / 60;
  if (v > (negative === 'S' ? 90 : 180)) return null;
  return hemisphere === negative ? -v : v;
}

/** A value with an E/W letter (magnetic variation, deviation): east positive. */
export function parseEastWest(value: string | undefined, letter: string | undefined): number | null {
  const n = parseNumber(value);
  if (n === null) return null;
  if (letter === 'E') return n;
  if (letter === 'W') return -n;
  return null;
}

/** UTC `hhmmss[.ss]` to ms since midnight, or null. */
export function parseUtcMs(s: string | null): number | null {
  if (s === null || s.length < 6) return null;
  const hh = Number(s.slice(0, 2));
  const mm = Number(s.slice(2, 4));
  const ss = Number(s.slice(4));
  if (!Number.isInteger(hh) || !Number.isInteger(mm) || !Number.isFinite(ss) || hh > 23 || mm > 59 || ss >= 61 || ss < 0) return null;
  return ((hh * 60 + mm) * 60) * 1000 + Math.round(ss * 1000);
}

export function formatNumber(v: number | null, decimals: number): string {
  return v === null ? '' : v.toFixed(decimals);
}

export function formatInteger(v: number | null, width = 1): string {
  if (v === null) return '';
  const s = String(Math.abs(Math.trunc(v))).padStart(width, '0');
  return v < 0 ? `-${s}` : s;
}

export function formatText(v: string | null): string {
  return v ?? '';
}

/** Signed degrees to [`ddmm.mmmm`, `N`] (or `dddmm.mmmm`, `E`); ['', ''] for null. */
export function formatLatLon(v: number | null, isLatitude: boolean, minuteDecimals = 4): [string, string] {
  if (v === null) return ['', ''];
  const hemisphere = isLatitude ? (v < 0 ? 'S' : 'N') : v < 0 ? 'W' : 'E';
  const a = Math.abs(v);
  let degrees = Math.floor(a);
  let minutes = ((a - degrees) * 60).toFixed(minuteDecimals);
  // Rounding can carry minutes to 60: 0.99999999 deg is 59.99999 min, which prints as 60.0000.
  if (Number(minutes) >= 60) {
    degrees += 1;
    minutes = (0).toFixed(minuteDecimals);
  }
  const [mi, mf] = minutes.split('.');
  const text = `${String(degrees).padStart(isLatitude ? 2 : 3, '0')}${mi.padStart(2, '0')}${mf === undefined ? '' : `.${mf}`}`;
  return [text, hemisphere];
}

/** Signed east-positive value to [magnitude, 'E'|'W']. */
export function formatEastWest(v: number | null, decimals: number): [string, string] {
  if (v === null) return ['', ''];
  return [Math.abs(v).toFixed(decimals), v < 0 ? 'W' : 'E'];
}
