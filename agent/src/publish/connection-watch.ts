/**
 * What the publisher says about its broker connection as it fails and retries: each cause once at
 * error level, then retries at info with a rising interval (RetryLog), and a unit id used by a
 * second agent told apart from a flaky link (TakeoverDetector): logged as E_UNIT_ID_CONFLICT,
 * raised as an alert, and answered by waiting the longest reconnect delay instead of fighting.
 */
import type { Logger } from 'pino';
import { RetryLog } from '../io/retry-log.js';
import type { Clock } from '../io/types.js';
import type { AlertBody } from '../wire/types.js';
import { TakeoverDetector } from './takeover.js';

export interface ConnectionWatchOptions {
  unit: string;
  url: string;
  logger: Logger;
  clock: Clock;
  /** The longest reconnect delay (mqtt.reconnect.maxMs): what a conflicting agent waits. */
  maxDelayMs: number;
  /** A session up this long clears a conflict. */
  stableMs: number;
  raise?: (alert: AlertBody) => void;
  /** Where the takeovers and conflicts are counted (the publisher's counters). */
  counters: { takeovers: number; idConflicts: number };
}

export class ConnectionWatch {
  private readonly retries: RetryLog;
  private readonly takeover: TakeoverDetector;
  private lastCause: { code?: string; message: string } | undefined;
  private disconnectReason: number | undefined;
  private conflict = false;
  private connectedAtMs = 0;

  constructor(private readonly options: ConnectionWatchOptions) {
    this.retries = new RetryLog({ logger: options.logger, clock: options.clock });
    this.takeover = new TakeoverDetector({ clock: options.clock });
  }

  /** True while another agent seems to use this unit id. */
  get inConflict(): boolean {
    return this.conflict;
  }

  connected(): void {
    this.takeover.connected();
    this.connectedAtMs = this.options.clock.monoMs();
    this.disconnectReason = undefined;
    this.lastCause = undefined;
    this.retries.recovered('mqtt: connected again', { url: this.options.url });
  }

  /** A connect or transport error: the cause the next retry line names. */
  error(code: string, message: string): void {
    this.lastCause = { code, message: `mqtt: ${message}` };
  }

  /** The broker's DISCONNECT (MQTT 5) before a close. */
  disconnected(reasonCode: number | undefined): void {
    this.disconnectReason = reasonCode;
  }

  /** The connection closed; `wasConnected` when a session had been made on it. */
  closed(wasConnected: boolean): void {
    if (!wasConnected) return;
    const now = this.options.clock.monoMs();
    if (this.conflict && now - this.connectedAtMs >= this.options.stableMs) this.conflict = false;
    const before = this.takeover.total;
    const repeated = this.takeover.ended(this.disconnectReason);
    this.options.counters.takeovers += this.takeover.total - before;
    this.lastCause ??= { code: 'E_MQTT_LOST', message: this.disconnectReason === undefined ? 'mqtt: connection lost' : `mqtt: the broker closed the session (reason 0x${this.disconnectReason.toString(16)})` };
    if (!repeated) return;
    this.takeover.reset();
    this.options.counters.idConflicts++;
    const message = `unit id "${this.options.unit}" seems to be in use by another agent: the broker took this session over repeatedly, each time soon after it was made; waiting ${Math.round(this.options.maxDelayMs / 1000)} s between attempts instead of fighting (give each unit its own id)`;
    if (!this.conflict) {
      this.options.logger.error({ code: 'E_UNIT_ID_CONFLICT', unit: this.options.unit, url: this.options.url }, message);
      this.options.raise?.({ severity: 'critical', code: 'E_UNIT_ID_CONFLICT', message, details: { unit: this.options.unit, url: this.options.url } });
    }
    this.conflict = true;
  }

  /** The delay before the next attempt: the backoff's, or the longest while in conflict; logged. */
  nextDelay(backoff: () => number): number {
    const delay = this.conflict ? this.options.maxDelayMs : backoff();
    const cause = this.lastCause ?? { code: 'E_MQTT_CONNECT', message: 'mqtt: not connected' };
    this.retries.failed(Object.assign(new Error(cause.message), { code: cause.code }), delay, { url: this.options.url });
    return delay;
  }
}
