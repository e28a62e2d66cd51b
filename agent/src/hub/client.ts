/**
 * A hub's MQTT side: connects to a broker, subscribes to the records of one unit or of every
 * unit (`subscriptionFilter`), decodes each message and dedupes it by (unit, seq). What
 * `lookout tail`, `lookout demo` and the tests' hub share; a hub in TypeScript can use it too.
 */
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { decodeMessage, Deduper, type Acceptance, type AnyRecord } from './index.js';
import { parseTopic, subscriptionFilter } from '../wire/index.js';

export interface HubClientOptions {
  /** Broker URL (mqtt://, mqtts://, ws://, wss://). */
  url: string;
  /** Only this unit's records; default every unit's. */
  unit?: string;
  /** MQTT options (client id, protocol version, session, TLS, credentials). `resubscribe` is the client's own. */
  mqtt?: Omit<IClientOptions, 'resubscribe'>;
  /** Subscription QoS. Default 1. */
  qos?: 0 | 1 | 2;
  /** Every decoded record, in arrival order, duplicates included (told by `acceptance`). */
  onRecord: (record: AnyRecord, acceptance: Acceptance, topic: string) => void;
  /** A message on a record topic whose payload does not decode (commands and answers are skipped silently). */
  onUndecodable?: (topic: string, error: string) => void;
  /** Connection and subscription errors; mqtt.js goes on reconnecting. Default: ignored. */
  onError?: (err: Error) => void;
  /** After each successful subscription (the first connect, and each reconnect that lost the session). */
  onSubscribed?: () => void;
  /** The deduper records are fed to; default a new one. */
  dedupe?: Deduper;
  /** Injected for tests; default `mqtt.connect`. */
  connect?: (url: string, options: IClientOptions) => MqttClient;
}

export class HubClient {
  readonly dedupe: Deduper;
  readonly filter: string;
  private readonly opts: HubClientOptions;
  private client: MqttClient | undefined;
  private subscribed = false;
  private readonly waiters: Array<() => void> = [];

  constructor(options: HubClientOptions) {
    if (typeof options?.url !== 'string') throw new TypeError('HubClient: url must be a string');
    if (typeof options.onRecord !== 'function') throw new TypeError('HubClient: onRecord must be a function');
    this.opts = options;
    this.dedupe = options.dedupe ?? new Deduper();
    this.filter = subscriptionFilter(options.unit);
  }

  /** The underlying mqtt.js client (after `start()`). */
  get mqtt(): MqttClient {
    if (!this.client) throw new TypeError('HubClient: not started');
    return this.client;
  }

  /** Connects (mqtt.js reconnects by itself) and subscribes on every connect that has no session. */
  start(): void {
    if (this.client) throw new TypeError('HubClient: already started');
    const o = this.opts;
    const mqttOptions: IClientOptions = { ...o.mqtt, resubscribe: false };
    const client = (o.connect ?? ((url, opts) => mqtt.connect(url, opts)))(o.url, mqttOptions);
    this.client = client;
    let first = true;
    client.on('error', (err) => o.onError?.(err));
    client.on('connect', (connack) => {
      // A kept session still holds the subscription; subscribing again would replay retained messages.
      if (!first && mqttOptions.clean === false && connack.sessionPresent) return;
      first = false;
      client.subscribe(this.filter, { qos: o.qos ?? 1 }, (err) => {
        if (err) {
          o.onError?.(new Error(`subscribe failed: ${err.message}`, { cause: err }));
          return;
        }
        this.subscribed = true;
        for (const w of this.waiters.splice(0)) w();
        o.onSubscribed?.();
      });
    });
    client.on('message', (topic, payload) => this.onMessage(topic, payload));
  }

  /** Resolves once subscribed the first time. */
  ready(): Promise<void> {
    if (this.subscribed) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Disconnects; `force` drops in-flight packets instead of finishing them. */
  async stop(force = false): Promise<void> {
    const c = this.client;
    if (!c) return;
    await c.endAsync(force);
  }

  private onMessage(topic: string, payload: Uint8Array): void {
    const m = decodeMessage(topic, payload);
    if (!m.ok) {
      const t = parseTopic(topic);
      if (t?.type === 'cmd' || t?.type === 'cmd-res') return;
      this.opts.onUndecodable?.(topic, m.error);
      return;
    }
    this.opts.onRecord(m.record, this.dedupe.accept(m.record), topic);
  }
}
