import { join } from 'node:path';
import type { Logger } from 'pino';
import type { LookoutConfig, SensorConfig } from './config/schema.js';
import { configHash } from './config/load.js';
import { systemClock, type Clock } from './io/types.js';
import { Outbox } from './outbox/outbox.js';
import { Publisher } from './publish/publisher.js';
import type { BirthBody, StatusBody } from './wire/types.js';
import { loadKernels } from './detect/kernels.js';
import type { DetectorKernels } from './detect/kernel-types.js';
import { StatusReporter } from './ops/status.js';
import { buildRadarVideo } from './sensors/radar-video.js';
import { buildMmwave } from './sensors/mmwave.js';
import { buildArpa } from './sensors/arpa.js';
import { buildNav, type NavRuntime } from './sensors/nav.js';
import type { SensorContext, SensorRuntime, Stage } from './sensors/types.js';

export type { Stage, SensorRuntime } from './sensors/types.js';

export interface AgentDeps {
  logger: Logger;
  version: string;
  clock?: Clock;
  /** The detection kernels (native, or the TypeScript reference); loaded when absent. */
  kernels?: DetectorKernels;
  /** File inputs: called when a sensor's file has been read to the end (`lookout replay`). */
  onInputEnd?: (sensorId: string) => void;
}

const SENSOR_BUILDERS: Record<SensorConfig['protocol'], (ctx: SensorContext) => SensorRuntime> = {
  cat240: buildRadarVideo,
  'ti-mmwave': buildMmwave,
  nmea0183: buildArpa,
};

const SENSOR_TYPES: Record<SensorConfig['protocol'], string> = { cat240: 'radar', 'ti-mmwave': 'mmwave-radar', nmea0183: 'arpa-radar' };

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
  private publisher!: Publisher;
  private kernels!: DetectorKernels;
  private readonly clock: Clock;
  private readonly log: Logger;
  private startedMs = 0;

  constructor(
    private readonly config: LookoutConfig,
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
    const { config, deps } = this;
    this.kernels = deps.kernels ?? loadKernels({ logger: this.log.child({ stage: 'detect' }) });
    this.outbox = new Outbox({
      path: join(config.dataDir, 'outbox.sqlite'),
      unit: config.unit,
      maxBytes: config.outbox.maxBytes,
      groupCommitMs: config.outbox.groupCommitMs,
      groupCommitRecords: config.outbox.groupCommitRecords,
      memoryRingBytes: config.outbox.memoryRingBytes,
      expirySeconds: config.outbox.expirySeconds,
      logger: this.log.child({ stage: 'outbox' }),
      clock: this.clock,
      onAlert: (alert) => this.log.warn({ alert }, 'alert raised'),
      // The publisher looks for rows when they are committed, not by polling the database.
      onCommit: () => this.publisher.wake(),
    });
    this.publisher = new Publisher({
      outbox: this.outbox,
      unit: config.unit,
      mqtt: config.mqtt,
      logger: this.log.child({ stage: 'publish' }),
      birth: () => this.birth(),
      clock: this.clock,
      pollMs: 1000,
    });
    this.stages.push(
      { name: 'outbox', start: () => this.outbox.start(), stop: () => this.outbox.stop() },
      { name: 'publisher', start: () => this.publisher.start(), stop: () => this.publisher.stop() },
    );
    if (config.nav) {
      this.nav = buildNav(config.nav, this.log.child({ stage: 'nav', protocol: config.nav.protocol }));
      this.stages.push(...this.nav.stages);
    }
    for (const sensor of config.sensors) {
      const runtime = SENSOR_BUILDERS[sensor.protocol]({
        sensor,
        logger: this.log.child({ stage: 'sensor', sensor: sensor.id }),
        sink: this.outbox,
        kernels: this.kernels,
        ...(this.nav ? { platform: this.nav.poses } : {}),
        onInputEnd: () => deps.onInputEnd?.(sensor.id),
      });
      this.sensors.push(runtime);
      this.stages.push(...runtime.stages);
    }
    this.stages.push(
      new StatusReporter({
        intervalMs: config.status.intervalMs,
        clock: this.clock,
        collect: () => this.status(),
        emit: (body) => this.outbox.append('status', body),
      }),
    );
  }

  birth(): BirthBody {
    const kinds = new Set(this.config.sensors.map((s) => (s.protocol === 'nmea0183' ? 'tracks' : 'plots')));
    return {
      version: this.deps.version,
      sensors: this.config.sensors.map((s) => ({
        id: s.id,
        protocol: s.protocol,
        type: SENSOR_TYPES[s.protocol],
        ...(s.radar ? { latitude: s.radar.latitude, longitude: s.radar.longitude, heightMetres: s.radar.altitudeMetres } : {}),
      })),
      configHash: configHash(this.config),
      session: this.outbox.session,
      capabilities: [...kinds, 'status', 'gap', 'alerts', ...(this.config.nav ? ['nav'] : [])],
      startedMs: this.startedMs,
      nextSeq: this.outbox.nextSequence,
    };
  }

  /** The numbers a status record carries. */
  status(): Omit<StatusBody, 'spokesPerSecond'> & { spokes: number } {
    const counters: Record<string, number> = {};
    let spokes = 0;
    let plotsPerScan = 0;
    for (const s of this.sensors) {
      for (const [k, v] of Object.entries(s.decoder.counters)) counters[`${s.id}.decoder.${k}`] = v;
      for (const [k, v] of Object.entries(s.counters?.() ?? {})) counters[`${s.id}.${k}`] = v;
      if (s.detection) {
        for (const [k, v] of Object.entries(s.detection.counters)) if (typeof v === 'number') counters[`${s.id}.detect.${k}`] = v;
        spokes += s.detection.counters.spokes;
        plotsPerScan += s.detection.counters.plotsLastTurn;
      }
    }
    if (this.nav) {
      for (const [k, v] of Object.entries(this.nav.decoder.counters)) counters[`nav.decoder.${k}`] = v;
      for (const [k, v] of Object.entries(this.nav.counters())) counters[`nav.${k}`] = v;
    }
    for (const [k, v] of Object.entries(this.outbox.counters)) counters[`outbox.${k}`] = v;
    for (const [k, v] of Object.entries(this.publisher.counters)) counters[`mqtt.${k}`] = v;
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

  async start(): Promise<void> {
    this.startedMs = this.clock.wallMs();
    this.build();
    for (const stage of this.stages) {
      await stage.start();
      this.started.push(stage);
    }
    this.log.info({ unit: this.config.unit, session: this.outbox.session, sensors: this.sensors.map((s) => s.id), nav: this.config.nav?.protocol, kernels: this.kernels.impl }, 'agent started');
  }

  /** Stops every started stage in reverse order, each in its own try/catch. */
  async stop(): Promise<void> {
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
