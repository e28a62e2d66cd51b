/**
 * `send-sensor-config { sensor, lines }`: lines for a TI mmWave sensor's CLI port (the one its
 * `tiConfig.port` names), sent one by one as `lookout sensor-config` does, each answered with
 * the device's reply; the first refused or unanswered line stops it.
 */
import { isLookoutError, LookoutError } from '../errors.js';
import { configureTiSensor, type CfgProgress, type ConfigureTiSensorOptions } from '../protocols/ti-mmwave/config-port.js';
import type { LookoutConfig } from '../config/schema.js';

/** A failure that still carries what was done (the lines answered before it). */
export class OutcomeError extends LookoutError {
  constructor(
    error: LookoutError,
    readonly result: unknown,
  ) {
    super(error.code, error.message, { cause: error, details: error.details });
  }
}

export async function sendSensorConfig(config: LookoutConfig, sensor: string, lines: readonly string[], openPort?: ConfigureTiSensorOptions['openPort']): Promise<{ reason: string; result: unknown }> {
  const s = config.sensors.find((x) => x.id === sensor);
  if (!s) throw new RangeError(`no sensor "${sensor}" on this unit`);
  const port = 'tiConfig' in s ? s.tiConfig : undefined;
  if (!port) throw new RangeError(`sensor "${sensor}" has no CLI port (only ti-mmwave sensors with tiConfig)`);
  const answered: Array<Pick<CfgProgress, 'command' | 'status' | 'reply'>> = [];
  try {
    await configureTiSensor({
      path: port.port,
      baudRate: port.baud,
      cfg: lines.join('\n'),
      timeoutMs: port.lineTimeoutMs,
      onProgress: (p) => answered.push({ command: p.command, status: p.status, reply: p.reply }),
      ...(openPort ? { openPort } : {}),
    });
  } catch (err) {
    if (isLookoutError(err)) throw new OutcomeError(err, { lines: answered });
    throw err;
  }
  return { reason: `${answered.length} line(s) sent to ${port.port}, each answered Done`, result: { lines: answered } };
}
