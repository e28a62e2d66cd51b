import pino, { type Logger } from 'pino';
import { MQTT_REDACT_PATHS } from '../publish/config.js';

/** The one root logger (JSON lines to stderr: journald keeps them); stages take children. */
export function createRootLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      redact: { paths: [...MQTT_REDACT_PATHS, 'mqtt.passwordFile', 'config.mqtt.password'], censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
    },
    destination as pino.DestinationStream,
  );
}
