import { afterAll, describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import { startMosquitto, disposeMosquitto, freePort, type Mosquitto } from '../helpers/mosquitto.js';

function connectOnce(url: string, opts: mqtt.IClientOptions = {}): Promise<mqtt.MqttClient> {
  return new Promise((resolve, reject) => {
    const c = mqtt.connect(url, { reconnectPeriod: 0, connectTimeout: 5000, ...opts });
    c.once('connect', () => resolve(c));
    c.once('error', (e) => {
      c.end(true);
      reject(e);
    });
  });
}

describe('test harness: real mosquitto', () => {
  let broker: Mosquitto | undefined;
  afterAll(async () => disposeMosquitto(broker));

  it('finds free loopback ports', async () => {
    const a = await freePort();
    expect(a).toBeGreaterThan(0);
  });

  it('starts, accepts a round trip, restarts on the same port', async () => {
    broker = await startMosquitto();
    expect(broker.url).toBe(`mqtt://127.0.0.1:${broker.port}`);
    const c = await connectOnce(broker.url);
    const got = new Promise<string>((r) => c.on('message', (_t, p) => r(p.toString())));
    await c.subscribeAsync('x/#', { qos: 1 });
    await c.publishAsync('x/y', 'hello', { qos: 1 });
    expect(await got).toBe('hello');
    c.end(true);
    const pid = broker.pid;
    await broker.restart();
    expect(broker.pid).not.toBe(pid);
    const c2 = await connectOnce(broker.url);
    c2.end(true);
  });
});
