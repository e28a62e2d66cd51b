/**
 * Store and forward under faults at the outbox + publisher level, with a record generator
 * (the agent-level versions with `lookout run` are in agent-chaos.test.ts): a broker outage
 * mid-stream, and a small quota through a long outage (exact gap records, nothing else missing).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startMosquitto, disposeMosquitto, type Mosquitto } from '../helpers/mosquitto.js';
import { Outbox } from '../../agent/src/outbox/outbox.js';
import { encodeRecord } from '../../agent/src/wire/encode.js';
import { Publisher } from '../../agent/src/publish/publisher.js';
import { mqttConfigSchema } from '../../agent/src/publish/config.js';
import { decodeMessage, Deduper, type AnyRecord } from '../../agent/src/hub/index.js';
import { busyTurnPlots } from '../../agent/src/sim/busy-turn.js';

const logger = pino({ level: 'silent' });

function until(cond: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const tick = (): void => (cond() ? resolve() : Date.now() > deadline ? reject(new Error(`timed out waiting for ${what}`)) : void setTimeout(tick, 20));
    tick();
  });
}

/** A hub with a persistent session is not possible across a broker without persistence: it resubscribes on every connect. */
async function hub(url: string, unit: string) {
  const records: AnyRecord[] = [];
  const dedupe = new Deduper();
  const client = mqtt.connect(url, { clientId: `hub-${unit}`, reconnectPeriod: 50, resubscribe: false });
  client.on('message', (topic, payload) => {
    const m = decodeMessage(topic, payload);
    if (m.ok && m.record.unit === unit) {
      records.push(m.record);
      dedupe.accept(m.record);
    }
  });
  let subscribed = 0;
  client.on('connect', () => void client.subscribeAsync(`lookout/v1/${unit}/#`, { qos: 1 }).then(() => subscribed++));
  await until(() => subscribed > 0, 'hub subscribed');
  return { records, dedupe, client, subscribed: () => subscribed };
}

