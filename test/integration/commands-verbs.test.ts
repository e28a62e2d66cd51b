/**
 * The verbs that act on sensors, against a running `lookout run` with a ti-mmwave sensor whose
 * data and CLI ports are real socat PTYs: a fake TI device on the CLI port echoes each line and
 * answers Done (or "Error -1" for a line starting `bogus`). send-sensor-config, record-start /
 * record-stop (raw capture read back), restart-sensor, set-tracker, set-log-level.
 */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecording } from '../../agent/src/io/file.js';
import { TI_CLI_PROMPT } from '../../agent/src/protocols/ti-mmwave/config-port.js';
import { runLookout, spawnLookout, waitUntil, type LookoutProcess } from '../helpers/cli.js';
import { startMosquitto, type Mosquitto } from '../helpers/mosquitto.js';
import { startPtyPair, type PtyPair } from '../helpers/socat.js';

const UNIT = 'verbs-1';

function openPort(path: string): Promise<SerialPort> {
  const port = new SerialPort({ path, baudRate: 115200, autoOpen: false });
  return new Promise((resolve, reject) => port.open((e) => (e ? reject(e) : resolve(port))));
}

describe('sensor verbs against lookout run (ti-mmwave on socat PTYs, a fake TI CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lookout-verbs-'));
  let broker: Mosquitto;
  let data: PtyPair;
  let cli: PtyPair;
  let device: SerialPort;
  let dataEnd: SerialPort;
  let agent: LookoutProcess;
  const received: string[] = [];

  const command = async (verb: string, args?: unknown): Promise<{ code: number | string; answer: Record<string, unknown> }> => {
    const argv = ['command', '--url', broker.url, '--unit', UNIT, '--key', join(dir, 'hub1.key'), '--key-id', 'hub1', '--timeout-ms', '20000', verb];
    if (args !== undefined) argv.push('--args', JSON.stringify(args));
    const r = await runLookout(argv);
    return { code: r.code, answer: JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown> };
  };

  beforeAll(async () => {
    broker = await startMosquitto();
    expect((await runLookout(['keygen', '--out', join(dir, 'hub1')])).code).toBe(0);
    data = await startPtyPair(mkdtempSync(join(dir, 'data-')));
    cli = await startPtyPair(mkdtempSync(join(dir, 'cli-')));
    device = await openPort(cli.a);
    let pending = '';
    device.on('data', (chunk: Buffer) => {
      pending += chunk.toString('latin1');
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, nl).replace(/\r$/, '');
        pending = pending.slice(nl + 1);
        received.push(line);
        device.write(`${line}\r\n${line.startsWith('bogus') ? 'Error -1' : 'Done'}\r\n${TI_CLI_PROMPT}`);
      }
    });
    dataEnd = await openPort(data.a);
    writeFileSync(join(dir, 'start.cfg'), '% at start\nsensorStop\n');
    const config = {
      unit: UNIT,
      dataDir: join(dir, 'data'),
      log: { level: 'info' },
      sensors: [
        {
          id: 'mmw1',
          protocol: 'ti-mmwave',
          input: { type: 'serial', path: data.b, baud: 921600, reconnectMinMs: 100, reconnectMaxMs: 500 },
          radar: { latitude: 58.2, longitude: 11.5, northOffsetDegrees: 0 },
          tiConfig: { port: cli.b, cfgFile: join(dir, 'start.cfg'), lineTimeoutMs: 2000 },
        },
      ],
      mqtt: { url: broker.url, reconnect: { minMs: 200, maxMs: 1000 } },
      commands: { keys: [{ id: 'hub1', publicKeyFile: join(dir, 'hub1.pub'), role: 'operator' }], recordMaxBytes: 4096, rate: { perMinute: 600, burst: 50 } },
    };
    writeFileSync(join(dir, 'lookout.json'), JSON.stringify(config));
    agent = spawnLookout(['run', '--config', join(dir, 'lookout.json')]);
    await waitUntil(() => agent.stderr().includes('listening for commands') && agent.stderr().includes('sensor configured'), 30_000, 'the unit up and its sensor configured');
  }, 60_000);

  afterAll(async () => {
    await agent?.stop('SIGKILL');
    await new Promise((r) => device?.close(() => r(undefined)));
    await new Promise((r) => dataEnd?.close(() => r(undefined)));
    await data?.stop();
    await cli?.stop();
    await broker?.stop();
  });

  it('send-sensor-config sends each line to the CLI port and answers with each reply; a refused line is an error naming it', async () => {
    const ok = await command('send-sensor-config', { sensor: 'mmw1', lines: ['sensorStop', 'flushCfg'] });
    expect(ok.code).toBe(0);
    expect(ok.answer).toMatchObject({ status: 'ok', result: { lines: [{ command: 'sensorStop', status: 'ok' }, { command: 'flushCfg', status: 'ok' }] } });
    expect(received.slice(-2)).toEqual(['sensorStop', 'flushCfg']);
    const bad = await command('send-sensor-config', { sensor: 'mmw1', lines: ['sensorStop', 'bogus 1', 'sensorStart'] });
    expect(bad.code).toBe(1);
    expect(bad.answer).toMatchObject({ status: 'error', code: 'E_SENSOR_CONFIG', result: { lines: [{ status: 'ok' }, { command: 'bogus 1', status: 'error', reply: 'Error -1' }] } });
    expect(received).not.toContain('sensorStart');
    const injected = await command('send-sensor-config', { sensor: 'mmw1', lines: ['sensorStop\nsensorStart'] });
    expect(injected.answer).toMatchObject({ status: 'refused', code: 'bad-args' });
  }, 60_000);

  it('record-start captures the raw input into the data directory, bounded by recordMaxBytes; record-stop ends it', async () => {
    const start = await command('record-start', { sensor: 'mmw1', seconds: 60 });
    expect(start.answer.status, String(start.answer.reason)).toBe('ok');
    const file = (start.answer.result as { file: string }).file;
    expect(file.startsWith(join(dir, 'data', 'recordings'))).toBe(true);
    const bytes = Buffer.from('lookout raw capture 0123456789');
    await new Promise((r) => dataEnd.write(bytes, r));
    await waitUntil(() => statSync(file).size >= 12 + bytes.length, 10_000, 'the capture written');
    const stop = await command('record-stop', { sensor: 'mmw1' });
    expect(stop.answer).toMatchObject({ status: 'ok', result: { stopped: [{ sensor: 'mmw1', file, full: false }] } });
    const chunks = await readRecording(file, 'lkr');
    expect(Buffer.concat(chunks.map((c) => c.bytes)).toString()).toBe(bytes.toString());
    // Bounded: 4096 bytes at most, then it stops by itself.
    const big = await command('record-start', { sensor: 'mmw1', seconds: 60 });
    const bigFile = (big.answer.result as { file: string }).file;
    for (let i = 0; i < 10; i++) await new Promise((r) => dataEnd.write(Buffer.alloc(1000, 0x41), r));
    await waitUntil(() => agent.stderr().includes('"full":true'), 10_000, 'the capture stopped at its bound');
    expect(statSync(bigFile).size).toBeLessThanOrEqual(4096);
    expect((await command('record-stop')).answer).toMatchObject({ status: 'ok', reason: 'nothing was being recorded' });
  }, 60_000);

  it('restart-sensor reopens the input; an unknown sensor is bad args', async () => {
    const r = await command('restart-sensor', { sensor: 'mmw1' });
    expect(r.answer).toMatchObject({ status: 'ok', reason: 'sensor mmw1: input closed and reopened' });
    expect((await command('restart-sensor', { sensor: 'radar9' })).answer).toMatchObject({ status: 'refused', code: 'bad-args' });
  }, 60_000);

  it('set-tracker is validated, saved, and says it takes effect when a tracker runs; set-log-level changes the root level live (children follow)', async () => {
    expect((await command('set-tracker', { tracker: { measurement: { rangeCellMetres: -1 } } })).answer).toMatchObject({ status: 'refused', code: 'bad-args' });
    const t = await command('set-tracker', { tracker: { measurement: { rangeCellMetres: 7.5 } }, confirmWithinSeconds: 600 });
    expect(t.answer).toMatchObject({ status: 'ok', reason: expect.stringMatching(/no tracker runs on this unit, they take effect when one does/) });
    const cfg = await command('get-config');
    expect((cfg.answer.result as { tracker: { measurement: { rangeCellMetres: number } } }).tracker.measurement.rangeCellMetres).toBe(7.5);
    const quiet = await command('set-log-level', { level: 'warn' });
    expect(quiet.answer).toMatchObject({ status: 'ok', result: { previous: 'info', level: 'warn' } });
    // Sent while at warn: its 'command accepted' line (info) is not written; the next one's is.
    const back = await command('set-log-level', { level: 'info' });
    expect(back.answer).toMatchObject({ status: 'ok', result: { previous: 'warn', level: 'info' } });
    const ping = await command('ping');
    await waitUntil(() => agent.stderr().includes(String(ping.answer.nonce)), 10_000, 'the ping logged at info');
    expect(agent.stderr()).toContain(String(quiet.answer.nonce));
    expect(agent.stderr()).not.toContain(String(back.answer.nonce));
  }, 60_000);
});
