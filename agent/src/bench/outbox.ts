/**
 * `lookout bench outbox`: durable records/s into the outbox with group commit (baseline: raw
 * better-sqlite3 inserts of the same payloads in one transaction), replay of 1,000,000 queued
 * records to a local mosquitto, and bytes per plot on the wire beside the JSON of the same plots.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { Outbox } from '../outbox/outbox.js';
import { Publisher } from '../publish/publisher.js';
import { mqttConfigSchema } from '../publish/config.js';
import { findMosquitto, startLocalMosquitto } from '../ops/local-broker.js';
import { printRow } from './common.js';
import { encodeRecord, type StatusBody } from '../wire/index.js';
import { busyTurnPlots } from '../sim/busy-turn.js';

const silent = pino({ level: 'silent' });

function statusBody(i: number): StatusBody {
  return { spokesPerSecond: 1638.4, plotsPerScan: 12, outboxDepth: i, outboxBytes: i * 60, published: i, dropped: 0, thinned: 0, uptimeSeconds: i };
}

async function durableRate(dir: string, n: number): Promise<{ perSecond: number; baseline: number; bytes: number }> {
  const path = join(dir, 'rate.db');
  const o = new Outbox({ path, unit: 'bench', encode: encodeRecord, maxBytes: 1 << 30, groupCommitMs: 50, groupCommitRecords: 4096, logger: silent });
  await o.start();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    o.append('status', statusBody(i));
    // Yield now and then so the 50 ms commit timer runs as it would in the agent.
    if ((i & 0xffff) === 0xffff) await new Promise((r) => setImmediate(r));
  }
  o.flush(); // the last group is durable too
  const dt = (performance.now() - t0) / 1000;
  const bytes = o.bytes / n;
  await o.stop();

  // Baseline: the same payloads inserted by raw better-sqlite3 in one transaction (no encoding).
  const payload = Buffer.from(encodeRecord({ unit: 'bench', session: 1, seq: 1, kind: 'status', timeMs: Date.now(), body: statusBody(1) }));
  const db = new Database(join(dir, 'baseline.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE r (id INTEGER PRIMARY KEY, seq INTEGER, payload BLOB)');
  const ins = db.prepare('INSERT INTO r (seq, payload) VALUES (?, ?)');
  const b0 = performance.now();
  db.transaction(() => {
    for (let i = 0; i < n; i++) ins.run(i, payload);
  })();
  const bdt = (performance.now() - b0) / 1000;
  db.close();
  return { perSecond: n / dt, baseline: n / bdt, bytes };
}

/** A throwaway mosquitto on a free loopback port; undefined when mosquitto is not installed. */
export async function startBenchBroker(): Promise<{ url: string; stop(): Promise<void> } | undefined> {
  const bin = findMosquitto();
  if (!bin) return undefined;
  // No per-client limits: the replay measures the outbox and the publisher, not the broker's queues.
  return startLocalMosquitto(bin, ['max_inflight_messages 0', 'max_queued_messages 0']).catch(() => undefined);
}

async function replay(dir: string, url: string, n: number, inflight: number): Promise<{ seconds: number; perSecond: number }> {
  const path = join(dir, 'replay.db');
  const o = new Outbox({ path, unit: 'bench-replay', encode: encodeRecord, maxBytes: 1 << 30, groupCommitMs: 50, groupCommitRecords: 8192, logger: silent });
  await o.start();
  for (let i = 0; i < n; i++) {
    o.append('status', statusBody(i));
    if ((i & 0xffff) === 0xffff) await new Promise((r) => setImmediate(r));
  }
  o.flush();
  const p = new Publisher({
    outbox: o,
    unit: 'bench-replay',
    mqtt: mqttConfigSchema.parse({ url, inflight }),
    logger: silent,
    birth: () => ({ version: 'bench', sensors: [], configHash: '', session: o.session, capabilities: [], startedMs: Date.now(), nextSeq: o.nextSequence }),
  });
  const t0 = performance.now();
  await p.start();
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      if (p.counters.acked >= n) resolve();
      else setTimeout(tick, 20);
    };
    tick();
  });
  o.flush();
  const seconds = (performance.now() - t0) / 1000;
  await p.stop();
  await o.stop();
  return { seconds, perSecond: n / seconds };
}

