/**
 * The checks every command passes before anything runs, cheapest first: size, decoding and rate
 * before any cryptography, the signature before anything the body says is believed, then
 * the unit, the clock, the time window and the nonce. The verb, role and argument checks follow
 * in the stage (verbs.ts). A failed check is a refusal with a stable code and a sentence.
 */
import { verify as verifySignature } from 'node:crypto';
import { COMMAND_NONCE_BYTES, decodeCommand, decodeSignedCommand, MAX_COMMAND_BYTES, type CommandMessage } from '../wire/command.js';
import type { ClockVerdict } from './clock.js';
import type { HubKey } from './keys.js';
import type { NonceStore } from './nonces.js';

export type RefusalCode =
  | 'too-large'
  | 'rate'
  | 'malformed'
  | 'commands-off'
  | 'unknown-key'
  | 'bad-signature'
  | 'wrong-unit'
  | 'clock-not-synced'
  | 'expired'
  | 'not-yet-valid'
  | 'ttl-too-long'
  | 'replayed'
  | 'unknown-verb'
  | 'forbidden'
  | 'bad-args';

export interface Refusal {
  ok: false;
  code: RefusalCode;
  reason: string;
  /** What could be read of the command (for the answer): hex nonce and verb. */
  nonce: string;
  verb: string;
}

export interface Verified {
  ok: true;
  command: CommandMessage;
  nonce: string;
  key: HubKey;
  /** False when the clock is not synced: only verbs that need no time may run. */
  clockSynced: boolean;
}

/** A token bucket on the monotonic clock: `burst` back to back, `perMinute` on average. */
export class RateLimit {
  private tokens: number;
  private lastMs: number;
  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
    nowMs: number,
  ) {
    this.tokens = burst;
    this.lastMs = nowMs;
  }
  take(nowMs: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((nowMs - this.lastMs) * this.perMinute) / 60_000);
    this.lastMs = nowMs;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export interface VerifierOptions {
  unit: string;
  keys: ReadonlyMap<string, HubKey>;
  nonces: NonceStore;
  rate: RateLimit;
  skewMs: number;
  maxTtlMs: number;
  clock: () => ClockVerdict;
}

export class Verifier {
  constructor(private readonly o: VerifierOptions) {}

  check(payload: Uint8Array, wallMs: number, monoMs: number): Verified | Refusal {
    const refuse = (code: RefusalCode, reason: string, nonce = '', verb = ''): Refusal => ({ ok: false, code, reason, nonce, verb });
    if (payload.length > MAX_COMMAND_BYTES) return refuse('too-large', `the payload is ${payload.length} bytes; a command is at most ${MAX_COMMAND_BYTES}`);
    let signed;
    let command: CommandMessage;
    try {
      signed = decodeSignedCommand(payload);
      command = decodeCommand(signed.body);
    } catch (err) {
      return refuse('malformed', `not a SignedCommand (${(err as Error).message})`);
    }
    const nonce = Buffer.from(command.nonce).toString('hex');
    const verb = command.verb;
    // After decoding (cheap, and the answer can name the nonce the hub waits for), before any cryptography.
    if (!this.o.rate.take(monoMs)) return refuse('rate', 'commands arrive faster than commands.rate allows; not executed', nonce, verb);
    if (this.o.keys.size === 0) return refuse('commands-off', 'commands are off on this unit (no commands.keys configured)', nonce, verb);
    const key = this.o.keys.get(signed.keyId);
    if (!key) return refuse('unknown-key', `no hub key "${signed.keyId}" is configured on this unit`, nonce, verb);
    let good: boolean;
    try {
      good = signed.signature.length === 64 && verifySignature(null, signed.body, key.key, signed.signature);
    } catch {
      good = false;
    }
    if (!good) return refuse('bad-signature', `the signature does not verify with key "${key.id}"`, nonce, verb);
    // From here on the body is the hub's own words.
    if (command.unit !== this.o.unit) return refuse('wrong-unit', `the command is for unit "${command.unit}", this is "${this.o.unit}"`, nonce, verb);
    if (command.nonce.length !== COMMAND_NONCE_BYTES) return refuse('malformed', `the nonce is ${command.nonce.length} bytes, not ${COMMAND_NONCE_BYTES}`, nonce, verb);
    const clock = this.o.clock();
    if (clock.synced) {
      if (command.expiresAtMs <= wallMs) return refuse('expired', `the command expired ${Math.round(wallMs - command.expiresAtMs)} ms ago (unit clock ${new Date(wallMs).toISOString()})`, nonce, verb);
      if (command.issuedAtMs > wallMs + this.o.skewMs) return refuse('not-yet-valid', `the command was issued ${Math.round(command.issuedAtMs - wallMs)} ms in the future (skew allowed ${this.o.skewMs} ms)`, nonce, verb);
    }
    if (command.expiresAtMs - command.issuedAtMs > this.o.maxTtlMs) return refuse('ttl-too-long', `the command is valid for ${Math.round((command.expiresAtMs - command.issuedAtMs) / 1000)} s; at most ${this.o.maxTtlMs / 1000} s`, nonce, verb);
    if (command.expiresAtMs <= command.issuedAtMs) return refuse('expired', 'the command expires before it was issued', nonce, verb);
    if (this.o.nonces.has(nonce)) return refuse('replayed', `nonce ${nonce} was used before`, nonce, verb);
    // Remembered until it expires; with an untrusted clock also for its whole window from now
    // (the unit cannot tell where the hub's expiry lies in its own time).
    const forgetAtMs = clock.synced ? command.expiresAtMs : Math.max(command.expiresAtMs, wallMs + (command.expiresAtMs - command.issuedAtMs) + this.o.skewMs);
    this.o.nonces.remember(nonce, forgetAtMs, wallMs);
    return { ok: true, command, nonce, key, clockSynced: clock.synced };
  }
}
