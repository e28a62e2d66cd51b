/**
 * The hub's side of commands: Ed25519 keys (node:crypto), a signed command ready to publish on
 * `lookout/v1/<unit>/cmd`, and the unit's answer read back.
 *
 * ```ts
 * const { payload, nonce } = signCommand({ unit: 'radar-01', verb: 'ping', keyId: 'hub1', privateKey: readFileSync('hub1.key') });
 * client.publish(commandTopic('radar-01'), payload, { qos: 1, properties: { responseTopic } });
 * // on the response topic: const r = decodeCommandResult(message); r.body.nonce === nonce
 * ```
 */
import { createPrivateKey, generateKeyPairSync, KeyObject, randomBytes, sign } from 'node:crypto';
import { COMMAND_NONCE_BYTES, encodeCommand, encodeSignedCommand } from '../wire/command.js';
import { decodeRecord } from '../wire/decode.js';
import type { CommandResultBody, LookoutRecord } from '../wire/types.js';

export { MAX_COMMAND_BYTES, decodeCommand, decodeSignedCommand, encodeCommand, encodeSignedCommand, type CommandMessage, type SignedCommandMessage } from '../wire/command.js';
export type { CommandResultBody, CommandStatus } from '../wire/types.js';

/** A new Ed25519 key pair as PEM: PKCS#8 private, SPKI public. */
export function generateCommandKeys(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }) as string };
}

export interface SignCommandInput {
  unit: string;
  verb: string;
  /** JSON-able arguments (an object); absent: none. */
  args?: unknown;
  keyId: string;
  /** PKCS#8 PEM (what `lookout keygen` writes to PREFIX.key) or a KeyObject. */
  privateKey: string | Buffer | KeyObject;
  /** Validity from now (default 60 s). */
  ttlMs?: number;
  /** Wall-clock ms to issue it at (default now). */
  nowMs?: number;
  /** 16 bytes (default random). */
  nonce?: Uint8Array;
}

/** Builds and signs a command; returns the SignedCommand payload and the nonce (hex) its answer will carry. */
export function signCommand(input: SignCommandInput): { payload: Buffer; nonce: string; issuedAtMs: number; expiresAtMs: number } {
  const pk = input.privateKey;
  const key = pk instanceof KeyObject ? pk : createPrivateKey(pk);
  if (key.asymmetricKeyType !== 'ed25519') throw new TypeError(`signCommand: the key is ${key.asymmetricKeyType ?? 'unknown'}, not Ed25519`);
  const nonce = input.nonce ?? randomBytes(COMMAND_NONCE_BYTES);
  if (nonce.length !== COMMAND_NONCE_BYTES) throw new RangeError(`signCommand: the nonce must be ${COMMAND_NONCE_BYTES} bytes`);
  const issuedAtMs = Math.round(input.nowMs ?? Date.now());
  const expiresAtMs = issuedAtMs + Math.round(input.ttlMs ?? 60_000);
  const args = input.args === undefined ? new Uint8Array(0) : Buffer.from(JSON.stringify(input.args), 'utf8');
  const body = encodeCommand({ unit: input.unit, nonce, issuedAtMs, expiresAtMs, verb: input.verb, args });
  const signature = sign(null, body, key);
  return { payload: Buffer.from(encodeSignedCommand({ body, keyId: input.keyId, signature })), nonce: Buffer.from(nonce).toString('hex'), issuedAtMs, expiresAtMs };
}

/** Decodes an answer (an Envelope of kind commandResult). Throws on anything else. */
export function decodeCommandResult(payload: Uint8Array): LookoutRecord<'commandResult'> & { body: CommandResultBody } {
  const r = decodeRecord(payload);
  if (r.kind !== 'commandResult') throw new RangeError(`not a command result but a "${r.kind}" record`);
  return r;
}
