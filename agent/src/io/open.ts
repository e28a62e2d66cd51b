import type { Logger } from 'pino';
import type { InputConfig } from './config.js';
import { SerialSource } from './serial.js';
import type { ByteSource, ByteSourceEvents } from './types.js';

/** Builds the transport a config names. */
export async function openInput(input: InputConfig, events: ByteSourceEvents, logger: Logger): Promise<ByteSource> {
  switch (input.type) {
    case 'serial':
      return new SerialSource({ ...events, path: input.path, baud: input.baud, reconnectMinMs: input.reconnectMinMs, reconnectMaxMs: input.reconnectMaxMs, logger });
    default:
      throw new TypeError(`input type ${input.type} is not wired yet`);
  }
}
