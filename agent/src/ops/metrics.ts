/**
 * Prometheus metrics from the same numbers as the `status` record: one source of counters. The
 * status snapshot's flat counter map ("r1.decoder.framesOk", "outbox.appended", "mqtt.acked")
 * becomes `lookout_<group>_<name>` with the sensor as a label; cumulative counts are counters
 * (`_total`), levels are gauges. prom-client adds its default process metrics.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { StatusBody } from '../wire/types.js';

/** What metrics read: the status snapshot of Agent.status() (a running spoke count, not its rate). */
export type MetricsSnapshot = Omit<StatusBody, 'spokesPerSecond' | 'gauges'> & { spokes: number };

/** Counter-map names that are levels, not cumulative counts. */
const LEVEL_NAMES = /^(depth|bytes|inflight|connected|pending|plotsLastTurn|spokesPerTurn|cellsPerSpoke|queued|live|up|session|epoch|nextSeq)$|(Last|Now|Current|Age|Level)(Ms|Seconds)?$/;

/** Groups a counter key may start with; anything else starting with a sensor id is that sensor's own. */
const UNIT_GROUPS = new Set(['outbox', 'mqtt', 'publish', 'status', 'http', 'notify']);

function snake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9_]/g, '_')
    .toLowerCase();
}

/** Base units in names: a trailing `Ms` is converted to seconds by the caller. */
function metricName(group: string, name: string, level: boolean): { name: string; scale: number } {
  let base = snake(name);
  let scale = 1;
  if (/_ms$/.test(base)) {
    base = base.replace(/_ms$/, '_seconds');
    scale = 1 / 1000;
  }
  const full = `lookout_${snake(group)}_${base}`;
  return { name: level || full.endsWith('_total') ? full : `${full}_total`, scale };
}

interface Parsed {
  name: string;
  level: boolean;
  scale: number;
  sensor: string | undefined;
}

/** "r1.decoder.framesOk" → lookout_decoder_frames_ok_total{sensor="r1"}; "outbox.appended" → lookout_outbox_appended_total. */
export function parseCounterKey(key: string): Parsed {
  const parts = key.split('.');
  const leaf = parts[parts.length - 1];
  const level = LEVEL_NAMES.test(leaf);
  if (parts.length >= 2 && UNIT_GROUPS.has(parts[0])) {
    const m = metricName(parts.slice(0, -1).join('_'), leaf, level);
    return { ...m, level, sensor: undefined };
  }
  const sensor = parts[0];
  const group = parts.length >= 3 ? parts.slice(1, -1).join('_') : 'link';
  const m = metricName(group, leaf, level);
  return { ...m, level, sensor };
}

export interface AgentMetrics {
  readonly registry: Registry;
  readonly contentType: string;
  /** Publish latency (append to broker acknowledgement), seconds. */
  readonly publishLatency: Histogram;
  /** The exposition text, values read from the snapshot now. */
  render(): Promise<string>;
}

export function createAgentMetrics(snapshot: () => MetricsSnapshot, options: { defaultMetrics?: boolean } = {}): AgentMetrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  const fixed = {
    spokes: new Counter({ name: 'lookout_spokes_total', help: 'radar spokes decoded', registers: [registry] }),
    plotsPerScan: new Gauge({ name: 'lookout_plots_per_scan', help: 'plots in the last complete turn, all radar sensors', registers: [registry] }),
    outboxDepth: new Gauge({ name: 'lookout_outbox_depth_records', help: 'records in the outbox not yet acknowledged by the broker', registers: [registry] }),
    outboxBytes: new Gauge({ name: 'lookout_outbox_bytes', help: 'payload bytes in the outbox', registers: [registry] }),
    published: new Counter({ name: 'lookout_records_acknowledged_total', help: 'records the broker acknowledged', registers: [registry] }),
    dropped: new Counter({ name: 'lookout_records_dropped_total', help: 'records dropped by the outbox (quota, expiry, disk full), each announced by a gap record', registers: [registry] }),
    thinned: new Counter({ name: 'lookout_plots_thinned_total', help: 'plots left out by the bandwidth budget', registers: [registry] }),
    uptime: new Gauge({ name: 'lookout_uptime_seconds', help: 'seconds since the agent started', registers: [registry] }),
  };
  const publishLatency = new Histogram({
    name: 'lookout_publish_latency_seconds',
    help: 'from a record\'s append to the broker\'s acknowledgement',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [registry],
  });
  const dynamic = new Map<string, Counter<'sensor'> | Gauge<'sensor'> | null>();

  const setCounter = (c: Counter<string>, v: number, labels?: Record<string, string>): void => {
    if (!Number.isFinite(v) || v < 0) return;
    if (labels) c.inc(labels, v);
    else c.inc(v);
  };

  const refresh = (): void => {
    const s = snapshot();
    for (const m of [fixed.spokes, fixed.published, fixed.dropped, fixed.thinned]) m.reset();
    setCounter(fixed.spokes, s.spokes);
    setCounter(fixed.published, s.published);
    setCounter(fixed.dropped, s.dropped);
    setCounter(fixed.thinned, s.thinned);
    fixed.plotsPerScan.set(s.plotsPerScan);
    fixed.outboxDepth.set(s.outboxDepth);
    fixed.outboxBytes.set(s.outboxBytes);
    fixed.uptime.set(s.uptimeSeconds);
    for (const m of dynamic.values()) m?.reset();
    for (const [key, value] of Object.entries(s.counters ?? {})) {
      const p = parseCounterKey(key);
      let metric = dynamic.get(p.name);
      if (metric === undefined) {
        const labelNames = p.sensor === undefined ? [] : ['sensor'];
        const help = `status counter ${key.replace(/^[^.]+\./, p.sensor === undefined ? '$&' : '<sensor>.')}`;
        try {
          metric = p.level ? new Gauge({ name: p.name, help, labelNames, registers: [registry] }) : new Counter({ name: p.name, help, labelNames, registers: [registry] });
        } catch {
          metric = null; // a name clash with a fixed metric: the fixed one already carries it
        }
        dynamic.set(p.name, metric);
      }
      if (!metric) continue;
      const labels = p.sensor === undefined ? undefined : { sensor: p.sensor };
      const v = value * p.scale;
      if (metric instanceof Gauge) {
        if (labels) metric.set(labels, v);
        else metric.set(v);
      } else setCounter(metric, v, labels);
    }
  };

  return {
    registry,
    contentType: registry.contentType,
    publishLatency,
    render: async () => {
      refresh();
      return registry.metrics();
    },
  };
}
