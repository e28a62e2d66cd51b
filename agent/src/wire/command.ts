/**
 * Commands on the wire (proto SignedCommand, Command, CommandResult): what a hub signs and the
 * unit reads, and the answer record's body. Signing and checking live above (hub/, control/);
 * this file only turns bytes into shapes and back.
 */
import { lookout } from './gen/lookout.js';
import { COMMAND_STATUS_TO_PB, PB_TO_COMMAND_STATUS } from './codes.js';
import { n64 } from './fixed.js';
import type { CommandResultBody } from './types.js';

const pb = lookout.v1;
type EnvelopeBody = Partial<lookout.v1.Envelope.$Properties>;

/** The largest command payload a unit reads (a SignedCommand); anything longer is refused unread. */
export const MAX_COMMAND_BYTES = 64 * 1024;
/** Bytes of a command nonce. */
export const COMMAND_NONCE_BYTES = 16;

export interface SignedCommandMessage {
  /** The encoded Command, exactly as signed. */
  body: Uint8Array;
  keyId: string;
  signature: Uint8Array;
}

export interface CommandMessage {
  unit: string;
  nonce: Uint8Array;
  issuedAtMs: number;
  expiresAtMs: number;
  verb: string;
  /** UTF-8 JSON object, or empty. */
  args: Uint8Array;
}

export function encodeCommand(c: CommandMessage): Uint8Array {
  return pb.Command.encode({ unit: c.unit, nonce: c.nonce, issuedAtMs: c.issuedAtMs, expiresAtMs: c.expiresAtMs, verb: c.verb, args: c.args }).finish();
}

/** Throws on bytes that are not a Command. */
export function decodeCommand(bytes: Uint8Array): CommandMessage {
  const m = pb.Command.decode(bytes);
  return { unit: m.unit, nonce: m.nonce, issuedAtMs: n64(m.issuedAtMs), expiresAtMs: n64(m.expiresAtMs), verb: m.verb, args: m.args };
}

export function encodeSignedCommand(s: SignedCommandMessage): Uint8Array {
  return pb.SignedCommand.encode({ body: s.body, keyId: s.keyId, signature: s.signature }).finish();
}

/** Throws on bytes that are not a SignedCommand. */
export function decodeSignedCommand(bytes: Uint8Array): SignedCommandMessage {
  const m = pb.SignedCommand.decode(bytes);
  return { body: m.body, keyId: m.keyId, signature: m.signature };
}

export function encodeCommandResult(r: CommandResultBody): EnvelopeBody {
  return {
    commandResult: {
      nonce: Buffer.from(r.nonce, 'hex'),
      verb: r.verb,
      status: COMMAND_STATUS_TO_PB[r.status] ?? 0,
      reason: r.reason,
      result: r.result === undefined ? new Uint8Array(0) : Buffer.from(JSON.stringify(r.result), 'utf8'),
      code: r.code ?? '',
    },
  };
}

export function decodeCommandResultBody(e: lookout.v1.Envelope): CommandResultBody | undefined {
  const m = e.commandResult;
  if (!m) return undefined;
  const body: CommandResultBody = {
    nonce: Buffer.from(m.nonce ?? []).toString('hex'),
    verb: m.verb ?? '',
    status: PB_TO_COMMAND_STATUS[m.status ?? 0] ?? 'error',
    reason: m.reason ?? '',
  };
  if (m.code) body.code = m.code;
  if (m.result && m.result.length > 0) {
    const text = Buffer.from(m.result).toString('utf8');
    try {
      body.result = JSON.parse(text) as unknown;
    } catch {
      body.result = text;
    }
  }
  return body;
}
