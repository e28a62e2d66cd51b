// Commands: what checking one costs on the unit, and how long `lookout command` waits for its
// answer on loopback. Usage: node test/bench/commands.mjs [N] (after `npx tsc`; uses agent/dist,
// /usr/sbin/mosquitto and socat). Prints one JSON line.
//  - verify: Verifier.check per command (decode, Ed25519 verify, time window, nonce file
//    rewritten with fsync) beside its parts measured in the same run: the Ed25519 verify alone
//    and the nonce file write alone.
//  - roundTrip: `lookout command ping` against a `lookout run` on a local mosquitto: the
//    publish-to-answer time it reports (`ms`), and the whole process (node start, connect, sign,
//    answer, exit). NODELAY=1 starts mosquitto with `set_tcp_nodelay true` (without it the broker
//    holds the answer behind the command's PUBACK until the hub's delayed ACK, ~40 ms).
import { spawn, spawnSync } from 'node:child_process';
import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { signCommand } from '../../agent/dist/hub/commands.js';
import { NonceStore } from '../../agent/dist/control/nonces.js';
import { RateLimit, Verifier } from '../../agent/dist/control/verify.js';
import { decodeSignedCommand } from '../../agent/dist/wire/command.js';

const N = Number(process.argv[2] ?? 2000);
const root = resolve(import.meta.dirname, '..', '..');
const log = pino({ level: 'silent' });
const dir = mkdtempSync(join(tmpdir(), 'lookout-bench-cmd-'));
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const keys = new Map([['hub1', { id: 'hub1', role: 'operator', key: createPublicKey(publicKey.export({ type: 'spki', format: 'pem' })) }]]);
const now = Date.now();
const cmds = Array.from({ length: N }, () => signCommand({ unit: 'u1', verb: 'ping', keyId: 'hub1', privateKey, nowMs: now, ttlMs: 3_600_000 }).payload);
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const us = (a) => Math.round(median(a) * 1000 * 10) / 10;

const nonces = new NonceStore(join(dir, 'nonces.json'), log);
const v = new Verifier({ unit: 'u1', keys, nonces, rate: new RateLimit(1e9, 1e9, 0), skewMs: 30_000, maxTtlMs: 3_600_000, clock: () => ({ synced: true }) });
const full = [], sig = [], file = [];
for (const p of cmds) {
  const t0 = performance.now();
  const r = v.check(p, now, 0);
  full.push(performance.now() - t0);
  if (!r.ok) throw new Error(r.reason);
}
for (const p of cmds) {
  const s = decodeSignedCommand(p);
  const t0 = performance.now();
  verify(null, s.body, keys.get('hub1').key, s.signature);
  sig.push(performance.now() - t0);
}
const store2 = new NonceStore(join(dir, 'nonces2.json'), log);
for (let i = 0; i < N; i++) {
  const t0 = performance.now();
  store2.remember(i.toString(16).padStart(32, '0'), now + 3_600_000, now);
  file.push(performance.now() - t0);
}
const verifyFigures = { commands: N, checkMedianUs: us(full), ed25519VerifyMedianUs: us(sig), nonceFileWriteMedianUs: us(file), nonceFileEntries: N };

// Round trip on loopback.
const port = await new Promise((res) => { const s = createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => res(p)); }); });
writeFileSync(join(dir, 'mosquitto.conf'), `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence false\n${process.env.NODELAY ? 'set_tcp_nodelay true\n' : ''}${process.getuid?.() === 0 ? 'user root\n' : ''}`);
const broker = spawn('/usr/sbin/mosquitto', ['-c', join(dir, 'mosquitto.conf')], { stdio: 'ignore' });
const socat = spawn('socat', ['-d', `pty,raw,echo=0,link=${join(dir, 'a')}`, `pty,raw,echo=0,link=${join(dir, 'b')}`], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const bin = join(root, 'agent', 'bin', 'lookout.js');
spawnSync(process.execPath, [bin, 'keygen', '--out', join(dir, 'hub1')]);
writeFileSync(join(dir, 'lookout.json'), JSON.stringify({
  unit: 'bench-unit', dataDir: join(dir, 'data'), log: { level: 'warn' },
  sensors: [{ id: 'radar1', protocol: 'cat240', input: { type: 'serial', path: join(dir, 'b'), baud: 921600 }, radar: { latitude: 58, longitude: 11 } }],
  mqtt: { url: `mqtt://127.0.0.1:${port}` },
  commands: { keys: [{ id: 'hub1', publicKeyFile: join(dir, 'hub1.pub'), role: 'operator' }], rate: { perMinute: 6000, burst: 100 } },
}));
const agent = spawn(process.execPath, [bin, 'run', '--config', join(dir, 'lookout.json')], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 2500));
const rtt = [], proc = [];
const runs = 15;
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, 'command', '--url', `mqtt://127.0.0.1:${port}`, '--unit', 'bench-unit', '--key', join(dir, 'hub1.key'), '--key-id', 'hub1', 'ping'], { encoding: 'utf8' });
  proc.push(performance.now() - t0);
  const a = JSON.parse(r.stdout.trim());
  if (a.status !== 'ok') throw new Error(JSON.stringify(a));
  rtt.push(a.ms);
}
agent.kill('SIGTERM'); broker.kill('SIGTERM'); socat.kill('SIGTERM');
console.log(JSON.stringify({ verify: verifyFigures, roundTrip: { runs, publishToAnswerMedianMs: median(rtt), publishToAnswerMaxMs: Math.max(...rtt), wholeProcessMedianMs: Math.round(median(proc)) } }));
