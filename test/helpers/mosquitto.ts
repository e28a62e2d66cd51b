/**
 * A real Debian mosquitto for a test: a free loopback port, a generated config in a temp dir,
 * persistence off, started and waited for until it accepts connections.
 *
 *   const broker = await startMosquitto();            // mqtt://127.0.0.1:PORT
 *   const tls = await startMosquitto({ tls: { pki, requireCertificate: true }, acl: UNIT_ACL });
 *   await broker.restart();                           // same port
 *   await broker.stop();
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestPki } from './tls.js';

export const MOSQUITTO_BIN = process.env.MOSQUITTO_BIN ?? '/usr/sbin/mosquitto';

/** Asks the kernel for a free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      if (addr === null || typeof addr === 'string') {
        srv.close();
        reject(new Error('no port'));
        return;
      }
      const port = addr.port;
      srv.close(() => resolve(port));
    });
  });
}

export interface MosquittoTlsOptions {
  pki: TestPki;
  /** mTLS: refuse clients without a certificate signed by the CA. Default true. */
  requireCertificate?: boolean;
  /** Take the client certificate's CN as the MQTT username (for per-unit ACLs). Default = requireCertificate. */
  useIdentityAsUsername?: boolean;
}

export interface MosquittoOptions {
  port?: number;
  tls?: MosquittoTlsOptions;
  /** ACL file contents (mosquitto syntax). */
  acl?: string;
  /** A second, clear-text listener (port) beside the TLS one, e.g. for a hub without a certificate. */
  plainPort?: number | true;
  /** Extra config lines. */
  extra?: string[];
  /** Print the broker's log to stderr (debugging). */
  verbose?: boolean;
}

export interface Mosquitto {
  /** mqtt://127.0.0.1:PORT or mqtts://127.0.0.1:PORT */
  url: string;
  port: number;
  /** The clear-text listener when `plainPort` was asked for. */
  plainUrl?: string;
  readonly pid: number;
  dir: string;
  /** What the broker logged so far (stderr+stdout). */
  log(): string;
  /** Stops the broker (SIGTERM, then SIGKILL after 3 s). */
  stop(): Promise<void>;
  /** Kills the broker at once (SIGKILL): no clean close of any session. */
  kill(): Promise<void>;
  /** Stops and starts again on the same port (and config). */
  restart(): Promise<void>;
  /** Freezes the broker (SIGSTOP): TCP stays up, nothing is answered. */
  pause(): void;
  resume(): void;
}

/**
 * The per-unit ACL used by the tests: a unit (CN = username) may only write under
 * lookout/v1/<its unit>/ and read its own commands; `hub` reads everything.
 */
export const UNIT_ACL = [
  'user hub',
  'topic read lookout/v1/#',
  'topic write lookout/v1/+/cmd',
  '',
  'pattern write lookout/v1/%u/#',
  'pattern read lookout/v1/%u/cmd',
  '',
].join('\n');

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function buildConfig(dir: string, port: number, opts: MosquittoOptions, plainPort: number | undefined): string {
  const lines: string[] = [];
  // Debian's mosquitto drops privileges to user `mosquitto` when started as root, which then
  // cannot read the temp dir; keep root.
  if (isRoot()) lines.push('user root');
  lines.push('persistence false', 'log_dest stderr', 'log_type error', 'log_type warning', 'log_type notice', 'log_type information', 'connection_messages true');
  lines.push('per_listener_settings false');
  lines.push(`listener ${port} 127.0.0.1`);
  if (opts.tls) {
    const requireCert = opts.tls.requireCertificate ?? true;
    lines.push(`cafile ${opts.tls.pki.ca}`, `certfile ${opts.tls.pki.server.cert}`, `keyfile ${opts.tls.pki.server.key}`, 'tls_version tlsv1.2');
    lines.push(`require_certificate ${requireCert}`);
    if (opts.tls.useIdentityAsUsername ?? requireCert) lines.push('use_identity_as_username true');
  }
  if (plainPort !== undefined) lines.push(`listener ${plainPort} 127.0.0.1`);
  lines.push('allow_anonymous true');
  if (opts.acl !== undefined) {
    const aclPath = join(dir, 'acl');
    writeFileSync(aclPath, opts.acl);
    lines.push(`acl_file ${aclPath}`);
  }
  lines.push(...(opts.extra ?? []));
  return lines.join('\n') + '\n';
}

