/**
 * The CLI against hostile and careless inputs (configs, flags, files): each row is a real
 * `lookout` process, and asserts its exit code and the first line of its stderr, so a regression
 * to a stack trace, a hang or a wrong exit code fails CI.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runLookout, spawnLookout, waitUntil } from '../helpers/cli.js';
import { LOOKOUT_BIN, REPO_ROOT } from '../helpers/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'lookout-adversarial-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

const SENSOR = `sensors:\n  - id: r\n    protocol: nmea0183\n    input: { type: udp, port: 10999, bind: 127.0.0.1 }\n`;
function config(name: string, body: string): string {
  return file(name, `unit: u1\n${body}`);
}

/** Runs a verb with a deadline: a hang is a failure, not a stuck suite. */
async function runBounded(args: string[], ms = 20_000): Promise<{ code: number | string; stdout: string; stderr: string }> {
  const p = spawnLookout(args);
  const timer = setTimeout(() => p.proc.kill('SIGKILL'), ms);
  const code = await p.exited;
  clearTimeout(timer);
  return { code, stdout: p.stdout(), stderr: p.stderr() };
}

function firstLine(s: string): string {
  return s.split('\n').find((l) => l.trim() !== '') ?? '';
}

interface Row {
  name: string;
  args: () => string[];
  code: number;
  /** The first non-empty line of stderr. */
  first: RegExp;
  /** Somewhere in stderr. */
  also?: RegExp[];
  /** After the run: nothing may have been created here. */
  creates?: string;
}

const rows: Row[] = [
  { name: 'no verb', args: () => [], code: 2, first: /^lookout: which verb\?/ },
  { name: 'help of an unknown verb', args: () => ['help', 'frobnicate'], code: 2, first: /unknown verb "frobnicate"/ },
  { name: 'unknown verb', args: () => ['frobnicate'], code: 2, first: /unknown command 'frobnicate'/ },
  { name: 'config without a sub-verb', args: () => ['config'], code: 2, first: /config needs a sub-verb: check, example, schema/ },
  { name: 'run with neither config nor sensor', args: () => ['run'], code: 2, first: /run needs a configuration: --config FILE .*--sensor PATH/ },
  { name: 'run --sensor without --unit', args: () => ['run', '--sensor', '/dev/ttyUSB0'], code: 2, first: /needs --unit ID/ },
  { name: 'run --sensor with a bad baud', args: () => ['run', '--sensor', '/dev/x@abc', '--unit', 'u', '--protocol', 'cat240'], code: 2, first: /--sensor takes PATH or PATH@BAUD/ },
  { name: 'run --pfa out of the schema range', args: () => ['run', '--sensor', '/dev/x', '--unit', 'u', '--protocol', 'cat240', '--pfa', '1.5'], code: 2, first: /^lookout: --pfa: .*got "1.5"/ },
  { name: 'run --pfa not a number', args: () => ['run', '--sensor', '/dev/x', '--unit', 'u', '--protocol', 'cat240', '--pfa', 'often'], code: 2, first: /^lookout: --pfa: .*got "often"/ },
  { name: 'run --broker ftp://', args: () => ['run', '--sensor', '/dev/x', '--unit', 'u', '--protocol', 'cat240', '--broker', 'ftp://x'], code: 2, first: /--broker: "ftp" is not a broker scheme/ },
  { name: 'tail --url notaurl', args: () => ['tail', '--url', 'notaurl', '--duration', '1'], code: 2, first: /--url: "notaurl" is not a URL/ },
  { name: 'tail --url http://', args: () => ['tail', '--url', 'http://127.0.0.1:1', '--duration', '1'], code: 2, first: /--url: "http" is not a broker scheme/ },
  { name: 'demo --link foo', args: () => ['demo', '--link', 'foo'], code: 2, first: /--link must be one of auto, pty, udp, got "foo"/ },
  { name: 'config check of a missing file', args: () => ['config', 'check', join(dir, 'absent.yaml')], code: 78, first: /cannot read .*absent\.yaml: no such file/ },
  {
    name: 'mqtt.url with a scheme mqtt.js cannot speak',
    args: () => ['config', 'check', config('ftp.yaml', `dataDir: ${dir}/d-ftp\nmqtt: { url: 'ftp://x' }\n${SENSOR}`)],
    code: 78,
    first: /has 1 problem/,
    also: [/mqtt\.url: "ftp" is not a broker scheme/],
  },
  {
    name: 'a YAML alias bomb',
    args: () => ['config', 'check', file('bomb.yaml', 'a: &a [1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n')],
    code: 78,
    first: /bomb\.yaml is not a usable configuration/,
    also: [/aliases expand too far/],
  },
  { name: 'a 5 MB file given as a config', args: () => ['config', 'check', file('big.yaml', Buffer.alloc(5_000_000, 0x61))], code: 78, first: /big\.yaml is not a configuration file/, also: [/at most 1048576 bytes/] },
  { name: 'a binary file given as a config', args: () => ['config', 'check', file('bin.yaml', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) & 0xff)))], code: 78, first: /bin\.yaml is not a configuration file/, also: [/binary, not YAML/] },
  {
    name: 'YAML errors are capped, with a count of the rest',
    args: () => ['config', 'check', file('many.yaml', Array.from({ length: 200 }, (_, i) => `k${i}: [unclosed\n`).join(''))],
    code: 78,
    first: /many\.yaml is not valid YAML/,
    also: [/\.\.\. and \d+ more/],
  },
  {
    name: 'every file a config names, listed at once',
    args: () => [
      'config',
      'check',
      config(
        'files.yaml',
        `dataDir: ${dir}/d-files\nmqtt:\n  url: mqtts://127.0.0.1:8883\n  username: x\n  passwordFile: ${dir}/no-password\n  tls: { caFile: ${dir}, certFile: ${dir}/no.pem, keyFile: ${dir}/no.key }\n` +
          `sensors:\n  - id: r\n    protocol: nmea0183\n    input: { type: file, path: ${dir}/no-capture.nmea }\n`,
      ),
    ],
    code: 78,
    first: /files\.yaml names 5 file\(s\) that cannot be used/,
    also: [/mqtt\.passwordFile: .*no such file/, /mqtt\.tls\.caFile: .* is a directory, not a file/, /mqtt\.tls\.certFile/, /mqtt\.tls\.keyFile/, /sensors\.0\.input\.path: .*no such file/],
  },
  {
    name: 'run: a data directory under /proc fails at once (no loop, exit 78, nothing created)',
    args: () => ['run', '--config', config('proc.yaml', `dataDir: /proc/lookout-data\n${SENSOR}`)],
    code: 78,
    first: /names 1 file\(s\) that cannot be used/,
    also: [/dataDir: \/proc\/lookout-data lies under \/proc/],
  },
  {
    name: 'run: a data directory that is a file',
    args: () => ['run', '--config', config('isfile.yaml', `dataDir: ${file('plain-file', 'x')}\n${SENSOR}`)],
    code: 78,
    first: /names 1 file/,
    also: [/dataDir: .*plain-file is a file, not a directory/],
  },
  {
    name: 'run: a data directory under a file (nothing created)',
    args: () => ['run', '--config', config('underfile.yaml', `dataDir: ${file('plain-file-2', 'x')}/sub/dir\n${SENSOR}`)],
    code: 78,
    first: /names 1 file/,
    also: [/dataDir: .*plain-file-2\/sub\/dir lies under a file/],
  },
  {
    name: 'config check creates nothing when a problem is found',
    args: () => ['config', 'check', config('nocreate.yaml', `dataDir: ${dir}/never/created\nmqtt: { passwordFile: ${dir}/nope }\n${SENSOR}`)],
    code: 78,
    first: /names 1 file/,
    creates: join(dir, 'never'),
  },
];

