import { z } from 'zod';

export const mqttTlsSchema = z
  .object({
    required: z.boolean().default(false).describe('refuse to connect in clear text (mqtt://, ws://)'),
    caFile: z.string().min(1).optional().describe('PEM file of the CA that signed the broker certificate (default: the system CAs)'),
    certFile: z.string().min(1).optional().describe('PEM client certificate for mutual TLS'),
    keyFile: z.string().min(1).optional().describe('PEM private key of the client certificate'),
    servername: z.string().min(1).optional().describe('name to verify in the broker certificate (default: the URL host)'),
  })
  .strict()
  .superRefine((t, ctx) => {
    if ((t.certFile === undefined) !== (t.keyFile === undefined)) {
      ctx.addIssue({ code: 'custom', path: [t.certFile === undefined ? 'certFile' : 'keyFile'], message: 'certFile and keyFile go together' });
    }
  })
  .describe('TLS to the broker: the broker certificate is always verified');

export const mqttBandwidthSchema = z
  .object({
    bytesPerSecond: z.number().int().min(0).default(0).describe('budget for the link in payload bytes per second (0: no budget)'),
    burstBytes: z.number().int().min(1024).default(65536).describe('bucket size: bytes that may go at once after a quiet period'),
  })
  .strict()
  .describe('token bucket for thin links: higher priorities go first, plots are thinned (strongest kept)');

export const mqttReconnectSchema = z
  .object({
    minMs: z.number().int().min(10).default(1000).describe('first reconnect delay'),
    maxMs: z.number().int().min(10).default(60_000).describe('longest reconnect delay (capped exponential backoff with jitter)'),
  })
  .strict()
  .refine((r) => r.maxMs >= r.minMs, { message: 'maxMs must be >= minMs', path: ['maxMs'] });

/** The URL schemes mqtt.js speaks MQTT over. */
export const BROKER_SCHEMES = ['mqtt', 'mqtts', 'ws', 'wss'] as const;

/** What is wrong with a broker URL, in words, or undefined when it is one mqtt.js can use. */
export function brokerUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not a URL; a broker URL looks like mqtt://host:1883 (schemes: ${BROKER_SCHEMES.join(', ')})`;
  }
  const scheme = parsed.protocol.replace(/:$/, '').toLowerCase();
  if (!(BROKER_SCHEMES as readonly string[]).includes(scheme)) return `"${scheme}" is not a broker scheme: use one of ${BROKER_SCHEMES.map((s) => s + '://').join(', ')}`;
  if (parsed.hostname === '') return `"${url}" names no host`;
  return undefined;
}

export const mqttConfigSchema = z
  .object({
    url: z
      .string()
      .superRefine((u, ctx) => {
        const problem = brokerUrlProblem(u);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .default('mqtt://127.0.0.1:1883').describe('broker URL: mqtt://, mqtts://, ws://, wss://'),
    protocolVersion: z.union([z.literal(5), z.literal(4)]).default(5).describe('5 = MQTT 5, 4 = MQTT 3.1.1'),
    inflight: z.number().int().min(1).max(65535).default(64).describe('unacknowledged QoS 1 publishes at most (also capped by the broker\'s receive maximum)'),
    keepaliveSeconds: z.number().int().min(5).max(3600).default(30).describe('MQTT keepalive'),
    connectTimeoutMs: z.number().int().min(100).default(10_000).describe('give up a connection attempt after this long'),
    reconnect: mqttReconnectSchema.default({ minMs: 1000, maxMs: 60_000 }),
    username: z.string().min(1).optional().describe('MQTT username'),
    passwordFile: z.string().min(1).optional().describe('file holding the MQTT password (first line)'),
    passwordEnv: z.string().min(1).optional().describe('environment variable holding the MQTT password'),
    tls: mqttTlsSchema.default({ required: false }),
    bandwidth: mqttBandwidthSchema.default({ bytesPerSecond: 0, burstBytes: 65536 }),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.passwordFile !== undefined && m.passwordEnv !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['passwordEnv'], message: 'give the password by passwordFile or passwordEnv, not both' });
    }
    if (m.tls.required && !/^(mqtts|wss):/i.test(m.url)) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'tls.required is set: the URL must be mqtts:// or wss://' });
    }
  })
  .describe('the MQTT session to the broker');

export type MqttConfig = z.infer<typeof mqttConfigSchema>;
export type MqttConfigInput = z.input<typeof mqttConfigSchema>;

/** pino `redact` paths for anything that may hold an MQTT secret (the lead adds them to the root logger). */
export const MQTT_REDACT_PATHS = ['password', '*.password', 'mqtt.password', 'options.password', 'opts.password', 'key', '*.key', 'passphrase', '*.passphrase'];
