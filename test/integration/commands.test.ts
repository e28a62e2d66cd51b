/**
 * Signed commands against running agents: a real mosquitto with the per-unit ACL, two
 * `lookout run` processes (unit cmd-a fed simulated CAT240 video over a socat PTY; unit cmd-b
 * on an idle port with a clock that says it is not synced), keys made by `lookout keygen`,
 * commands sent by `lookout command` and by hand-built payloads. Every refusal is sent for real
 * and must come back refused with its code while nothing changes on the unit; then the good
 * path: set-detection changes the plots per turn, survives a restart, and reverts by itself
 * when not confirmed.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import mqtt from 'mqtt';
import { runTail } from '../../agent/src/cli/tail.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCommandResult, signCommand, type CommandResultBody } from '../../agent/src/hub/commands.js';
import { commandTopic, commandResultTopic } from '../../agent/src/wire/topics.js';
import type { AnyRecord } from '../../agent/src/hub/index.js';
import { agentConfig, feedSpokes, type Hub } from '../helpers/agent.js';
import { HubClient } from '../../agent/src/hub/client.js';
import { runLookout, spawnLookout, waitUntil, type LookoutProcess } from '../helpers/cli.js';
import { startMosquitto, UNIT_ACL, type Mosquitto } from '../helpers/mosquitto.js';
import { startPtyPair, type PtyPair } from '../helpers/socat.js';

const A = 'cmd-a';
const B = 'cmd-b';

interface Answer {
  status: string;
  reason: string;
  result?: unknown;
  verb: string;
  code?: string;
  nonce: string;
  seq: number;
  ms?: number;
}

describe('signed commands (real mosquitto with ACLs, two lookout run processes)', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  const dir = mkdtempSync(join(tmpdir(), 'lookout-cmds-'));
  let broker: Mosquitto;
  let hubA: Hub;
  let agentA: LookoutProcess;
  let agentB: LookoutProcess;
  let ptyA: PtyPair;
  let configA: string;
  let dirA: string;
  let raw: mqtt.MqttClient;
  const answers: Array<{ topic: string; seq: number; body: CommandResultBody }> = [];
  const table: Array<[string, string, string]> = [];

  const keys = { hub1: join(dir, 'hub1'), obs1: join(dir, 'obs1'), rogue: join(dir, 'rogue') };

  const command = async (unit: string, verb: string, args?: unknown, extra: string[] = [], key = keys.hub1, keyId = 'hub1'): Promise<{ code: number | string; answer: Answer }> => {
    const argv = ['command', '--url', broker.url, '--username', 'hub', '--unit', unit, '--key', `${key}.key`, '--key-id', keyId, '--timeout-ms', '20000', ...extra, verb];
    if (args !== undefined) argv.push('--args', JSON.stringify(args));
    const r = await runLookout(argv);
    const line = r.stdout.trim().split('\n').pop() ?? '';
    if (!line.startsWith('{')) throw new Error(`lookout command printed no answer (exit ${r.code}): ${r.stderr}`);
    return { code: r.code, answer: JSON.parse(line) as Answer };
  };

  /** Publishes a payload by hand on a unit's command topic (no response topic) and waits for the answer with that nonce on cmd/res. */
  const sendRaw = async (unit: string, payload: Buffer, nonce = '', notSeq?: number): Promise<CommandResultBody> => {
    const before = answers.length;
    await raw.publishAsync(commandTopic(unit), payload, { qos: 1 });
    // Answers are records, delivered at least once: a resend of an older answer (same seq) is not this one's.
    const match = (a: { topic: string; seq: number; body: CommandResultBody }, i: number): boolean => i >= before && a.topic === commandResultTopic(unit) && a.body.nonce === nonce && a.seq !== notSeq;
    await waitUntil(() => answers.some(match), 20_000, `the answer to a hand-made command on ${unit}`);
    return answers.find(match)!.body;
  };

  const detectionOf = async (unit: string): Promise<unknown> => {
    const { answer } = await command(unit, 'get-config');
    return (answer.result as { sensors: Array<{ detection: unknown }> }).sensors[0].detection;
  };

  const statusRecords = (hub: Hub, sinceIndex: number): Array<AnyRecord & { kind: 'status' }> =>
    hub.records.slice(sinceIndex).filter((r): r is AnyRecord & { kind: 'status' } => r.kind === 'status');

  /** Waits for `n` status records after `since` whose plots-per-turn all satisfy `ok`, and returns them. */
  const plotsPerTurn = async (hub: Hub, since: number, n: number, what: string): Promise<number[]> => {
    await waitUntil(() => statusRecords(hub, since).filter((r) => r.body.counters?.['radar1.detect.turns'] !== undefined && r.body.counters['radar1.detect.turns'] >= 2).length >= n, 60_000, what);
    return statusRecords(hub, since).map((r) => r.body.plotsPerScan);
  };

  const startAgentA = (): LookoutProcess => {
    const p = spawnLookout(['run', '--config', configA]);
    cleanups.push(() => p.stop('SIGKILL'));
    return p;
  };

  beforeAll(async () => {
    broker = await startMosquitto({ acl: UNIT_ACL });
    cleanups.push(() => broker.stop());
    for (const p of Object.values(keys)) expect((await runLookout(['keygen', '--out', p])).code).toBe(0);
    const commands = (syncedFile?: string) => ({
      keys: [
        { id: 'hub1', publicKeyFile: `${keys.hub1}.pub`, role: 'operator' },
        { id: 'obs1', publicKeyFile: `${keys.obs1}.pub`, role: 'observer' },
      ],
      rate: { perMinute: 600, burst: 20 },
      ...(syncedFile ? { clock: { syncedFile } } : {}),
    });
    ptyA = await startPtyPair(mkdtempSync(join(dir, 'pty-a-')));
    cleanups.push(() => ptyA.stop());
    dirA = mkdtempSync(join(dir, 'a-'));
    configA = agentConfig(dirA, ptyA.b, broker.url, A, { extra: { commands: commands() }, sensor: { tracking: { enabled: true, publishPlots: true } } });
    // The broker's ACL names clients by username: each unit logs in as its id.
    const withUser = (file: string, unit: string): void => {
      const c = JSON.parse(readFileSync(file, 'utf8')) as { mqtt: Record<string, unknown> };
      c.mqtt.username = unit;
      writeFileSync(file, JSON.stringify(c));
    };
    withUser(configA, A);
    const feed = feedSpokes(ptyA.a, 7);
    cleanups.push(() => feed.stop());
    // The hub logs in as `hub` (the ACL lets it read every unit and write commands).
    const records: AnyRecord[] = [];
    const hub = new HubClient({ url: broker.url, unit: A, mqtt: { protocolVersion: 5, clientId: 'test-hub', username: 'hub', reconnectPeriod: 100 }, onRecord: (r) => records.push(r) });
    hub.start();
    await hub.ready();
    hubA = { records, dedupe: hub.dedupe, client: hub.mqtt };
    cleanups.push(() => hubA.client.endAsync());

    const dirB = mkdtempSync(join(dir, 'b-'));
    const ptyB = await startPtyPair(mkdtempSync(join(dir, 'pty-b-')));
    cleanups.push(() => ptyB.stop());
    // systemd-timesyncd's state directory without its `synchronized` file: not synced yet.
    mkdirSync(join(dirB, 'timesync'));
    const configB = agentConfig(dirB, ptyB.b, broker.url, B, { extra: { commands: commands(join(dirB, 'timesync', 'synchronized')) } });
    withUser(configB, B);
    agentB = spawnLookout(['run', '--config', configB]);
    cleanups.push(() => agentB.stop('SIGKILL'));
    agentA = startAgentA();

    raw = await mqtt.connectAsync(broker.url, { username: 'hub', clientId: 'test-raw-hub', protocolVersion: 5 });
    cleanups.push(() => raw.endAsync());
    raw.on('message', (topic, payload) => {
      try {
        const r = decodeCommandResult(payload);
        answers.push({ topic, seq: r.seq, body: r.body });
      } catch {
        /* not an answer */
      }
    });
    await raw.subscribeAsync([`${commandResultTopic(A)}`, `${commandResultTopic(B)}`], { qos: 1 });
    await waitUntil(() => hubA.records.some((r) => r.kind === 'birth'), 30_000, 'unit A birth').catch((err: Error) => {
      throw new Error(`${err.message}; agent A said:\n${agentA.stderr().split('\n').slice(-20).join('\n')}`);
    });
    await waitUntil(() => agentB.stderr().includes('listening for commands'), 30_000, 'unit B subscribed');
    await waitUntil(() => agentA.stderr().includes('listening for commands'), 30_000, 'unit A subscribed');
  }, 90_000);

  afterAll(async () => {
    if (table.length > 0) {
      const w = Math.max(...table.map((t) => t[0].length));
      console.log(['refusals as answered by the unit:', ...table.map(([what, code, reason]) => `${what.padEnd(w)}  ${code.padEnd(16)} ${reason}`)].join('\n'));
    }
    for (const c of cleanups.reverse()) await c().catch(() => {});
  });

  it('keygen writes an Ed25519 PKCS#8 key (0600) and an SPKI public key; birth says commands are on', async () => {
    expect(statSync(`${keys.hub1}.key`).mode & 0o777).toBe(0o600);
    expect(readFileSync(`${keys.hub1}.key`, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(readFileSync(`${keys.hub1}.pub`, 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect((await runLookout(['keygen', '--out', keys.hub1])).code).toBe(1);
    const birth = hubA.records.find((r) => r.kind === 'birth');
    expect(birth?.kind === 'birth' && birth.body.capabilities).toContain('commands');
  });

  it('ping through lookout command: ok, exit 0, answered on its response topic; lookout tail prints the answer', async () => {
    // `lookout tail`'s own code, in this process to know when it has subscribed.
    const out = new PassThrough();
    let printed = '';
    out.on('data', (b: Buffer) => (printed += b.toString()));
    let ready!: () => void;
    const subscribed = new Promise<void>((r) => (ready = r));
    const tail = runTail({ url: broker.url, username: 'hub', unit: A, kinds: 'commandResult', count: 1, duration: 30, statsInterval: 10, gapTimeout: 10, protocolVersion: 5, onReady: ready }, out, new PassThrough());
    await subscribed;
    const { code, answer } = await command(A, 'ping');
    expect(await tail).toEqual({ connected: true });
    const line = JSON.parse(printed.trim().split('\n')[0]) as { kind: string; body: Record<string, unknown> };
    expect(line).toMatchObject({ kind: 'commandResult', body: { nonce: answer.nonce, verb: 'ping', status: 'ok', reason: 'pong' } });
    expect(code).toBe(0);
    expect(answer).toMatchObject({ status: 'ok', verb: 'ping', result: { unit: A, clockSynced: true } });
    // The hub's tail sees the answer as a commandResult record (its response topic lies under the unit's answers).
    await waitUntil(() => hubA.records.some((r) => r.kind === 'commandResult' && r.body.nonce === answer.nonce), 10_000, 'the answer at the hub');
  }, 30_000);

  it('each refusal is answered with its code, counted, and changes nothing', async () => {
    const original = await detectionOf(A);
    const now = Date.now();
    const rogueKey = readFileSync(`${keys.rogue}.key`);
    const hub1Key = readFileSync(`${keys.hub1}.key`);
    const setDet = { sensor: 'radar1', detection: { scale: 1e6 }, confirmWithinSeconds: 600 };
    const refused = async (what: string, body: CommandResultBody | Answer, code: string): Promise<void> => {
      expect(body.status, `${what}: ${body.reason}`).toBe('refused');
      expect(body.code, `${what}: ${body.reason}`).toBe(code);
      table.push([what, body.code ?? '', body.reason]);
    };

    // A signature made with another key under a configured id, and one forged byte by byte.
    await refused('right key id, wrong key', (await command(A, 'set-detection', setDet, [], keys.rogue, 'hub1')).answer, 'bad-signature');
    const good = signCommand({ unit: A, verb: 'set-detection', args: setDet, keyId: 'hub1', privateKey: hub1Key });
    const forged = Buffer.from(good.payload);
    forged[forged.length - 1] ^= 0x01; // the last byte of the signature
    await refused('forged signature', await sendRaw(A, forged, good.nonce), 'bad-signature');
    const unknown = signCommand({ unit: A, verb: 'ping', keyId: 'nobody', privateKey: rogueKey });
    await refused('unknown key id', await sendRaw(A, unknown.payload, unknown.nonce), 'unknown-key');
    // Unit A's command delivered to unit B's topic.
    const forA = signCommand({ unit: A, verb: 'set-detection', args: setDet, keyId: 'hub1', privateKey: hub1Key });
    await refused("unit A's command on unit B", await sendRaw(B, forA.payload, forA.nonce), 'wrong-unit');
    const expired = signCommand({ unit: A, verb: 'set-detection', args: setDet, keyId: 'hub1', privateKey: hub1Key, nowMs: now - 120_000, ttlMs: 60_000 });
    await refused('expired', await sendRaw(A, expired.payload, expired.nonce), 'expired');
    const future = signCommand({ unit: A, verb: 'set-detection', args: setDet, keyId: 'hub1', privateKey: hub1Key, nowMs: now + 300_000 });
    await refused('from the future', await sendRaw(A, future.payload, future.nonce), 'not-yet-valid');
    await refused('observer set-detection', (await command(A, 'set-detection', setDet, [], keys.obs1, 'obs1')).answer, 'forbidden');
    await refused('unknown verb', (await command(A, 'shell', { cmd: 'reboot' })).answer, 'unknown-verb');
    await refused('bad args', (await command(A, 'set-detection', { sensor: 'radar1', detection: { pfa: 2 } })).answer, 'bad-args');
    await refused('unknown sensor', (await command(A, 'set-detection', { sensor: 'nope', detection: { pfa: 1e-3 } })).answer, 'bad-args');
    await refused('malformed payload', await sendRaw(A, Buffer.from('reboot now')), 'malformed');
    await refused('oversized payload', await sendRaw(A, randomBytes(65 * 1024)), 'too-large');
    await refused('clock not synced (unit B)', (await command(B, 'set-log-level', { level: 'debug' })).answer, 'clock-not-synced');
    const pingB = await command(B, 'ping');
    expect(pingB.answer).toMatchObject({ status: 'ok', result: { clockSynced: false } });

    // A replay of the exact bytes `lookout command --save` published.
    const saved = join(dir, 'ping.bin');
    const first = await command(A, 'ping', undefined, ['--save', saved]);
    expect(first.answer.status).toBe('ok');
    await refused('replay of saved bytes', await sendRaw(A, readFileSync(saved), first.answer.nonce, first.answer.seq), 'replayed');

    // Nothing changed: the same detection settings, no overrides, and the unit still publishes.
    expect(await detectionOf(A)).toEqual(original);
    expect(existsSync(join(dirA, 'data', 'overrides.json'))).toBe(false);
    const status = (await command(A, 'get-status')).answer.result as { counters: Record<string, number> };
    expect(status.counters['commands.refused']).toBeGreaterThanOrEqual(12);
    expect(status.counters['commands.refused.bad-signature']).toBe(2);
    const n = hubA.records.length;
    await waitUntil(() => hubA.records.slice(n).some((r) => r.kind === 'plots'), 20_000, 'plots still flowing after the refusals');
  }, 240_000);

  it('a replay after the agent restarts is refused too', async () => {
    const saved = join(dir, 'rebirth.bin');
    const first = await command(A, 'rebirth', undefined, ['--save', saved, '--ttl-seconds', '600']);
    expect(first.answer).toMatchObject({ status: 'ok', verb: 'rebirth' });
    expect((await agentA.stop('SIGTERM')).code).toBe(0);
    agentA = startAgentA();
    await waitUntil(() => agentA.stderr().includes('listening for commands'), 30_000, 'unit A back');
    const again = await sendRaw(A, readFileSync(saved), first.answer.nonce, first.answer.seq);
    expect(again).toMatchObject({ status: 'refused', code: 'replayed' });
    table.push(['replay after restart', again.code ?? '', again.reason]);
  }, 60_000);

  it('a burst over the rate is refused beyond the burst', async () => {
    const key = readFileSync(`${keys.hub1}.key`);
    const burst = Array.from({ length: 40 }, () => signCommand({ unit: A, verb: 'ping', keyId: 'hub1', privateKey: key }));
    const before = answers.length;
    await Promise.all(burst.map((b) => raw.publishAsync(commandTopic(A), b.payload, { qos: 1 })));
    await waitUntil(() => answers.slice(before).filter((a) => a.topic === commandResultTopic(A)).length >= 40, 30_000, '40 answers');
    const got = answers.slice(before).map((a) => a.body);
    const rate = got.filter((a) => a.code === 'rate');
    expect(rate.length).toBeGreaterThan(0);
    expect(got.filter((a) => a.status === 'ok').length).toBe(40 - rate.length);
    table.push(['burst of 40 (burst 20)', 'rate', `${rate.length} refused: ${rate[0].reason}`]);
  }, 60_000);

  it('set-tracker applies live: a guard zone over the picture raises ZONE_ENTRY for tracks confirmed before it, ids kept', async () => {
    await waitUntil(() => hubA.records.some((r) => r.kind === 'tracks' && r.body.tracks.length > 0), 90_000, 'a confirmed track before the change');
    const before = new Set(hubA.records.flatMap((r) => (r.kind === 'tracks' ? r.body.tracks.map((t) => t.id) : [])));
    const zone = { name: 'whole-picture', sector: { maxRangeMetres: 50_000, fromBearingDegrees: 0, toBearingDegrees: 0 } };
    const set = await command(A, 'set-tracker', { tracker: { guardZones: [zone] }, confirmWithinSeconds: 600 });
    expect(set.answer, set.answer.reason).toMatchObject({ status: 'ok', reason: expect.stringMatching(/applied to the trackers of radar1/) });
    await waitUntil(() => hubA.records.some((r) => r.kind === 'alerts' && r.body.code === 'ZONE_ENTRY'), 60_000, 'a ZONE_ENTRY alert after set-tracker');
    const entries = hubA.records.flatMap((r) => (r.kind === 'alerts' && r.body.code === 'ZONE_ENTRY' ? [r.body] : []));
    expect(entries[0]!.details).toMatchObject({ zone: 'whole-picture', sensor: 'radar1' });
    // A track that was live before the change raised it: the tracker kept its tracks and ids.
    expect(entries.some((e) => e.trackId !== undefined && before.has(e.trackId))).toBe(true);
    const ok = await command(A, 'confirm', { nonce: set.answer.nonce });
    expect(ok.answer.status, ok.answer.reason).toBe('ok');
  }, 240_000);

  it('set-detection changes the plots per turn live and reverts by itself when not confirmed', async () => {
    const before = await plotsPerTurn(hubA, hubA.records.length, 3, 'status with plots before the change');
    expect(Math.min(...before.slice(-2))).toBeGreaterThan(0);
    // A threshold factor no echo reaches: no plots while it is in force.
    const set = await command(A, 'set-detection', { sensor: 'radar1', detection: { scale: 1e12 }, confirmWithinSeconds: 20 });
    expect(set.answer.status, set.answer.reason).toBe('ok');
    const mark = hubA.records.length;
    await waitUntil(() => statusRecords(hubA, mark).filter((r) => r.body.plotsPerScan === 0).length >= 2, 60_000, 'plots per turn at 0 after set-detection');
    expect(await detectionOf(A)).toMatchObject({ scale: 1e12 });
    await waitUntil(() => hubA.records.some((r) => r.kind === 'alerts' && r.body.code === 'COMMAND_REVERTED' && r.body.details?.nonce === set.answer.nonce), 60_000, 'the revert alert');
    expect((await detectionOf(A)) as Record<string, unknown>).not.toHaveProperty('scale');
    const reverted = hubA.records.length;
    await waitUntil(() => statusRecords(hubA, reverted).filter((r) => r.body.plotsPerScan > 0).length >= 2, 60_000, 'plots back after the revert');
    const per = (from: number, to?: number): number[] => statusRecords(hubA, from).slice(0, to === undefined ? undefined : statusRecords(hubA, from).length - statusRecords(hubA, to).length).map((r) => r.body.plotsPerScan);
    console.log(`plots per turn (status records): before ${JSON.stringify(before.slice(-3))}, with scale 1e12 ${JSON.stringify(per(mark, reverted).slice(-3))}, after the revert ${JSON.stringify(per(reverted).slice(-3))}`);
    // Confirming too late is refused as bad args: nothing is pending.
    const late = await command(A, 'confirm', { nonce: set.answer.nonce });
    expect(late.answer).toMatchObject({ status: 'refused', code: 'bad-args' });
  }, 240_000);

  it('a confirmed set-detection survives a restart', async () => {
    const set = await command(A, 'set-detection', { sensor: 'radar1', detection: { scale: 1e12 }, confirmWithinSeconds: 30 });
    expect(set.answer.status, set.answer.reason).toBe('ok');
    const confirmed = await command(A, 'confirm', { nonce: set.answer.nonce });
    expect(confirmed.answer.status, confirmed.answer.reason).toBe('ok');
    expect((await agentA.stop('SIGTERM')).code).toBe(0);
    agentA = startAgentA();
    await waitUntil(() => agentA.stderr().includes('listening for commands'), 30_000, 'unit A back');
    expect(await detectionOf(A)).toMatchObject({ scale: 1e12 });
    const afterRestart = hubA.records.length;
    await plotsPerTurn(hubA, afterRestart, 3, 'status after the restart');
    expect(statusRecords(hubA, afterRestart).slice(-2).map((r) => r.body.plotsPerScan)).toEqual([0, 0]);
    // Well past the 30 s it had to be confirmed in, nothing reverted it.
    expect(hubA.records.some((r) => r.kind === 'alerts' && r.body.code === 'COMMAND_REVERTED' && r.body.details?.nonce === set.answer.nonce)).toBe(false);
  }, 240_000);

  it('a change whose deadline passes while the agent is down is reverted at start, and said so', async () => {
    const set = await command(A, 'set-detection', { sensor: 'radar1', detection: { scale: 5 }, confirmWithinSeconds: 5 });
    expect(set.answer.status, set.answer.reason).toBe('ok');
    const revertsAtMs = (set.answer.result as { revertsAtMs: number }).revertsAtMs;
    expect((await agentA.stop('SIGTERM')).code).toBe(0);
    await waitUntil(() => Date.now() > revertsAtMs, 20_000, 'the deadline passing while the agent is down');
    agentA = startAgentA();
    await waitUntil(() => agentA.stderr().includes('listening for commands'), 30_000, 'unit A back');
    // Back to the confirmed override of the test before, not the pending one.
    expect(await detectionOf(A)).toMatchObject({ scale: 1e12 });
    await waitUntil(() => hubA.records.some((r) => r.kind === 'alerts' && r.body.code === 'COMMAND_REVERTED' && r.body.details?.nonce === set.answer.nonce), 20_000, 'the revert alert after the restart');
  }, 90_000);
});
