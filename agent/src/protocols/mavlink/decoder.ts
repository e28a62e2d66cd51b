import type { ReceiveTime } from '../../io/types.js';
import { FrameBuffer } from '../frame-buffer.js';
import { newDecoderCounters, type DecoderCounters, type StreamDecoder, type StreamDecoderOptions } from '../types.js';
import { mavlinkCrc } from './crc.js';
import { crcExtraOf, maxLengthOf, minLengthOf } from './crc-extra.js';
import { messageDef, type MessageDef } from './messages.js';
import { checkSigningKey, computeSignature, readTimestamp, SIGNATURE_LENGTH, SigningStreams } from './signing.js';
import { MAVLINK1_MAGIC, MAVLINK2_MAGIC, MAVLINK_IFLAG_SIGNED, type MavlinkPacket, type MavlinkSignature } from './types.js';

export interface MavlinkDecoderOptions extends StreamDecoderOptions<MavlinkPacket> {
  /**
   * 32-byte MAVLink 2 signing key. With it, signatures are verified (bad ones dropped and
   * counted as `badSignature`), replayed or non-increasing timestamps per (sysid, compid,
   * link_id) are refused (`replayed`), and unsigned packets are refused (`unsigned`) unless
   * `acceptUnsigned`. Without it, signed packets are decoded with `signature.verified: null`.
   */
  signingKey?: Uint8Array;
  acceptUnsigned?: boolean;
  /**
   * Emit packets of message ids this decoder does not decode, with `name: 'UNKNOWN'` and the raw
   * payload. Ids of the common set and the ardupilotmega dialect (crc-extra.ts) are checked on
   * their CRC like decoded ones (`verified: true`, counted in `framesOk`). An id outside that
   * table cannot be checked (CRC_EXTRA unknown): such a packet is framed only, accepted when the
   * next byte is again a packet start or the stream ends there, emitted with `verified: false`
   * and counted as `unverified`, never in `framesOk`. Default false: undecoded packets are
   * counted (`unknownType`, and `unverified` when unchecked) and skipped.
   */
  emitUnknown?: boolean;
}

export interface MavlinkCounters extends DecoderCounters {
  v1: number;
  v2: number;
  /** Signed packets decoded (verified or not). */
  signed: number;
  badSignature: number;
  /** Signed packets refused for a timestamp not newer than the last of their stream (or > 1 min old). */
  replayed: number;
  /** Unsigned packets refused because a signing key is configured. */
  unsigned: number;
  /** MAVLink 2 packets dropped for an incompatibility flag other than signing. */
  incompatFlags: number;
  /**
   * Packets of ids without a known CRC_EXTRA, taken on framing alone (the byte after them starts
   * a packet). Also counted in `unknownType`; never in `framesOk`.
   */
  unverified: number;
}

/** Largest packet: 10-byte v2 header, 255 payload, 2 checksum, 13 signature. */
export const MAVLINK_MAX_PACKET = 10 + 255 + 2 + SIGNATURE_LENGTH;

const NO_TIME: ReceiveTime = { monoMs: 0, wallMs: 0 };

/**
 * Streaming MAVLink 1 + 2 decoder. Packets of ids in the CRC_EXTRA table (common +
 * ardupilotmega) are accepted on their CRC; the decoded messages (HEARTBEAT, ATTITUDE,
 * GLOBAL_POSITION_INT, GPS_RAW_INT, VFR_HUD, STATUSTEXT) are read from the payload
 * zero-extended to its full length. Other ids are framed only (see `emitUnknown`). A false start is skipped one byte at a
 * time. The buffer between pushes holds at most one partial packet (MAVLINK_MAX_PACKET + 1).
 */
export class MavlinkDecoder implements StreamDecoder<MavlinkPacket> {
  readonly counters: MavlinkCounters = {
    ...newDecoderCounters(),
    v1: 0,
    v2: 0,
    signed: 0,
    badSignature: 0,
    replayed: 0,
    unsigned: 0,
    incompatFlags: 0,
    unverified: 0,
  };
  private readonly onFrame: (p: MavlinkPacket) => void;
  private readonly key: Uint8Array | undefined;
  private readonly acceptUnsigned: boolean;
  private readonly emitUnknown: boolean;
  private readonly streams = new SigningStreams();
  /** One partial packet, plus the byte after it that confirms an unchecked id. */
  private readonly pending = new FrameBuffer(MAVLINK_MAX_PACKET + 1, this.counters);
  private readonly scanPushed = (buf: Uint8Array, pos: number, end: number, carried: number): number => {
    this.prevRxUpTo = carried;
    const p = this.scan(buf, pos, end, false);
    this.prevRxUpTo = -1;
    return p;
  };
  private readonly scanIdle = (buf: Uint8Array, pos: number, end: number): number => this.scan(buf, pos, end, false, true);
  private readonly scanFinal = (buf: Uint8Array, pos: number, end: number): number => this.scan(buf, pos, end, true);
  private readonly scratch = new Uint8Array(256);
  private readonly scratchView = new DataView(this.scratch.buffer);
  private readonly sig = new Uint8Array(6);
  private rx: ReceiveTime = NO_TIME;
  private prevRx: ReceiveTime = NO_TIME;
  /** Packets ending at or before this offset of the buffer being scanned arrived with prevRx. */
  private prevRxUpTo = -1;
  private skipping = false;

