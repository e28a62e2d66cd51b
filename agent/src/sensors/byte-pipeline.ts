import { IdleFlush } from '../io/idle-flush.js';
import { openInput } from '../io/open.js';
import type { ByteSource } from '../io/types.js';
import type { Logger } from 'pino';
import type { InputConfig } from '../io/config.js';
import type { ReceiveTime } from '../io/types.js';
import type { StreamDecoder } from '../protocols/types.js';
import type { Stage } from './types.js';

export interface InputWiring {
  /** Names the source's stage (`source:<id>`). */
  id: string;
  input: InputConfig;
  logger: Logger;
  /** File inputs: the file has been read to the end. */
  onInputEnd?: () => void;
}

/**
 * The part every sensor shares: its transport feeding its decoder, with an idle flush on byte
 * streams (a decoder holds its last frame until the next starts; a pause must not strand it).
 */
export function connectDecoder(
  wiring: InputWiring,
  decoder: StreamDecoder<unknown> & { pushDatagram?(d: Uint8Array, rx: ReceiveTime): void },
): { source: ByteSource; stages: Stage[] } {
  const idle = new IdleFlush(() => decoder.flush?.());
  const datagrams = wiring.input.type === 'udp' && typeof decoder.pushDatagram === 'function';
  const source = openInput(
    wiring.input,
    {
      // A datagram holds whole frames: framing by datagram beats hunting for frame starts.
      onData: datagrams
        ? (chunk, rx) => decoder.pushDatagram!(chunk, rx)
        : (chunk, rx) => {
            decoder.push(chunk, rx);
            idle.touch();
          },
    },
    wiring.logger,
    {
      onEnd: () => {
        decoder.end();
        wiring.onInputEnd?.();
      },
    },
  );
  const stages: Stage[] = [{ name: `source:${wiring.id}`, start: () => source.start(), stop: () => source.stop() }];
  if (!datagrams) stages.push(idle);
  return { source, stages };
}
