import type { Logger } from 'pino';
import type { Clock } from './types.js';

export interface RetryLogOptions {
  logger: Pick<Logger, 'error' | 'warn' | 'info'>;
  clock: Clock;
  /** After the first retry, at most one info line per this interval (ms). */
  everyMs?: number;
}

/**
 * How a link that keeps failing is logged: the first failure as an error with its cause, the
 * first retry at info, then one info line every 30 s (each with the attempt count and the next
 * delay), and a changed cause at once. A port missing for hours neither floods the journal nor
 * goes silent at the default level; the recovery is said once.
 */
export class RetryLog {
  private attempts = 0;
  private lastLoggedMs = -Infinity;
  private lastMessage = '';
  private readonly everyMs: number;

  constructor(private readonly options: RetryLogOptions) {
    this.everyMs = options.everyMs ?? 30_000;
  }

  /** One failed attempt; `nextDelayMs` is when the next one is due. */
  failed(err: Error & { code?: string }, nextDelayMs: number, fields: Record<string, unknown> = {}): void {
    this.attempts++;
    const now = this.options.clock.monoMs();
    const line = { ...fields, code: err.code, attempt: this.attempts, nextDelayMs: Math.round(nextDelayMs) };
    if (this.attempts === 1 || err.message !== this.lastMessage) {
      this.options.logger.error(line, err.message);
    } else if (this.attempts === 2 || now - this.lastLoggedMs >= this.everyMs) {
      this.options.logger.info(line, `still failing, retrying (attempt ${this.attempts}, next in ${formatDelay(nextDelayMs)}): ${err.message}`);
    } else return;
    this.lastLoggedMs = now;
    this.lastMessage = err.message;
  }

  /** The link works again: says so once if it had failed. */
  recovered(message: string, fields: Record<string, unknown> = {}): void {
    if (this.attempts > 0) this.options.logger.info({ ...fields, attempts: this.attempts }, message);
    this.attempts = 0;
    this.lastMessage = '';
    this.lastLoggedMs = -Infinity;
  }

  get failures(): number {
    return this.attempts;
  }
}

function formatDelay(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}