  constructor(options: MavlinkDecoderOptions) {
    if (typeof options?.onFrame !== 'function') throw new TypeError('MavlinkDecoder: onFrame must be a function');
    if (options.signingKey !== undefined) checkSigningKey(options.signingKey);
    this.onFrame = options.onFrame;
    this.key = options.signingKey === undefined ? undefined : Uint8Array.from(options.signingKey);
    this.acceptUnsigned = options.acceptUnsigned ?? false;
    this.emitUnknown = options.emitUnknown ?? false;
  }

  get buffered(): number {
    return this.pending.length;
  }

  push(chunk: Uint8Array, rx: ReceiveTime): void {
    this.prevRx = this.rx;
    this.rx = rx;
    this.pending.push(chunk, this.scanPushed);
  }

  /**
   * The link went quiet: a packet of an unknown id that ends exactly at the end of the buffer is
   * taken now instead of waiting for the next packet's first byte.
   */
  flush(): void {
    this.pending.rescan(this.scanIdle);
  }

  end(): void {
    this.prevRxUpTo = Infinity;
    this.prevRx = this.rx;
    this.pending.rescan(this.scanFinal);
    this.prevRxUpTo = -1;
    this.pending.clear();
  }

  /** Decodes the packets in buf[pos, end); returns where an unfinished packet starts (or end). */
  private scan(buf: Uint8Array, pos: number, end: number, final: boolean, idle = false): number {
    const c = this.counters;
    while (pos < end) {
      const magic = buf[pos];
      if (magic !== MAVLINK2_MAGIC && magic !== MAVLINK1_MAGIC) {
        this.skip();
        pos++;
        continue;
      }
      const v2 = magic === MAVLINK2_MAGIC;
      const headerLen = v2 ? 10 : 6;
      if (end - pos < headerLen + 2) {
        if (!final) return pos;
        this.skip();
        pos++;
        continue;
      }
      const len = buf[pos + 1];
      const incompat = v2 ? buf[pos + 2] : 0;
      const signed = (incompat & MAVLINK_IFLAG_SIGNED) !== 0;
      const total = headerLen + len + 2 + (signed ? SIGNATURE_LENGTH : 0);
      const msgid = v2 ? buf[pos + 7] | (buf[pos + 8] << 8) | (buf[pos + 9] << 16) : buf[pos + 5];
      const def = messageDef(msgid);
      const crcExtra = def !== undefined ? def.crcExtra : crcExtraOf(msgid);
      // Unchecked ids are confirmed by the next byte being a packet start: wait for it.
      const need = crcExtra < 0 && !idle ? total + 1 : total;
      if (end - pos < need && !final) return pos;
      if (end - pos < total) {
        this.skip();
        pos++;
        continue;
      }
      if (crcExtra < 0) {
        const next = pos + total < end ? buf[pos + total] : undefined;
        if (next !== undefined && next !== MAVLINK1_MAGIC && next !== MAVLINK2_MAGIC) {
          this.skip();
          pos++;
          continue;
        }
        if ((incompat & ~MAVLINK_IFLAG_SIGNED) !== 0 || this.holdsKnownPacket(buf, pos + 1, pos + total, end)) {
          this.skip();
          pos++;
          continue;
        }
        this.synced();
        c.unknownType++;
        c.unverified++;
        if (this.emitUnknown) this.emit(buf, pos, total, v2, len, msgid, undefined, signed, false);
        pos += total;
        continue;
      }
      if (def !== undefined ? len > def.maxLength || (!v2 && len < def.minLength) : len > maxLengthOf(msgid) || (!v2 && len < minLengthOf(msgid))) {
        this.skip();
        pos++;
        continue;
      }
      const crcAt = pos + headerLen + len;
      const crc = buf[crcAt] | (buf[crcAt + 1] << 8);
      if (mavlinkCrc(buf, pos + 1, crcAt, crcExtra) !== crc) {
        c.badChecksum++;
        this.skip();
        pos++;
        continue;
      }
      this.synced();
      if ((incompat & ~MAVLINK_IFLAG_SIGNED) !== 0) {
        c.incompatFlags++;
        pos += total;
        continue;
      }
      if (def === undefined) {
        c.unknownType++;
        if (this.emitUnknown) this.emit(buf, pos, total, v2, len, msgid, undefined, signed, true);
      } else this.emit(buf, pos, total, v2, len, msgid, def, signed, true);
      pos += total;
    }
    return end;
  }

