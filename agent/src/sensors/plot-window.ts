/**
 * Plots of one sensor appended within a short window go out as one `plots` record: each record
 * costs an envelope (unit, session, seq, time) and an MQTT PUBLISH header, which on a thin link
 * outweigh the few bytes of a plot. Every plot waits at most `windowMs` longer; records of other
 * kinds pass straight through. Window 0: every batch is its own record, as the stages made it.
 */
import { systemTimers, type TimerHandle, type Timers } from '../io/timers.js';
import type { PlotsBody, RecordBodies, RecordKind } from '../wire/types.js';
import type { RecordSink, Stage } from './types.js';

/** A record holds at most this many plots (a turn of a busy site splits into several). */
const MAX_PLOTS_PER_RECORD = 1024;

interface Pending {
  body: PlotsBody;
  timer: TimerHandle;
}

export class PlotWindow implements RecordSink, Stage {
  readonly name = 'plot-window';
  private readonly pending = new Map<string, Pending>();
  readonly counters = { batchesIn: 0, recordsOut: 0 };

  constructor(
    private readonly sink: RecordSink,
    private readonly windowMs: number,
    private readonly timers: Timers = systemTimers,
  ) {}

  append<K extends RecordKind>(kind: K, body: RecordBodies[K]): number {
    if (kind !== 'plots' || this.windowMs <= 0) return this.sink.append(kind, body);
    const plots = body as PlotsBody;
    this.counters.batchesIn++;
    const held = this.pending.get(plots.sensor);
    if (held && sameBatch(held.body, plots) && held.body.plots.length + plots.plots.length <= MAX_PLOTS_PER_RECORD) {
      held.body.plots.push(...plots.plots);
      if (plots.thinned) held.body.thinned = (held.body.thinned ?? 0) + plots.thinned;
      return 0;
    }
    if (held) this.release(plots.sensor);
    const timer = this.timers.setTimeout(() => this.release(plots.sensor), this.windowMs);
    timer.unref?.();
    this.pending.set(plots.sensor, { body: { ...plots, plots: [...plots.plots] }, timer });
    return 0;
  }

  /** Sends every held batch now (the end of a file, a stop). */
  flush(): void {
    for (const sensor of [...this.pending.keys()]) this.release(sensor);
  }

  start(): void {}

  stop(): void {
    this.flush();
  }

  private release(sensor: string): void {
    const held = this.pending.get(sensor);
    if (!held) return;
    this.pending.delete(sensor);
    this.timers.clearTimeout(held.timer);
    this.counters.recordsOut++;
    this.sink.append('plots', held.body);
  }
}

function sameBatch(a: PlotsBody, b: PlotsBody): boolean {
  if (!a.origin || !b.origin) return !a.origin && !b.origin;
  return a.origin.latitude === b.origin.latitude && a.origin.longitude === b.origin.longitude;
}
