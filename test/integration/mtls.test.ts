/**
 * mTLS and a per-unit ACL in a real mosquitto: the unit publishes only under its own topics,
 * clients without a (valid) certificate are refused with a clear cause, the Last Will fires.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startMosquitto, disposeMosquitto, UNIT_ACL, type Mosquitto } from '../helpers/mosquitto.js';
import { createTestPki, pem, type TestPki } from '../helpers/tls.js';
import { Outbox } from '../../agent/src/outbox/outbox.js';
import { encodeRecord } from '../../agent/src/wire/encode.js';
import { Publisher } from '../../agent/src/publish/publisher.js';
import { mqttConfigSchema, type MqttConfig, type MqttConfigInput } from '../../agent/src/publish/config.js';
import { decodeMessage, type AnyRecord } from '../../agent/src/hub/index.js';
import { isLookoutError } from '../../agent/src/errors.js';
import type { StatusBody } from '../../agent/src/wire/types.js';
import { spawnLookout, waitUntil } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/paths.js';

const status = (i: number): StatusBody => ({ spokesPerSecond: i, plotsPerScan: 0, outboxDepth: 0, outboxBytes: 0, published: 0, dropped: 0, thinned: 0, uptimeSeconds: i });

function connectOnce(url: string, opts: mqtt.IClientOptions = {}): Promise<mqtt.MqttClient> {
  return new Promise((resolve, reject) => {
    const c = mqtt.connect(url, { reconnectPeriod: 0, connectTimeout: 5000, ...opts });
    c.once('connect', () => resolve(c));
    c.once('error', (e) => {
      c.end(true);
      reject(e);
    });
    c.once('close', () => reject(new Error('closed before connect')));
  });
}

function until(cond: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const tick = (): void => (cond() ? resolve() : Date.now() > deadline ? reject(new Error(`timed out waiting for ${what}`)) : void setTimeout(tick, 10));
    tick();
  });
}

/** A pino logger whose lines the test can read. */
function captureLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino({ level: 'debug' }, { write: (s: string) => void lines.push(JSON.parse(s) as Record<string, unknown>) });
  return { logger, lines };
}

