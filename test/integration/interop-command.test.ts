/**
 * Interop: a hub in Python drives a running unit. test/interop/command.py signs a Command with
 * Debian's python3-cryptography (Ed25519), encodes it with python3-protobuf (protoc on our
 * .proto), publishes it with python3-paho-mqtt (MQTT 5, a response topic) and reads the answer.
 * Skipped, saying why, only when /usr/bin/python3 lacks one of those packages.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentConfig } from '../helpers/agent.js';
import { runLookout, spawnLookout, waitUntil, type LookoutProcess } from '../helpers/cli.js';
import { startMosquitto, type Mosquitto } from '../helpers/mosquitto.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { startPtyPair, type PtyPair } from '../helpers/socat.js';

const PYTHON = '/usr/bin/python3';
const probe = spawnSync(PYTHON, ['-c', 'import cryptography.hazmat.primitives.asymmetric.ed25519, google.protobuf, paho.mqtt.client'], { encoding: 'utf8' });
const missing = probe.status === 0 ? '' : `${PYTHON} lacks python3-cryptography, python3-protobuf or python3-paho-mqtt (apt-get install python3-cryptography python3-protobuf python3-paho-mqtt): ${probe.stderr || probe.error?.message}`;
if (missing) console.warn(`skipping the Python command hub: ${missing}`);

describe.skipIf(missing !== '')('a Python hub signs and sends commands (python3-cryptography, python3-protobuf, python3-paho-mqtt)', () => {
  let broker: Mosquitto;
  let pty: PtyPair;
  let agent: LookoutProcess;
  const dir = mkdtempSync(join(tmpdir(), 'lookout-pycmd-'));
  const gen = join(dir, 'gen');

  const py = (verb: string, key: string, keyId: string, args?: unknown): { code: number | null; answer: Record<string, unknown> } => {
    const argv = [join(REPO_ROOT, 'test/interop/command.py'), '--gen', gen, '--port', String(broker.port), '--unit', 'py-unit', '--key', `${key}.key`, '--key-id', keyId, verb];
    if (args !== undefined) argv.push('--args', JSON.stringify(args));
    const r = spawnSync(PYTHON, argv, { encoding: 'utf8', timeout: 30_000 });
    if (!r.stdout.trim()) throw new Error(`command.py printed nothing (exit ${r.status}): ${r.stderr}`);
    return { code: r.status, answer: JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, unknown> };
  };

  beforeAll(async () => {
    execFileSync('mkdir', ['-p', gen]);
    execFileSync('protoc', [`--python_out=${gen}`, '-I', join(REPO_ROOT, 'proto'), join(REPO_ROOT, 'proto/lookout/v1/lookout.proto')]);
    broker = await startMosquitto();
    for (const k of ['pyhub', 'other']) expect((await runLookout(['keygen', '--out', join(dir, k)])).code).toBe(0);
    pty = await startPtyPair(mkdtempSync(join(dir, 'pty-')));
    const file = agentConfig(dir, pty.b, broker.url, 'py-unit', { extra: { commands: { keys: [{ id: 'pyhub', publicKeyFile: join(dir, 'pyhub.pub'), role: 'operator' }] } } });
    agent = spawnLookout(['run', '--config', file]);
    await waitUntil(() => agent.stderr().includes('listening for commands'), 30_000, 'the unit subscribed to its commands');
  }, 60_000);

  afterAll(async () => {
    await agent?.stop('SIGKILL');
    await pty?.stop();
    await broker?.stop();
  });

  it('a command signed in Python is verified, run and answered on its response topic', () => {
    const ping = py('ping', join(dir, 'pyhub'), 'pyhub');
    expect(ping.code).toBe(0);
    expect(ping.answer).toMatchObject({ status: 'ok', verb: 'ping', result: { unit: 'py-unit', clockSynced: true } });
    const level = py('set-log-level', join(dir, 'pyhub'), 'pyhub', { level: 'debug' });
    expect(level.answer).toMatchObject({ status: 'ok', result: { previous: 'info', level: 'debug' } });
  });

  it('the same command signed with another key is refused as bad-signature', () => {
    const forged = py('set-log-level', join(dir, 'other'), 'pyhub', { level: 'trace' });
    expect(forged.code).toBe(1);
    expect(forged.answer).toMatchObject({ status: 'refused', code: 'bad-signature' });
  });
});