  /**
   * True when a packet of a checkable id with a good CRC starts inside buf[from, to) and fits in the buffer.
   * An unknown-id candidate is only checked by the byte after it, so without this a false start
   * (a 0xFE inside a timestamp, a payload) could swallow the real packets that follow it.
   */
  private holdsKnownPacket(buf: Uint8Array, from: number, to: number, end: number): boolean {
    for (let q = from; q < to; q++) {
      const m = buf[q];
      if (m !== MAVLINK2_MAGIC && m !== MAVLINK1_MAGIC) continue;
      const v2 = m === MAVLINK2_MAGIC;
      const h = v2 ? 10 : 6;
      if (end - q < h + 2) return false;
      const len = buf[q + 1];
      const id = v2 ? buf[q + 7] | (buf[q + 8] << 8) | (buf[q + 9] << 16) : buf[q + 5];
      const crcExtra = crcExtraOf(id);
      if (crcExtra < 0 || len > maxLengthOf(id) || end - q < h + len + 2) continue;
      const crcAt = q + h + len;
      if (mavlinkCrc(buf, q + 1, crcAt, crcExtra) === (buf[crcAt] | (buf[crcAt + 1] << 8))) return true;
    }
    return false;
  }

  private skip(): void {
    this.counters.bytesSkipped++;
    if (!this.skipping) {
      this.skipping = true;
      this.counters.resyncs++;
    }
  }

  private synced(): void {
    this.skipping = false;
  }

  private emit(buf: Uint8Array, pos: number, total: number, v2: boolean, len: number, msgid: number, def: MessageDef | undefined, signed: boolean, verified: boolean): void {
    const c = this.counters;
    const headerLen = v2 ? 10 : 6;
    let signature: MavlinkSignature | null = null;
    if (signed) {
      const sigAt = pos + headerLen + len + 2;
      const linkId = buf[sigAt];
      const timestamp = readTimestamp(buf, sigAt + 1);
      let verified: boolean | null = null;
      if (this.key !== undefined) {
        computeSignature(this.key, buf, pos, sigAt, linkId, timestamp, this.sig, 0);
        for (let i = 0; i < 6; i++) {
          if (this.sig[i] !== buf[sigAt + 7 + i]) {
            c.badSignature++;
            return;
          }
        }
        if (this.streams.check(buf[pos + 5], buf[pos + 6], linkId, timestamp) !== 'ok') {
          c.replayed++;
          return;
        }
        verified = true;
      }
      signature = { linkId, timestamp, verified };
      c.signed++;
    } else if (this.key !== undefined && !this.acceptUnsigned) {
      c.unsigned++;
      return;
    }
    const payloadAt = pos + headerLen;
    let message = null;
    if (def !== undefined) {
      // Zero-extend: MAVLink 2 drops trailing zero bytes of the payload.
      const s = this.scratch;
      // Byte loops, not set(subarray): a subarray of a Buffer is a new Buffer object per packet.
      for (let i = 0; i < len; i++) s[i] = buf[payloadAt + i]!;
      s.fill(0, len, def.maxLength);
      message = def.decode(this.scratchView);
    }
    const payload = new Uint8Array(len);
    for (let i = 0; i < len; i++) payload[i] = buf[payloadAt + i]!;
    const packet: MavlinkPacket = {
      type: 'mavlink',
      version: v2 ? 2 : 1,
      msgid,
      name: def === undefined ? 'UNKNOWN' : def.name,
      seq: buf[pos + 2 + (v2 ? 2 : 0)],
      sysid: buf[pos + 3 + (v2 ? 2 : 0)],
      compid: buf[pos + 4 + (v2 ? 2 : 0)],
      incompatFlags: v2 ? buf[pos + 2] : 0,
      compatFlags: v2 ? buf[pos + 3] : 0,
      // A copy: Buffer#slice would be a view of a chunk the caller may reuse.
      payload,
      message,
      verified,
      signature,
      rx: pos + total <= this.prevRxUpTo ? this.prevRx : this.rx,
    };
    if (v2) c.v2++;
    else c.v1++;
    if (verified) c.framesOk++;
    this.onFrame(packet);
  }
}
