/**
 * Timers as a dependency, beside the Clock (io/types.ts): stages take them through their
 * options so that a test can drive them. The default looks the globals up at each call, so
 * vitest's fake timers, installed after a stage was built, still reach it.
 */

/** What a timer call returns: Node's Timeout, or a fake timer's handle. */
export interface TimerHandle {
  /** Do not keep the process alive for this timer. */
  unref?(): unknown;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
  /** Runs `fn` after the I/O callbacks of this turn of the event loop. */
  setImmediate(fn: () => void): void;
}

export const systemTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  setImmediate: (fn) => {
    setImmediate(fn);
  },
};
