#!/usr/bin/env node
/**
 * Lookout beside the pipeline a radar engineer would write instead (../shared/bench/pypeer.py),
 * on the same inputs, one after the other, in one run:
 *
 *   real rate  `lookout sim --protocol cat240 --rate 1` (24 rpm, 2048 x 1024) through a socat
 *              PTY pair for --seconds: CPU % of one core and peak RSS of the consumer
 *   flat out   the shared harbour recording repeated --repeat times, written into a PTY as fast
 *              as it goes: spokes/s and peak RSS of the consumer
 *   ceiling    the same bytes from socat to cat through the same kind of PTY pair: what the PTY
 *              itself carries
 *
 * Both consumers publish to a local mosquitto. Needs: mosquitto, socat, and Debian's python3 with
 * python3-serial, python3-numpy, python3-scipy, python3-paho-mqtt; the compiled agent
 * (`npx tsc -p tsconfig.json`). Usage:
 *   node test/bench/peer.mjs [--seconds 60] [--repeat 5] [--json]
 * Bounded: about 2 x seconds + 2 x (flat-out time) + a few seconds.
 */
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SHARED = resolve(ROOT, '../shared');
const PEER = join(SHARED, 'bench/pypeer.py');
const RECORDING = join(SHARED, 'data/radar-video/navico-4g-noheading.cat240.gz');
const LOOKOUT = join(ROOT, 'agent/bin/lookout.js');
const PY = '/usr/bin/python3';
const CLK_TCK = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const SECONDS = opt('seconds', 60);
const REPEAT = opt('repeat', 5);
const JSON_OUT = args.includes('--json');
/** `--only lookout` (or peer): one consumer, for before/after runs of a change. */
const ONLY = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const CONSUMERS = ONLY ? [ONLY] : ['peer', 'lookout'];
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0].replace(/^#!.*\n\/\*\*\n/, '').replace(/^ \* ?/gm, ''));
  process.exit(0);
}

function missing() {
  const out = [];
  for (const [bin, pkg] of [['mosquitto', 'mosquitto'], ['socat', 'socat']]) if (spawnSync('sh', ['-c', `command -v ${bin} || test -x /usr/sbin/${bin}`]).status !== 0) out.push(pkg);
  if (!existsSync(PY)) out.push('python3');
  else for (const [mod, pkg] of [['serial', 'python3-serial'], ['numpy', 'python3-numpy'], ['scipy', 'python3-scipy'], ['paho.mqtt.client', 'python3-paho-mqtt']]) if (spawnSync(PY, ['-c', `import ${mod}`]).status !== 0) out.push(pkg);
  if (!existsSync(join(ROOT, 'agent/dist/cli/index.js'))) out.push('the compiled agent (npx tsc -p tsconfig.json)');
  for (const f of [PEER, RECORDING]) if (!existsSync(f)) out.push(f);
  return out;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const freePort = () =>
  new Promise((res) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => res(p));
    });
  });

/** utime + stime (s) and peak RSS (MB) of a process from /proc. */
function usage(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return { cpuS: (Number(f[11]) + Number(f[12])) / CLK_TCK, rssMB: hwm ? Number(hwm[1]) / 1024 : NaN };
  } catch {
    return undefined;
  }
}

function start(cmd, argv, opts = {}) {
  const p = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
  let out = '';
  let err = '';
  p.stdout.on('data', (d) => (out += d));
  p.stderr.on('data', (d) => (err += d));
  const exited = new Promise((r) => p.once('exit', (code, sig) => r(code ?? sig)));
  return { p, exited, out: () => out, err: () => err };
}

async function ptyPair(dir, name) {
  const a = join(dir, `${name}-a`);
  const b = join(dir, `${name}-b`);
  const s = start('socat', ['-b', '262144', `PTY,raw,echo=0,link=${a}`, `PTY,raw,echo=0,link=${b}`]);
  for (let i = 0; i < 200 && !(existsSync(a) && existsSync(b)); i++) await sleep(25);
  if (!existsSync(a)) throw new Error(`socat PTY pair did not appear: ${s.err()}`);
  return { a, b, stop: () => (s.p.kill('SIGTERM'), s.exited) };
}

