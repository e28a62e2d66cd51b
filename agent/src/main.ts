import { join } from 'node:path';
import type { Logger } from 'pino';
import type { LookoutConfig } from './config/schema.js';
import { configHash } from './config/load.js';
import { systemClock, type Clock } from './io/types.js';
import { Outbox } from './outbox/outbox.js';
import { Publisher } from './publish/publisher.js';
import type { BirthBody, StatusBody } from './wire/types.js';
import { encodeRecord } from './wire/encode.js';
import { loadKernels } from './detect/kernels.js';
import type { DetectorKernels } from './detect/kernel-types.js';
import { StatusReporter } from './ops/status.js';
import { Service } from './ops/service.js';
import type { SysCalls } from './ops/sys.js';
import { buildSensor } from './sensors/index.js';
import { PlotWindow } from './sensors/plot-window.js';
import { buildNav, type NavRuntime } from './sensors/nav.js';
import type { Runtime, SensorRuntime, Stage } from './sensors/types.js';
import { CommandStage } from './control/stage.js';
import { Overrides } from './control/overrides.js';
import type { ControlTarget } from './control/verbs.js';
import { sensorTrackerConfig } from './track/tracking-config.js';

export type { Stage, SensorRuntime } from './sensors/types.js';

export interface AgentDeps {
  logger: Logger;
  version: string;
  clock?: Clock;
  /** The detection kernels (native, or the TypeScript reference); loaded when absent. */
  kernels?: DetectorKernels;
  /** File inputs: called when a sensor's file has been read to the end (`lookout replay`). */
  onInputEnd?: (sensorId: string) => void;
  /**
   * The unit's service side (`lookout run`): systemd notify and watchdog from `env`, and the
   * health and metrics endpoint at `http.listen` (or `listen`). Absent: neither.
   */
  service?: { env: NodeJS.ProcessEnv; sys: SysCalls | null; listen?: string };
}

/** Copies a part's numeric counters into a status record's map, each under `<prefix>.<name>`. */
function addCounters(out: Record<string, number>, prefix: string, values: object): void {
  for (const [k, v] of Object.entries(values) as Array<[string, unknown]>) if (typeof v === 'number') out[`${prefix}.${k}`] = v;
}

/** Listeners of one event, added after the parts that fire and hear it are both built. */
class Signal {
  private readonly listeners = new Set<() => void>();
  on(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
  emit(): void {
    for (const fn of this.listeners) fn();
  }
}

/**
 * The composition root: builds every stage from the configuration and hands each what it needs.
 * Nothing else constructs long-lived services. Start order: outbox, publisher, nav, sensors,
 * status; stop in reverse, each stage in its own try/catch.
 */
export class Agent {
  private readonly stages: Stage[] = [];
  private started: Stage[] = [];
  readonly sensors: SensorRuntime[] = [];
  nav: NavRuntime | undefined;
  private outbox!: Outbox;
  private control!: CommandStage;
  /** The file's configuration with the settings changed by command laid over it (control/overrides.ts). */
  private overrides!: Overrides;
  private publisher!: Publisher;
  private kernels!: DetectorKernels;
  private service: Service | undefined;
  private plotWindow: PlotWindow | undefined;
  private readonly clock: Clock;
  private readonly log: Logger;
  private startedMs = 0;
  /** Fired after each outbox commit (new rows to publish, acknowledged rows deleted). */
  private readonly committed = new Signal();
  private readonly inputsEnded = new Set<string>();
  private readonly inputEnd = new Signal();

  constructor(
    private config: LookoutConfig,
    private readonly deps: AgentDeps,
  ) {
    this.clock = deps.clock ?? systemClock;
    this.log = deps.logger;
  }

  get outboxStage(): Outbox {
    return this.outbox;
  }

  get publisherStage(): Publisher {
    return this.publisher;
  }

