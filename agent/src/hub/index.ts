/**
 * Hub-side decode API: what a hub written in TypeScript imports to read Lookout units.
 *
 * ```ts
 * import mqtt from 'mqtt';
 * import { decodeMessage, Deduper, subscriptionFilter } from 'lookout/agent/dist/hub/index.js';
 *
 * const dedupe = new Deduper();
 * const client = mqtt.connect('mqtt://broker:1883');
 * client.subscribe(subscriptionFilter(), { qos: 1 });
 * client.on('message', (topic, payload) => {
 *   const m = decodeMessage(topic, payload);
 *   if (!m.ok) return console.warn(m.error);
 *   const seen = dedupe.accept(m.record);
 *   if (seen === 'duplicate') return;
 *   if (m.record.kind === 'plots') for (const p of m.record.body.plots) use(p.rangeMetres, p.bearingDegrees, p.latitude);
 * });
 * ```
 *
 * Records carry `unit`, `session` and `seq` (1, 2, 3, ... for the life of the unit); `birth`
 * and `state` are session messages with seq 0 (retained, not deduped). A record dropped on the
 * unit is announced by a `gap` record; the Deduper tells announced gaps from missing seqs.
 */
import { decodeRecord, parseTopic, type AnyRecord, type GapReason } from '../wire/index.js';

export { decodeRecord, encodeRecord, RECORD_KINDS, type AnyRecord, type LookoutRecord, type RecordKind, type RecordBodies } from '../wire/index.js';
export type { BirthBody, StateBody, PlotsBody, PlotRecord, TracksBody, TrackRecord, AlertBody, StatusBody, GapBody, GapReason } from '../wire/index.js';
export { recordTopic, commandTopic, commandResultTopic, subscriptionFilter, parseTopic } from '../wire/index.js';

export type DecodeResult = { ok: true; record: AnyRecord } | { ok: false; error: string };

/**
 * Decodes one MQTT message of the contract. Never throws: bad payloads, foreign topics and
 * topic/envelope mismatches come back as `{ ok: false, error }`.
 */
export function decodeMessage(topic: string, payload: Uint8Array): DecodeResult {
  const t = parseTopic(topic);
  if (!t || t.type === 'cmd') return { ok: false, error: `not a Lookout record topic: ${topic}` };
  let record: AnyRecord;
  try {
    record = decodeRecord(payload);
  } catch (err) {
    return { ok: false, error: `undecodable payload on ${topic} (${payload.length} bytes): ${(err as Error).message}` };
  }
  if (record.unit !== t.unit) return { ok: false, error: `topic unit "${t.unit}" but record unit "${record.unit}"` };
  const kind = t.type === 'cmd-res' ? 'commandResult' : t.kind;
  if (record.kind !== kind) return { ok: false, error: `topic kind "${kind}" but record kind "${record.kind}"` };
  return { ok: true, record };
}

/** A set of integers kept as sorted disjoint inclusive ranges. */
export class RangeSet {
  private readonly r: Array<[number, number]> = [];

  /** Adds [a, b]; returns how many of its values were not in the set before. */
  add(a: number, b = a): number {
    if (b < a) return 0;
    const r = this.r;
    // first range whose end >= a - 1
    let lo = 0;
    let hi = r.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (r[mid][1] < a - 1) lo = mid + 1;
      else hi = mid;
    }
    let i = lo;
    let na = a;
    let nb = b;
    let covered = 0;
    while (i < r.length && r[i][0] <= b + 1) {
      covered += Math.max(0, Math.min(b, r[i][1]) - Math.max(a, r[i][0]) + 1);
      na = Math.min(na, r[i][0]);
      nb = Math.max(nb, r[i][1]);
      i++;
    }
    r.splice(lo, i - lo, [na, nb]);
    return b - a + 1 - covered;
  }

  has(v: number): boolean {
    let lo = 0;
    let hi = this.r.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [a, b] = this.r[mid];
      if (v < a) hi = mid - 1;
      else if (v > b) lo = mid + 1;
      else return true;
    }
    return false;
  }

  /** How many values of [a, b] are in the set. */
  countIn(a: number, b: number): number {
    let n = 0;
    for (const [x, y] of this.r) {
      if (y < a) continue;
      if (x > b) break;
      n += Math.min(b, y) - Math.max(a, x) + 1;
    }
    return n;
  }

  /** The values of [a, b] not in the set, as ranges. */
  holesIn(a: number, b: number): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    let next = a;
    for (const [x, y] of this.r) {
      if (y < next) continue;
      if (x > b) break;
      if (x > next) out.push([next, Math.min(b, x - 1)]);
      next = Math.max(next, y + 1);
      if (next > b) break;
    }
    if (next <= b) out.push([next, b]);
    return out;
  }

  get ranges(): ReadonlyArray<readonly [number, number]> {
    return this.r;
  }

  get min(): number | undefined {
    return this.r[0]?.[0];
  }
  get max(): number | undefined {
    return this.r[this.r.length - 1]?.[1];
  }
}

export interface UnitStats {
  unit: string;
  /** Distinct records received (seq > 0). */
  received: number;
  /** Records received again (same unit and seq). */
  duplicates: number;
  /** Session messages (birth, state) received. */
  sessionMessages: number;
  /** Seqs announced lost by gap records (and not received anyway). */
  announcedLost: number;
  /** Seqs neither received nor announced between the first and the last seen. */
  missing: number;
  /** Lowest and highest seq received. */
  firstSeq?: number;
  lastSeq?: number;
  lastSession?: number;
  /**
   * Records whose session and seq disagree with another's: one unit numbers its seqs upward
   * across sessions, so a lower session never carries a higher seq than a later session (a
   * second agent with the same id, numbering from session 1, seq 1, soon does).
   */
  sessionRegressions: number;
  /** Seqs received twice with different contents (a redelivery repeats the same record). */
  conflictingDuplicates: number;
  /** Either of the two above: two agents are probably publishing under this unit id. */
  suspectedIdConflict: boolean;
}