/** Samples a process's usage until it exits or `until()` says stop; returns the last sample. */
async function watch(proc, until = () => false) {
  let last;
  for (;;) {
    const u = usage(proc.p.pid);
    if (u) last = u;
    if (proc.p.exitCode !== null || proc.p.signalCode !== null || (await until())) return last;
    await sleep(100);
  }
}

async function metric(port, name) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/metrics`);
    const m = new RegExp(`^${name} (\\S+)$`, 'm').exec(await res.text());
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

async function main() {
  const lacking = missing();
  if (lacking.length > 0) {
    process.stderr.write(`bench peer: missing ${lacking.join(', ')}\n  (apt-get install -y mosquitto socat python3-serial python3-numpy python3-scipy python3-paho-mqtt)\n`);
    process.exit(2);
  }
  const dir = mkdtempSync(join(tmpdir(), 'lookout-peer-'));
  const mqttPort = await freePort();
  writeFileSync(join(dir, 'mosquitto.conf'), `listener ${mqttPort} 127.0.0.1\nallow_anonymous true\nuser root\npersistence false\n`);
  const broker = start('/usr/sbin/mosquitto', ['-c', join(dir, 'mosquitto.conf')]);
  await sleep(500);
  const rows = [];
  const row = (r) => {
    rows.push(r);
    if (JSON_OUT) process.stdout.write(JSON.stringify(r) + '\n');
  };
  const big = join(dir, 'harbour-x.cat240');
  try {
    // The flat-out input: the harbour recording repeated.
    const raw = await new Promise((res, rej) => {
      const chunks = [];
      createReadStream(RECORDING).pipe(createGunzip()).on('data', (c) => chunks.push(c)).on('end', () => res(Buffer.concat(chunks))).on('error', rej);
    });
    const outFile = createWriteStream(big);
    for (let i = 0; i < REPEAT; i++) outFile.write(raw);
    await new Promise((r) => outFile.end(r));
    const bigBytes = raw.length * REPEAT;

    const consumers = {
      peer: (port) => start(PY, [PEER, '--port', port, '--broker', `127.0.0.1:${mqttPort}`, '--unit', 'peer', '--idle', '3']),
      lookout: (port, httpPort, dataDir) =>
        start(process.execPath, [LOOKOUT, 'run', '--sensor', `${port}@921600`, '--protocol', 'cat240', '--unit', 'bench', '--broker', `mqtt://127.0.0.1:${mqttPort}`, '--radar', '58.2124,11.5475', '--data-dir', dataDir, '--http', `127.0.0.1:${httpPort}`, '--log-level', 'warn']),
    };

    // Real rate.
    for (const name of CONSUMERS) {
      const pty = await ptyPair(dir, `rr-${name}`);
      const httpPort = await freePort();
      const c = consumers[name](pty.b, httpPort, join(dir, `data-rr-${name}`));
      await sleep(1500);
      const before = usage(c.p.pid);
      const sim = start(process.execPath, [LOOKOUT, 'sim', '--protocol', 'cat240', '--out', `${pty.a}@921600`, '--rate', '1', '--duration', String(SECONDS)]);
      const t0 = performance.now();
      await sim.exited;
      const after = usage(c.p.pid);
      const wall = (performance.now() - t0) / 1000;
      c.p.kill('SIGTERM');
      await c.exited;
      await pty.stop();
      row({ bench: 'peer', case: 'real rate', consumer: name, cpuPercent: (100 * (after.cpuS - before.cpuS)) / wall, rssMB: after.rssMB, seconds: wall });
    }

    // The PTY's own ceiling: socat writes the file into the pair, cat reads the other end.
    {
      const pty = await ptyPair(dir, 'ceiling');
      const reader = start('sh', ['-c', `exec cat "${pty.b}" > /dev/null`]);
      await sleep(200);
      const t0 = performance.now();
      const writer = start('socat', ['-u', '-b', '262144', `OPEN:${big}`, `OPEN:${pty.a}`]);
      await writer.exited;
      const wall = (performance.now() - t0) / 1000;
      reader.p.kill('SIGTERM');
      await pty.stop();
      row({ bench: 'peer', case: 'pty ceiling', consumer: 'socat -> cat', mbPerSecond: bigBytes / 1e6 / wall, seconds: wall });
    }

    // Flat out.
    for (const name of CONSUMERS) {
      const pty = await ptyPair(dir, `fo-${name}`);
      const httpPort = await freePort();
      const c = consumers[name](pty.b, httpPort, join(dir, `data-fo-${name}`));
      await sleep(1500);
      const t0 = performance.now();
      const writer = start('socat', ['-u', '-b', '262144', `OPEN:${big}`, `OPEN:${pty.a}`]);
      let result;
      if (name === 'peer') {
        const last = await watch(c);
        await writer.exited;
        const r = JSON.parse(c.out().trim().split('\n').pop());
        result = { spokes: r.spokes, spokesPerSecond: r.spokesPerSec, rssMB: last?.rssMB ?? r.maxRssMB, mbPerSecond: r.seconds ? bigBytes / 1e6 / r.seconds : undefined };
      } else {
        // Lookout runs on: the spokes are done when its spoke counter stops moving.
        let spokes = 0;
        let lastChange = performance.now();
        const last = await watch(c, async () => {
          const n = (await metric(httpPort, 'lookout_spokes_total')) ?? 0;
          if (n !== spokes) {
            spokes = n;
            lastChange = performance.now();
          }
          return writer.p.exitCode !== null && performance.now() - lastChange > 3000;
        });
        c.p.kill('SIGTERM');
        await c.exited;
        const seconds = (lastChange - t0) / 1000;
        result = { spokes, spokesPerSecond: spokes / seconds, rssMB: last?.rssMB, mbPerSecond: bigBytes / 1e6 / seconds };
      }
      await pty.stop();
      row({ bench: 'peer', case: 'flat out', consumer: name, ...result });
    }
  } finally {
    broker.p.kill('SIGTERM');
    await broker.exited;
    rmSync(dir, { recursive: true, force: true });
  }
  if (ONLY) {
    if (!JSON_OUT) for (const r of rows) process.stdout.write(JSON.stringify(r) + '\n');
  } else if (!JSON_OUT) {
    const get = (c, n) => rows.find((r) => r.case === c && r.consumer === n);
    const rrP = get('real rate', 'peer');
    const rrL = get('real rate', 'lookout');
    const foP = get('flat out', 'peer');
    const foL = get('flat out', 'lookout');
    const ceil = rows.find((r) => r.case === 'pty ceiling');
    const f = (x, d = 1) => (x === undefined || Number.isNaN(x) ? '-' : x.toFixed(d));
    process.stdout.write(
      [
        `                                 the Python peer   Lookout   ratio (Lookout / peer)`,
        `real rate (${SECONDS} s), CPU % of a core   ${f(rrP.cpuPercent).padStart(8)}   ${f(rrL.cpuPercent).padStart(8)}   ${f(rrL.cpuPercent / rrP.cpuPercent, 2)}`,
        `real rate, peak RSS MB            ${f(rrP.rssMB, 0).padStart(8)}   ${f(rrL.rssMB, 0).padStart(8)}   ${f(rrL.rssMB / rrP.rssMB, 2)}`,
        `flat out (x${REPEAT}), spokes/s            ${f(foP.spokesPerSecond, 0).padStart(8)}   ${f(foL.spokesPerSecond, 0).padStart(8)}   ${f(foL.spokesPerSecond / foP.spokesPerSecond, 2)}`,
        `flat out, peak RSS MB             ${f(foP.rssMB, 0).padStart(8)}   ${f(foL.rssMB, 0).padStart(8)}   ${f(foL.rssMB / foP.rssMB, 2)}`,
        `flat out, spokes seen             ${String(foP.spokes).padStart(8)}   ${String(foL.spokes).padStart(8)}`,
        `flat out, MB/s through the PTY    ${f(foP.mbPerSecond).padStart(8)}   ${f(foL.mbPerSecond).padStart(8)}   (the PTY itself, socat -> cat: ${f(ceil.mbPerSecond)} MB/s; Lookout at ${f((100 * foL.mbPerSecond) / ceil.mbPerSecond, 0)} % of it)`,
      ].join('\n') + '\n',
    );
  }
}

main().catch((err) => {
  process.stderr.write(`bench peer: ${err.stack ?? err}\n`);
  process.exit(1);
});