function waitForPort(port: number, child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = (): void => {
      if (child.exitCode !== null || child.signalCode !== null) {
        reject(new Error(`mosquitto exited (${child.exitCode ?? child.signalCode}) before listening on ${port}`));
        return;
      }
      const sock = connect({ host: '127.0.0.1', port });
      sock.once('connect', () => {
        sock.destroy();
        resolve();
      });
      sock.once('error', () => {
        sock.destroy();
        if (Date.now() > deadline) reject(new Error(`mosquitto did not listen on ${port} within ${timeoutMs} ms`));
        else setTimeout(attempt, 25);
      });
    };
    attempt();
  });
}

function waitExit(child: ChildProcess, killAfterMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.once('exit', () => {
      clearTimeout(t);
      resolve();
    });
  });
}

/** Starts mosquitto and resolves once it accepts TCP connections. */
export async function startMosquitto(opts: MosquittoOptions = {}): Promise<Mosquitto> {
  const port = opts.port ?? (await freePort());
  const plainPort = opts.plainPort === true ? await freePort() : opts.plainPort;
  const dir = mkdtempSync(join(tmpdir(), 'lookout-mosquitto-'));
  const confPath = join(dir, 'mosquitto.conf');
  writeFileSync(confPath, buildConfig(dir, port, opts, plainPort));
  let logText = '';
  let child: ChildProcess;
  let paused = false;

  const launch = async (): Promise<void> => {
    // mosquitto 2.0.11 on a port in TIME_WAIT may fail to bind for a moment after a kill: retry.
    for (let attempt = 0; ; attempt++) {
      child = spawn(MOSQUITTO_BIN, ['-c', confPath], { stdio: ['ignore', 'pipe', 'pipe'] });
      const onData = (b: Buffer): void => {
        logText += b.toString();
        if (logText.length > 1_000_000) logText = logText.slice(-500_000);
        if (opts.verbose) process.stderr.write(b);
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      try {
        await waitForPort(port, child);
        if (plainPort !== undefined) await waitForPort(plainPort, child);
        return;
      } catch (err) {
        child.kill('SIGKILL');
        await waitExit(child, 100);
        if (attempt >= 20) throw new Error(`${(err as Error).message}\n${logText}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };
  await launch();

  const scheme = opts.tls ? 'mqtts' : 'mqtt';
  const broker: Mosquitto = {
    url: `${scheme}://127.0.0.1:${port}`,
    port,
    plainUrl: plainPort !== undefined ? `mqtt://127.0.0.1:${plainPort}` : undefined,
    get pid() {
      return child.pid ?? -1;
    },
    dir,
    log: () => logText,
    async stop() {
      if (paused) child.kill('SIGCONT');
      paused = false;
      child.kill('SIGTERM');
      await waitExit(child, 3000);
    },
    async kill() {
      paused = false;
      child.kill('SIGKILL');
      await waitExit(child, 3000);
    },
    async restart() {
      await broker.stop();
      await launch();
    },
    pause() {
      paused = true;
      child.kill('SIGSTOP');
    },
    resume() {
      paused = false;
      child.kill('SIGCONT');
    },
  };
  return broker;
}

/** Stops a broker and removes its temp dir; safe to call with undefined (afterAll). */
export async function disposeMosquitto(broker: Mosquitto | undefined): Promise<void> {
  if (!broker) return;
  await broker.stop();
  rmSync(broker.dir, { recursive: true, force: true });
}
