/**
 * One judgement of the agent's health, read by the systemd watchdog (feed or withhold), by
 * `/readyz` and by `STATUS=`: the event loop turns, the outbox commits, every sensor has sent data
 * within its `silenceMs` (ready) or at least within its grace (healthy), the broker is connected
 * (ready only: a broker outage is what the outbox is for, not a reason to restart).
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

export interface SensorLiveness {
  id: string;
  /** Monotonic ms of the last byte or frame from the sensor; undefined before the first. */
  lastDataMonoMs: number | undefined;
  /** Silent longer than this: not ready, and STATUS= says so. */
  silenceMs: number;
}

export interface HealthProbes {
  monoMs(): number;
  sensors(): SensorLiveness[];
  /** The outbox's last commit succeeded (or there was nothing to commit). */
  outbox(): { ok: boolean; reason?: string };
  brokerConnected(): boolean;
  /** A few words of what the agent does (plots per turn, outbox depth, ...). */
  summary(): string;
}

export interface HealthMonitorOptions {
  probes: HealthProbes;
  /** A sensor silent past silenceMs + this stops the watchdog pings (systemd restarts the agent). */
  graceMs: number;
  /** The event loop held up longer than this at once is unhealthy. */
  maxLoopDelayMs: number;
  /** Monotonic ms of the agent's start: a sensor that never spoke is judged from here. */
  startedMonoMs: number;
  /** For tests: the loop-delay source (default: perf_hooks' monitorEventLoopDelay). */
  loopDelay?: Pick<IntervalHistogram, 'max' | 'reset' | 'enable' | 'disable'>;
}

export interface HealthVerdict {
  /** Feed the watchdog. */
  healthy: boolean;
  /** `/readyz` 200. */
  ready: boolean;
  /** Why not ready (or not healthy), in words. */
  reasons: string[];
  /** One line for systemctl status. */
  status: string;
}

export class HealthMonitor {
  private readonly loop: Pick<IntervalHistogram, 'max' | 'reset' | 'enable' | 'disable'>;
  private lastLoopMaxMs = 0;

  constructor(private readonly options: HealthMonitorOptions) {
    this.loop = options.loopDelay ?? monitorEventLoopDelay({ resolution: 20 });
  }

  start(): void {
    this.loop.enable();
  }

  stop(): void {
    this.loop.disable();
  }

  /**
   * Reads the probes now. The loop delay is the worst since the last consuming call (the
   * watchdog's); a `/readyz` probe reads without consuming, so scrapes cannot hide a stall.
   */
  check(consume = true): HealthVerdict {
    const p = this.options.probes;
    const now = p.monoMs();
    const reasons: string[] = [];
    let healthy = true;
    let ready = true;
    const loopMaxMs = this.loop.max / 1e6;
    if (consume) {
      this.loop.reset();
      this.lastLoopMaxMs = loopMaxMs;
    }
    if (loopMaxMs > this.options.maxLoopDelayMs) {
      healthy = false;
      ready = false;
      reasons.push(`the event loop was held up ${Math.round(loopMaxMs)} ms at once (more than ${this.options.maxLoopDelayMs} ms)`);
    }
    const outbox = p.outbox();
    if (!outbox.ok) {
      healthy = false;
      ready = false;
      reasons.push(`the outbox cannot commit${outbox.reason ? `: ${outbox.reason}` : ''}`);
    }
    let live = 0;
    const sensors = p.sensors();
    for (const s of sensors) {
      const silentMs = now - (s.lastDataMonoMs ?? this.options.startedMonoMs);
      if (silentMs <= s.silenceMs) {
        live++;
        continue;
      }
      ready = false;
      const said = s.lastDataMonoMs === undefined ? 'no data since start' : 'no data';
      reasons.push(`sensor ${s.id}: ${said} for ${Math.round(silentMs / 1000)} s (silenceMs ${s.silenceMs})`);
      if (silentMs > s.silenceMs + this.options.graceMs) healthy = false;
    }
    const broker = p.brokerConnected();
    if (!broker) {
      ready = false;
      reasons.push('broker not connected (records wait in the outbox)');
    }
    const head = `${live}/${sensors.length} sensors live, ${p.summary()}, broker ${broker ? 'connected' : 'down'}`;
    const status = reasons.length === 0 ? head : `${head}; ${reasons.join('; ')}`;
    return { healthy, ready, reasons, status };
  }

  /** The worst event-loop delay seen by the last check (ms). */
  get loopDelayMs(): number {
    return this.lastLoopMaxMs;
  }
}
