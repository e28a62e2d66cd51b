import type { Clock } from '../io/types.js';

/** MQTT 5 DISCONNECT reason 0x8E: another client connected with this client id. */
export const REASON_SESSION_TAKEN_OVER = 0x8e;

export interface TakeoverDetectorOptions {
  clock: Clock;
  /** Takeovers are counted over this window (ms). */
  windowMs?: number;
  /** This many takeovers within the window: another agent uses our unit id. */
  threshold?: number;
  /** MQTT 3.1.1 gives no reason: a close this soon after CONNACK, not asked for, counts as one. */
  soonAfterConnectMs?: number;
}

/**
 * Tells a unit id used by two agents from an ordinary flaky link: the broker keeps closing our
 * session right after it is made ("session taken over", or an unexplained close within seconds of
 * the CONNACK), several times within a minute. Two agents with one id knock each other off the
 * broker every couple of seconds; the one that notices backs off instead of fighting.
 */
export class TakeoverDetector {
  private readonly windowMs: number;
  private readonly threshold: number;
  private readonly soonMs: number;
  private connectedAt: number | undefined;
  private takeovers: number[] = [];
  total = 0;

  constructor(private readonly options: TakeoverDetectorOptions) {
    this.windowMs = options.windowMs ?? 60_000;
    this.threshold = options.threshold ?? 3;
    this.soonMs = options.soonAfterConnectMs ?? 10_000;
  }

  connected(): void {
    this.connectedAt = this.options.clock.monoMs();
  }

  /**
   * The session ended. `reasonCode` is the broker's DISCONNECT reason (MQTT 5) when it sent one.
   * Returns true when the takeovers within the window reach the threshold.
   */
  ended(reasonCode?: number): boolean {
    const now = this.options.clock.monoMs();
    const since = this.connectedAt;
    this.connectedAt = undefined;
    if (since === undefined) return false;
    const takenOver = reasonCode === REASON_SESSION_TAKEN_OVER || (reasonCode === undefined && now - since <= this.soonMs);
    if (!takenOver) return false;
    this.total++;
    this.takeovers = this.takeovers.filter((t) => now - t <= this.windowMs);
    this.takeovers.push(now);
    return this.takeovers.length >= this.threshold;
  }

  /** After backing off: start counting afresh. */
  reset(): void {
    this.takeovers = [];
  }
}
