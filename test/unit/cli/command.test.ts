/** `lookout command` and `lookout keygen` before any broker: bad keys and bad args are usage errors (2), an unreachable broker E_MQTT (1). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../helpers/mosquitto.js';
import { runLookout } from '../../helpers/cli.js';

describe('lookout command (no broker needed)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lookout-cmdcli-'));
  const key = join(dir, 'hub');
  beforeAll(async () => {
    expect((await runLookout(['keygen', '--out', key])).code).toBe(0);
  });

  it('refuses a key that is not an Ed25519 private key, and args that are not JSON, with exit 2', async () => {
    const url = `mqtt://127.0.0.1:${await freePort()}`;
    const pub = await runLookout(['command', '--url', url, '--unit', 'u', '--key', `${key}.pub`, '--key-id', 'hub', 'ping']);
    expect(pub.code).toBe(2);
    expect(pub.stderr).toMatch(/--key: .*hub\.pub is not a readable private key/);
    const args = await runLookout(['command', '--url', url, '--unit', 'u', '--key', `${key}.key`, '--key-id', 'hub', 'ping', '--args', '{']);
    expect(args.code).toBe(2);
    expect(args.stderr).toMatch(/--args must be JSON/);
  });

  it('an unreachable broker is E_MQTT, exit 1', async () => {
    const r = await runLookout(['command', '--url', `mqtt://127.0.0.1:${await freePort()}`, '--unit', 'u', '--key', `${key}.key`, '--key-id', 'hub', '--timeout-ms', '3000', 'ping']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/E_MQTT: cannot reach the broker/);
  });
});
