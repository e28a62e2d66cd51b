/**
 * CRC-16/MCRF4XX (X.25 without the final xor): init 0xFFFF, reflected polynomial 0x8408.
 * Table-driven: one lookup per byte instead of the eight-step shift loop.
 */
const TABLE = new Uint16Array(256);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x8408 : c >>> 1;
  TABLE[n] = c;
}

export const CRC_INIT = 0xffff;

/** Continues `crc` over bytes[start, end). */
export function crc16Accumulate(crc: number, bytes: Uint8Array, start = 0, end = bytes.length): number {
  for (let i = start; i < end; i++) crc = (crc >>> 8) ^ TABLE[(crc ^ bytes[i]) & 0xff];
  return crc;
}

export function crc16AccumulateByte(crc: number, byte: number): number {
  return (crc >>> 8) ^ TABLE[(crc ^ byte) & 0xff];
}

/** The MAVLink checksum of a packet: over bytes[start, end) (after the magic, to the end of the payload) then CRC_EXTRA. */
export function mavlinkCrc(bytes: Uint8Array, start: number, end: number, crcExtra: number): number {
  return crc16AccumulateByte(crc16Accumulate(CRC_INIT, bytes, start, end), crcExtra);
}
