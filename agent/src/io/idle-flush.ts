/**
 * Calls `flush` once when a byte stream has been quiet for `idleMs`. On a serial link nothing
 * marks where a frame ends, so a stream decoder holds its last frame until the next one starts
 * (or a stray header makes it wait for a long frame); when the sensor pauses, this lets it decide.
 * A periodic check rather than a timer re-armed per chunk: chunks arrive hundreds of times a second.
 */
export class IdleFlush {
  readonly name = 'idle-flush';
  private lastDataMs = 0;
  private pending = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly flush: () => void,
    private readonly idleMs = 100,
    private readonly now: () => number = () => performance.now(),
  ) {}

  touch(): void {
    this.lastDataMs = this.now();
    this.pending = true;
  }

  /** Runs one check; the timer calls it every idleMs / 2. */
  check(): void {
    if (this.pending && this.now() - this.lastDataMs >= this.idleMs) {
      this.pending = false;
      this.flush();
    }
  }

  start(): void {
    this.timer = setInterval(() => this.check(), Math.max(10, this.idleMs / 2));
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
