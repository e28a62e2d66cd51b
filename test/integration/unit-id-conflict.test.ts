/**
 * Two agents started with one unit id (two data directories, one real mosquitto): the broker
 * keeps taking each one's session over. Each must tell that from a flaky link, log
 * E_UNIT_ID_CONFLICT naming the id, raise the alert, and wait its longest reconnect delay.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { agentConfig, startHub } from '../helpers/agent.js';
import { spawnLookout, waitUntil, type LookoutProcess } from '../helpers/cli.js';
import { startMosquitto } from '../helpers/mosquitto.js';
import { startPtyPair } from '../helpers/socat.js';

describe('one unit id on two agents (real mosquitto, two lookout run processes)', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const c of cleanups.reverse()) await c().catch(() => {});
    cleanups.length = 0;
  });

  it('logs E_UNIT_ID_CONFLICT naming the id and the alert reaches the hub (the longest-delay back-off: connection-watch.test.ts)', async () => {
    const broker = await startMosquitto();
    cleanups.push(() => broker.stop());
    const hub = await startHub(broker.url, 'twin-01');
    cleanups.push(() => hub.client.endAsync());
    const agents: LookoutProcess[] = [];
    for (const name of ['a', 'b']) {
      const dir = mkdtempSync(join(tmpdir(), `lookout-twin-${name}-`));
      const pty = await startPtyPair(dir);
      cleanups.push(() => pty.stop());
      const agent = spawnLookout(['run', '--config', agentConfig(dir, pty.b, broker.url, 'twin-01')]);
      cleanups.push(() => agent.stop('SIGKILL'));
      agents.push(agent);
    }
    const said = (a: LookoutProcess): boolean => a.stderr().includes('"code":"E_UNIT_ID_CONFLICT"');
    await waitUntil(() => agents.some(said), 60_000, 'an agent logging E_UNIT_ID_CONFLICT').catch((err: Error) => {
      throw new Error(`${err.message}; logs:\n${agents.map((a) => a.stderr().split('\n').slice(-15).join('\n')).join('\n---\n')}`);
    });
    const line = agents
      .find(said)!
      .stderr()
      .split('\n')
      .find((l) => l.includes('"code":"E_UNIT_ID_CONFLICT"'))!;
    expect(JSON.parse(line).msg).toMatch(/^unit id "twin-01" seems to be in use by another agent/);
    await waitUntil(() => hub.records.some((r) => r.kind === 'alerts' && r.body.code === 'E_UNIT_ID_CONFLICT'), 30_000, 'the conflict alert at the hub');
    for (const a of agents) expect((await a.stop('SIGTERM')).code).toBe(0);
  }, 120_000);
});
