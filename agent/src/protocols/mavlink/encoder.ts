import { mavlinkCrc } from './crc.js';
import { messageDefByName, type MessageDef } from './messages.js';
import { checkSigningKey, computeSignature, SIGNATURE_LENGTH } from './signing.js';
import { MAVLINK1_MAGIC, MAVLINK2_MAGIC, MAVLINK_IFLAG_SIGNED, type MavlinkMessage, type MavlinkMessageInput } from './types.js';

export interface MavlinkHeader {
  sysid: number;
  compid: number;
  /** Packet sequence 0..255; senders increment it per packet. */
  seq: number;
  /** Default 2. MAVLink 1 sends the payload without extensions. */
  version?: 1 | 2;
  compatFlags?: number;
  /** MAVLink 2 only: sign with this key, link id and timestamp (10 µs units since 2015-01-01). */
  signing?: { key: Uint8Array; linkId: number; timestamp: number };
}

function checkByte(name: string, v: number): void {
  if (!Number.isInteger(v) || v < 0 || v > 255) throw new RangeError(`MAVLink ${name} must be an integer 0..255, got ${v}`);
}

/**
 * One MAVLink packet for a message. MAVLink 2 payloads are truncated of trailing zeros (keeping
 * at least one byte), exactly as mavgen's C library does, so a decoded real packet re-encodes to
 * the same bytes.
 */
export function encodeMavlink(message: MavlinkMessageInput, header: MavlinkHeader): Buffer {
  const def = messageDefByName(message.name) as unknown as MessageDef;
  const version = header.version ?? 2;
  checkByte('sysid', header.sysid);
  checkByte('compid', header.compid);
  checkByte('seq', header.seq);
  const payload = new Uint8Array(def.maxLength);
  def.encode(message as MavlinkMessage, new DataView(payload.buffer));
  if (version === 1) {
    if (header.signing !== undefined) throw new TypeError('MAVLink 1 packets cannot be signed');
    const len = def.minLength;
    const out = Buffer.alloc(6 + len + 2);
    out[0] = MAVLINK1_MAGIC;
    out[1] = len;
    out[2] = header.seq;
    out[3] = header.sysid;
    out[4] = header.compid;
    out[5] = def.id;
    out.set(payload.subarray(0, len), 6);
    out.writeUInt16LE(mavlinkCrc(out, 1, 6 + len, def.crcExtra), 6 + len);
    return out;
  }
  let len = def.maxLength;
  while (len > 1 && payload[len - 1] === 0) len--;
  const signing = header.signing;
  if (signing !== undefined) {
    checkSigningKey(signing.key);
    checkByte('linkId', signing.linkId);
    if (!Number.isInteger(signing.timestamp) || signing.timestamp < 0 || signing.timestamp >= 2 ** 48) {
      throw new RangeError(`MAVLink signing timestamp must be a 48-bit unsigned integer, got ${signing.timestamp}`);
    }
  }
  const out = Buffer.alloc(10 + len + 2 + (signing ? SIGNATURE_LENGTH : 0));
  out[0] = MAVLINK2_MAGIC;
  out[1] = len;
  out[2] = signing ? MAVLINK_IFLAG_SIGNED : 0;
  out[3] = header.compatFlags ?? 0;
  out[4] = header.seq;
  out[5] = header.sysid;
  out[6] = header.compid;
  out[7] = def.id & 0xff;
  out[8] = (def.id >> 8) & 0xff;
  out[9] = (def.id >> 16) & 0xff;
  out.set(payload.subarray(0, len), 10);
  const crcAt = 10 + len;
  out.writeUInt16LE(mavlinkCrc(out, 1, crcAt, def.crcExtra), crcAt);
  if (signing) {
    const sigAt = crcAt + 2;
    out[sigAt] = signing.linkId;
    out.writeUIntLE(signing.timestamp, sigAt + 1, 6);
    computeSignature(signing.key, out, 0, sigAt, signing.linkId, signing.timestamp, out, sigAt + 7);
  }
  return out;
}
