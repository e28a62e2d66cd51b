import type { ReceiveTime } from '../io/types.js';

/**
 * Counters every streaming decoder keeps. Decoders may add their own keys; these are the
 * common ones so status and `decode --stats` read the same names everywhere.
 */
export interface DecoderCounters {
  /** Frames (blocks, sentences, packets) decoded and emitted. */
  framesOk: number;
  /** Frames rejected for a bad checksum / CRC. */
  badChecksum: number;
  /** Bytes thrown away while looking for the next frame start. */
  bytesSkipped: number;
  /** Times the decoder lost and re-found frame alignment. */
  resyncs: number;
  /** Frames of a type the decoder does not parse (counted, skipped or passed through raw). */
  unknownType: number;
  /** Frames whose declared length exceeds the largest legal frame. */
  oversize: number;
  /**
   * Times the bounded frame buffer (frame-buffer.ts) was left more than one frame, and the bytes
   * it dropped for that: 0 unless a decoder's scan is wrong, proof that memory stays bounded.
   */
  bufferOverflows: number;
  bufferOverflowBytes: number;
  [name: string]: number;
}

export function newDecoderCounters(): DecoderCounters {
  return { framesOk: 0, badChecksum: 0, bytesSkipped: 0, resyncs: 0, unknownType: 0, oversize: 0, bufferOverflows: 0, bufferOverflowBytes: 0 };
}

/**
 * A push-based streaming decoder. `push` takes chunks of any size; frames are delivered to the
 * `onFrame` callback given at construction, synchronously, in stream order. It never throws on
 * bad input: it counts and resynchronises, and its buffer is bounded by the largest legal frame.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- F names the frames a decoder of this type emits (documents the type at its uses)
export interface StreamDecoder<F> {
  push(chunk: Uint8Array, rx: ReceiveTime): void;
  /** The stream ended: decode what can be decoded of what is buffered, count the rest. */
  end(): void;
  /**
   * The link went quiet: decide what waits on bytes that may never come (a block whose end is
   * the end of the buffer), keeping state for more bytes. Optional.
   */
  flush?(): void;
  readonly counters: DecoderCounters;
}

export interface StreamDecoderOptions<F> {
  onFrame: (frame: F) => void;
}

/** Protocol names as they appear in config and on the command line. */
export type ProtocolName = 'cat240' | 'ti-mmwave' | 'nmea0183' | 'mavlink';
export const PROTOCOL_NAMES: readonly ProtocolName[] = ['cat240', 'ti-mmwave', 'nmea0183', 'mavlink'];
