/**
 * MQTT 5 topic aliases on the link: between the publisher and a real mosquitto a proxy reads the
 * PUBLISH packets the agent sends. Each topic is spelled out once per connection, then sent as an
 * alias with an empty topic name; the hub behind the broker still sees every record on its topic.
 */
import { mkdtempSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { Outbox } from '../../agent/src/outbox/outbox.js';
import { Publisher } from '../../agent/src/publish/publisher.js';
import { mqttConfigSchema } from '../../agent/src/publish/config.js';
import { encodeRecord } from '../../agent/src/wire/encode.js';
import { decodeMessage } from '../../agent/src/hub/index.js';
import type { StatusBody } from '../../agent/src/wire/types.js';
import { waitUntil } from '../helpers/cli.js';
import { startMosquitto } from '../helpers/mosquitto.js';

interface Publish {
  topic: string;
  alias: number | undefined;
}

/** PUBLISH packets (MQTT 5) in a byte stream: topic name and Topic Alias property. */
function publishes(stream: Buffer): Publish[] {
  const out: Publish[] = [];
  let i = 0;
  while (i < stream.length) {
    const type = stream[i] >> 4;
    const qos = (stream[i] >> 1) & 3;
    let len = 0;
    let mul = 1;
    let j = i + 1;
    for (;;) {
      const b = stream[j++];
      len += (b & 127) * mul;
      mul *= 128;
      if (b < 128) break;
    }
    if (j + len > stream.length) break;
    if (type === 3) {
      const tl = stream.readUInt16BE(j);
      const topic = stream.subarray(j + 2, j + 2 + tl).toString();
      let p = j + 2 + tl + (qos > 0 ? 2 : 0);
      let plen = 0;
      let m = 1;
      for (;;) {
        const b = stream[p++];
        plen += (b & 127) * m;
        m *= 128;
        if (b < 128) break;
      }
      let alias: number | undefined;
      for (let q = p; q < p + plen; ) {
        const id = stream[q++];
        if (id === 0x23) {
          alias = stream.readUInt16BE(q);
          q += 2;
        } else if (id === 0x02) q += 4; // message expiry interval
        else if (id === 0x01) q += 1; // payload format
        else break;
      }
      out.push({ topic, alias });
    }
    i = j + len;
  }
  return out;
}

describe('topic aliases (MQTT 5, real mosquitto)', () => {
  const cleanups: Array<() => Promise<unknown> | unknown> = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await Promise.resolve(c()).catch(() => {});
    cleanups.length = 0;
  });

  it('spells a topic once on a connection, then sends its alias; the hub gets every record on its topic', async () => {
    const broker = await startMosquitto();
    cleanups.push(() => broker.stop());
    const brokerPort = Number(new URL(broker.url).port);
    const sent: Buffer[] = [];
    const proxy: Server = createServer((client) => {
      const up = createConnection(brokerPort, '127.0.0.1');
      client.on('data', (d) => (sent.push(d), up.write(d)));
      up.on('data', (d) => client.write(d));
      const end = (): void => void (client.destroy(), up.destroy());
      for (const s of [client, up]) s.on('error', end).on('close', end);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise((r) => proxy.close(r)));
    const proxyPort = (proxy.address() as { port: number }).port;

    const hub = mqtt.connect(broker.url, { protocolVersion: 5 });
    cleanups.push(() => hub.endAsync(true));
    const got: string[] = [];
    hub.on('message', (topic, payload) => {
      const m = decodeMessage(topic, payload);
      if (m.ok && m.record.seq > 0) got.push(`${topic} ${m.record.kind} ${m.record.seq}`);
    });
    await new Promise<void>((r) => hub.once('connect', () => r()));
    await hub.subscribeAsync('lookout/v1/#', { qos: 1 });

    const logger = pino({ level: 'silent' });
    const outbox = new Outbox({ path: join(mkdtempSync(join(tmpdir(), 'lookout-alias-')), 'outbox.sqlite'), unit: 'alias-01', encode: encodeRecord, logger, groupCommitMs: 5 });
    const publisher = new Publisher({
      outbox,
      unit: 'alias-01',
      mqtt: mqttConfigSchema.parse({ url: `mqtt://127.0.0.1:${proxyPort}` }),
      logger,
      birth: () => ({ version: 't', sensors: [], configHash: 'x', session: outbox.session, capabilities: [], startedMs: 0, nextSeq: outbox.nextSequence }),
    });
    await outbox.start();
    cleanups.push(() => outbox.stop());
    await publisher.start();
    cleanups.push(() => publisher.stop());
    const status = (i: number): StatusBody => ({ spokesPerSecond: i, plotsPerScan: 0, outboxDepth: 0, outboxBytes: 0, published: 0, dropped: 0, thinned: 0, uptimeSeconds: i });
    for (let i = 0; i < 20; i++) outbox.append('status', status(i));
    outbox.flush();
    publisher.wake();
    await waitUntil(() => got.length >= 20, 20_000, 'twenty status records at the hub');
    expect(got.every((g) => g.startsWith('lookout/v1/alias-01/status status '))).toBe(true);

    const statusPublishes = publishes(Buffer.concat(sent)).filter((p) => p.topic.endsWith('/status') || (p.topic === '' && p.alias !== undefined));
    expect(statusPublishes.length).toBeGreaterThanOrEqual(20);
    expect(statusPublishes[0]).toMatchObject({ topic: 'lookout/v1/alias-01/status' });
    expect(statusPublishes[0].alias).toBeGreaterThan(0);
    const rest = statusPublishes.slice(1);
    expect(rest.every((p) => p.topic === '' && p.alias === statusPublishes[0].alias)).toBe(true);
  }, 60_000);
});
