/**
 * The MQTT session: reads the outbox and publishes QoS 1, at most W unacknowledged at a time;
 * a row is acknowledged to the outbox (deleted) only on its PUBACK. The outbox is the only
 * store: each connection is a fresh mqtt.js client (clean start, no reconnectPeriod, no
 * offline queue, an outgoing store that keeps nothing), and after a reconnect or a restart
 * everything unacknowledged is sent again, in row order per priority. Reconnects use capped
 * exponential backoff with jitter.
 *
 * On connect: retained `state` online (the Last Will says offline), then retained `birth`.
 */
import mqtt, { type IClientOptions, type IClientPublishOptions, type MqttClient } from 'mqtt';
import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import { LookoutError } from '../errors.js';
import { Backoff } from '../io/backoff.js';
import { systemClock, type Clock } from '../io/types.js';
import type { OutboxRow } from '../outbox/outbox.js';
import type { MqttConfig } from './config.js';
import { encodeRecord, recordTopic, type BirthBody } from '../wire/index.js';
import { TokenBucket, thinPlotsPayload } from './budget.js';
import { OutboxOnlyStore } from './outbox-only-store.js';

/** What the publisher needs from the outbox (the Outbox class satisfies it). */
export interface OutboxSource {
  readonly session: number;
  readonly depth: number;
  readonly bytes: number;
  /** Changes when the database file is replaced while running: row ids start again (Outbox.epoch). */
  readonly epoch: number;
  /** Committed rows of one priority after `afterRowId`, in rowId order, acknowledged ones skipped. */
  peekRows(afterRowId: number, limit: number, priority: number): OutboxRow[];
  ack(rowIds: Iterable<number>): void;
}

export interface PublisherCounters {
  /** Records handed to the broker (incl. resends). */
  published: number;
  /** Records acknowledged by PUBACK. */
  acked: number;
  /** Records refused by the broker with a permanent reason (MQTT 5: not authorised, ...). */
  refused: number;
  /** Records sent more than once (after a reconnect). */
  resent: number;
  reconnects: number;
  connects: number;
  /** Plots removed by the bandwidth budget. */
  thinned: number;
  bytesSent: number;
}

export interface PublisherOptions {
  outbox: OutboxSource;
  unit: string;
  mqtt: MqttConfig;
  logger: Logger;
  /** Called at every connect for the retained birth (it changes: session, next seq). */
  birth: () => BirthBody;
  clock?: Clock;
  /** mqtt.js connect (tests inject a fake to drive backoff with fake timers). */
  connect?: (url: string, options: IClientOptions) => MqttClient;
  random?: () => number;
  /** How often to look for newly committed rows when idle (default 20 ms). */
  pollMs?: number;
  /** Environment for `passwordEnv` (default process.env). */
  env?: NodeJS.ProcessEnv;
}

/** Priorities looked at, highest first (KIND_PRIORITY uses 1..5; callers may use 0..9). */
const PRIORITIES = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0];
const PRIORITY_SLOTS = PRIORITIES.length;
const READ_AHEAD = 256;
/** PUBACK reason codes that will never succeed on a resend (MQTT 5). */
const PERMANENT_REFUSALS = new Set([0x87, 0x90, 0x99, 0x95]);
const NO_ROWS: OutboxRow[] = [];
/** mqtt.js copies the options of each publish and does not change them: one object serves all. */
const QOS1: IClientPublishOptions = { qos: 1, retain: false };

