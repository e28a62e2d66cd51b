import type { Logger } from 'pino';
import type { SysCalls } from './sys.js';

/** What the agent says of its health at each watchdog period. */
export interface HealthReport {
  /** True while the watchdog may be fed: the loop turns, the outbox commits, no sensor silent past its grace. */
  healthy: boolean;
  /** One line for `systemctl status` (sensors up, plots/turn, outbox depth, broker state, or what is wrong). */
  status: string;
}

export interface SystemdNotifierOptions {
  /** `process.env` or a test's own: NOTIFY_SOCKET, WATCHDOG_USEC, WATCHDOG_PID. */
  env: NodeJS.ProcessEnv;
  sys: SysCalls | null;
  logger: Pick<Logger, 'warn' | 'debug' | 'info'>;
  health: () => HealthReport;
  /** How often STATUS= is sent when there is no watchdog (ms). */
  statusIntervalMs?: number;
  pid?: number;
}

/**
 * systemd's notify protocol (sd_notify(3)): READY=1 once every stage has started, STATUS= a line
 * every few seconds, WATCHDOG=1 at half of $WATCHDOG_USEC while healthy (so an unhealthy agent is
 * restarted by systemd), STOPPING=1 when it stops. Without $NOTIFY_SOCKET nothing is sent.
 */
export class SystemdNotifier {
  readonly name = 'systemd-notify';
  readonly socket: string | undefined;
  /** Half the watchdog period (ms), or undefined when systemd set no watchdog for this process. */
  readonly watchdogIntervalMs: number | undefined;
  readonly counters = { sent: 0, failed: 0, watchdogPings: 0, watchdogWithheld: 0 };
  private timer: NodeJS.Timeout | undefined;
  private lastStatus = '';
  private warned = false;

  constructor(private readonly options: SystemdNotifierOptions) {
    const env = options.env;
    this.socket = env.NOTIFY_SOCKET && env.NOTIFY_SOCKET.length > 0 ? env.NOTIFY_SOCKET : undefined;
    const usec = Number(env.WATCHDOG_USEC);
    const forPid = env.WATCHDOG_PID === undefined || Number(env.WATCHDOG_PID) === (options.pid ?? process.pid);
    this.watchdogIntervalMs = this.socket && forPid && Number.isFinite(usec) && usec > 0 ? Math.max(1, Math.floor(usec / 2000)) : undefined;
  }

  get enabled(): boolean {
    return this.socket !== undefined;
  }

  /** Starts the periodic STATUS= (and WATCHDOG=1) messages; READY=1 is sent by `ready()`. */
  start(): void {
    if (!this.enabled) return;
    if (!this.options.sys) {
      this.options.logger.warn({ socket: this.socket }, 'NOTIFY_SOCKET is set but the native addon is not loaded: systemd will not hear READY=1 or watchdog pings');
      return;
    }
    const every = this.watchdogIntervalMs ?? this.options.statusIntervalMs ?? 5000;
    this.timer = setInterval(() => this.tick(), every);
    this.timer.unref();
  }

  /** Every stage has started. */
  ready(): void {
    const h = this.options.health();
    this.send(`READY=1\nSTATUS=${oneLine(h.status)}${this.watchdogIntervalMs !== undefined && h.healthy ? '\nWATCHDOG=1' : ''}`);
    this.lastStatus = h.status;
  }

  tick(): void {
    const h = this.options.health();
    const lines: string[] = [];
    if (h.status !== this.lastStatus || this.watchdogIntervalMs === undefined) lines.push(`STATUS=${oneLine(h.status)}`);
    this.lastStatus = h.status;
    if (this.watchdogIntervalMs !== undefined) {
      if (h.healthy) {
        lines.push('WATCHDOG=1');
        this.counters.watchdogPings++;
      } else this.counters.watchdogWithheld++;
    }
    if (lines.length > 0) this.send(lines.join('\n'));
  }

  /** SIGTERM or a stop: tell systemd before the stages close. */
  stopping(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.send('STOPPING=1');
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private send(message: string): void {
    if (!this.socket || !this.options.sys) return;
    const errno = this.options.sys.notifySocket(this.socket, message);
    if (errno === 0) {
      this.counters.sent++;
      return;
    }
    this.counters.failed++;
    if (!this.warned) {
      this.warned = true;
      this.options.logger.warn({ socket: this.socket, errno }, 'cannot send to the systemd notify socket');
    }
  }
}

function oneLine(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').slice(0, 400);
}
