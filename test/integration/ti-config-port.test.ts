import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Command } from 'commander';
import { SerialPort } from 'serialport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPtyPair, type PtyPair } from '../helpers/socat.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { configureTiSensor, parseCfg, TI_CLI_PROMPT } from '../../agent/src/protocols/ti-mmwave/config-port.js';
import { register } from '../../agent/src/cli/sensor-config.js';
import { isLookoutError, type LookoutError } from '../../agent/src/errors.js';

const SAMPLE_CFG = join(REPO_ROOT, 'config', 'ti', 'xwr16xx_profile.cfg');

type Behaviour = 'done' | 'error' | 'silent' | 'unknown';

/**
 * A fake TI sensor on the far end of a real PTY pair: it echoes each line, answers like the
 * out-of-box demo (Done, or an error text), prints the prompt — or, for lines its `behave`
 * function marks silent, says nothing at all (a hung or unplugged sensor).
 */
class FakeSensor {
  readonly received: string[] = [];
  private pending = '';
  private readonly port: SerialPort;
  /** Resolves the next time a line arrives; the timeout tests fire their timer from here. */
  lineArrived: (line: string) => void = () => {};

  constructor(path: string, private readonly behave: (line: string) => Behaviour) {
    this.port = new SerialPort({ path, baudRate: 115200, autoOpen: false });
  }

  async open(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.port.open((e) => (e ? reject(e) : resolve())));
    this.port.on('data', (chunk: Buffer) => this.onData(chunk.toString('latin1')));
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.port.close(() => resolve()));
  }

  private onData(s: string): void {
    this.pending += s;
    let nl: number;
    while ((nl = this.pending.indexOf('\n')) >= 0) {
      const line = this.pending.slice(0, nl).replace(/\r$/, '');
      this.pending = this.pending.slice(nl + 1);
      this.received.push(line);
      const b = this.behave(line);
      // Real firmware: echo, then the answer, then the prompt; sent in pieces as a UART would.
      if (b !== 'silent') this.port.write(`${line}\r\n`);
      if (b === 'done') this.port.write(line === 'sensorStart' ? 'Debug: Init Calibration Status = 0x1fe\r\nDone\r\n' : 'Done\r\n');
      if (b === 'error') this.port.write('Error -1\r\n');
      if (b === 'unknown') this.port.write(`'${line.split(' ')[0]}' is not recognized as a CLI command\r\n`);
      if (b !== 'silent') this.port.write(TI_CLI_PROMPT);
      this.lineArrived(line);
    }
  }
}