/** Explains a TLS / connection failure in words an operator can act on. */
export function describeConnectError(err: unknown): { code: 'E_MQTT' | 'E_MQTT_TLS'; message: string } {
  const e = err as { code?: string | number; message?: string };
  const c = String(e?.code ?? '');
  const m = e?.message ?? String(err);
  const tls = (message: string) => ({ code: 'E_MQTT_TLS' as const, message: `${message} (${c || m})` });
  if (c === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' || c === 'SELF_SIGNED_CERT_IN_CHAIN' || c === 'DEPTH_ZERO_SELF_SIGNED_CERT' || c === 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' || c === 'UNABLE_TO_GET_ISSUER_CERT')
    return tls('the broker certificate is not signed by the configured CA (wrong tls.caFile?)');
  if (c === 'ERR_TLS_CERT_ALTNAME_INVALID') return tls('the broker certificate does not name this host (tls.servername?)');
  if (c === 'CERT_HAS_EXPIRED') return tls('the broker certificate has expired');
  if (/ALERT_CERTIFICATE_EXPIRED|certificate expired/i.test(c + m)) return tls('the broker refused our client certificate: it has expired');
  if (/ALERT_UNKNOWN_CA|unknown ca/i.test(c + m)) return tls('the broker refused our client certificate: signed by a CA it does not trust');
  if (/ALERT_BAD_CERTIFICATE|ALERT_CERTIFICATE_REQUIRED|certificate required|bad certificate/i.test(c + m))
    return tls('the broker requires a valid client certificate (tls.certFile/keyFile)');
  if (/ALERT_HANDSHAKE_FAILURE|WRONG_VERSION_NUMBER|ERR_SSL/i.test(c + m)) return tls('TLS handshake failed');
  if (c === 'ECONNREFUSED') return { code: 'E_MQTT', message: `broker refused the connection (${m})` };
  if (e && typeof (e as { code?: unknown }).code === 'number') {
    const n = (e as { code: number }).code;
    if (n === 4 || n === 0x86) return { code: 'E_MQTT', message: `broker refused the username or password (${m})` };
    if (n === 5 || n === 0x87) return { code: 'E_MQTT', message: `broker says this unit is not authorised (${m})` };
    if (n === 2 || n === 0x85) return { code: 'E_MQTT', message: `broker refused the client id (${m})` };
  }
  return { code: 'E_MQTT', message: m };
}

export class Publisher {
  private readonly opts: PublisherOptions;
  private readonly log: Logger;
  private readonly clock: Clock;
  private readonly backoff: Backoff;
  private readonly bucket: TokenBucket | undefined;
  private client: MqttClient | undefined;
  private generation = 0;
  private connected = false;
  private ready = false;
  private running = false;
  private window = 1;
  private connectedAtMono = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private budgetTimer: NodeJS.Timeout | undefined;
  /** Publishes of this connection not yet answered by a PUBACK (at most `window`). */
  private unacked = 0;
  /** PUBACKed rowIds not yet handed to the outbox (handed over once per burst of PUBACKs). */
  private acked: number[] = [];
  /**
   * Per priority (index): rows read ahead and the position of the next one in them, and the
   * last rowId taken in this connection. Arrays, not Maps: they are read for every record sent.
   */
  private readonly buffers: OutboxRow[][] = new Array<OutboxRow[]>(PRIORITY_SLOTS).fill(NO_ROWS);
  private readonly bufferPos: number[] = new Array<number>(PRIORITY_SLOTS).fill(0);
  private readonly cursors: number[] = new Array<number>(PRIORITY_SLOTS).fill(0);
  /** Priorities whose last read found nothing: not read again before the next poll tick or wake. */
  private readonly exhausted: boolean[] = new Array<boolean>(PRIORITY_SLOTS).fill(false);
  /** Highest rowId ever sent per priority (in any connection): rows at or below it are resends. */
  private readonly sentHighWater: number[] = new Array<number>(PRIORITY_SLOTS).fill(0);
  /** The outbox epoch the positions above and the pending acknowledgements belong to. */
  private epoch: number;
  /** The MQTT 5 options of the last publish with a message expiry, reused while the interval is the same. */
  private expiryOptions: IClientPublishOptions = QOS1;
  private expiryOptionsSeconds = -1;
  private pumping = false;
  private pumpScheduled = false;
  private lastErrorKey = '';
  readonly counters: PublisherCounters = { published: 0, acked: 0, refused: 0, resent: 0, reconnects: 0, connects: 0, thinned: 0, bytesSent: 0 };