  private build(): void {
    this.overrides = new Overrides(join(this.config.dataDir, 'overrides.json'), this.config, this.log.child({ stage: 'commands' }));
    const revertedAtLoad = this.overrides.load(this.clock.wallMs());
    this.config = this.overrides.effective();
    const { config, deps } = this;
    this.kernels = deps.kernels ?? loadKernels({ logger: this.log.child({ stage: 'detect' }) });
    this.outbox = new Outbox({
      path: join(config.dataDir, 'outbox.sqlite'),
      unit: config.unit,
      encode: encodeRecord,
      maxBytes: config.outbox.maxBytes,
      groupCommitMs: config.outbox.groupCommitMs,
      groupCommitRecords: config.outbox.groupCommitRecords,
      memoryRingBytes: config.outbox.memoryRingBytes,
      expirySeconds: config.outbox.expirySeconds,
      logger: this.log.child({ stage: 'outbox' }),
      clock: this.clock,
      onAlert: (alert) => this.log.warn({ alert }, 'alert raised'),
      onCommit: () => this.committed.emit(),
    });
    this.control = new CommandStage({
      unit: config.unit,
      config: config.commands,
      dataDir: config.dataDir,
      sink: this.outbox,
      target: this.controlTarget(),
      overrides: this.overrides,
      logger: this.log.child({ stage: 'commands' }),
      clock: this.clock,
      revertedAtLoad,
    });
    const publisher = new Publisher({
      outbox: this.outbox,
      unit: config.unit,
      mqtt: config.mqtt,
      logger: this.log.child({ stage: 'publish' }),
      birth: () => this.birth(),
      clock: this.clock,
      pollMs: 1000,
      commands: this.control,
      onAcked: (seconds) => this.service?.metrics?.publishLatency.observe(seconds),
      onAlert: (alert) => {
        this.log.warn({ alert }, 'alert raised');
        this.outbox.append('alerts', alert);
      },
    });
    this.publisher = publisher;
    // The publisher looks for rows when they are committed, not by polling the database.
    this.committed.on(() => publisher.wake());
    this.stages.push(
      { name: 'outbox', start: () => this.outbox.start(), stop: () => this.outbox.stop() },
      this.control,
      { name: 'publisher', start: () => publisher.start(), stop: () => publisher.stop() },
    );
    if (config.nav) {
      this.nav = buildNav(config.nav, { logger: this.log.child({ stage: 'nav', protocol: config.nav.protocol }), sink: this.outbox, clock: this.clock });
      this.stages.push(...this.nav.stages);
    }
    // Plots of a sensor within outbox.plotWindowMs share one record; stopped after the sensors, so it flushes last.
    const plotWindow = new PlotWindow(this.outbox, config.outbox.plotWindowMs);
    this.plotWindow = plotWindow;
    this.stages.push(plotWindow);
    for (const sensor of config.sensors) {
      const runtime = buildSensor({
        sensor,
        logger: this.log.child({ stage: 'sensor', sensor: sensor.id }),
        sink: plotWindow,
        kernels: this.kernels,
        clock: this.clock,
        tracker: config.tracker,
        dataDir: config.dataDir,
        ...(this.nav ? { platform: this.nav.poses } : {}),
        onInputEnd: () => {
          this.inputsEnded.add(sensor.id);
          this.inputEnd.emit();
          deps.onInputEnd?.(sensor.id);
        },
      });
      this.sensors.push(runtime);
      this.stages.push(...runtime.stages);
    }
    if (deps.service) this.buildService(deps.service);
    this.stages.push(
      new StatusReporter({
        intervalMs: config.status.intervalMs,
        clock: this.clock,
        collect: () => this.status(),
        emit: (body) => this.outbox.append('status', body),
      }),
    );
  }

  private buildService(options: NonNullable<AgentDeps['service']>): void {
    const { config } = this;
    const live = this.runtimes.filter((r) => r.lastDataMonoMs !== undefined);
    const service = new Service({
      http: config.http,
      health: config.health,
      ...(options.listen !== undefined ? { listen: options.listen } : {}),
      env: options.env,
      sys: options.sys,
      logger: this.log,
      startedMonoMs: this.clock.monoMs(),
      snapshot: () => this.status(),
      probes: {
        monoMs: () => this.clock.monoMs(),
        sensors: () => live.map((r) => ({ id: r.id, lastDataMonoMs: r.lastDataMonoMs!(), silenceMs: config.health.silenceMs })),
        outbox: () => {
          const reason = this.outbox.commitProblem;
          return reason === undefined ? { ok: true } : { ok: false, reason };
        },
        brokerConnected: () => this.publisher.isConnected,
        summary: () => {
          const s = this.status();
          return `${s.plotsPerScan} plots/turn, outbox ${s.outboxDepth} records`;
        },
      },
    });
    this.service = service;
    // The endpoint starts before everything else: an address in use fails with nothing half-started.
    const endpoint = service.endpointStage;
    if (endpoint) this.stages.unshift(endpoint);
  }

  birth(): BirthBody {
    const kinds = new Set(this.sensors.flatMap((s) => s.capabilities));
    return {
      version: this.deps.version,
      sensors: this.sensors.map((s) => ({ id: s.id, protocol: s.protocol, type: s.type, ...s.site })),
      configHash: configHash(this.overrides.effective()),
      session: this.outbox.session,
      capabilities: [...kinds, 'status', 'gap', 'alerts', ...(this.nav?.capabilities ?? []), this.control.enabled ? 'commands' : 'commands-off'],
      startedMs: this.startedMs,
      nextSeq: this.outbox.nextSequence,
    };
  }