describe('mosquitto with mTLS and a per-unit ACL', () => {
  let pki: TestPki;
  let broker: Mosquitto;
  const hubRecords: Array<{ topic: string; record: AnyRecord }> = [];
  let hub: mqtt.MqttClient;
  const cleanup: Array<() => Promise<unknown>> = [];
  beforeAll(async () => {
    pki = createTestPki();
    broker = await startMosquitto({ tls: { pki }, acl: UNIT_ACL, plainPort: true });
    // the hub reads everything over the clear-text listener as user "hub"
    hub = await connectOnce(broker.plainUrl!, { username: 'hub', clientId: 'hub-mtls' });
    hub.on('message', (topic, payload) => {
      const m = decodeMessage(topic, payload);
      if (m.ok) hubRecords.push({ topic, record: m.record });
    });
    await hub.subscribeAsync('lookout/v1/#', { qos: 1 });
  });
  afterEach(async () => {
    for (const f of cleanup.splice(0).reverse()) await f().catch(() => undefined);
  });
  afterAll(async () => {
    await hub?.endAsync(true);
    await disposeMosquitto(broker);
  });

  async function agent(unit: string, mqttIn: MqttConfigInput, logger = pino({ level: 'silent' }), cfgOverride?: Partial<MqttConfig>) {
    const outbox = new Outbox({ path: join(mkdtempSync(join(tmpdir(), 'lookout-mtls-')), 'o.db'), unit, encode: encodeRecord, maxBytes: 64 << 20, groupCommitMs: 10, logger });
    await outbox.start();
    const mqttCfg = { ...mqttConfigSchema.parse({ url: broker.url, reconnect: { minMs: 50, maxMs: 200 }, ...mqttIn }), ...cfgOverride };
    const publisher = new Publisher({ outbox, unit, mqtt: mqttCfg, logger, birth: () => ({ version: 't', sensors: [], configHash: '', session: outbox.session, capabilities: [], startedMs: 0, nextSeq: outbox.nextSequence }) });
    cleanup.push(() => outbox.stop());
    cleanup.push(() => publisher.stop());
    return { outbox, publisher };
  }

  it('accepts a unit with its certificate; refuses a publish outside its topics (MQTT 5 PUBACK reason)', async () => {
    const c = pki.client('u1');
    const client = await connectOnce(broker.url, { ca: pem(pki.ca), cert: pem(c.cert), key: pem(c.key), clientId: 'u1-raw', protocolVersion: 5 });
    const ok = await client.publishAsync('lookout/v1/u1/status', 'x', { qos: 1 });
    expect(ok?.reasonCode ?? 0).toBe(0);
    await expect(client.publishAsync('lookout/v1/u2/status', 'x', { qos: 1 })).rejects.toThrow(/Not authorized|135/i);
    client.end(true);
  });

  it('refuses a client without a certificate', async () => {
    await expect(connectOnce(broker.url, { ca: pem(pki.ca), clientId: 'nocert' })).rejects.toThrow();
  });

  it('a Publisher with its unit certificate delivers to the hub over mTLS', async () => {
    const c = pki.client('unit-a');
    const { outbox, publisher } = await agent('unit-a', { tls: { required: true, caFile: pki.ca, certFile: c.cert, keyFile: c.key } });
    for (let i = 0; i < 20; i++) outbox.append('status', status(i));
    await publisher.start();
    await until(() => hubRecords.filter((r) => r.record.unit === 'unit-a' && r.record.seq > 0).length >= 20 && outbox.depth === 0, 'records over mTLS');
    expect(hubRecords.filter((r) => r.record.unit === 'unit-a' && r.record.seq > 0).map((r) => r.record.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('a unit that publishes under another unit id is refused by the broker (counted, logged, not retried forever)', async () => {
    const c = pki.client('unit-b'); // certificate says unit-b
    const { logger, lines } = captureLogger();
    const { outbox, publisher } = await agent('unit-x', { tls: { caFile: pki.ca, certFile: c.cert, keyFile: c.key } }, logger);
    for (let i = 0; i < 3; i++) outbox.append('status', status(i));
    await publisher.start();
    await until(() => publisher.counters.refused >= 3, 'refusals');
    expect(hubRecords.some((r) => r.record.unit === 'unit-x')).toBe(false);
    expect(lines.some((l) => String(l.msg).includes('refused the publish'))).toBe(true);
  });

  it('Last Will: the broker publishes the retained offline state when the unit dies without DISCONNECT', async () => {
    const c = pki.client('unit-w');
    const { publisher } = await agent('unit-w', { tls: { caFile: pki.ca, certFile: c.cert, keyFile: c.key } });
    await publisher.start();
    await until(() => hubRecords.some((r) => r.record.unit === 'unit-w' && r.record.kind === 'state' && r.record.body.online), 'online');
    const before = hubRecords.length;
    // what a SIGKILL looks like to the broker: the TCP/TLS stream goes away without DISCONNECT
    const client = (publisher as unknown as { client: { stream: { destroy(): void } } }).client;
    client.stream.destroy();
    await until(() => hubRecords.slice(before).some((r) => r.record.unit === 'unit-w' && r.record.kind === 'state' && !r.record.body.online), 'the Last Will');
  });

  const failures: Array<[string, (p: TestPki) => MqttConfigInput['tls'], RegExp]> = [
    ['a wrong CA', (p) => ({ caFile: p.otherCa, certFile: p.client('unit-c').cert, keyFile: p.client('unit-c').key }), /not signed by the configured CA/],
    ['an expired client certificate', (p) => { const e = p.expiredClient('unit-c'); return { caFile: p.ca, certFile: e.cert, keyFile: e.key }; }, /client certificate: it has expired/],
    ['an unknown client certificate', (p) => { const e = p.unknownClient('unit-c'); return { caFile: p.ca, certFile: e.cert, keyFile: e.key }; }, /CA it does not trust/],
    ['no client certificate', (p) => ({ caFile: p.ca }), /requires a valid client certificate/],
  ];
  for (const [what, tls, cause] of failures) {
    it(`${what}: a clear error naming the cause, and retries`, async () => {
      const { logger, lines } = captureLogger();
      const { publisher } = await agent('unit-c', { tls: tls(pki) }, logger);
      await publisher.start();
      await until(() => publisher.counters.reconnects >= 3, 'retries');
      expect(publisher.isConnected).toBe(false);
      const errors = lines.filter((l) => l.level === 50 && String(l.msg).startsWith('mqtt:'));
      expect(errors.some((l) => cause.test(String(l.msg)))).toBe(true);
      // the same cause is logged once at error level, not at every retry
      expect(errors.filter((l) => cause.test(String(l.msg))).length).toBe(1);
    });
  }

  it('tls.required refuses clear text: in the config schema and at start', async () => {
    const r = mqttConfigSchema.safeParse({ url: 'mqtt://127.0.0.1:1883', tls: { required: true } });
    expect(r.success).toBe(false);
    const { publisher } = await agent('unit-d', {}, undefined, { url: broker.plainUrl!, tls: { required: true } });
    await expect(publisher.start()).rejects.toSatisfy((e: unknown) => isLookoutError(e, 'E_CONFIG'));
  });

  it('never logs the password (file or environment variable)', async () => {
    const { logger, lines } = captureLogger();
    const c = pki.client('unit-e');
    const { publisher } = await agent('unit-e', { username: 'unit-e', passwordEnv: 'LOOKOUT_TEST_PW', tls: { caFile: pki.ca, certFile: c.cert, keyFile: c.key } }, logger);
    process.env.LOOKOUT_TEST_PW = 's3cr3t-pw';
    await publisher.start();
    await until(() => publisher.isConnected, 'connected');
    await publisher.stop();
    expect(JSON.stringify(lines)).not.toContain('s3cr3t-pw');
    delete process.env.LOOKOUT_TEST_PW;
  });

  it.skipIf(!existsSync(join(REPO_ROOT, 'agent', 'dist', 'main.js')))('Last Will of a real agent: `lookout run` over mTLS killed with SIGKILL -> retained offline state at the hub', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-mtls-run-'));
    const c = pki.client('unit-k');
    const cfg = join(dir, 'lookout.yaml');
    writeFileSync(cfg, JSON.stringify({
      unit: 'unit-k',
      dataDir: join(dir, 'data'),
      // no sensor attached: the agent retries the port and still runs its MQTT session
      sensors: [{ id: 'radar1', protocol: 'cat240', input: { type: 'serial', path: join(dir, 'no-such-tty'), baud: 921600 }, radar: { latitude: 43, longitude: 5 } }],
      mqtt: { url: broker.url, tls: { required: true, caFile: pki.ca, certFile: c.cert, keyFile: c.key } },
      status: { intervalMs: 500 },
    }));
    const agent = spawnLookout(['run', '--config', cfg]);
    cleanup.push(() => agent.stop('SIGKILL'));
    await waitUntil(() => hubRecords.some((r) => r.record.unit === 'unit-k' && r.record.kind === 'state' && r.record.body.online) && hubRecords.some((r) => r.record.unit === 'unit-k' && r.record.kind === 'status'), 30_000, 'the agent online over mTLS');
    const before = hubRecords.length;
    await agent.stop('SIGKILL');
    await waitUntil(() => hubRecords.slice(before).some((r) => r.record.unit === 'unit-k' && r.record.kind === 'state' && !r.record.body.online), 30_000, 'the Last Will');
  }, 60_000);
});