  constructor(opts: PublisherOptions) {
    this.opts = opts;
    this.epoch = opts.outbox.epoch;
    this.log = opts.logger;
    this.clock = opts.clock ?? systemClock;
    this.backoff = new Backoff(opts.mqtt.reconnect.minMs, opts.mqtt.reconnect.maxMs, opts.random);
    this.bucket = opts.mqtt.bandwidth.bytesPerSecond > 0 ? new TokenBucket(opts.mqtt.bandwidth.bytesPerSecond, opts.mqtt.bandwidth.burstBytes, () => this.clock.monoMs()) : undefined;
  }

  /** True while a broker session is up. */
  get isConnected(): boolean {
    return this.connected;
  }
  /** Unacknowledged publishes right now. */
  get inflightCount(): number {
    return this.unacked;
  }

  async start(): Promise<void> {
    if (this.running) return;
    if (this.opts.mqtt.tls.required && !/^(mqtts|wss):/i.test(this.opts.mqtt.url)) {
      throw new LookoutError('E_CONFIG', `mqtt.tls.required is set but the broker URL ${this.opts.mqtt.url} is clear text`, { details: { url: this.opts.mqtt.url } });
    }
    this.buildOptions(); // fail early on unreadable files
    this.running = true;
    this.connect();
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const t of [this.reconnectTimer, this.pollTimer, this.budgetTimer]) if (t) clearTimeout(t);
    this.reconnectTimer = this.pollTimer = this.budgetTimer = undefined;
    const client = this.client;
    this.client = undefined;
    this.generation++;
    this.connected = false;
    this.ready = false;
    this.unacked = 0;
    this.handOverAcks();
    if (!client) return;
    // A clean DISCONNECT does not fire the Last Will, so say offline ourselves first.
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(t);
        resolve();
      };
      const t = setTimeout(() => {
        client.end(true, {}, () => undefined);
        resolve();
      }, 2000);
      t.unref?.();
      if (client.connected) {
        client.publish(recordTopic(this.opts.unit, 'state'), Buffer.from(this.statePayload(false)), { qos: 1, retain: true }, () => client.end(false, {}, done));
      } else client.end(true, {}, done);
    });
  }

  // -------------------------------------------------------------------------------------------

  private statePayload(online: boolean): Uint8Array {
    const now = this.clock.wallMs();
    return encodeRecord({ unit: this.opts.unit, session: this.opts.outbox.session, seq: 0, kind: 'state', timeMs: now, body: { online, sinceMs: now } });
  }

  private readSecret(): string | undefined {
    const m = this.opts.mqtt;
    if (m.passwordEnv !== undefined) {
      const v = (this.opts.env ?? process.env)[m.passwordEnv];
      if (v === undefined) throw new LookoutError('E_CONFIG', `mqtt.passwordEnv: environment variable ${m.passwordEnv} is not set`);
      return v;
    }
    if (m.passwordFile !== undefined) {
      try {
        return readFileSync(m.passwordFile, 'utf8').split(/\r?\n/)[0];
      } catch (err) {
        throw new LookoutError('E_CONFIG', `mqtt.passwordFile: cannot read ${m.passwordFile}: ${(err as Error).message}`, { cause: err });
      }
    }
    return undefined;
  }

  private buildOptions(): IClientOptions {
    const m = this.opts.mqtt;
    const readPem = (what: string, path: string | undefined): Buffer | undefined => {
      if (path === undefined) return undefined;
      try {
        return readFileSync(path);
      } catch (err) {
        throw new LookoutError('E_CONFIG', `mqtt.tls.${what}: cannot read ${path}: ${(err as Error).message}`, { cause: err });
      }
    };
    const o: IClientOptions = {
      // mqtt.js calls its `debug` logger for every packet even when debug output is off: about
      // 3 of the 36 s a replay of 1,000,000 records took (cpu profile). Our own logger says what matters.
      log: () => {},
      clientId: this.opts.unit,
      protocolVersion: m.protocolVersion,
      clean: true,
      reconnectPeriod: 0,
      connectTimeout: m.connectTimeoutMs,
      keepalive: m.keepaliveSeconds,
      queueQoSZero: false,
      resubscribe: false,
      outgoingStore: new OutboxOnlyStore(),
      // Rescheduling the keepalive timer on every packet was 5 % of a replay's CPU; a ping
      // every keepalive period whatever the traffic costs nothing.
      reschedulePings: false,
      will: { topic: recordTopic(this.opts.unit, 'state'), payload: Buffer.from(this.statePayload(false)), qos: 1, retain: true },
      rejectUnauthorized: true,
    };
    if (m.protocolVersion === 5) o.properties = { sessionExpiryInterval: 0 };
    if (m.username !== undefined) o.username = m.username;
    const pw = this.readSecret();
    if (pw !== undefined) o.password = pw;
    const ca = readPem('caFile', m.tls.caFile);
    const cert = readPem('certFile', m.tls.certFile);
    const key = readPem('keyFile', m.tls.keyFile);
    if (ca) o.ca = ca;
    if (cert) o.cert = cert;
    if (key) o.key = key;
    if (m.tls.servername) o.servername = m.tls.servername;
    return o;
  }

  private connect(): void {
    if (!this.running) return;
    const gen = ++this.generation;
    let options: IClientOptions;
    try {
      options = this.buildOptions();
    } catch (err) {
      this.log.error({ err }, 'mqtt: cannot build the connection options; retrying');
      this.scheduleReconnect();
      return;
    }
    const connectFn = this.opts.connect ?? ((url: string, o: IClientOptions) => mqtt.connect(url, o));
    const client = connectFn(this.opts.mqtt.url, options);
    this.client = client;
    client.on('connect', (connack) => {
      if (gen !== this.generation) return;
      this.connected = true;
      this.connectedAtMono = this.clock.monoMs();
      this.counters.connects++;
      this.lastErrorKey = '';
      const rm = connack?.properties?.receiveMaximum;
      this.window = Math.max(1, Math.min(this.opts.mqtt.inflight, rm ?? 65535));
      this.log.info({ url: this.opts.mqtt.url, window: this.window, protocolVersion: this.opts.mqtt.protocolVersion }, 'mqtt: connected');
      this.onSession(client, gen);
    });
    client.on('error', (err) => {
      if (gen !== this.generation) return;
      const d = describeConnectError(err);
      const key = `${d.code}:${d.message}`;
      // One line per distinct cause at error level; repeats of the same cause at debug.
      if (key !== this.lastErrorKey) this.log.error({ err: new LookoutError(d.code, d.message, { cause: err, retryable: true }), url: this.opts.mqtt.url }, `mqtt: ${d.message}`);
      else if (this.log.isLevelEnabled('debug')) this.log.debug({ url: this.opts.mqtt.url }, `mqtt: ${d.message}`);
      this.lastErrorKey = key;
    });
    client.on('close', () => {
      if (gen !== this.generation) return;
      this.onClose(client);
    });
  }

  private onSession(client: MqttClient, gen: number): void {
    // A new session: resend everything unacknowledged, from the start of each priority.
    this.ready = false;
    this.unacked = 0;
    this.buffers.fill(NO_ROWS);
    this.bufferPos.fill(0);
    this.cursors.fill(0);
    this.exhausted.fill(false);
    let pending = 2;
    const done = (err?: Error): void => {
      if (gen !== this.generation) return;
      if (err) this.log.warn({ err }, 'mqtt: state/birth publish failed');
      if (--pending === 0) {
        this.ready = true;
        this.pump();
      }
    };
    client.publish(recordTopic(this.opts.unit, 'state'), Buffer.from(this.statePayload(true)), { qos: 1, retain: true }, (e) => done(e ?? undefined));
    let birth: Uint8Array;
    try {
      birth = encodeRecord({ unit: this.opts.unit, session: this.opts.outbox.session, seq: 0, kind: 'birth', timeMs: this.clock.wallMs(), body: this.opts.birth() });
    } catch (err) {
      this.log.error({ err }, 'mqtt: cannot build the birth record');
      done();
      return;
    }
    client.publish(recordTopic(this.opts.unit, 'birth'), Buffer.from(birth), { qos: 1, retain: true }, (e) => done(e ?? undefined));
    this.schedulePoll();
  }

  private onClose(client: MqttClient): void {
    const wasConnected = this.connected;
    this.connected = false;
    this.ready = false;
    this.unacked = 0;
    this.handOverAcks(); // the rows PUBACKed on this connection are still deleted
    this.generation++; // callbacks of this client are stale from now on
    client.removeAllListeners();
    client.on('error', () => undefined);
    client.end(true);
    if (this.client === client) this.client = undefined;
    if (wasConnected) {
      this.log.warn({ url: this.opts.mqtt.url, depth: this.opts.outbox.depth }, 'mqtt: connection lost');
      // A session that stayed up a while resets the backoff; a flapping one keeps growing it.
      if (this.clock.monoMs() - this.connectedAtMono >= 10_000) this.backoff.reset();
    }
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (!this.running || this.reconnectTimer) return;
    const delay = this.backoff.next();
    this.counters.reconnects++;
    if (this.log.isLevelEnabled('debug')) this.log.debug({ delayMs: delay }, 'mqtt: reconnecting');
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.connect();
    }, delay);
  }

  /**
   * New rows were committed (wire the outbox's `onCommit` here): look for them now rather than
   * at the next poll. With it wired, `pollMs` is only a safety net and can be long.
   */
  wake(): void {
    if (!this.running || !this.connected) return;
    this.exhausted.fill(false);
    this.pump();
  }

  private schedulePoll(): void {
    if (this.pollTimer || !this.running) return;
    this.pollTimer = setTimeout(() => {
      this.pollTimer = undefined;
      if (!this.connected) return;
      // New committed rows may exist for priorities that were empty.
      this.exhausted.fill(false);
      this.pump();
      this.schedulePoll();
    }, this.opts.pollMs ?? 20);
    this.pollTimer.unref?.();
  }

  /**
   * The priority of the next row to send (highest first, rowId order within a priority; the row
   * is `buffers[p][bufferPos[p]]`), or -1 when nothing is ready.
   */
  private nextPriority(skipPriorities: Set<number> | undefined): number {
    for (const p of PRIORITIES) {
      if (this.exhausted[p] || skipPriorities?.has(p)) continue;
      if (this.bufferPos[p] >= this.buffers[p].length) {
        const rows = this.opts.outbox.peekRows(this.cursors[p], READ_AHEAD, p);
        this.buffers[p] = rows;
        this.bufferPos[p] = 0;
        if (rows.length === 0) {
          this.exhausted[p] = true;
          continue;
        }
      }
      return p;
    }
    return -1;
  }

  private take(p: number, row: OutboxRow): void {
    this.cursors[p] = row[0];
    if (++this.bufferPos[p] >= this.buffers[p].length) this.buffers[p] = NO_ROWS;
  }

  /** Gives the PUBACKed rows to the outbox (deleted at its next commit). */
  private handOverAcks(): void {
    this.syncEpoch();
    if (this.acked.length === 0) return;
    const rowIds = this.acked;
    this.acked = [];
    this.opts.outbox.ack(rowIds);
  }

  /**
   * After the outbox replaced its database file (ids start again), forget every position and
   * acknowledgement of the old file's ids: they would skip or delete rows of the new one.
   */
  private syncEpoch(): void {
    const epoch = this.opts.outbox.epoch;
    if (epoch === this.epoch) return;
    this.epoch = epoch;
    this.acked = [];
    this.buffers.fill(NO_ROWS);
    this.bufferPos.fill(0);
    this.cursors.fill(0);
    this.exhausted.fill(false);
    this.sentHighWater.fill(0);
  }


  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    try {
      const client = this.client;
      if (!client || !this.connected || !this.ready) return;
      const gen = this.generation;
      const now = this.clock.wallMs();
      const blocked = new Set<number>();
      this.syncEpoch();
      // mqtt.js writes each packet in several socket writes; corking the stream for the whole
      // pump sends them in one writev (replay of 30k records: writev was the top CPU item).
      const stream = (client as unknown as { stream?: { cork?(): void; uncork?(): void } }).stream;
      stream?.cork?.();
      try {
        this.fillWindow(client, gen, now, blocked);
      } finally {
        stream?.uncork?.();
      }
      if (blocked.size > 0 && this.bucket && !this.budgetTimer) {
        this.budgetTimer = setTimeout(() => {
          this.budgetTimer = undefined;
          this.pump();
        }, Math.max(10, this.bucket.msUntil(512)));
        this.budgetTimer.unref?.();
      }
    } finally {
      this.pumping = false;
    }
  }

  /** Coalesces the pumps of a burst of PUBACKs (one TCP read holds many) into one. */
  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.handOverAcks();
      this.pump();
    });
  }

  private fillWindow(client: MqttClient, gen: number, now: number, blocked: Set<number>): void {
    while (this.unacked < this.window) {
      const p = this.nextPriority(blocked);
      if (p < 0) break;
      const row = this.buffers[p][this.bufferPos[p]];
      const expiresAtMs = row[4];
      if (expiresAtMs !== null && expiresAtMs <= now) {
        // The outbox's expiry sweep drops it and writes the gap record.
        this.take(p, row);
        continue;
      }
      let payload = row[5];
      if (this.bucket) {
        if (!this.bucket.take(payload.length)) {
          // Over budget = more waiting than the link carries in 2 s: then plots are thinned
          // to what the bucket holds now rather than waited for (a record bigger than the
          // burst could never go whole).
          const overBudget = this.opts.outbox.bytes > this.opts.mqtt.bandwidth.bytesPerSecond * 2 || payload.length > this.opts.mqtt.bandwidth.burstBytes;
          if (row[2] === 'plots' && overBudget) {
            const thinned = thinPlotsPayload(payload, this.bucket.available());
            if (thinned) {
              this.bucket.take(thinned.payload.length, true);
              this.counters.thinned += thinned.removed;
              payload = thinned.payload;
            } else {
              blocked.add(p);
              continue;
            }
          } else {
            // Not affordable now: lower priorities may still fit (small status records).
            blocked.add(p);
            continue;
          }
        }
      }
      this.take(p, row);
      this.send(client, gen, p, row, payload, now);
    }
  }

  private publishOptions(expiresAtMs: number | null, now: number): IClientPublishOptions {
    if (expiresAtMs === null || this.opts.mqtt.protocolVersion !== 5) return QOS1;
    const seconds = Math.max(1, Math.ceil((expiresAtMs - now) / 1000));
    if (seconds !== this.expiryOptionsSeconds) {
      this.expiryOptions = { qos: 1, retain: false, properties: { messageExpiryInterval: seconds } };
      this.expiryOptionsSeconds = seconds;
    }
    return this.expiryOptions;
  }

  private send(client: MqttClient, gen: number, p: number, row: OutboxRow, payload: Buffer, now: number): void {
    const rowId = row[0];
    this.unacked++;
    if (rowId <= this.sentHighWater[p]) this.counters.resent++;
    else this.sentHighWater[p] = rowId;
    this.counters.published++;
    this.counters.bytesSent += payload.length;
    const epoch = this.epoch;
    client.publish(row[3], payload, this.publishOptions(row[4], now), (err, packet) => this.onPuback(client, gen, epoch, row, err, packet));
  }

  private onPuback(client: MqttClient, gen: number, epoch: number, row: OutboxRow, err: Error | undefined, packet: unknown): void {
    if (gen !== this.generation) return; // the connection it went out on is gone: resent later
    this.unacked--;
    if (epoch !== this.opts.outbox.epoch) {
      // A row of a database file since replaced: its id now names another row.
      this.schedulePump();
      return;
    }
    const reason = (packet as { reasonCode?: number } | undefined)?.reasonCode ?? (err as { code?: number } | undefined)?.code;
    if (err) {
      if (typeof reason === 'number' && PERMANENT_REFUSALS.has(reason)) {
        // Never accepted on a resend either: drop it rather than block the window forever.
        this.counters.refused++;
        this.log.error({ topic: row[3], seq: row[1], reasonCode: reason }, `mqtt: broker refused the publish (${err.message}); record dropped`);
        this.acked.push(row[0]);
      } else {
        this.log.warn({ err, topic: row[3], seq: row[1] }, 'mqtt: publish failed; reconnecting to resend');
        client.end(true);
        return;
      }
    } else {
      this.counters.acked++;
      this.acked.push(row[0]);
    }
    this.schedulePump();
  }
}