  /** What commands may do to the unit (control/verbs.ts). */
  private controlTarget(): ControlTarget {
    const sensor = (id: string): SensorRuntime | undefined => this.sensors.find((s) => s.id === id);
    return {
      status: () => this.status(),
      config: () => this.overrides.effective(),
      rebirth: () => this.publisher.rebirth(),
      setLogLevel: (level) => {
        const previous = this.log.level;
        this.log.level = level;
        return previous;
      },
      sensorIds: () => this.sensors.map((s) => s.id),
      applyDetection: (id, config) => {
        const s = sensor(id);
        const c = config.sensors.find((x) => x.id === id);
        if (!s?.reconfigureDetection || !c || !('detection' in c)) return false;
        s.reconfigureDetection(c.detection);
        this.config = config;
        return true;
      },
      applyTracker: (config) => {
        // Every sensor's merge is checked before any tracker changes (throws E_CONFIG naming the key).
        for (const c of config.sensors) if ('tracking' in c && c.tracking?.enabled) sensorTrackerConfig(c.id, config.tracker, c.tracking.settings);
        const applied: string[] = [];
        for (const s of this.sensors) {
          if (!s.reconfigureTracker) continue;
          s.reconfigureTracker(config.tracker);
          applied.push(s.id);
        }
        this.config = config;
        return applied;
      },
      tapInput: (id, tap) => {
        const s = sensor(id);
        if (!s?.tapInput) return false;
        s.tapInput(tap);
        return true;
      },
      restartSensor: async (id) => {
        const s = sensor(id);
        if (!s) return false;
        const sources = s.stages.filter((st) => st.name.startsWith('source:'));
        for (const st of sources) await st.stop();
        for (const st of sources) await st.start();
        return true;
      },
    };
  }

  private get runtimes(): Runtime[] {
    return this.nav ? [...this.sensors, this.nav] : this.sensors;
  }

  /** The numbers a status record carries. */
  status(): Omit<StatusBody, 'spokesPerSecond'> & { spokes: number } {
    const counters: Record<string, number> = {};
    let spokes = 0;
    let plotsPerScan = 0;
    for (const r of this.runtimes) {
      addCounters(counters, r.id, r.counters());
      const summary = r.summary?.();
      spokes += summary?.spokes ?? 0;
      plotsPerScan += summary?.plotsLastTurn ?? 0;
    }
    addCounters(counters, 'outbox', this.outbox.counters);
    addCounters(counters, 'mqtt', this.publisher.counters);
    addCounters(counters, 'commands', this.control.counters);
    if (this.service) {
      addCounters(counters, 'notify', this.service.notifier.counters);
      if (this.service.http) addCounters(counters, 'http', this.service.http.counters);
    }
    const oc = this.outbox.counters;
    return {
      spokes,
      plotsPerScan,
      outboxDepth: this.outbox.depth,
      outboxBytes: this.outbox.bytes,
      published: this.publisher.counters.acked,
      dropped: oc.droppedQuota + oc.droppedExpired + oc.droppedDiskFull,
      thinned: this.publisher.counters.thinned,
      uptimeSeconds: Math.round((this.clock.wallMs() - this.startedMs) / 1000),
      counters,
    };
  }

  /**
   * For inputs that end (files): waits until every sensor's input has ended, has each pipeline
   * push out what it holds, commits, and waits for the publisher to empty the outbox. Resolves
   * true when the outbox is empty, false when `timeoutMs` passed first (or `abort` fired). Waits
   * on the input-end and commit events, never by polling.
   */
  async drain(timeoutMs: number, abort?: AbortSignal): Promise<boolean> {
    if (!Number.isFinite(timeoutMs) || timeoutMs < 0) throw new RangeError(`drain timeout must be a non-negative number of ms, got ${String(timeoutMs)}`);
    if (!this.outbox) throw new TypeError('drain() before start()');
    const until = (done: () => boolean, signal: Signal, ms: number): Promise<boolean> =>
      new Promise((resolve) => {
        if (done()) return resolve(true);
        if (abort?.aborted) return resolve(false);
        let off = (): void => {};
        const finish = (value: boolean): void => {
          clearTimeout(timer);
          off();
          abort?.removeEventListener('abort', onAbort);
          resolve(value);
        };
        const onAbort = (): void => finish(false);
        const timer = setTimeout(() => finish(done()), ms);
        off = signal.on(() => {
          if (done()) finish(true);
        });
        abort?.addEventListener('abort', onAbort);
      });
    await until(() => this.sensors.every((s) => this.inputsEnded.has(s.id)), this.inputEnd, 2 ** 31 - 1);
    if (abort?.aborted) return this.outbox.depth === 0;
    for (const r of this.runtimes) await r.flush?.();
    this.plotWindow?.flush();
    this.outbox.flush();
    return until(() => this.outbox.depth === 0, this.committed, timeoutMs);
  }

  async start(): Promise<void> {
    this.startedMs = this.clock.wallMs();
    this.build();
    for (const stage of this.stages) {
      await stage.start();
      this.started.push(stage);
    }
    this.service?.ready();
    this.log.info({ unit: this.config.unit, session: this.outbox.session, sensors: this.sensors.map((s) => s.id), nav: this.config.nav?.protocol, kernels: this.kernels.impl }, 'agent started');
  }

  /** Stops every started stage in reverse order, each in its own try/catch. */
  async stop(): Promise<void> {
    this.service?.stopping();
    const stages = this.started.reverse();
    this.started = [];
    for (const stage of stages) {
      try {
        await stage.stop();
      } catch (err) {
        this.log.error({ err, stage: stage.name }, 'stage failed to stop cleanly');
      }
    }
    this.log.info('agent stopped');
  }
}
