/**
 * The MQTT session: reads the outbox and publishes QoS 1, at most W unacknowledged at a time;
 * a row is acknowledged to the outbox (deleted) only on its PUBACK. The outbox is the only
 * store: each connection is a fresh mqtt.js client (connect.ts), and after a reconnect or a
 * restart everything unacknowledged is sent again, in row order per priority (cursor.ts).
 * Reconnects use capped exponential backoff with jitter; a thin link has a budget (budget.ts).
 *
 * On connect: retained `state` online (the Last Will says offline), then retained `birth`.
 */
import mqtt, { type IClientOptions, type IClientPublishOptions, type MqttClient } from 'mqtt';
import type { Logger } from 'pino';
import { Backoff } from '../io/backoff.js';
import { systemClock, type Clock } from '../io/types.js';
import { systemTimers, type TimerHandle, type Timers } from '../io/timers.js';
import { ROW_EXPIRES_AT_MS, ROW_ID, ROW_KIND, ROW_PAYLOAD, ROW_SEQ, type OutboxRow, type OutboxSource } from '../outbox/types.js';
import { encodeRecord, RECORD_KINDS, recordTopic, type AlertBody, type BirthBody, type RecordKind } from '../wire/index.js';
import type { MqttConfig } from './config.js';
import { BandwidthBudget } from './budget.js';
import { ConnectionWatch } from './connection-watch.js';
import { assertTransport, connectOptions, describeConnectError } from './connect.js';
import { corked } from './cork.js';
import { answerPublish, subscribeCommands, type CommandPort } from './commands.js';
import { PriorityCursor } from './cursor.js';

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
  /** Sessions the broker took over (or closed right after they were made). */
  takeovers: number;
  /** Times those takeovers were judged another agent using this unit id (E_UNIT_ID_CONFLICT). */
  idConflicts: number;
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
  timers?: Timers;
  /** mqtt.js connect (tests inject a fake to drive backoff with fake timers). */
  connect?: (url: string, options: IClientOptions) => MqttClient;
  random?: () => number;
  /** How often to look for newly committed rows when idle (default 20 ms). */
  pollMs?: number;
  /** Environment for `passwordEnv` (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Each acknowledged record: seconds from its PUBLISH to the broker's PUBACK (metrics). */
  onAcked?: (seconds: number) => void;
  /** Alerts about the connection (a unit id used by another agent); the agent queues them. */
  onAlert?: (alert: AlertBody) => void;
  /** Commands: subscribe to the unit's command topic and route the answers (commands.ts). */
  commands?: CommandPort;
}

/** PUBACK reason codes that will never succeed on a resend (MQTT 5). */
const PERMANENT_REFUSALS = new Set([0x87, 0x90, 0x99, 0x95]);
/** mqtt.js copies the options of each publish and does not change them: one object serves all. */
const QOS1: IClientPublishOptions = { qos: 1, retain: false };
const RETAINED: IClientPublishOptions = { qos: 1, retain: true };
/** A clean DISCONNECT waits this long for the offline state's PUBACK. */
const STOP_TIMEOUT_MS = 2000;
/** A session up this long resets the backoff; a flapping one keeps growing it. */
const STABLE_SESSION_MS = 10_000;

export class Publisher {
  private readonly opts: PublisherOptions;
  private readonly log: Logger;
  private readonly clock: Clock;
  private readonly timers: Timers;
  private readonly backoff: Backoff;
  private readonly watch: ConnectionWatch;
  private readonly budget: BandwidthBudget | undefined;
  private readonly cursor: PriorityCursor;
  /** The topic of each kind: the outbox's rows carry their kind, not a topic. */
  private readonly topics: Readonly<Record<RecordKind, string>>;
  private client: MqttClient | undefined;
  private generation = 0;
  private connected = false;
  private ready = false;
  private running = false;
  private window = 1;
  private connectedAtMono = 0;
  private reconnectTimer: TimerHandle | undefined;
  private pollTimer: TimerHandle | undefined;
  private budgetTimer: TimerHandle | undefined;
  /** Publishes of this connection not yet answered by a PUBACK (at most `window`). */
  private unacked = 0;
  /** PUBACKed rowIds not yet handed to the outbox (handed over once per burst of PUBACKs). */
  private acked: number[] = [];
  /** The outbox epoch the cursor's positions and the pending acknowledgements belong to. */
  private epoch: number;
  /** The MQTT 5 options of the last publish with a message expiry, reused while the interval is the same. */
  private expiryOptions: IClientPublishOptions = QOS1;
  private expiryOptionsSeconds = -1;
  private pumping = false;
  private pumpScheduled = false;
  readonly counters: PublisherCounters = { published: 0, acked: 0, refused: 0, resent: 0, reconnects: 0, connects: 0, thinned: 0, bytesSent: 0, takeovers: 0, idConflicts: 0 };

