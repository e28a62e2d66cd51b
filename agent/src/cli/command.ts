/**
 * `lookout command --url URL --unit U --key PREFIX.key --key-id ID VERB [--args JSON]`: the hub
 * side of one command. Signs it, publishes it on `lookout/v1/<unit>/cmd` (QoS 1, MQTT 5) with a
 * response topic of its own under the unit's answers (`lookout/v1/<unit>/cmd/res/<client>`),
 * waits for the answer carrying its nonce, prints it as one JSON line
 * {"status", "reason", "result", "verb", "code", "nonce", "seq", "ms"} and exits 0 only when ok
 * (1 refused, error or no answer in time).
 */
import { createPrivateKey, randomBytes, type KeyObject } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import mqtt from 'mqtt';
import type { Command } from 'commander';
import { EXIT_FAILURE, EXIT_OK, parseBrokerUrlOption, parseIntOption, parseNumberOption, UsageError, writeJsonLine, type CliContext } from './common.js';
import { decodeCommandResult, signCommand } from '../hub/commands.js';
import { LookoutError } from '../errors.js';
import { commandTopic, commandResultTopic } from '../wire/topics.js';

interface CommandFlags {
  url: string;
  unit: string;
  key: string;
  keyId: string;
  ttlSeconds: number;
  timeoutMs: number;
  save?: string;
  args?: string;
  ca?: string;
  cert?: string;
  clientKey?: string;
  username?: string;
  passwordEnv?: string;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('command')
    .description('sign a command, send it to a unit and print its answer as one JSON line (exit 0 only when ok)')
    .argument('<verb>', 'ping | get-status | get-config | rebirth | set-log-level | set-detection | confirm | set-tracker | restart-sensor | record-start | record-stop | send-sensor-config (docs/commands.md)')
    .requiredOption('--url <url>', 'broker URL', parseBrokerUrlOption('--url'))
    .requiredOption('--unit <id>', 'the unit to command')
    .requiredOption('--key <file>', 'the hub\'s Ed25519 private key (PREFIX.key of lookout keygen)')
    .requiredOption('--key-id <id>', 'the id the unit knows this key by (commands.keys[].id)')
    .option('--args <json>', 'the verb\'s arguments as a JSON object')
    .option('--ttl-seconds <s>', 'how long the command stays valid', parseNumberOption('--ttl-seconds', 1, 86_400), 60)
    .option('--timeout-ms <n>', 'how long to wait for the answer', parseIntOption('--timeout-ms', 1), 10_000)
    .option('--save <file>', 'also write the exact payload published')
    .option('--ca <file>', 'CA certificate (PEM) for mqtts://')
    .option('--cert <file>', 'client certificate (PEM)')
    .option('--client-key <file>', 'client certificate key (PEM)')
    .option('--username <name>', 'MQTT username')
    .option('--password-env <var>', 'environment variable holding the MQTT password')
    .action(async (verb: string, flags: CommandFlags) => {
      let args: unknown;
      if (flags.args !== undefined) {
        try {
          args = JSON.parse(flags.args);
        } catch (err) {
          throw new UsageError(`--args must be JSON: ${(err as Error).message}`);
        }
      }
      let privateKey: KeyObject;
      try {
        privateKey = createPrivateKey(readFileSync(flags.key));
      } catch (err) {
        throw new UsageError(`--key: ${flags.key} is not a readable private key (PKCS#8 PEM from lookout keygen): ${(err as Error).message}`);
      }
      if (privateKey.asymmetricKeyType !== 'ed25519') throw new UsageError(`--key: ${flags.key} holds a ${privateKey.asymmetricKeyType ?? 'unknown'} key; commands are signed with Ed25519 (lookout keygen)`);
      const answer = await sendCommand({ ...flags, verb, args, privateKey });
      writeJsonLine(ctx.stdout, answer);
      ctx.exitCode = answer.status === 'ok' ? EXIT_OK : EXIT_FAILURE;
    });
}

export interface CommandAnswer {
  status: 'ok' | 'refused' | 'error' | 'timeout';
  reason: string;
  result?: unknown;
  verb: string;
  code?: string;
  nonce: string;
  /** The answer record's seq (answers are delivered at least once: dedupe on it). */
  seq?: number;
  /** Milliseconds from publishing to the answer. */
  ms?: number;
}

async function sendCommand(o: Omit<CommandFlags, 'args'> & { verb: string; args: unknown; privateKey: KeyObject }): Promise<CommandAnswer> {
  const clientId = `lookout-command-${randomBytes(6).toString('hex')}`;
  const responseTopic = `${commandResultTopic(o.unit)}/${clientId}`;
  const signed = signCommand({ unit: o.unit, verb: o.verb, args: o.args, keyId: o.keyId, privateKey: o.privateKey, ttlMs: o.ttlSeconds * 1000 });
  if (o.save) writeFileSync(o.save, signed.payload);
  const options: mqtt.IClientOptions = { clientId, protocolVersion: 5, clean: true, reconnectPeriod: 0, connectTimeout: Math.min(o.timeoutMs, 10_000) };
  if (o.ca) options.ca = readFileSync(o.ca);
  if (o.cert) options.cert = readFileSync(o.cert);
  if (o.clientKey) options.key = readFileSync(o.clientKey);
  if (o.username) options.username = o.username;
  if (o.passwordEnv) options.password = process.env[o.passwordEnv];
  let client: mqtt.MqttClient;
  try {
    client = await mqtt.connectAsync(o.url, options);
  } catch (err) {
    throw new LookoutError('E_MQTT', `cannot reach the broker at ${o.url}: ${(err as Error).message}`, { cause: err });
  }
  (client.stream as { setNoDelay?: (on: boolean) => void } | undefined)?.setNoDelay?.(true);
  try {
    return await new Promise<CommandAnswer>((resolve, reject) => {
      let sentAt = 0;
      const timer = setTimeout(() => resolve({ status: 'timeout', reason: `no answer within ${o.timeoutMs} ms`, verb: o.verb, nonce: signed.nonce }), o.timeoutMs);
      client.on('message', (topic, payload) => {
        let r;
        try {
          r = decodeCommandResult(payload);
        } catch {
          return;
        }
        if (r.unit !== o.unit || r.body.nonce !== signed.nonce) return;
        clearTimeout(timer);
        const ms = Math.round((performance.now() - sentAt) * 1000) / 1000;
        resolve({ status: r.body.status, reason: r.body.reason, ...(r.body.result === undefined ? {} : { result: r.body.result }), verb: r.body.verb, ...(r.body.code ? { code: r.body.code } : {}), nonce: r.body.nonce, seq: r.seq, ms });
      });
      client.subscribe(responseTopic, { qos: 1 }, (err) => {
        if (err) {
          clearTimeout(timer);
          reject(new Error(`cannot subscribe to ${responseTopic}: ${err.message}`));
          return;
        }
        sentAt = performance.now();
        client.publish(commandTopic(o.unit), signed.payload, { qos: 1, properties: { responseTopic, correlationData: Buffer.from(signed.nonce, 'hex') } }, (e) => {
          if (e) {
            clearTimeout(timer);
            reject(new Error(`publish failed: ${e.message}`));
          }
        });
      });
    });
  } finally {
    await client.endAsync();
  }
}
