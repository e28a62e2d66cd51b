import type { Logger } from 'pino';
import { isLookoutError } from '../errors.js';
import type { AlertBody } from '../wire/types.js';
import type { RecordSink } from './types.js';

export const LINK_RESTORED = 'I_LINK_RESTORED';

export interface LinkMonitorOptions {
  /** The sensor id (or `nav`) the alerts name. */
  sensor: string;
  sink: RecordSink;
  logger: Logger;
}

/**
 * Turns a transport's events into `alerts` records, once per transition: the link lost (or
 * unreachable from the start) is a critical / warning alert with the source's code and cause;
 * the link back is an info alert I_LINK_RESTORED. Retries in between say nothing.
 */
export class LinkMonitor {
  private state: 'unknown' | 'up' | 'down' = 'unknown';
  /** Alerts raised since start. */
  alerts = 0;

  constructor(private readonly options: LinkMonitorOptions) {}

  opened(): void {
    if (this.state === 'down') {
      this.raise({ severity: 'info', code: LINK_RESTORED, message: `sensor ${this.options.sensor}: link restored`, details: { sensor: this.options.sensor } });
    }
    this.state = 'up';
  }

  /** A fault the source handles by itself. Before the link was ever up it is the first news of it. */
  failed(err: Error): void {
    if (this.state !== 'unknown') return;
    this.state = 'down';
    this.raise(this.lostAlert('warning', err));
  }

  /** The link closed: with a cause it was lost; without one it was closed on purpose. */
  closed(cause?: Error): void {
    if (!cause || this.state === 'down') return;
    this.state = 'down';
    this.raise(this.lostAlert('critical', cause));
  }

  private lostAlert(severity: AlertBody['severity'], err: Error): AlertBody {
    const code = isLookoutError(err) ? err.code : 'E_LINK_LOST';
    const details: Record<string, string> = { sensor: this.options.sensor, cause: err.message };
    if (isLookoutError(err)) for (const [k, v] of Object.entries(err.details)) if (!(k in details) && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')) details[k] = String(v);
    return { severity, code, message: `sensor ${this.options.sensor}: ${err.message}`, details };
  }

  private raise(alert: AlertBody): void {
    this.alerts++;
    this.options.logger.warn({ alert }, 'link alert');
    this.options.sink.append('alerts', alert);
  }
}