describe('outbox + publisher under faults (record generator)', () => {
  let broker: Mosquitto;
  beforeAll(async () => {
    broker = await startMosquitto();
  });
  afterAll(async () => disposeMosquitto(broker));

  it('broker stopped mid-stream and restarted: every record arrives, first arrivals in seq order per kind, union 1..N', async () => {
    const unit = 'outage-1';
    const h = await hub(broker.url, unit);
    const outbox = new Outbox({ path: join(mkdtempSync(join(tmpdir(), 'lookout-chaos-')), 'o.db'), unit, encode: encodeRecord, maxBytes: 64 << 20, groupCommitMs: 20, logger });
    await outbox.start();
    // the agent must not publish before the hub is back after the restart: gate its reconnects on it
    let hubBack: Promise<void> = Promise.resolve();
    const publisher = new Publisher({
      outbox,
      unit,
      mqtt: mqttConfigSchema.parse({ url: broker.url, inflight: 16, reconnect: { minMs: 100, maxMs: 400 } }),
      logger,
      birth: () => ({ version: 't', sensors: [], configHash: '', session: outbox.session, capabilities: [], startedMs: 0, nextSeq: outbox.nextSequence }),
      connect: (url, o) => {
        const c = mqtt.connect(url, { ...o, manualConnect: true });
        void hubBack.then(() => c.connect());
        return c;
      },
    });
    await publisher.start();
    let n = 0;
    const gen = setInterval(() => {
      outbox.append('plots', { sensor: 'r', origin: { latitude: 43, longitude: 5 }, plots: busyTurnPlots({ plots: 20, seed: n, scan: n }) });
      outbox.append('status', { spokesPerSecond: n, plotsPerScan: 20, outboxDepth: outbox.depth, outboxBytes: outbox.bytes, published: 0, dropped: 0, thinned: 0, uptimeSeconds: n });
      if (n % 5 === 0) outbox.append('alerts', { severity: 'info', code: 'T', message: String(n) });
      n++;
    }, 10);
    await until(() => h.dedupe.stats(unit).received > 200, 'stream flowing');
    const subs = h.subscribed();
    let release!: () => void;
    hubBack = new Promise((r) => (release = r));
    await broker.stop();
    await new Promise((r) => setTimeout(r, 3000)); // the outage: records pile up in the outbox
    expect(publisher.isConnected).toBe(false);
    const queued = outbox.depth;
    expect(queued).toBeGreaterThan(100);
    await broker.restart();
    await until(() => h.subscribed() > subs, 'hub back');
    release();
    await new Promise((r) => setTimeout(r, 500));
    clearInterval(gen);
    outbox.flush();
    const last = outbox.nextSequence - 1;
    await until(() => h.dedupe.stats(unit).received >= last, 'every record at the hub');
    const st = h.dedupe.stats(unit);
    expect(st).toMatchObject({ firstSeq: 1, lastSeq: last, missing: 0, announcedLost: 0, received: last });
    for (const kind of ['plots', 'status', 'alerts'] as const) {
      const firsts: number[] = [];
      const seen = new Set<number>();
      for (const r of h.records) if (r.kind === kind && !seen.has(r.seq)) (seen.add(r.seq), firsts.push(r.seq));
      expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
    }
    await publisher.stop();
    await outbox.stop();
    h.client.end(true);
  });

  it('small quota through a long outage: the hub sees exact gap records for what was dropped, nothing else missing', async () => {
    const unit = 'quota-1';
    const h = await hub(broker.url, unit);
    const outbox = new Outbox({ path: join(mkdtempSync(join(tmpdir(), 'lookout-chaos-')), 'o.db'), unit, encode: encodeRecord, maxBytes: 1 << 20, groupCommitMs: 20, logger });
    await outbox.start();
    // the outage: records made while no broker is configured to be reachable
    const appended = { plots: [] as number[], status: [] as number[], alerts: [] as number[] };
    for (let i = 0; i < 600; i++) {
      appended.plots.push(outbox.append('plots', { sensor: 'r', origin: { latitude: 43, longitude: 5 }, plots: busyTurnPlots({ plots: 200, seed: i, scan: i }) }));
      appended.status.push(outbox.append('status', { spokesPerSecond: i, plotsPerScan: 200, outboxDepth: 0, outboxBytes: 0, published: 0, dropped: 0, thinned: 0, uptimeSeconds: i, counters: { pad: i } }));
      if (i % 10 === 0) appended.alerts.push(outbox.append('alerts', { severity: 'warning', code: 'T', message: 'x'.repeat(100) }));
      if (i % 50 === 0) outbox.flush();
    }
    outbox.flush();
    expect(outbox.counters.droppedQuota).toBeGreaterThan(0);
    expect(outbox.bytes).toBeLessThanOrEqual(1 << 20);
    const publisher = new Publisher({ outbox, unit, mqtt: mqttConfigSchema.parse({ url: broker.url, inflight: 64 }), logger, birth: () => ({ version: 't', sensors: [], configHash: '', session: outbox.session, capabilities: [], startedMs: 0, nextSeq: outbox.nextSequence }) });
    await publisher.start();
    const last = outbox.nextSequence - 1;
    await until(() => outbox.depth === 0, 'outbox drained');
    await until(() => { const s = h.dedupe.stats(unit); return s.received + s.announcedLost >= last; }, 'all seqs accounted for');
    const st = h.dedupe.stats(unit);
    expect(st.missing).toBe(0);
    expect(st.announcedLost).toBe(outbox.counters.droppedQuota);
    // what was announced is exactly what was dropped: status first (lowest priority), then plots; alerts never
    const gaps = h.records.filter((r) => r.kind === 'gap');
    const announced = new Set<number>();
    for (const g of gaps) if (g.kind === 'gap') for (const [a, b] of g.body.ranges) for (let s = a; s <= b; s++) announced.add(s);
    for (const s of appended.alerts) expect(announced.has(s)).toBe(false);
    const receivedSeqs = new Set(h.records.map((r) => r.seq));
    for (const s of announced) expect(receivedSeqs.has(s)).toBe(false);
    await publisher.stop();
    await outbox.stop();
    h.client.end(true);
  });
});
