/**
 * The service side of a unit, built once by the composition root: the health judgement, the
 * systemd notify protocol (READY, STATUS, WATCHDOG, STOPPING) and the optional `/metrics`,
 * `/healthz`, `/readyz` endpoint. All three read one health monitor and one status snapshot,
 * so systemd, a scrape and the `status` record tell the same story.
 */
import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import { LookoutError } from '../errors.js';
import type { HealthConfig, HttpConfig } from './config.js';
import { HealthMonitor, type HealthProbes } from './health.js';
import { HttpEndpoint, parseListenAddress } from './http.js';
import { createAgentMetrics, type AgentMetrics, type MetricsSnapshot } from './metrics.js';
import { SystemdNotifier } from './notify.js';
import type { SysCalls } from './sys.js';

export interface ServiceOptions {
  http: HttpConfig;
  health: HealthConfig;
  /** `run --http HOST:PORT`: overrides `http.listen`. */
  listen?: string;
  /** NOTIFY_SOCKET, WATCHDOG_USEC, WATCHDOG_PID (process.env in `run`). */
  env: NodeJS.ProcessEnv;
  sys: SysCalls | null;
  logger: Logger;
  probes: HealthProbes;
  snapshot: () => MetricsSnapshot;
  startedMonoMs: number;
}

/** Reads a bearer token file: its first line, which must not be empty. */
export function readTokenFile(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new LookoutError('E_CONFIG', `http.tokenFile ${path} cannot be read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { cause: err });
  }
  const token = text.split(/\r?\n/, 1)[0].trim();
  if (token.length === 0) throw new LookoutError('E_CONFIG', `http.tokenFile ${path} is empty: its first line is the bearer token`);
  return token;
}

export class Service {
  readonly health: HealthMonitor;
  readonly notifier: SystemdNotifier;
  /** Present when an address is configured. */
  readonly http: HttpEndpoint | undefined;
  readonly metrics: AgentMetrics | undefined;

  constructor(options: ServiceOptions) {
    this.health = new HealthMonitor({
      probes: options.probes,
      graceMs: options.health.graceMs,
      maxLoopDelayMs: options.health.maxLoopDelayMs,
      startedMonoMs: options.startedMonoMs,
    });
    this.notifier = new SystemdNotifier({
      env: options.env,
      sys: options.sys,
      logger: options.logger.child({ stage: 'systemd' }),
      health: () => this.health.check(true),
    });
    const listen = options.listen ?? options.http.listen;
    if (listen !== undefined) {
      let address: { host: string; port: number };
      try {
        address = parseListenAddress(listen);
      } catch (err) {
        throw new LookoutError('E_CONFIG', `http.listen: ${(err as Error).message}`, { cause: err });
      }
      const metrics = createAgentMetrics(options.snapshot);
      this.metrics = metrics;
      this.http = new HttpEndpoint({
        ...address,
        ...(options.http.tokenFile ? { token: readTokenFile(options.http.tokenFile) } : {}),
        metrics: () => metrics.render(),
        metricsContentType: metrics.contentType,
        readiness: () => {
          const v = this.health.check(false);
          return { ready: v.ready, reasons: v.reasons };
        },
        logger: options.logger.child({ stage: 'http' }),
      });
    }
  }

  /** Started first, so an address in use fails before any port or file is opened. */
  get endpointStage(): { name: string; start: () => Promise<void>; stop: () => Promise<void> } | undefined {
    const http = this.http;
    return http ? { name: 'http', start: () => http.start(), stop: () => http.stop() } : undefined;
  }

  /** Every stage has started: READY=1, then STATUS= and watchdog pings. */
  ready(): void {
    this.health.start();
    this.notifier.start();
    this.notifier.ready();
  }

  /** The agent is stopping (SIGTERM): STOPPING=1 before the stages close. */
  stopping(): void {
    this.notifier.stopping();
    this.health.stop();
  }
}
