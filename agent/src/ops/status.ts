import type { Clock } from '../io/types.js';
import type { StatusBody } from '../wire/types.js';

export interface StatusReporterOptions {
  intervalMs: number;
  clock: Clock;
  /** Current totals; `spokes` is a running count turned into a rate here. */
  collect: () => Omit<StatusBody, 'spokesPerSecond'> & { spokes: number };
  emit: (body: StatusBody) => void;
}

/** Writes a status record every interval, with rates computed over the interval. */
export class StatusReporter {
  readonly name = 'status';
  private timer: NodeJS.Timeout | undefined;
  private lastSpokes = 0;
  private lastMono = 0;

  constructor(private readonly options: StatusReporterOptions) {}

  start(): void {
    this.lastMono = this.options.clock.monoMs();
    this.timer = setInterval(() => this.report(), this.options.intervalMs);
    this.timer.unref();
  }

  report(): StatusBody {
    const { spokes, ...rest } = this.options.collect();
    const now = this.options.clock.monoMs();
    const seconds = (now - this.lastMono) / 1000;
    const body: StatusBody = { ...rest, spokesPerSecond: seconds > 0 ? Math.round(((spokes - this.lastSpokes) / seconds) * 10) / 10 : 0 };
    this.lastSpokes = spokes;
    this.lastMono = now;
    this.options.emit(body);
    return body;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.report();
  }
}
