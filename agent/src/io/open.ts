import type { Logger } from 'pino';
import type { InputConfig } from './config.js';
import { FileSource } from './file.js';
import { SerialSource } from './serial.js';
import { UdpSource } from './udp.js';
import type { ByteSource, ByteSourceEvents } from './types.js';

export interface OpenInputExtras {
  /** File inputs: called once every byte has been delivered. */
  onEnd?: () => void;
}

/** Builds the transport a config names. */
export function openInput(input: InputConfig, events: ByteSourceEvents, logger: Logger, extras: OpenInputExtras = {}): ByteSource {
  switch (input.type) {
    case 'serial':
      return new SerialSource({ ...events, path: input.path, baud: input.baud, reconnectMinMs: input.reconnectMinMs, reconnectMaxMs: input.reconnectMaxMs, logger });
    case 'udp':
      return new UdpSource({
        ...events,
        port: input.port,
        address: input.bind,
        ...(input.group ? { multicastGroup: input.group } : {}),
        ...(input.interface ? { multicastInterface: input.interface } : {}),
        receiveBufferBytes: 4 * 1024 * 1024,
      });
    case 'file':
      return new FileSource({ ...events, path: input.path, format: input.format, speed: input.speed ?? 'max', ...(extras.onEnd ? { onEnd: extras.onEnd } : {}) });
  }
}
