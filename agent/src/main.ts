import { join } from 'node:path';
import type { Logger } from 'pino';
import type { LookoutConfig, SensorConfig } from './config/schema.js';
import { configHash } from './config/load.js';
import { systemClock, type ByteSource, type Clock } from './io/types.js';
import { openInput } from './io/open.js';
import { Outbox } from './outbox/outbox.js';
import { Publisher } from './publish/publisher.js';
import type { BirthBody, StatusBody } from './publish/records.js';
import { Cat240Decoder } from './protocols/cat240/decoder.js';
import type { StreamDecoder } from './protocols/types.js';
import { DetectionStage } from './detect/stage.js';
import { loadKernels } from './detect/kernels.js';
import type { DetectorKernels } from './detect/kernel-types.js';
import { Georeferencer } from './track/georef.js';
import { StatusReporter } from './ops/status.js';
import { IdleFlush } from './io/idle-flush.js';

/** A long-lived part of the agent. Started in the order built, stopped in reverse. */
export interface Stage {
  readonly name: string;
  start(): Promise<void> | void;
  stop(): Promise<void> | void;
}

export interface AgentDeps {
  logger: Logger;
  version: string;
  clock?: Clock;
  /** The detection kernels (native, or the TypeScript reference); loaded when absent. */
  kernels?: DetectorKernels;
  /** File inputs: called when a sensor's file has been read to the end (`lookout replay`). */
  onInputEnd?: (sensorId: string) => void;
}

/** What one sensor contributes to status. */
export interface SensorRuntime {
  id: string;
  protocol: string;
  source: ByteSource;
  decoder: StreamDecoder<unknown>;
  detection?: DetectionStage;
}

/**
 * The composition root: builds every stage from the configuration and hands each what it needs.
 * Nothing else constructs long-lived services.
 */
export class Agent {
  private readonly stages: Stage[] = [];
  private started: Stage[] = [];
  readonly sensors: SensorRuntime[] = [];
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

  private async build(): Promise<void> {
    const { config, deps } = this;
    this.kernels = deps.kernels ?? loadKernels({ logger: this.log.child({ stage: 'detect' }) });
    this.outbox = new Outbox({
      path: join(config.dataDir, 'outbox.sqlite'),
      unit: config.unit,
      maxBytes: config.outbox.maxBytes,
      groupCommitMs: config.outbox.groupCommitMs,
      logger: this.log.child({ stage: 'outbox' }),
      clock: this.clock,
      onAlert: (alert) => this.log.warn({ alert }, 'alert raised'),
    });
    this.publisher = new Publisher({
      outbox: this.outbox,
      unit: config.unit,
      mqtt: config.mqtt,
      logger: this.log.child({ stage: 'publish' }),
      birth: () => this.birth(),
      clock: this.clock,
    });
    this.stages.push({ name: 'outbox', start: () => this.outbox.start(), stop: () => this.outbox.stop() }, { name: 'publisher', start: () => this.publisher.start(), stop: () => this.publisher.stop() });
    for (const sensor of config.sensors) await this.buildSensor(sensor);
    const status = new StatusReporter({
      intervalMs: config.status.intervalMs,
      clock: this.clock,
      collect: () => this.status(),
      emit: (body) => this.outbox.append('status', body),
    });
    this.stages.push(status);
  }

  private async buildSensor(sensor: SensorConfig): Promise<void> {
    const log = this.log.child({ stage: 'sensor', sensor: sensor.id });
    if (sensor.protocol !== 'cat240') throw new TypeError(`protocol ${sensor.protocol} is not wired into the agent yet`);
    const radar = sensor.radar!;
    const georef = new Georeferencer({ latitude: radar.latitude, longitude: radar.longitude, northOffsetDegrees: radar.northOffsetDegrees });
    const origin = { latitude: radar.latitude, longitude: radar.longitude };
    const detection = new DetectionStage({
      config: sensor.detection,
      kernels: this.kernels,
      logger: log.child({ stage: 'detect' }),
      radar: origin,
      onPlots: (plots) => {
        if (plots.length === 0) return;
        const placed = plots.map((p) => georef.place(p));
        this.outbox.append('plots', { sensor: sensor.id, origin, plots: placed });
      },
    });
    const decoder = new Cat240Decoder({
      onFrame: (msg) => {
        if (msg.type === 'cat240.video') detection.pushSpoke(msg);
      },
    });
    const idle = new IdleFlush(() => decoder.flush());
    const source = openInput(
      sensor.input,
      {
        // A datagram holds whole blocks: framing by datagram beats hunting for block starts.
        onData:
          sensor.input.type === 'udp'
            ? (chunk, rx) => decoder.pushDatagram(chunk, rx)
            : (chunk, rx) => {
                decoder.push(chunk, rx);
                idle.touch();
              },
      },
      log,
      { onEnd: () => {
        decoder.end();
        this.deps.onInputEnd?.(sensor.id);
      } },
    );
    this.sensors.push({ id: sensor.id, protocol: sensor.protocol, source, decoder, detection });
    this.stages.push({ name: `detect:${sensor.id}`, start: () => detection.start(), stop: () => detection.stop() });
    this.stages.push({ name: `source:${sensor.id}`, start: () => source.start(), stop: () => source.stop() });
    if (sensor.input.type !== 'udp') this.stages.push(idle);
  }

  birth(): BirthBody {
    return {
      version: this.deps.version,
      sensors: this.config.sensors.map((s) => ({
        id: s.id,
        protocol: s.protocol,
        type: s.protocol === 'cat240' || s.protocol === 'nmea0183' ? 'radar' : s.protocol === 'ti-mmwave' ? 'mmwave-radar' : 'flight-controller',
        ...(s.radar ? { latitude: s.radar.latitude, longitude: s.radar.longitude, heightMetres: s.radar.altitudeMetres } : {}),
      })),
      configHash: configHash(this.config),
      session: this.outbox.session,
      capabilities: ['plots', 'status', 'gap'],
      startedMs: this.startedMs,
      nextSeq: this.outbox.nextSequence,
    };
  }

  /** The numbers a status record carries; also what `lookout run` logs. */
  status(): Omit<StatusBody, 'spokesPerSecond'> & { spokes: number } {
    const counters: Record<string, number> = {};
    let spokes = 0;
    let plotsPerScan = 0;
    for (const s of this.sensors) {
      for (const [k, v] of Object.entries(s.decoder.counters)) counters[`${s.id}.decoder.${k}`] = v;
      if (s.detection) {
        for (const [k, v] of Object.entries(s.detection.counters)) if (typeof v === 'number') counters[`${s.id}.detect.${k}`] = v;
        spokes += s.detection.counters.spokes;
        plotsPerScan += s.detection.counters.plotsLastTurn;
      }
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
    await this.build();
    for (const stage of this.stages) {
      await stage.start();
      this.started.push(stage);
    }
    this.log.info({ unit: this.config.unit, session: this.outbox.session, sensors: this.sensors.map((s) => s.id), kernels: this.kernels.impl }, 'agent started');
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
