/**
 * The command checks (control/verify.ts) with real Ed25519 keys, a real nonce file in a temp
 * directory and an injected clock: each refusal in its order, the nonce remembered across a new
 * store on the same file, the rate bucket, and an unsynced clock (time checks skipped, the
 * stage then allows only timeless verbs: commands.test.ts).
 */
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { signCommand } from '../../../agent/src/hub/commands.js';
import { clockCheck } from '../../../agent/src/control/clock.js';
import { NonceStore } from '../../../agent/src/control/nonces.js';
import { RateLimit, Verifier, type Refusal } from '../../../agent/src/control/verify.js';
import type { HubKey } from '../../../agent/src/control/keys.js';
import type { ClockVerdict } from '../../../agent/src/control/clock.js';

const log = pino({ level: 'silent' });
const NOW = Date.parse('2027-03-01T12:00:00Z');
const hub = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const keys = new Map<string, HubKey>([['hub1', { id: 'hub1', role: 'operator', key: createPublicKey(hub.publicKey.export({ type: 'spki', format: 'pem' })) }]]);

function verifier(opts: { dir?: string; clock?: () => ClockVerdict; rate?: RateLimit; keys?: Map<string, HubKey> } = {}) {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'lookout-verify-'));
  const nonces = new NonceStore(join(dir, 'nonces.json'), log);
  nonces.load(NOW);
  return new Verifier({ unit: 'u1', keys: opts.keys ?? keys, nonces, rate: opts.rate ?? new RateLimit(6000, 1000, 0), skewMs: 30_000, maxTtlMs: 3_600_000, clock: opts.clock ?? (() => ({ synced: true })) });
}
const sign = (o: Partial<Parameters<typeof signCommand>[0]> = {}) => signCommand({ unit: 'u1', verb: 'ping', keyId: 'hub1', privateKey: hub.privateKey, nowMs: NOW, ...o });
const code = (r: ReturnType<Verifier['check']>): string => (r.ok ? 'ok' : (r as Refusal).code);

describe('command verification', () => {
  it('accepts a good command once, then refuses its replay', () => {
    const v = verifier();
    const c = sign();
    const r = v.check(c.payload, NOW, 0);
    expect(r).toMatchObject({ ok: true, nonce: c.nonce, key: { id: 'hub1' }, clockSynced: true });
    expect(v.check(c.payload, NOW + 1000, 1)).toMatchObject({ ok: false, code: 'replayed', nonce: c.nonce, verb: 'ping' });
  });

  it('remembers nonces in its file across a new store (a restart) until they expire', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-verify-'));
    const c = sign({ ttlMs: 60_000 });
    expect(code(verifier({ dir }).check(c.payload, NOW, 0))).toBe('ok');
    expect(code(verifier({ dir }).check(c.payload, NOW + 1000, 0))).toBe('replayed');
    // Past its expiry it is refused as expired, never run again.
    expect(code(verifier({ dir }).check(c.payload, NOW + 61_000, 0))).toBe('expired');
  });

  it('refuses each fault with its code', () => {
    const v = verifier();
    const wrongKey = sign({ privateKey: other.privateKey });
    expect(code(v.check(wrongKey.payload, NOW, 0))).toBe('bad-signature');
    expect(code(v.check(sign({ keyId: 'nobody' }).payload, NOW, 0))).toBe('unknown-key');
    expect(code(v.check(sign({ unit: 'u2' }).payload, NOW, 0))).toBe('wrong-unit');
    expect(code(v.check(sign({ nowMs: NOW - 120_000 }).payload, NOW, 0))).toBe('expired');
    expect(code(v.check(sign({ nowMs: NOW + 31_000 }).payload, NOW, 0))).toBe('not-yet-valid');
    expect(code(v.check(sign({ nowMs: NOW + 29_000 }).payload, NOW, 0))).toBe('ok');
    expect(code(v.check(sign({ ttlMs: 3_600_001 }).payload, NOW, 0))).toBe('ttl-too-long');
    expect(code(v.check(Buffer.from('not protobuf at all'), NOW, 0))).toBe('malformed');
    expect(code(v.check(Buffer.alloc(64 * 1024 + 1), NOW, 0))).toBe('too-large');
    expect(code(v.check(sign({ nonce: new Uint8Array(16) }).payload, NOW, 0))).toBe('ok');
    // A flipped bit anywhere in the signed body breaks the signature.
    const good = sign();
    for (const at of [4, 10, 20]) {
      const bad = Buffer.from(good.payload);
      bad[at] ^= 0x40;
      expect(['bad-signature', 'malformed', 'unknown-key']).toContain(code(v.check(bad, NOW, 0)));
    }
    expect(code(v.check(good.payload, NOW, 0))).toBe('ok');
  });

  it('with no keys configured every command is refused as commands-off', () => {
    expect(code(verifier({ keys: new Map() }).check(sign().payload, NOW, 0))).toBe('commands-off');
  });

  it('limits the rate with a token bucket on the monotonic clock', () => {
    const v = verifier({ rate: new RateLimit(60, 3, 0) });
    const codes = [0, 1, 2, 3].map(() => code(v.check(sign().payload, NOW, 10)));
    expect(codes).toEqual(['ok', 'ok', 'ok', 'rate']);
    // One token a second at 60 per minute.
    expect(code(v.check(sign().payload, NOW, 1010))).toBe('ok');
    expect(code(v.check(sign().payload, NOW, 1020))).toBe('rate');
  });

  it('an unsynced clock skips the time checks and says so (the stage refuses all but timeless verbs)', () => {
    const v = verifier({ clock: () => ({ synced: false, why: 'test' }) });
    const r = v.check(sign({ nowMs: NOW + 10 * 86_400_000 }).payload, NOW, 0);
    expect(r).toMatchObject({ ok: true, clockSynced: false });
  });
});

describe('clock check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lookout-clock-'));
  it('a wall clock before the floor is not synced', () => {
    expect(clockCheck({ notBeforeIso: '2027-01-01T00:00:00Z', syncedFile: join(dir, 'none', 'synchronized'), wallMs: () => Date.parse('2026-06-01T00:00:00Z') })()).toMatchObject({ synced: false });
    expect(clockCheck({ notBeforeIso: '2027-01-01T00:00:00Z', syncedFile: join(dir, 'none', 'synchronized'), wallMs: () => NOW })()).toEqual({ synced: true });
  });
  it('timesyncd in use without its synchronized file is not synced; with it, synced', () => {
    const files = new Set([dir]);
    const check = clockCheck({ syncedFile: join(dir, 'synchronized'), wallMs: () => NOW, exists: (p) => files.has(p) });
    expect(check()).toMatchObject({ synced: false, why: expect.stringMatching(/time synchronisation has not happened/) });
    files.add(join(dir, 'synchronized'));
    expect(check()).toEqual({ synced: true });
  });
});
