/**
 * The one error class for what goes wrong at run time. Misuse by a caller is a TypeError and a
 * value out of range a RangeError; everything else is a LookoutError with a stable string code.
 */
export type LookoutErrorCode =
  | 'E_CONFIG'
  | 'E_SERIAL_OPEN'
  | 'E_SERIAL_LOST'
  | 'E_UDP'
  | 'E_FILE'
  | 'E_OUTBOX'
  | 'E_OUTBOX_FULL'
  | 'E_OUTBOX_CORRUPT'
  | 'E_DISK_FULL'
  | 'E_MQTT'
  | 'E_MQTT_TLS'
  | 'E_NATIVE'
  | 'E_SENSOR_CONFIG'
  | 'E_TIMEOUT'
  | 'E_BROKER'
  | 'E_USAGE'
  | 'E_DATA_DIR'
  | 'E_DATA_DIR_LOCKED'
  | 'E_HTTP'
  | 'E_UNIT_ID_CONFLICT'
  | 'E_VIDEO';

export interface LookoutErrorOptions {
  cause?: unknown;
  retryable?: boolean;
  /** Extra facts for the log line (a path, a line number, a key path). */
  details?: Record<string, unknown>;
}

export class LookoutError extends Error {
  readonly code: LookoutErrorCode;
  readonly retryable: boolean;
  readonly details: Record<string, unknown>;

  constructor(code: LookoutErrorCode, message: string, options: LookoutErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LookoutError';
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.details = options.details ?? {};
  }
}

export function isLookoutError(value: unknown, code?: LookoutErrorCode): value is LookoutError {
  return value instanceof LookoutError && (code === undefined || value.code === code);
}
