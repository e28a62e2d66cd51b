/** The hub keys a unit trusts: Ed25519 public keys (SPKI PEM) read once at start. */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { LookoutError } from '../errors.js';
import type { CommandKeyConfig, CommandRole } from './config.js';

export interface HubKey {
  id: string;
  role: CommandRole;
  key: KeyObject;
}

/** Reads every configured key; a file that cannot be read or is not an Ed25519 public key is E_CONFIG naming its key path. */
export function loadHubKeys(keys: readonly CommandKeyConfig[]): Map<string, HubKey> {
  const out = new Map<string, HubKey>();
  const problems: Array<{ path: string; message: string }> = [];
  keys.forEach((k, i) => {
    const path = `commands.keys.${i}.publicKeyFile`;
    let key: KeyObject;
    try {
      key = createPublicKey(readFileSync(k.publicKeyFile));
    } catch (err) {
      problems.push({ path, message: `${k.publicKeyFile} is not a readable public key (${(err as Error).message})` });
      return;
    }
    if (key.asymmetricKeyType !== 'ed25519') {
      problems.push({ path, message: `${k.publicKeyFile} holds a ${key.asymmetricKeyType ?? 'unknown'} key; commands need Ed25519 (lookout keygen)` });
      return;
    }
    out.set(k.id, { id: k.id, role: k.role, key });
  });
  if (problems.length > 0) throw new LookoutError('E_CONFIG', `commands.keys: ${problems.length} key file(s) cannot be used`, { details: { problems, source: 'commands.keys' } });
  return out;
}
