/** The shared harness parts against real ones: a socat PTY pair (io/pty.ts) and the hub client (hub/client.ts) on mosquitto. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { SerialPort } from 'serialport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLookoutError } from '../../agent/src/errors.js';
import { HubClient } from '../../agent/src/hub/client.js';
import { encodeRecord, recordTopic, type Acceptance, type AnyRecord } from '../../agent/src/hub/index.js';
import { SOCAT_BLOCK_BYTES, socatAvailable, socatPtyArgs, startPtyPair } from '../../agent/src/io/pty.js';
import { disposeMosquitto, freePort, startMosquitto, type Mosquitto } from '../helpers/mosquitto.js';
import { waitUntil } from '../helpers/cli.js';

function open(path: string): Promise<SerialPort> {
  return new Promise((resolve, reject) => {
    const p = new SerialPort({ path, baudRate: 921600 }, (err) => (err ? reject(err) : resolve(p)));
  });
}

const close = (p: SerialPort): Promise<void> => new Promise((r) => (p.isOpen ? p.close(() => r()) : r()));

describe('socat PTY pair (io/pty.ts)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lookout-pty-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('asks socat for 256 KiB blocks and raw, echo-free ends', () => {
    expect(socatAvailable()).toBe(true);
    expect(socatAvailable('/nonexistent/socat')).toBe(false);
    expect(socatPtyArgs('/x/a', '/x/b')).toEqual(['-b', String(SOCAT_BLOCK_BYTES), 'pty,raw,echo=0,link=/x/a', 'pty,raw,echo=0,link=/x/b']);
    expect(SOCAT_BLOCK_BYTES).toBe(262_144);
  });

  it('carries bytes from one end to the other, removes the links at stop, and makes them again at restart', async () => {
    const pair = await startPtyPair({ dir, names: ['tx', 'rx'] });
    expect([pair.a, pair.b]).toEqual([join(dir, 'tx'), join(dir, 'rx')]);
    const bytes = Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7) & 0xff));
    for (let round = 0; round < 2; round++) {
      const [tx, rx] = await Promise.all([open(pair.a), open(pair.b)]);
      const got: Buffer[] = [];
      rx.on('data', (d: Buffer) => got.push(d));
      tx.write(bytes);
      await waitUntil(() => got.reduce((n, b) => n + b.length, 0) >= bytes.length, 10_000, 'the bytes at the other end');
      expect(Buffer.concat(got)).toEqual(bytes);
      await Promise.all([close(tx), close(rx)]);
      await pair.stop();
      expect(existsSync(pair.a) || existsSync(pair.b)).toBe(false);
      if (round === 0) await pair.restart();
    }
    await pair.stop(); // stopping twice is harmless
  });

  it('fails with E_SERIAL_OPEN when socat cannot run, and refuses misuse', async () => {
    const err = await startPtyPair({ dir, socat: '/nonexistent/socat' }).catch((e: unknown) => e);
    expect(isLookoutError(err, 'E_SERIAL_OPEN')).toBe(true);
    expect((err as Error).message).toMatch(/socat could not make a PTY pair/);
    await expect(startPtyPair({ dir: '' })).rejects.toThrow(TypeError);
    await expect(startPtyPair({ dir, names: ['x', 'x'] })).rejects.toThrow(TypeError);
  });
});

describe('hub client (hub/client.ts)', () => {
  let broker: Mosquitto;
  beforeAll(async () => {
    broker = await startMosquitto();
  });
  afterAll(async () => disposeMosquitto(broker));

  const alert = (unit: string, seq: number): AnyRecord => ({ unit, session: 1, seq, kind: 'alerts', timeMs: 1_790_000_000_000 + seq, body: { severity: 'info', code: 'T', message: String(seq) } });

  it("subscribes to one unit's topics, decodes, dedupes, reports undecodable records and skips commands", async () => {
    const got: Array<[number, Acceptance]> = [];
    const bad: string[] = [];
    let subscriptions = 0;
    const hub = new HubClient({
      url: broker.url,
      unit: 'hc-1',
      mqtt: { clientId: 'hc-hub' },
      onRecord: (r, a) => got.push([r.seq, a]),
      onUndecodable: (topic) => bad.push(topic),
      onSubscribed: () => subscriptions++,
    });
    expect(hub.filter).toBe('lookout/v1/hc-1/#');
    expect(() => hub.mqtt).toThrow(TypeError);
    hub.start();
    await hub.ready();
    const pub = await mqtt.connectAsync(broker.url);
    try {
      for (const r of [alert('hc-1', 1), alert('hc-1', 2), alert('hc-1', 2), alert('hc-2', 3)]) await pub.publishAsync(recordTopic(r.unit, r.kind), Buffer.from(encodeRecord(r)), { qos: 1 });
      await pub.publishAsync('lookout/v1/hc-1/cmd', Buffer.from('not a record'), { qos: 1 });
      await pub.publishAsync('lookout/v1/hc-1/cmd/res', Buffer.from('not a record'), { qos: 1 });
      await pub.publishAsync('lookout/v1/hc-1/alerts', Buffer.from('garbage'), { qos: 1 });
      await pub.publishAsync(recordTopic('hc-1', 'alerts'), Buffer.from(encodeRecord(alert('hc-1', 4))), { qos: 1 });
      await waitUntil(() => got.length >= 4, 10_000, 'records at the hub');
    } finally {
      await pub.endAsync();
      await hub.stop();
    }
    expect(got).toEqual([[1, 'new'], [2, 'new'], [2, 'duplicate'], [4, 'new']]);
    expect(bad).toEqual(['lookout/v1/hc-1/alerts']);
    expect(hub.dedupe.stats('hc-1')).toMatchObject({ received: 3, duplicates: 1, missing: 1 });
    expect(subscriptions).toBe(1);
  });

  it('reports connection errors (mqtt.js goes on retrying)', async () => {
    const errors: string[] = [];
    const hub = new HubClient({ url: `mqtt://127.0.0.1:${await freePort()}`, mqtt: { reconnectPeriod: 50 }, onRecord: () => {}, onError: (e) => errors.push(e.message) });
    hub.start();
    await waitUntil(() => errors.length >= 2, 10_000, 'connection errors');
    await hub.stop(true);
    expect(errors[0]).toMatch(/ECONNREFUSED/);
  });

  it('subscribes again after the broker restarts (the session is gone)', async () => {
    const seqs: number[] = [];
    let subscriptions = 0;
    const hub = new HubClient({
      url: broker.url,
      mqtt: { clientId: 'hc-hub-2', reconnectPeriod: 100 },
      onRecord: (r) => seqs.push(r.seq),
      onSubscribed: () => subscriptions++,
    });
    expect(hub.filter).toBe('lookout/v1/#');
    hub.start();
    await hub.ready();
    await broker.restart();
    await waitUntil(() => subscriptions >= 2, 20_000, 'a second subscription');
    const pub = await mqtt.connectAsync(broker.url);
    await pub.publishAsync(recordTopic('hc-3', 'alerts'), Buffer.from(encodeRecord(alert('hc-3', 9))), { qos: 1 });
    await waitUntil(() => seqs.includes(9), 10_000, 'the record after the restart');
    await pub.endAsync();
    await hub.stop();
    expect(subscriptions).toBe(2);
  });
});
