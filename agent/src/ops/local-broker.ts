import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LookoutError } from '../errors.js';

/** A broker on loopback for the demo: Debian's mosquitto when installed, else an embedded one. */
export interface LocalBroker {
  kind: 'mosquitto' | 'embedded';
  url: string;
  /** MQTT versions it speaks: the embedded broker only 3.1.1. */
  protocolVersion: 4 | 5;
  stop(): Promise<void>;
}

export function findMosquitto(): string | undefined {
  for (const p of ['/usr/sbin/mosquitto', '/usr/bin/mosquitto', '/usr/local/sbin/mosquitto']) if (existsSync(p)) return p;
  const which = spawnSync('sh', ['-c', 'command -v mosquitto'], { encoding: 'utf8' });
  const found = which.stdout.trim();
  return which.status === 0 && found ? found : undefined;
}

export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs: number, proc?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc && proc.exitCode !== null) throw new LookoutError('E_BROKER', `mosquitto exited at start with code ${proc.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = createConnection({ host: '127.0.0.1', port }, () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new LookoutError('E_BROKER', `no broker listening on 127.0.0.1:${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Debian's mosquitto on a free loopback port with a generated config (plus `extra` lines). */
export async function startLocalMosquitto(bin: string, extra: readonly string[] = []): Promise<LocalBroker> {
  const port = await freeLoopbackPort();
  const dir = mkdtempSync(join(tmpdir(), 'lookout-broker-'));
  const conf = join(dir, 'mosquitto.conf');
  const lines = [`listener ${port} 127.0.0.1`, 'allow_anonymous true', 'persistence false', 'log_dest none'];
  // mosquitto drops privileges to "mosquitto" when started as root; stay root for the temp dir.
  if (process.getuid?.() === 0) lines.push('user root');
  lines.push(...extra);
  writeFileSync(conf, lines.join('\n') + '\n');
  const proc = spawn(bin, ['-c', conf], { stdio: 'ignore' });
  await waitForPort(port, 10_000, proc);
  return {
    kind: 'mosquitto',
    url: `mqtt://127.0.0.1:${port}`,
    protocolVersion: 5,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}

async function startEmbedded(): Promise<LocalBroker> {
  const { Aedes } = await import('aedes');
  const aedes = await Aedes.createBroker();
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    aedes.handle(socket);
  });
  const port = await freeLoopbackPort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  return {
    kind: 'embedded',
    url: `mqtt://127.0.0.1:${port}`,
    protocolVersion: 4,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => aedes.close(() => resolve()));
        for (const s of sockets) s.destroy();
      }),
  };
}

export async function startLocalBroker(prefer: 'auto' | 'embedded' = 'auto'): Promise<LocalBroker> {
  const bin = prefer === 'auto' ? findMosquitto() : undefined;
  return bin ? startLocalMosquitto(bin) : startEmbedded();
}
