/** `lookout tail` (runTail) against a real mosquitto: dedupe, announced gaps, missing seqs, --kinds, --stats. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import { PassThrough } from 'node:stream';
import { createInterface } from 'node:readline';
import { startMosquitto, disposeMosquitto, type Mosquitto } from '../helpers/mosquitto.js';
import { runTail } from '../../agent/src/cli/tail.js';
import { encodeRecord, recordTopic, type AnyRecord } from '../../agent/src/hub/index.js';
import { main } from '../../agent/src/cli/index.js';

function until(cond: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const tick = (): void => (cond() ? resolve() : Date.now() > deadline ? reject(new Error(`timed out waiting for ${what}`)) : void setTimeout(tick, 10));
    tick();
  });
}

const alert = (seq: number, unit = 'tail-1'): AnyRecord => ({ unit, session: 1, seq, kind: 'alerts', timeMs: 1_790_000_000_000 + seq, body: { severity: 'info', code: 'T', message: String(seq) } });
const status = (seq: number, unit = 'tail-1'): AnyRecord => ({ unit, session: 1, seq, kind: 'status', timeMs: 1_790_000_000_000 + seq, body: { spokesPerSecond: 1, plotsPerScan: 2, outboxDepth: 3, outboxBytes: 4, published: 5, dropped: 6, thinned: 7, uptimeSeconds: 8, counters: {}, gauges: {} } });

describe('lookout tail', () => {
  let broker: Mosquitto;
  beforeAll(async () => {
    broker = await startMosquitto();
  });
  afterAll(async () => disposeMosquitto(broker));

  it('dedupes by (unit, seq), reports announced gaps and missing seqs, filters kinds, prints stats', async () => {
    const out = new PassThrough();
    const lines: Array<Record<string, unknown>> = [];
    createInterface({ input: out }).on('line', (l) => lines.push(JSON.parse(l) as Record<string, unknown>));
    const ac = new AbortController();
    let ready!: () => void;
    const readyP = new Promise<void>((r) => (ready = r));
    const done = runTail({ url: broker.url, kinds: 'alerts,gap', stats: true, statsInterval: 60, gapTimeout: 0, protocolVersion: 5, signal: ac.signal, onReady: ready }, out, new PassThrough());
    await readyP;
    const pub = await mqtt.connectAsync(broker.url);
    const send = async (r: AnyRecord) => pub.publishAsync(recordTopic(r.unit, r.kind), Buffer.from(encodeRecord(r)), { qos: 1 });
    for (const s of [1, 2, 2, 3, 5, 6, 9]) await send(alert(s));
    await send(status(10));
    await send({ unit: 'tail-1', session: 1, seq: 11, kind: 'gap', timeMs: 0, body: { ranges: [[4, 4]], reason: 'quota', count: 1, kinds: ['status'] } });
    await send(alert(1, 'tail-2'));
    await pub.publishAsync('lookout/v1/tail-1/alerts', Buffer.from('garbage'), { qos: 1 });
    await until(() => lines.filter((l) => l.kind === 'gap').length === 1 && lines.some((l) => l.event === 'undecodable'), 'records at the tail');
    await until(() => lines.some((l) => l.event === 'missing'), 'missing seqs reported');
    ac.abort();
    await done;
    await pub.endAsync();

    const recs = lines.filter((l) => !('event' in l));
    expect(recs.filter((l) => l.unit === 'tail-1' && l.kind === 'alerts').map((l) => l.seq)).toEqual([1, 2, 3, 5, 6, 9]); // 2 once
    expect(recs.some((l) => l.kind === 'status')).toBe(false); // --kinds
    expect(recs[0]).toMatchObject({ unit: 'tail-1', session: 1, seq: 1, kind: 'alerts', body: { severity: 'info', code: 'T', message: '1' } });
    const missing = lines.filter((l) => l.event === 'missing' && l.unit === 'tail-1');
    expect(missing.map((l) => [l.first, l.last])).toEqual([[7, 8]]); // 4 was announced by the gap record
    const stats = lines.filter((l) => l.event === 'stats' && l.final === true);
    expect(stats.find((l) => l.unit === 'tail-1')).toMatchObject({ received: 8, duplicates: 1, announcedLost: 1, missing: 2 });
    expect(stats.find((l) => l.unit === 'tail-2')).toMatchObject({ received: 1, duplicates: 0, missing: 0 });
  });

  it('refuses unknown kinds with a usage error (exit 2)', async () => {
    const err = new PassThrough();
    let text = '';
    err.on('data', (b: Buffer) => (text += b.toString()));
    const code = await main(['tail', '--url', broker.url, '--kinds', 'plots,bogus'], { stdout: new PassThrough(), stderr: err });
    expect(code).toBe(2);
    expect(text).toMatch(/unknown kind\(s\) bogus/);
  });
});
