import type { Logger } from 'pino';
import { IdleFlush } from '../io/idle-flush.js';
import { openInput } from '../io/open.js';
import type { InputConfig } from '../io/config.js';
import type { ByteSource, ReceiveTime } from '../io/types.js';
import type { StreamDecoder } from '../protocols/types.js';
import { LinkMonitor } from './link.js';
import type { RecordSink, Stage } from './types.js';

export interface InputWiring {
  /** Names the source's stage (`source:<id>`) and the alerts about its link. */
  id: string;
  input: InputConfig;
  logger: Logger;
  /** Where link alerts go (the outbox). */
  sink: RecordSink;
  /** File inputs: the file has been read to the end. */
  onInputEnd?: () => void;
}

export interface ConnectedInput {
  source: ByteSource;
  stages: Stage[];
  /** The source's and the decoder's counters, as `source.<name>` and `decoder.<name>`. */
  counters(): Record<string, number>;
  /** Monotonic ms of the last bytes (or datagram) received; undefined before the first. */
  lastDataMonoMs(): number | undefined;
  /** Sees every chunk (or datagram) as received, before the decoder (`record-start`); undefined removes it. */
  setTap(tap: InputTap | undefined): void;
}

export type InputTap = (chunk: Uint8Array, rx: ReceiveTime) => void;

/**
 * The part every sensor shares: its transport feeding its decoder, with an idle flush on byte
 * streams (a decoder holds its last frame until the next starts; a pause must not strand it),
 * and the transport's faults turned into link alerts (one per lost / restored transition).
 */
export function connectDecoder(
  wiring: InputWiring,
  decoder: StreamDecoder<unknown> & { pushDatagram?(d: Uint8Array, rx: ReceiveTime): void },
): ConnectedInput {
  const idle = new IdleFlush(() => decoder.flush?.());
  const datagrams = wiring.input.type === 'udp' && typeof decoder.pushDatagram === 'function';
  const link = new LinkMonitor({ sensor: wiring.id, sink: wiring.sink, logger: wiring.logger });
  let lastDataMonoMs: number | undefined;
  let tap: InputTap | undefined;
  const source = openInput(
    wiring.input,
    {
      // A datagram holds whole frames: framing by datagram beats hunting for frame starts.
      onData: datagrams
        ? (chunk, rx) => {
            lastDataMonoMs = rx.monoMs;
            tap?.(chunk, rx);
            decoder.pushDatagram!(chunk, rx);
          }
        : (chunk, rx) => {
            lastDataMonoMs = rx.monoMs;
            tap?.(chunk, rx);
            decoder.push(chunk, rx);
            idle.touch();
          },
      onOpen: () => link.opened(),
      onError: (err) => link.failed(err),
      onClose: (cause) => link.closed(cause),
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
  return {
    source,
    stages,
    lastDataMonoMs: () => lastDataMonoMs,
    setTap: (t) => (tap = t),
    counters: () => {
      const out: Record<string, number> = {};
      for (const [k, v] of Object.entries(source.counters)) if (typeof v === 'number') out[`source.${k}`] = v;
      for (const [k, v] of Object.entries(decoder.counters)) out[`decoder.${k}`] = v;
      out['link.alerts'] = link.alerts;
      return out;
    },
  };
}
