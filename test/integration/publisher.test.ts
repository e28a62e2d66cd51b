/**
 * Publisher against a real mosquitto: delivery of every record, PUBACK-only deletion, the
 * in-flight window, resend after the broker dies before acknowledging, retained state/birth,
 * MQTT 3.1.1, and MQTT 5 refusals.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startMosquitto, disposeMosquitto, type Mosquitto } from '../helpers/mosquitto.js';
import { Outbox, type OutboxOptions } from '../../agent/src/outbox/outbox.js';
import { encodeRecord } from '../../agent/src/wire/encode.js';
import { corruptError, faultyDatabase } from '../helpers/faulty-db.js';
import { Publisher, type PublisherOptions } from '../../agent/src/publish/publisher.js';
import { mqttConfigSchema, type MqttConfigInput } from '../../agent/src/publish/config.js';
import { decodeMessage, Deduper, type AnyRecord } from '../../agent/src/hub/index.js';
import type { BirthBody, StatusBody } from '../../agent/src/wire/types.js';
import { busyTurnPlots } from '../../agent/src/sim/busy-turn.js';

const logger = pino({ level: 'silent' });
const status = (i: number): StatusBody => ({ spokesPerSecond: i, plotsPerScan: 0, outboxDepth: 0, outboxBytes: 0, published: 0, dropped: 0, thinned: 0, uptimeSeconds: i });

function until(cond: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const tick = (): void => {
      if (cond()) resolve();
      else if (Date.now() > deadline) reject(new Error(`timed out waiting for ${what}`));
      else setTimeout(tick, 10);
    };
    tick();
  });
}

/** A hub: subscribes to everything, decodes, keeps records and retained messages. */
class TestHub {
  readonly records: AnyRecord[] = [];
  readonly dedupe = new Deduper();
  client!: MqttClient;
  async connect(url: string, opts: IClientOptions = {}): Promise<void> {
    this.client = mqtt.connect(url, { reconnectPeriod: 100, clientId: `hub-${Math.random().toString(16).slice(2)}`, ...opts });
    this.client.on('message', (topic, payload) => {
      const m = decodeMessage(topic, payload);
      if (m.ok) {
        this.records.push(m.record);
        this.dedupe.accept(m.record);
      }
    });
    await new Promise<void>((r) => this.client.once('connect', () => r()));
    await this.client.subscribeAsync('lookout/v1/#', { qos: 1 });
  }
  /** Resolves once resubscribed after a broker restart. */
  async resubscribed(): Promise<void> {
    await new Promise<void>((r) => this.client.once('connect', () => r()));
    await this.client.subscribeAsync('lookout/v1/#', { qos: 1 });
  }
  seqs(): number[] {
    return this.records.filter((r) => r.seq > 0).map((r) => r.seq);
  }
  async close(): Promise<void> {
    await this.client?.endAsync(true);
  }
}

const birth = (o: Outbox) => (): BirthBody => ({ version: '0.1.0', sensors: [], configHash: 'x', session: o.session, capabilities: ['plots'], startedMs: Date.now(), nextSeq: o.nextSequence });