export type Acceptance = 'new' | 'duplicate' | 'session';

interface UnitState {
  received: RangeSet;
  announced: RangeSet;
  announcedReasons: Array<{ first: number; last: number; reason: GapReason }>;
  duplicates: number;
  sessionMessages: number;
  lastSession?: number;
  /** Lowest and highest seq seen per session (the most recent sessions only). */
  sessionSeqs: Map<number, [number, number]>;
  sessionRegressions: number;
  conflictingDuplicates: number;
  /** What each recent seq carried (session, kind, time), to tell a redelivery from a second unit. */
  recent: Map<number, string>;
}

/** How many recent seqs' fingerprints, and sessions' seq ranges, are kept per unit (bounded memory). */
const RECENT_FINGERPRINTS = 4096;
const RECENT_SESSIONS = 64;

function fingerprint(record: AnyRecord): string {
  return `${record.session}:${record.kind}:${record.timeMs}`;
}

/**
 * Dedupes records by (unit, seq) and keeps what a hub needs to find gaps. Memory: two range
 * sets per unit (a handful of ranges when nothing is lost, whatever the record count).
 */
export class Deduper {
  private readonly units = new Map<string, UnitState>();

  private unit(unit: string): UnitState {
    let u = this.units.get(unit);
    if (!u) {
      u = { received: new RangeSet(), announced: new RangeSet(), announcedReasons: [], duplicates: 0, sessionMessages: 0, sessionSeqs: new Map(), sessionRegressions: 0, conflictingDuplicates: 0, recent: new Map() };
      this.units.set(unit, u);
    }
    return u;
  }

  /** Records a record; `duplicate` when (unit, seq) was seen before. Gap records feed the announced set. */
  accept(record: AnyRecord): Acceptance {
    const u = this.unit(record.unit);
    if (record.seq === 0) {
      u.sessionMessages++;
      return 'session';
    }
    u.lastSession = record.session;
    if (!this.orderAgrees(u, record.session, record.seq)) u.sessionRegressions++;
    const print = fingerprint(record);
    if (u.received.add(record.seq) === 0) {
      u.duplicates++;
      const before = u.recent.get(record.seq);
      if (before !== undefined && before !== print) u.conflictingDuplicates++;
      return 'duplicate';
    }
    u.recent.set(record.seq, print);
    if (u.recent.size > RECENT_FINGERPRINTS) u.recent.delete(u.recent.keys().next().value!);
    if (record.kind === 'gap') {
      for (const [a, b] of record.body.ranges) {
        u.announced.add(a, b);
        u.announcedReasons.push({ first: a, last: b, reason: record.body.reason });
      }
    }
    return 'new';
  }

  /** True when (session, seq) fits every other session's seq range; records the pair. */
  private orderAgrees(u: UnitState, session: number, seq: number): boolean {
    let agrees = true;
    for (const [other, [lo, hi]] of u.sessionSeqs) {
      if ((other > session && lo < seq) || (other < session && hi > seq)) {
        agrees = false;
        break;
      }
    }
    const range = u.sessionSeqs.get(session);
    if (range) {
      if (seq < range[0]) range[0] = seq;
      if (seq > range[1]) range[1] = seq;
    } else {
      u.sessionSeqs.set(session, [seq, seq]);
      if (u.sessionSeqs.size > RECENT_SESSIONS) u.sessionSeqs.delete(Math.min(...u.sessionSeqs.keys()));
    }
    return agrees;
  }

  /** Seq ranges between the first and last received that are neither received nor announced. */
  missing(unit: string): Array<[number, number]> {
    const u = this.units.get(unit);
    const first = u?.received.min;
    const last = u?.received.max;
    if (!u || first === undefined || last === undefined) return [];
    return u.received.holesIn(first, last).flatMap(([a, b]) => u.announced.holesIn(a, b));
  }

  stats(unit: string): UnitStats {
    const u = this.unit(unit);
    const first = u.received.min;
    const last = u.received.max;
    let received = 0;
    for (const [a, b] of u.received.ranges) received += b - a + 1;
    let announcedLost = 0;
    for (const [a, b] of u.announced.ranges) announcedLost += b - a + 1 - u.received.countIn(a, b);
    const missing = this.missing(unit).reduce((n, [a, b]) => n + b - a + 1, 0);
    const s: UnitStats = {
      unit,
      received,
      duplicates: u.duplicates,
      sessionMessages: u.sessionMessages,
      announcedLost,
      missing,
      sessionRegressions: u.sessionRegressions,
      conflictingDuplicates: u.conflictingDuplicates,
      suspectedIdConflict: u.sessionRegressions > 0 || u.conflictingDuplicates > 0,
    };
    if (first !== undefined) s.firstSeq = first;
    if (last !== undefined) s.lastSeq = last;
    if (u.lastSession !== undefined) s.lastSession = u.lastSession;
    return s;
  }

  /** Units seen so far. */
  get unitIds(): string[] {
    return [...this.units.keys()];
  }
}
export { signCommand, decodeCommandResult, generateCommandKeys } from './commands.js';
