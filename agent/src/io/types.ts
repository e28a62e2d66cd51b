/** When bytes arrived: a monotonic clock for intervals and the wall clock for the record. */
export interface ReceiveTime {
  /** Monotonic milliseconds (performance.now() of this process, or a replayed equivalent). */
  monoMs: number;
  /** Wall-clock milliseconds since the Unix epoch. */
  wallMs: number;
}

/** A clock that stages take as a dependency, so tests and replays can drive time. */
export interface Clock {
  monoMs(): number;
  wallMs(): number;
}

export const systemClock: Clock = {
  monoMs: () => performance.now(),
  wallMs: () => Date.now(),
};

export function receiveTimeNow(clock: Clock = systemClock): ReceiveTime {
  return { monoMs: clock.monoMs(), wallMs: clock.wallMs() };
}

/**
 * A transport that delivers bytes (serial, UDP, file). It never throws on the data path: faults
 * are reported through `onError` and, where it can, the source reconnects by itself.
 */
export interface ByteSource {
  readonly name: string;
  /** Link health every transport keeps (a source may add its own keys). */
  readonly counters: SourceCounters;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The counters every transport keeps, under the same names, for status. */
export interface SourceCounters {
  /** Times the link came up (a serial port opened, a socket bound, a file opened). */
  opens: number;
  /** Times an open link went away by itself (not by `stop()`). */
  losses: number;
  /** Bytes delivered. */
  bytes: number;
  /** Faults reported through `onError` (failed opens included). */
  errors: number;
}

export interface ByteSourceEvents {
  /** Bytes in arrival order. For datagram sources, one call per datagram. */
  onData(chunk: Buffer, rx: ReceiveTime): void;
  /** A fault the source has handled (it retries by itself); for logs and status. */
  onError?(err: Error): void;
  /** The link came up (or back). */
  onOpen?(): void;
  /**
   * The link closed. With a `cause` it was lost (the source retries by itself); without one it
   * was closed on purpose (`stop()`, the end of a file).
   */
  onClose?(cause?: Error): void;
}