  constructor(opts: PublisherOptions) {
    this.opts = opts;
    this.epoch = opts.outbox.epoch;
    this.log = opts.logger;
    this.clock = opts.clock ?? systemClock;
    this.timers = opts.timers ?? systemTimers;
    this.backoff = new Backoff(opts.mqtt.reconnect.minMs, opts.mqtt.reconnect.maxMs, opts.random);
    this.watch = new ConnectionWatch({
      unit: opts.unit,
      url: opts.mqtt.url,
      logger: this.log,
      clock: this.clock,
      maxDelayMs: opts.mqtt.reconnect.maxMs,
      stableMs: STABLE_SESSION_MS,
      counters: this.counters,
      ...(opts.onAlert ? { raise: opts.onAlert } : {}),
    });
    this.cursor = new PriorityCursor(opts.outbox);
    this.topics = Object.fromEntries(RECORD_KINDS.map((k) => [k, recordTopic(opts.unit, k)])) as Record<RecordKind, string>;
    const { bandwidth } = opts.mqtt;
    this.budget =
      bandwidth.bytesPerSecond > 0
        ? new BandwidthBudget({ bandwidth, nowMs: () => this.clock.monoMs(), queuedBytes: () => this.opts.outbox.bytes, onThinned: (n) => (this.counters.thinned += n) })
        : undefined;
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
    assertTransport(this.opts.mqtt);
    this.buildOptions(); // fail early on unreadable files
    this.running = true;
    this.connect();
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const t of [this.reconnectTimer, this.pollTimer, this.budgetTimer]) if (t) this.timers.clearTimeout(t);
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
        this.timers.clearTimeout(t);
        resolve();
      };
      const t = this.timers.setTimeout(() => {
        client.end(true, {}, () => undefined);
        resolve();
      }, STOP_TIMEOUT_MS);
      t.unref?.();
      if (client.connected) {
        client.publish(this.topics.state, this.statePayload(false), RETAINED, () => client.end(false, {}, done));
      } else client.end(true, {}, done);
    });
  }

  /**
   * New rows were committed (wire the outbox's `onCommit` here): look for them now rather than
   * at the next poll. With it wired, `pollMs` is only a safety net and can be long.
   */
  wake(): void {
    if (!this.running || !this.connected) return;
    this.cursor.wake();
    this.pump();
  }

  // -------------------------------------------------------------------------------------------

  private statePayload(online: boolean): Buffer {
    const now = this.clock.wallMs();
    return Buffer.from(encodeRecord({ unit: this.opts.unit, session: this.opts.outbox.session, seq: 0, kind: 'state', timeMs: now, body: { online, sinceMs: now } }));
  }

  private buildOptions(): IClientOptions {
    return connectOptions({ unit: this.opts.unit, mqtt: this.opts.mqtt, env: this.opts.env ?? process.env, will: { topic: this.topics.state, payload: this.statePayload(false) } });
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
      const rm = connack?.properties?.receiveMaximum;
      this.window = Math.max(1, Math.min(this.opts.mqtt.inflight, rm ?? 65535));
      this.log.info({ url: this.opts.mqtt.url, window: this.window, protocolVersion: this.opts.mqtt.protocolVersion }, 'mqtt: connected');
      this.watch.connected();
      this.onSession(client, gen);
    });
    client.on('error', (err) => {
      if (gen !== this.generation) return;
      const d = describeConnectError(err);
      // Logged by the watch at the retry: each cause once at error level, then at info with a rising interval.
      this.watch.error(d.code, d.message);
      if (this.log.isLevelEnabled('debug')) this.log.debug({ err, url: this.opts.mqtt.url }, `mqtt: ${d.message}`);
    });
    client.on('disconnect', (packet) => {
      if (gen === this.generation) this.watch.disconnected(packet.reasonCode);
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
    this.cursor.rewind();
    if (this.opts.commands) subscribeCommands(client, this.opts.unit, this.opts.commands, this.log);
    let pending = 2;
    const done = (err?: Error): void => {
      if (gen !== this.generation) return;
      if (err) this.log.warn({ err }, 'mqtt: state/birth publish failed');
      if (--pending === 0) {
        this.ready = true;
        this.pump();
      }
    };
    client.publish(this.topics.state, this.statePayload(true), RETAINED, (e) => done(e ?? undefined));
    if (!this.rebirth(client, done)) done();
    this.schedulePoll();
  }

  /** Publishes the retained birth now: at each connect, and for the `rebirth` command (false when not connected). */
  rebirth(client = this.connected ? this.client : undefined, done: (err?: Error) => void = () => {}): boolean {
    if (!client) return false;
    let birth: Uint8Array;
    try {
      birth = encodeRecord({ unit: this.opts.unit, session: this.opts.outbox.session, seq: 0, kind: 'birth', timeMs: this.clock.wallMs(), body: this.opts.birth() });
    } catch (err) {
      this.log.error({ err }, 'mqtt: cannot build the birth record');
      return false;
    }
    client.publish(this.topics.birth, Buffer.from(birth), RETAINED, (e) => done(e ?? undefined));
    return true;
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
      if (this.log.isLevelEnabled('debug')) this.log.debug({ url: this.opts.mqtt.url, depth: this.opts.outbox.depth }, 'mqtt: connection closed');
      if (this.clock.monoMs() - this.connectedAtMono >= STABLE_SESSION_MS) this.backoff.reset();
    }
    this.watch.closed(wasConnected);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (!this.running || this.reconnectTimer) return;
    const delay = this.watch.nextDelay(() => this.backoff.next());
    this.counters.reconnects++;
    this.reconnectTimer = this.timers.setTimeout(() => {
      this.reconnectTimer = undefined;
      this.connect();
    }, delay);
  }

  private schedulePoll(): void {
    if (this.pollTimer || !this.running) return;
    this.pollTimer = this.timers.setTimeout(() => {
      this.pollTimer = undefined;
      if (!this.connected) return;
      // New committed rows may exist for priorities that were empty.
      this.cursor.wake();
      this.pump();
      this.schedulePoll();
    }, this.opts.pollMs ?? 20);
    this.pollTimer.unref?.();
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
    this.cursor.reset();
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
      corked(client, () => this.fillWindow(client, gen, now, blocked));
      if (blocked.size > 0 && this.budget && !this.budgetTimer) {
        this.budgetTimer = this.timers.setTimeout(() => {
          this.budgetTimer = undefined;
          this.pump();
        }, this.budget.retryMs());
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
    this.timers.setImmediate(() => {
      this.pumpScheduled = false;
      this.handOverAcks();
      this.pump();
    });
  }

  /** Sends rows until the window is full, nothing is ready, or every ready priority is over budget (`blocked`). */
  private fillWindow(client: MqttClient, gen: number, now: number, blocked: Set<number>): void {
    while (this.unacked < this.window) {
      const lane = this.cursor.next(blocked);
      if (!lane) break;
      const row = lane.current();
      const expiresAtMs = row[ROW_EXPIRES_AT_MS];
      if (expiresAtMs !== null && expiresAtMs <= now) {
        // The outbox's expiry sweep drops it and writes the gap record.
        lane.take();
        continue;
      }
      const payload = this.budget ? this.budget.admit(row[ROW_KIND], row[ROW_PAYLOAD]) : row[ROW_PAYLOAD];
      if (payload === undefined) {
        blocked.add(lane.priority);
        continue;
      }
      lane.take();
      if (lane.markSent(row[ROW_ID])) this.counters.resent++;
      this.send(client, gen, row, payload, now);
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

  private send(client: MqttClient, gen: number, row: OutboxRow, payload: Buffer, now: number): void {
    this.unacked++;
    this.counters.published++;
    this.counters.bytesSent += payload.length;
    const epoch = this.epoch;
    const sentMono = this.clock.monoMs();
    const base = this.publishOptions(row[ROW_EXPIRES_AT_MS], now);
    const { topic, options } = row[ROW_KIND] === 'commandResult' && this.opts.commands ? answerPublish(this.opts.unit, this.opts.commands, row[ROW_SEQ], base) : { topic: this.topics[row[ROW_KIND]], options: base };
    client.publish(topic, payload, options, (err, packet) => this.onPuback(client, gen, epoch, row, err, packet, sentMono));
  }

  private onPuback(client: MqttClient, gen: number, epoch: number, row: OutboxRow, err: Error | undefined, packet: unknown, sentMono: number): void {
    if (gen !== this.generation) return; // the connection it went out on is gone: resent later
    this.unacked--;
    if (epoch !== this.opts.outbox.epoch) {
      // A row of a database file since replaced: its id now names another row.
      this.schedulePump();
      return;
    }
    const reason = (packet as { reasonCode?: number } | undefined)?.reasonCode ?? (err as { code?: number } | undefined)?.code;
    if (err) {
      const topic = this.topics[row[ROW_KIND]];
      if (typeof reason === 'number' && PERMANENT_REFUSALS.has(reason)) {
        // Never accepted on a resend either: drop it rather than block the window forever.
        this.counters.refused++;
        this.log.error({ topic, seq: row[ROW_SEQ], reasonCode: reason }, `mqtt: broker refused the publish (${err.message}); record dropped`);
        this.acked.push(row[ROW_ID]);
      } else {
        this.log.warn({ err, topic, seq: row[ROW_SEQ] }, 'mqtt: publish failed; reconnecting to resend');
        client.end(true);
        return;
      }
    } else {
      this.counters.acked++;
      this.acked.push(row[ROW_ID]);
      this.opts.onAcked?.((this.clock.monoMs() - sentMono) / 1000);
    }
    this.schedulePump();
  }
}