/** Baseline: bare mqtt.js QoS 1 publishes of the same payload size, same window, no outbox. */
async function rawMqttRate(url: string, n: number, inflight: number): Promise<number> {
  const mqtt = (await import('mqtt')).default;
  const c = await mqtt.connectAsync(url, { protocolVersion: 5, clientId: 'bench-raw' });
  const payload = Buffer.from(encodeRecord({ unit: 'bench-replay', session: 1, seq: 1, kind: 'status', timeMs: Date.now(), body: statusBody(1) }));
  let acked = 0;
  let sent = 0;
  const t0 = performance.now();
  await new Promise<void>((resolve) => {
    const pump = (): void => {
      while (sent - acked < inflight && sent < n) {
        sent++;
        c.publish('lookout/v1/bench-raw/status', payload, { qos: 1 }, () => {
          acked++;
          if (acked === n) resolve();
          else setImmediate(pump);
        });
      }
    };
    pump();
  });
  const rate = n / ((performance.now() - t0) / 1000);
  await c.endAsync();
  return rate;
}

function bytesPerPlot(): { proto: number; json: number } {
  const origin = { latitude: 43.2965, longitude: 5.3698 };
  let proto = 0;
  let json = 0;
  let plots = 0;
  for (let seed = 1; seed <= 10; seed++) {
    const ps = busyTurnPlots({ plots: 600, seed, scan: seed });
    const rec = { unit: 'unit-0001', session: 12, seq: 123_456 + seed, kind: 'plots' as const, timeMs: Date.now(), body: { sensor: 'radar1', origin, plots: ps } };
    proto += encodeRecord(rec).length;
    // JSON of the same records as a hub would print them (with lat/lon per plot).
    json += Buffer.byteLength(JSON.stringify({ ...rec, body: { ...rec.body, plots: ps.map((p) => ({ ...p, latitude: origin.latitude, longitude: origin.longitude })) } }));
    plots += ps.length;
  }
  return { proto: proto / plots, json: json / plots };
}

export interface OutboxBenchOptions {
  json: boolean;
  /** Records for the durable rate (default 300,000). */
  records?: number;
  /** Records for the replay (default 1,000,000). */
  replayRecords?: number;
  inflight?: number;
}

export async function runOutboxBench(opts: OutboxBenchOptions, out: NodeJS.WritableStream): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lookout-bench-outbox-'));
  try {
    const n = opts.records ?? 300_000;
    const r = await durableRate(dir, n);
    printRow({ bench: 'outbox', name: `durable appends (${n} status records)`, value: Math.round(r.perSecond), unit: 'records/s', goal: '>= 100000', baseline: { name: 'raw better-sqlite3, 1 tx', value: Math.round(r.baseline), unit: 'records/s' }, note: `${r.bytes.toFixed(0)} B/record counted` }, opts.json, out);

    const b = bytesPerPlot();
    printRow({ bench: 'outbox', name: 'bytes per plot on the wire (600-plot turn)', value: Number(b.proto.toFixed(2)), unit: 'B/plot', goal: '<= 12', baseline: { name: 'JSON of the same plots', value: Number(b.json.toFixed(1)), unit: 'B/plot' } }, opts.json, out);

    const broker = await startBenchBroker();
    if (!broker) {
      printRow({ bench: 'outbox', name: 'replay to mosquitto', value: 0, unit: 's', note: 'skipped: mosquitto not installed' }, opts.json, out);
      return;
    }
    try {
      const m = opts.replayRecords ?? 1_000_000;
      const w = opts.inflight ?? 1000;
      const rp = await replay(dir, broker.url, m, w);
      const raw = await rawMqttRate(broker.url, Math.min(m, 100_000), w);
      printRow({ bench: 'outbox', name: `replay ${m} queued records to mosquitto`, value: Number(rp.seconds.toFixed(2)), unit: 's', goal: '<= 30', baseline: { name: 'bare mqtt.js QoS 1, same window', value: Number((m / raw).toFixed(2)), unit: 's' }, note: `${Math.round(rp.perSecond)} records/s vs ${Math.round(raw)}/s bare, in-flight window ${w}` }, opts.json, out);
    } finally {
      await broker.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