describe('TI CLI config port against a fake sensor on a socat PTY pair', () => {
  let pty: PtyPair;
  const dir = mkdtempSync(join(tmpdir(), 'lookout-ticfg-'));

  beforeAll(async () => {
    pty = await startPtyPair();
  });
  afterAll(async () => {
    await pty?.stop();
  });

  async function withSensor<T>(behave: (line: string) => Behaviour, fn: (s: FakeSensor) => Promise<T>): Promise<T> {
    const sensor = new FakeSensor(pty.b, behave);
    await sensor.open();
    try {
      return await fn(sensor);
    } finally {
      await sensor.close();
    }
  }

  it('parses the sample .cfg: comments and blank lines skipped, line numbers kept', () => {
    const lines = parseCfg(readFileSync(SAMPLE_CFG, 'utf8'));
    expect(lines[0]!.command).toBe('sensorStop');
    expect(lines.at(-1)!.command).toBe('sensorStart');
    expect(lines.every((l) => !l.command.startsWith('%') && l.command !== '')).toBe(true);
    expect(lines.find((l) => l.command.startsWith('profileCfg'))!.lineNumber).toBeGreaterThan(13);
    expect(parseCfg('% c\n\n  sensorStop  \r\n%x\nflushCfg')).toEqual([{ lineNumber: 3, command: 'sensorStop' }, { lineNumber: 5, command: 'flushCfg' }]);
  });

  it('sends every line of the sample .cfg in order, each after the previous Done', async () => {
    const cfg = readFileSync(SAMPLE_CFG, 'utf8');
    const expected = parseCfg(cfg).map((l) => l.command);
    await withSensor(() => 'done', async (sensor) => {
      const progress: string[] = [];
      const result = await configureTiSensor({ path: pty.a, cfg, timeoutMs: 60_000, onProgress: (p) => progress.push(`${p.lineNumber}:${p.status}`) });
      expect(result.sent).toBe(expected.length);
      expect(sensor.received).toEqual(expected);
      expect(progress.every((p) => p.endsWith(':ok'))).toBe(true);
      expect(result.replies.at(-1)!.reply).toBe('Debug: Init Calibration Status = 0x1fe\nDone');
    });
  });

  it('stops at an error answer and reports the line number, the command and the device\'s words', async () => {
    const cfg = '% test\nsensorStop\nflushCfg\n\nprofileCfg 0 77 bogus\nsensorStart\n';
    await withSensor((l) => (l.startsWith('profileCfg') ? 'error' : 'done'), async (sensor) => {
      const err = (await configureTiSensor({ path: pty.a, cfg, timeoutMs: 60_000 }).catch((e: unknown) => e)) as LookoutError;
      expect(isLookoutError(err, 'E_SENSOR_CONFIG')).toBe(true);
      expect(err.details).toMatchObject({ lineNumber: 5, command: 'profileCfg 0 77 bogus', reply: 'Error -1', reason: 'error' });
      expect(err.message).toContain('line 5');
      expect(sensor.received).toEqual(['sensorStop', 'flushCfg', 'profileCfg 0 77 bogus']); // sensorStart never sent
    });
  });

  it('treats an unknown command as a refusal', async () => {
    await withSensor((l) => (l.startsWith('frobnicate') ? 'unknown' : 'done'), async () => {
      const err = (await configureTiSensor({ path: pty.a, cfg: 'sensorStop\nfrobnicate 1\n', timeoutMs: 60_000 }).catch((e: unknown) => e)) as LookoutError;
      expect(err.details).toMatchObject({ lineNumber: 2, reply: "'frobnicate' is not recognized as a CLI command" });
    });
  });

  it('times out on a line the sensor does not answer (timer fired by the test, no wall clock)', async () => {
    let fire: (() => void) | undefined;
    const timers = {
      setTimer: (fn: () => void) => {
        fire = fn;
        return 1;
      },
      clearTimer: () => {
        fire = undefined;
      },
    };
    await withSensor((l) => (l === 'flushCfg' ? 'silent' : 'done'), async (sensor) => {
      sensor.lineArrived = (line) => {
        // The sensor has the line and will never answer: let its timer expire now.
        if (line === 'flushCfg') setImmediate(() => fire?.());
      };
      const err = (await configureTiSensor({ path: pty.a, cfg: 'sensorStop\nflushCfg\nsensorStart', timeoutMs: 500, ...timers }).catch((e: unknown) => e)) as LookoutError;
      expect(isLookoutError(err, 'E_SENSOR_CONFIG')).toBe(true);
      expect(err.details).toMatchObject({ lineNumber: 2, command: 'flushCfg', reason: 'timeout' });
      expect(err.retryable).toBe(true);
      expect(sensor.received).toEqual(['sensorStop', 'flushCfg']);
    });
  });

  it('rejects with E_SERIAL_OPEN for a port that does not exist', async () => {
    const err = await configureTiSensor({ path: join(dir, 'no-such-tty'), cfg: 'sensorStop' }).catch((e: unknown) => e);
    expect(isLookoutError(err, 'E_SERIAL_OPEN')).toBe(true);
  });

  describe('lookout sensor-config', () => {
    async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
      let out = '';
      let errText = '';
      const ctx = {
        exitCode: 0,
        stdout: new Writable({ write(c, _e, cb) { out += String(c); cb(); } }),
        stderr: new Writable({ write(c, _e, cb) { errText += String(c); cb(); } }),
      };
      const program = new Command('lookout').exitOverride();
      register(program, ctx);
      program.commands.forEach((c) => c.exitOverride());
      try {
        await program.parseAsync(['sensor-config', ...args], { from: 'user' });
      } catch {
        return { code: 2, out, err: errText };
      }
      return { code: ctx.exitCode, out, err: errText };
    }

    it('exits 0 and prints one progress line per command', async () => {
      const cfg = join(dir, 'ok.cfg');
      writeFileSync(cfg, '% two commands\nsensorStop\nflushCfg\n');
      await withSensor(() => 'done', async () => {
        const r = await run(['--port', pty.a, '--cfg', cfg, '--timeout-ms', '60000']);
        expect(r.code).toBe(0);
        expect(r.out).toBe(`[1/2] line 2: sensorStop -> Done\n[2/2] line 3: flushCfg -> Done\nsensor configured: 2 commands from ${cfg}\n`);
      });
    });

    it('exits 1 on a device error, naming the line', async () => {
      const cfg = join(dir, 'bad.cfg');
      writeFileSync(cfg, 'sensorStop\nchannelCfg 99\n');
      await withSensor((l) => (l.startsWith('channelCfg') ? 'error' : 'done'), async () => {
        const r = await run(['--port', pty.a, '--cfg', cfg, '--timeout-ms', '60000']);
        expect(r.code).toBe(1);
        expect(r.out).toContain('[2/2] line 2: channelCfg 99 -> ERROR: Error -1');
        expect(r.err).toContain('E_SENSOR_CONFIG: line 2 "channelCfg 99": the sensor answered: Error -1');
      });
    });

    it('exits 2 for usage errors: no --cfg, an unreadable or empty .cfg, a bad --timeout-ms', async () => {
      expect((await run(['--port', pty.a])).code).toBe(2);
      expect((await run(['--port', pty.a, '--cfg', join(dir, 'missing.cfg')])).code).toBe(2);
      const empty = join(dir, 'empty.cfg');
      writeFileSync(empty, '% nothing\n\n');
      expect((await run(['--port', pty.a, '--cfg', empty])).code).toBe(2);
      expect((await run(['--port', pty.a, '--cfg', SAMPLE_CFG, '--timeout-ms', 'x'])).code).toBe(2);
    });

    it('exits 1 when the port cannot be opened', async () => {
      const r = await run(['--port', join(dir, 'nope'), '--cfg', SAMPLE_CFG]);
      expect(r.code).toBe(1);
      expect(r.err).toContain('E_SERIAL_OPEN');
    });
  });
});
