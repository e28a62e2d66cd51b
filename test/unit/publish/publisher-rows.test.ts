/**
 * What the Publisher makes of outbox rows: the topic from the row's kind (the outbox stores no
 * topic), also for the rows of a file written before the outbox stopped storing them. A real
 * outbox on a temp file; the mqtt.js client is a fake that records publishes and acknowledges
 * them (mock: delivery through a real mosquitto is test/integration/publisher.test.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import type { MqttClient } from 'mqtt';
import { Outbox } from '../../../agent/src/outbox/outbox.js';
import { Publisher } from '../../../agent/src/publish/publisher.js';
import { mqttConfigSchema } from '../../../agent/src/publish/config.js';
import { decodeRecord, encodeRecord, type StatusBody } from '../../../agent/src/wire/index.js';

const logger = pino({ level: 'silent' });
const status = (i: number): StatusBody => ({ spokesPerSecond: i, plotsPerScan: 0, outboxDepth: 0, outboxBytes: 0, published: 0, dropped: 0, thinned: 0, uptimeSeconds: i });

class FakeClient extends EventEmitter {
  connected = true;
  readonly published: Array<{ topic: string; payload: Buffer; retain: boolean }> = [];
  end(...args: unknown[]): this {
    this.connected = false;
    const cb = args.find((a) => typeof a === 'function') as (() => void) | undefined;
    queueMicrotask(() => cb?.());
    return this;
  }
  publish(topic: string, payload: Buffer, opts: { retain?: boolean }, cb?: (e?: Error, packet?: unknown) => void): this {
    this.published.push({ topic, payload, retain: opts.retain === true });
    queueMicrotask(() => cb?.(undefined, { reasonCode: 0 }));
    return this;
  }
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const f of cleanups.splice(0).reverse()) await f();
});

async function publishAll(outbox: Outbox, unit: string): Promise<FakeClient> {
  const client = new FakeClient();
  const publisher = new Publisher({
    outbox,
    unit,
    mqtt: mqttConfigSchema.parse({}),
    logger,
    birth: () => ({ version: 't', sensors: [], configHash: '', session: outbox.session, capabilities: [], startedMs: 0, nextSeq: outbox.nextSequence }),
    connect: () => {
      queueMicrotask(() => client.emit('connect', { properties: {} }));
      return client as unknown as MqttClient;
    },
  });
  outbox.flush();
  await publisher.start();
  cleanups.push(() => publisher.stop());
  const deadline = Date.now() + 5000;
  while (outbox.depth > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 10));
    outbox.flush();
  }
  expect(outbox.depth).toBe(0);
  return client;
}

function tmpPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'lookout-publisher-rows-')), 'outbox.db');
}

describe('Publisher: topics from the rows kinds', () => {
  it('publishes each row under lookout/v1/<unit>/<kind>, also for a unit id that JSON would escape', async () => {
    for (const unit of ['u1', 'u"\\é☃']) {
      const outbox = new Outbox({ path: tmpPath(), unit, encode: encodeRecord, maxBytes: 64 << 20, groupCommitMs: 10, logger });
      await outbox.start();
      cleanups.push(() => outbox.stop());
      outbox.append('status', status(1));
      outbox.append('alerts', { severity: 'info', code: 'A', message: 'a' });
      outbox.append('plots', { sensor: 'r', plots: [] });
      const client = await publishAll(outbox, unit);
      const records = client.published.filter((p) => !p.retain);
      expect(records.map((p) => p.topic)).toEqual([`lookout/v1/${unit}/alerts`, `lookout/v1/${unit}/plots`, `lookout/v1/${unit}/status`]);
      for (const p of records) expect(p.topic).toBe(`lookout/v1/${unit}/${decodeRecord(p.payload).kind}`);
      expect(client.published.filter((p) => p.retain).map((p) => p.topic)).toEqual([`lookout/v1/${unit}/state`, `lookout/v1/${unit}/birth`]);
    }
  });

  it('a file written before the outbox stopped storing topics opens as it is: its rows go out under the topic of their kind', async () => {
    const path = tmpPath();
    // The file as the previous outbox wrote it: same tables and columns, the topic filled in.
    const old = new Database(path);
    old.pragma('journal_mode = WAL');
    old.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT;
      CREATE TABLE records (id INTEGER PRIMARY KEY AUTOINCREMENT, seq INTEGER NOT NULL, session INTEGER NOT NULL, kind TEXT NOT NULL, priority INTEGER NOT NULL, topic TEXT NOT NULL, created_ms INTEGER NOT NULL, expires_ms INTEGER, payload BLOB NOT NULL) STRICT;
      CREATE INDEX records_priority ON records(priority, id);
      CREATE INDEX records_expiry ON records(expires_ms) WHERE expires_ms IS NOT NULL;
    `);
    const insert = old.prepare('INSERT INTO records (seq, session, kind, priority, topic, created_ms, expires_ms, payload) VALUES (?, 3, ?, ?, ?, 1, NULL, ?)');
    const oldPayloads = [
      encodeRecord({ unit: 'u1', session: 3, seq: 41, kind: 'status', timeMs: 1, body: status(41) }),
      encodeRecord({ unit: 'u1', session: 3, seq: 42, kind: 'alerts', timeMs: 1, body: { severity: 'warning', code: 'OLD', message: 'from the old file' } }),
    ];
    insert.run(41, 'status', 1, 'lookout/v1/u1/status', oldPayloads[0]);
    insert.run(42, 'alerts', 4, 'lookout/v1/u1/alerts', oldPayloads[1]);
    old.prepare("INSERT INTO meta (key, value) VALUES ('session', 3), ('next_seq', 43)").run();
    old.close();

    const outbox = new Outbox({ path, unit: 'u1', encode: encodeRecord, maxBytes: 64 << 20, groupCommitMs: 10, logger });
    await outbox.start();
    cleanups.push(() => outbox.stop());
    expect(outbox.session).toBe(4);
    expect(outbox.peek(0, 10).map((r) => [r.seq, r.kind])).toEqual([[41, 'status'], [42, 'alerts']]);
    expect(outbox.append('status', status(43))).toBe(43);
    outbox.flush();
    // the new row has no topic of its own
    const check = new Database(path, { readonly: true });
    expect(check.prepare('SELECT seq, topic FROM records ORDER BY id').all()).toEqual([
      { seq: 41, topic: 'lookout/v1/u1/status' },
      { seq: 42, topic: 'lookout/v1/u1/alerts' },
      { seq: 43, topic: '' },
    ]);
    check.close();

    const client = await publishAll(outbox, 'u1');
    const records = client.published.filter((p) => !p.retain);
    expect(records.map((p) => [p.topic, decodeRecord(p.payload).seq])).toEqual([
      ['lookout/v1/u1/alerts', 42],
      ['lookout/v1/u1/status', 41],
      ['lookout/v1/u1/status', 43],
    ]);
    expect(Buffer.compare(records[1].payload, Buffer.from(oldPayloads[0]))).toBe(0);
  });
});
