import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertTransport, connectOptions, describeConnectError } from '../../../agent/src/publish/connect.js';
import { mqttConfigSchema } from '../../../agent/src/publish/config.js';

const will = { topic: 'lookout/v1/u1/state', payload: Buffer.from([1, 2, 3]) };

describe('connect options', () => {
  it('a fresh clean client each time: no reconnect of its own, no offline queue, the Last Will retained', () => {
    const o = connectOptions({ unit: 'u1', mqtt: mqttConfigSchema.parse({ keepaliveSeconds: 15, connectTimeoutMs: 3000 }), env: {}, will });
    expect(o).toMatchObject({ clientId: 'u1', protocolVersion: 5, clean: true, reconnectPeriod: 0, queueQoSZero: false, resubscribe: false, keepalive: 15, connectTimeout: 3000, rejectUnauthorized: true });
    expect(o.will).toEqual({ topic: will.topic, payload: will.payload, qos: 1, retain: true });
    expect(o.properties).toEqual({ sessionExpiryInterval: 0 });
    expect(o.password).toBeUndefined();
    expect(connectOptions({ unit: 'u1', mqtt: mqttConfigSchema.parse({ protocolVersion: 4 }), env: {}, will }).properties).toBeUndefined();
  });

  it('the password from the first line of its file, or from the environment; the TLS files read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-connect-'));
    writeFileSync(join(dir, 'pw'), 's3cret\nnot this line\n');
    for (const f of ['ca', 'cert', 'key']) writeFileSync(join(dir, f), `PEM ${f}`);
    const fromFile = connectOptions({ unit: 'u1', mqtt: mqttConfigSchema.parse({ username: 'unit', passwordFile: join(dir, 'pw') }), env: {}, will });
    expect([fromFile.username, fromFile.password]).toEqual(['unit', 's3cret']);
    const fromEnv = connectOptions({ unit: 'u1', mqtt: mqttConfigSchema.parse({ passwordEnv: 'PW' }), env: { PW: 'from-env' }, will });
    expect(fromEnv.password).toBe('from-env');
    const tls = connectOptions({
      unit: 'u1',
      mqtt: mqttConfigSchema.parse({ url: 'mqtts://h:8883', tls: { caFile: join(dir, 'ca'), certFile: join(dir, 'cert'), keyFile: join(dir, 'key'), servername: 'broker.example' } }),
      env: {},
      will,
    });
    expect([String(tls.ca), String(tls.cert), String(tls.key), tls.servername]).toEqual(['PEM ca', 'PEM cert', 'PEM key', 'broker.example']);
  });

  it('a clear-text URL with tls.required is E_CONFIG (for a config not built by the schema)', () => {
    const m = mqttConfigSchema.parse({});
    expect(() => assertTransport({ ...m, tls: { ...m.tls, required: true } })).toThrow(expect.objectContaining({ code: 'E_CONFIG' }) as Error);
    expect(() => assertTransport({ ...m, url: 'mqtts://h:8883', tls: { ...m.tls, required: true } })).not.toThrow();
  });
});

describe('describeConnectError', () => {
  it('names the cause an operator can act on', () => {
    expect(describeConnectError(Object.assign(new Error('x'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' }))).toEqual({ code: 'E_MQTT_TLS', message: 'the broker certificate is not signed by the configured CA (wrong tls.caFile?) (SELF_SIGNED_CERT_IN_CHAIN)' });
    expect(describeConnectError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }))).toEqual({ code: 'E_MQTT', message: 'broker refused the connection (connect ECONNREFUSED 127.0.0.1:1)' });
    expect(describeConnectError(Object.assign(new Error('Connection refused: Not authorized'), { code: 5 })).message).toMatch(/not authorised/);
    expect(describeConnectError(Object.assign(new Error('Bad User Name or Password'), { code: 0x86 })).message).toMatch(/username or password/);
    expect(describeConnectError(new Error('something else'))).toEqual({ code: 'E_MQTT', message: 'something else' });
  });
});