describe('lookout against hostile inputs', () => {
  for (const row of rows) {
    it(`${row.name}: exit ${row.code}`, async () => {
      const r = await runBounded(row.args());
      expect({ code: r.code, first: firstLine(r.stderr) }).toMatchObject({ code: row.code, first: expect.stringMatching(row.first) });
      for (const re of row.also ?? []) expect(r.stderr).toMatch(re);
      expect(r.stderr).not.toMatch(/^\s+at .*\(.*:\d+:\d+\)$/m); // never a stack trace
      if (row.creates) expect(existsSync(row.creates)).toBe(false);
    });
  }

  it('`sim --out -` into a reader that closes after 100 bytes ends normally: exit 0, no EPIPE trace', async () => {
    const proc = spawn(process.execPath, [LOOKOUT_BIN, 'sim', '--protocol', 'cat240', '--out', '-'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    proc.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
    let got = 0;
    proc.stdout.on('data', (b: Buffer) => {
      got += b.length;
      if (got >= 100) proc.stdout.destroy();
    });
    const timer = setTimeout(() => proc.kill('SIGKILL'), 20_000);
    const code = await new Promise<number | null>((resolve) => proc.once('exit', (c) => resolve(c)));
    clearTimeout(timer);
    expect(got).toBeGreaterThanOrEqual(100);
    expect({ code, err }).toEqual({ code: 0, err: '' });
  });

  it('a second agent on the same data directory is refused, naming the directory and the holder pid; nothing written', async () => {
    const dataDir = join(dir, 'shared-data');
    mkdirSync(dataDir);
    const cfg = config('shared.yaml', `dataDir: ${dataDir}\nmqtt: { url: 'mqtt://127.0.0.1:1' }\n${SENSOR}`);
    const first = spawnLookout(['run', '--config', cfg]);
    try {
      await waitUntil(() => /agent started/.test(first.stderr()) || first.proc.exitCode !== null, 20_000, 'the first agent');
      expect(first.proc.exitCode).toBeNull();
      const before = readdirSync(dataDir).sort();
      const second = await runLookout(['run', '--config', cfg]);
      expect(second.code).toBe(1);
      expect(firstLine(second.stderr)).toMatch(new RegExp(`E_DATA_DIR_LOCKED: the data directory ${dataDir} is in use by process ${first.proc.pid}`));
      expect(readdirSync(dataDir).sort()).toEqual(before);
    } finally {
      expect((await first.stop('SIGTERM')).code).toBe(0);
    }
    // The lock went with the process: a new agent starts.
    const third = spawnLookout(['run', '--config', cfg]);
    await waitUntil(() => /agent started/.test(third.stderr()) || third.proc.exitCode !== null, 20_000, 'the third agent');
    expect(third.proc.exitCode).toBeNull();
    expect((await third.stop('SIGTERM')).code).toBe(0);
  });
});