describe('Publisher with a real mosquitto', () => {
  let broker: Mosquitto;
  const cleanup: Array<() => Promise<void>> = [];
  beforeAll(async () => {
    broker = await startMosquitto();
  });
  afterAll(async () => disposeMosquitto(broker));
  afterEach(async () => {
    for (const f of cleanup.splice(0).reverse()) await f().catch(() => undefined);
    if (broker && broker.pid < 0) await broker.restart();
  });

  async function setup(mqttIn: MqttConfigInput = {}, extra: Partial<PublisherOptions> = {}, unit = `u${Math.random().toString(16).slice(2, 8)}`, outboxExtra: Partial<OutboxOptions> = {}) {
    const path = join(mkdtempSync(join(tmpdir(), 'lookout-pub-')), 'outbox.db');
    const outbox = new Outbox({ path, unit, encode: encodeRecord, maxBytes: 64 << 20, groupCommitMs: 10, logger, ...outboxExtra });
    await outbox.start();
    const cfg = mqttConfigSchema.parse({ url: broker.url, reconnect: { minMs: 50, maxMs: 500 }, ...mqttIn });
    const publisher = new Publisher({ outbox, unit, mqtt: cfg, logger, birth: birth(outbox), ...extra });
    cleanup.push(async () => outbox.stop());
    cleanup.push(async () => publisher.stop());
    return { outbox, publisher, unit, path };
  }

  it('publishes every record QoS 1 in seq order, deletes rows on PUBACK, retains state and birth', async () => {
    const hub = new TestHub();
    await hub.connect(broker.url);
    cleanup.push(() => hub.close());
    const { outbox, publisher, unit } = await setup({ inflight: 8 });
    for (let i = 0; i < 500; i++) outbox.append('status', status(i));
    await publisher.start();
    await until(() => hub.seqs().length >= 500 && outbox.depth === 0, 'all records at the hub');
    expect(hub.seqs()).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    expect(publisher.counters.acked).toBe(500);
    outbox.flush();
    expect(outbox.peek(0, 10)).toHaveLength(0);
    // retained session messages, seen by a late subscriber
    const late = new TestHub();
    await late.connect(broker.url);
    cleanup.push(() => late.close());
    await until(() => late.records.some((r) => r.kind === 'birth' && r.unit === unit) && late.records.some((r) => r.kind === 'state' && r.unit === unit), 'retained birth and state');
    const state = late.records.find((r) => r.kind === 'state' && r.unit === unit)!;
    expect(state.kind === 'state' && state.body.online).toBe(true);
    expect(state.unit).toBe(unit);
    const b = late.records.find((r) => r.kind === 'birth' && r.unit === unit)!;
    expect(b.kind === 'birth' && b.body.session).toBe(1);
    // a clean stop says offline (retained)
    await publisher.stop();
    const later = new TestHub();
    await later.connect(broker.url);
    cleanup.push(() => later.close());
    await until(() => later.records.some((r) => r.kind === 'state' && r.unit === unit), 'retained offline');
    const st = later.records.find((r) => r.kind === 'state' && r.unit === unit)!;
    expect(st.kind === 'state' && st.body.online).toBe(false);
  });

  it('keeps at most W publishes in flight; the broker dies before acknowledging: nothing deleted, all resent after restart', async () => {
    const hub = new TestHub();
    await hub.connect(broker.url);
    cleanup.push(() => hub.close());
    let gate: Promise<void> = Promise.resolve();
    const connect = (url: string, o: IClientOptions): MqttClient => {
      const c = mqtt.connect(url, { ...o, manualConnect: true });
      void gate.then(() => c.connect());
      return c;
    };
    const { outbox, publisher, unit } = await setup({ inflight: 5 }, { connect });
    await publisher.start();
    await until(() => publisher.isConnected && hub.records.some((r) => r.kind === 'birth'), 'connected');
    broker.pause(); // TCP up, nothing answered: no PUBACK
    for (let i = 0; i < 50; i++) outbox.append('status', status(i));
    outbox.flush();
    await until(() => publisher.inflightCount === 5, 'a full window');
    await new Promise((r) => setTimeout(r, 200));
    expect(publisher.inflightCount).toBe(5); // never more than W
    expect(publisher.counters.published).toBe(5);
    outbox.flush();
    expect(outbox.depth).toBe(50); // nothing deleted without PUBACK
    let openGate!: () => void;
    gate = new Promise((r) => (openGate = r));
    await broker.kill();
    await until(() => !publisher.isConnected, 'disconnect seen');
    await broker.restart();
    await hub.resubscribed();
    openGate();
    await until(() => outbox.depth === 0 && hub.dedupe.stats(unit).received >= 50, 'all acknowledged after restart');
    const got = new Set(hub.seqs());
    for (let s = 1; s <= 50; s++) expect(got.has(s)).toBe(true);
    expect(publisher.counters.resent).toBeGreaterThanOrEqual(5);
    expect(publisher.counters.acked).toBe(50);
  });

  it('resends the unacknowledged rows after a restart of the agent (new Outbox + Publisher on the same file)', async () => {
    const hub = new TestHub();
    await hub.connect(broker.url);
    cleanup.push(() => hub.close());
    const first = await setup({ inflight: 4 });
    for (let i = 0; i < 20; i++) first.outbox.append('status', status(i));
    await first.outbox.stop(); // never published
    const outbox = new Outbox({ path: first.path, unit: first.unit, encode: encodeRecord, maxBytes: 64 << 20, groupCommitMs: 10, logger });
    await outbox.start();
    expect(outbox.session).toBe(2);
    const publisher = new Publisher({ outbox, unit: first.unit, mqtt: mqttConfigSchema.parse({ url: broker.url }), logger, birth: birth(outbox) });
    cleanup.push(async () => outbox.stop());
    cleanup.push(async () => publisher.stop());
    await publisher.start();
    await until(() => hub.seqs().length >= 20, 'records of the previous run');
    expect(hub.seqs()).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(hub.records.filter((r) => r.seq > 0).every((r) => r.session === 1)).toBe(true);
  });

  it('the database file is replaced while publishes are in flight (corruption at a commit): acknowledgements of the old file delete nothing in the new one, whose rows all arrive', async () => {
    const hub = new TestHub();
    await hub.connect(broker.url);
    cleanup.push(() => hub.close());
    // SQLITE_CORRUPT on the next insert once armed (as in the outbox unit test).
    let corruptOnce = false;
    const openDatabase = faultyDatabase(() => {
      if (!corruptOnce) return undefined;
      corruptOnce = false;
      return corruptError();
    });
    const { outbox, publisher, unit } = await setup({ inflight: 5 }, {}, undefined, { openDatabase });
    await publisher.start();
    await until(() => publisher.isConnected && hub.records.some((r) => r.kind === 'birth' && r.unit === unit), 'connected');
    broker.pause(); // PUBACKs held back
    for (let i = 0; i < 20; i++) outbox.append('status', status(i));
    outbox.flush();
    await until(() => publisher.inflightCount === 5, 'a full window on the old file');
    corruptOnce = true;
    const fresh = [21, 22, 23].map((i) => outbox.append('status', status(i)));
    outbox.flush(); // corrupt: moved aside; the fresh file holds a gap record and the open group
    expect(outbox.epoch).toBe(1);
    outbox.flush();
    const inNewFile = outbox.peek(0, 100);
    expect(inNewFile.map((r) => r.rowId).slice(0, 3)).toEqual([1, 2, 3]); // ids start again
    broker.resume(); // the old file's PUBACKs (rowIds 1..5) now arrive
    await until(() => outbox.depth === 0 && fresh.every((s) => hub.seqs().includes(s)), 'the new file delivered');
    // The old file's rows (seqs before the open group) are announced lost, exactly.
    const gap = hub.records.find((r) => r.kind === 'gap' && r.unit === unit);
    expect(gap?.kind === 'gap' && gap.body).toMatchObject({ ranges: [[1, fresh[0]! - 1]], reason: 'corrupt' });
    for (const r of inNewFile) expect(hub.seqs()).toContain(r.seq);
  });

  it('works over MQTT 3.1.1 (protocolVersion 4)', async () => {
    const hub = new TestHub();
    await hub.connect(broker.url, { protocolVersion: 4 });
    cleanup.push(() => hub.close());
    const { outbox, publisher } = await setup({ protocolVersion: 4 });
    for (let i = 0; i < 30; i++) outbox.append('alerts', { severity: 'info', code: 'T', message: String(i) });
    await publisher.start();
    await until(() => hub.seqs().length >= 30 && outbox.depth === 0, 'records');
    expect(hub.seqs()).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('sends higher priorities first from a backlog (alerts before plots before status), seq order within each kind', async () => {
    const hub = new TestHub();
    await hub.connect(broker.url);
    cleanup.push(() => hub.close());
    const { outbox, publisher } = await setup({ inflight: 1 });
    for (let i = 0; i < 20; i++) {
      outbox.append('status', status(i));
      outbox.append('alerts', { severity: 'info', code: 'T', message: String(i) });
    }
    outbox.flush();
    await publisher.start();
    await until(() => hub.seqs().length >= 40, 'records');
    const kinds = hub.records.filter((r) => r.seq > 0).map((r) => r.kind);
    expect(kinds.slice(0, 20).every((k) => k === 'alerts')).toBe(true);
    for (const k of ['alerts', 'status'] as const) {
      const s = hub.records.filter((r) => r.kind === k).map((r) => r.seq);
      expect(s).toEqual([...s].sort((a, b) => a - b));
    }
  });

  it('sets MQTT 5 message expiry from the record expiry', async () => {
    const got: Array<number | undefined> = [];
    const sub = mqtt.connect(broker.url, { protocolVersion: 5 });
    cleanup.push(() => sub.endAsync(true));
    await new Promise<void>((r) => sub.once('connect', () => r()));
    sub.on('message', (topic, _p, packet) => {
      if (topic.endsWith('/status')) got.push(packet.properties?.messageExpiryInterval);
    });
    await sub.subscribeAsync('lookout/v1/#', { qos: 1 });
    const path = join(mkdtempSync(join(tmpdir(), 'lookout-pub-')), 'outbox.db');
    const outbox = new Outbox({ path, unit: 'expiry1', encode: encodeRecord, maxBytes: 64 << 20, groupCommitMs: 10, logger, expirySeconds: { status: 120 } });
    await outbox.start();
    const publisher = new Publisher({ outbox, unit: 'expiry1', mqtt: mqttConfigSchema.parse({ url: broker.url }), logger, birth: birth(outbox) });
    cleanup.push(async () => outbox.stop());
    cleanup.push(async () => publisher.stop());
    outbox.append('status', status(1));
    await publisher.start();
    await until(() => got.length >= 1, 'status');
    expect(got[0]).toBeGreaterThan(100);
    expect(got[0]).toBeLessThanOrEqual(120);
  });

  it('sets each record its own MQTT 5 message expiry when records of different lifetimes interleave', async () => {
    const got: Array<[string, number | undefined]> = [];
    const sub = mqtt.connect(broker.url, { protocolVersion: 5 });
    cleanup.push(() => sub.endAsync(true));
    await new Promise<void>((r) => sub.once('connect', () => r()));
    sub.on('message', (topic, _p, packet) => {
      if (topic.startsWith('lookout/v1/expiry2/') && !/(birth|state)$/.test(topic)) got.push([topic.split('/')[3], packet.properties?.messageExpiryInterval]);
    });
    await sub.subscribeAsync('lookout/v1/expiry2/#', { qos: 1 });
    const path = join(mkdtempSync(join(tmpdir(), 'lookout-pub-')), 'outbox.db');
    const outbox = new Outbox({ path, unit: 'expiry2', encode: encodeRecord, maxBytes: 64 << 20, groupCommitMs: 10, logger, expirySeconds: { status: 600 } });
    await outbox.start();
    const publisher = new Publisher({ outbox, unit: 'expiry2', mqtt: mqttConfigSchema.parse({ url: broker.url, inflight: 1 }), logger, birth: birth(outbox) });
    cleanup.push(async () => outbox.stop());
    cleanup.push(async () => publisher.stop());
    for (let i = 0; i < 3; i++) {
      outbox.append('status', status(i));
      outbox.append('alerts', { severity: 'info', code: 'T', message: String(i) });
      outbox.append('status', status(i), { expiresAtMs: Date.now() + 60_000 });
    }
    outbox.flush();
    await publisher.start();
    await until(() => got.length >= 9, 'nine records');
    const statusExpiry = got.filter(([k]) => k === 'status').map(([, e]) => e!);
    expect(statusExpiry).toHaveLength(6);
    for (let i = 0; i < 3; i++) {
      expect(statusExpiry[2 * i]).toBeGreaterThan(500);
      expect(statusExpiry[2 * i]).toBeLessThanOrEqual(600);
      expect(statusExpiry[2 * i + 1]).toBeGreaterThan(50);
      expect(statusExpiry[2 * i + 1]).toBeLessThanOrEqual(60);
    }
    expect(got.filter(([k]) => k === 'alerts').map(([, e]) => e)).toEqual([undefined, undefined, undefined]);
  });
});

describe('Publisher bandwidth budget with a real mosquitto', () => {
  let broker: Mosquitto;
  beforeAll(async () => {
    broker = await startMosquitto();
  });
  afterAll(async () => disposeMosquitto(broker));

  it('over budget: higher priorities first, plots thinned (strongest kept), thinning counted', async () => {
    const hub = new TestHub();
    await hub.connect(broker.url);
    const unit = 'budget-1';
    const path = join(mkdtempSync(join(tmpdir(), 'lookout-pub-')), 'outbox.db');
    const outbox = new Outbox({ path, unit, encode: encodeRecord, maxBytes: 64 << 20, groupCommitMs: 10, logger });
    await outbox.start();
    const origin = { latitude: 43, longitude: 5 };
    for (let i = 0; i < 6; i++) {
      const plots = busyTurnPlots({ plots: 600, seed: i + 1, scan: i });
      outbox.append('plots', { sensor: 'r', origin, plots });
      outbox.append('status', { spokesPerSecond: i, plotsPerScan: 600, outboxDepth: 0, outboxBytes: 0, published: 0, dropped: 0, thinned: 0, uptimeSeconds: i });
    }
    for (let i = 0; i < 5; i++) outbox.append('alerts', { severity: 'critical', code: 'ZONE', message: String(i) });
    outbox.flush();
    const publisher = new Publisher({ outbox, unit, mqtt: mqttConfigSchema.parse({ url: broker.url, bandwidth: { bytesPerSecond: 8000, burstBytes: 4096 } }), logger, birth: birth(outbox) });
    await publisher.start();
    await until(() => outbox.depth === 0 && hub.records.filter((r) => r.unit === unit && r.seq > 0).length >= 17, 'the backlog through the budget', 40_000);
    const recs = hub.records.filter((r) => r.unit === unit && r.seq > 0);
    expect(recs.slice(0, 5).every((r) => r.kind === 'alerts')).toBe(true);
    const plots = recs.filter((r) => r.kind === 'plots');
    expect(plots).toHaveLength(6);
    let thinned = 0;
    for (const r of plots) {
      if (r.kind !== 'plots') continue;
      thinned += r.body.thinned ?? 0;
      expect(r.body.plots.length + (r.body.thinned ?? 0)).toBe(600);
    }
    expect(thinned).toBeGreaterThan(0);
    expect(publisher.counters.thinned).toBe(thinned);
    expect(recs.filter((r) => r.kind === 'status')).toHaveLength(6);
    await publisher.stop();
    await outbox.stop();
    await hub.close();
  });
});
