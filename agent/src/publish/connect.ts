/**
 * What the Publisher hands mqtt.js to connect: the options with the password and the TLS files
 * read (a file that cannot be read is E_CONFIG naming its key), and a connect failure in words
 * an operator can act on.
 */
import type { IClientOptions } from 'mqtt';
import { readFileSync } from 'node:fs';
import { LookoutError } from '../errors.js';
import type { MqttConfig } from './config.js';
import { OutboxOnlyStore } from './outbox-only-store.js';

/** Explains a TLS / connection failure in words an operator can act on. */
export function describeConnectError(err: unknown): { code: 'E_MQTT' | 'E_MQTT_TLS'; message: string } {
  const e = err as { code?: string | number; message?: string };
  const c = String(e?.code ?? '');
  const m = e?.message ?? String(err);
  const tls = (message: string) => ({ code: 'E_MQTT_TLS' as const, message: `${message} (${c || m})` });
  if (c === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' || c === 'SELF_SIGNED_CERT_IN_CHAIN' || c === 'DEPTH_ZERO_SELF_SIGNED_CERT' || c === 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' || c === 'UNABLE_TO_GET_ISSUER_CERT')
    return tls('the broker certificate is not signed by the configured CA (wrong tls.caFile?)');
  if (c === 'ERR_TLS_CERT_ALTNAME_INVALID') return tls('the broker certificate does not name this host (tls.servername?)');
  if (c === 'CERT_HAS_EXPIRED') return tls('the broker certificate has expired');
  if (/ALERT_CERTIFICATE_EXPIRED|certificate expired/i.test(c + m)) return tls('the broker refused our client certificate: it has expired');
  if (/ALERT_UNKNOWN_CA|unknown ca/i.test(c + m)) return tls('the broker refused our client certificate: signed by a CA it does not trust');
  if (/ALERT_BAD_CERTIFICATE|ALERT_CERTIFICATE_REQUIRED|certificate required|bad certificate/i.test(c + m))
    return tls('the broker requires a valid client certificate (tls.certFile/keyFile)');
  if (/ALERT_HANDSHAKE_FAILURE|WRONG_VERSION_NUMBER|ERR_SSL/i.test(c + m)) return tls('TLS handshake failed');
  if (c === 'ECONNREFUSED') return { code: 'E_MQTT', message: `broker refused the connection (${m})` };
  if (e && typeof (e as { code?: unknown }).code === 'number') {
    const n = (e as { code: number }).code;
    if (n === 4 || n === 0x86) return { code: 'E_MQTT', message: `broker refused the username or password (${m})` };
    if (n === 5 || n === 0x87) return { code: 'E_MQTT', message: `broker says this unit is not authorised (${m})` };
    if (n === 2 || n === 0x85) return { code: 'E_MQTT', message: `broker refused the client id (${m})` };
  }
  return { code: 'E_MQTT', message: m };
}

/** `tls.required` with a clear-text URL is E_CONFIG (the schema refuses it too; this guards hand-built configs). */
export function assertTransport(mqtt: MqttConfig): void {
  if (mqtt.tls.required && !/^(mqtts|wss):/i.test(mqtt.url)) {
    throw new LookoutError('E_CONFIG', `mqtt.tls.required is set but the broker URL ${mqtt.url} is clear text`, { details: { url: mqtt.url } });
  }
}

/** The password from `passwordEnv` or the first line of `passwordFile`; undefined when neither is set. */
export function readSecret(mqtt: MqttConfig, env: NodeJS.ProcessEnv): string | undefined {
  if (mqtt.passwordEnv !== undefined) {
    const v = env[mqtt.passwordEnv];
    if (v === undefined) throw new LookoutError('E_CONFIG', `mqtt.passwordEnv: environment variable ${mqtt.passwordEnv} is not set`);
    return v;
  }
  if (mqtt.passwordFile !== undefined) {
    try {
      return readFileSync(mqtt.passwordFile, 'utf8').split(/\r?\n/)[0];
    } catch (err) {
      throw new LookoutError('E_CONFIG', `mqtt.passwordFile: cannot read ${mqtt.passwordFile}: ${(err as Error).message}`, { cause: err });
    }
  }
  return undefined;
}

function readPem(what: 'caFile' | 'certFile' | 'keyFile', path: string | undefined): Buffer | undefined {
  if (path === undefined) return undefined;
  try {
    return readFileSync(path);
  } catch (err) {
    throw new LookoutError('E_CONFIG', `mqtt.tls.${what}: cannot read ${path}: ${(err as Error).message}`, { cause: err });
  }
}

export interface ConnectOptionsInput {
  unit: string;
  mqtt: MqttConfig;
  /** Environment for `passwordEnv`. */
  env: NodeJS.ProcessEnv;
  /** The Last Will: the retained offline `state` record. */
  will: { topic: string; payload: Buffer };
}

/**
 * The options of one connection: a fresh client each time, clean start, no reconnectPeriod, no
 * offline queue, an outgoing store that keeps nothing (the outbox is the only store). The files
 * are read at each call, so a renewed certificate is used at the next connect.
 */
export function connectOptions({ unit, mqtt: m, env, will }: ConnectOptionsInput): IClientOptions {
  const o: IClientOptions = {
    // mqtt.js calls its `debug` logger for every packet even when debug output is off: about
    // 3 of the 36 s a replay of 1,000,000 records took (cpu profile). Our own logger says what matters.
    log: () => {},
    clientId: unit,
    protocolVersion: m.protocolVersion,
    clean: true,
    reconnectPeriod: 0,
    connectTimeout: m.connectTimeoutMs,
    keepalive: m.keepaliveSeconds,
    queueQoSZero: false,
    resubscribe: false,
    outgoingStore: new OutboxOnlyStore(),
    // Rescheduling the keepalive timer on every packet was 5 % of a replay's CPU; a ping
    // every keepalive period whatever the traffic costs nothing.
    reschedulePings: false,
    will: { topic: will.topic, payload: will.payload, qos: 1, retain: true },
    rejectUnauthorized: true,
  };
  if (m.protocolVersion === 5) {
    o.properties = { sessionExpiryInterval: 0 };
    // MQTT 5 topic aliases where the broker allows them (its CONNACK's Topic Alias Maximum): a
    // topic goes out once per connection, then two bytes of alias (about 23 bytes saved per PUBLISH).
    o.autoAssignTopicAlias = true;
  }
  if (m.username !== undefined) o.username = m.username;
  const pw = readSecret(m, env);
  if (pw !== undefined) o.password = pw;
  const ca = readPem('caFile', m.tls.caFile);
  const cert = readPem('certFile', m.tls.certFile);
  const key = readPem('keyFile', m.tls.keyFile);
  if (ca) o.ca = ca;
  if (cert) o.cert = cert;
  if (key) o.key = key;
  if (m.tls.servername) o.servername = m.tls.servername;
  return o;
}
