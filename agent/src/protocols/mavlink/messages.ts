import type { Attitude, GlobalPositionInt, GpsRawInt, Heartbeat, MavlinkMessage, StatusText, VfrHud } from './types.js';

/**
 * The messages Lookout decodes. CRC_EXTRA and lengths are the ones in mavlink's common.xml
 * (generated headers: MAVLINK_MSG_ID_<NAME>_CRC / _MIN_LEN / _LEN), and every value is checked
 * against real packets in ../shared/data/mavlink by the tests. Fields are laid out on the wire
 * largest type first, extensions last, as mavgen orders them.
 */
export interface MessageDef<M extends MavlinkMessage = MavlinkMessage> {
  id: number;
  name: M['name'];
  crcExtra: number;
  /** Length without extensions (MAVLink 1 sends exactly this). */
  minLength: number;
  /** Length with extensions (MAVLink 2 truncates trailing zeros from this). */
  maxLength: number;
  /** Reads a payload zero-extended to maxLength. */
  decode(v: DataView): M;
  /** Writes the full maxLength payload. */
  encode(m: M, v: DataView): void;
}

const RAD = 180 / Math.PI;
const U16_UNKNOWN = 0xffff;

function u64(v: DataView, o: number): number {
  return v.getUint32(o, true) + v.getUint32(o + 4, true) * 0x1_0000_0000;
}

function setU64(v: DataView, o: number, n: number): void {
  v.setUint32(o, n % 0x1_0000_0000, true);
  v.setUint32(o + 4, Math.floor(n / 0x1_0000_0000), true);
}

/** Scaled integer fields: decode divides, encode multiplies and rounds back to the same integer. */
const scaled = (raw: number, scale: number): number => raw / scale;
const unscaled = (value: number, scale: number): number => Math.round(value * scale);

const heartbeat: MessageDef<Heartbeat> = {
  id: 0,
  name: 'HEARTBEAT',
  crcExtra: 50,
  minLength: 9,
  maxLength: 9,
  decode: (v) => ({
    name: 'HEARTBEAT',
    customMode: v.getUint32(0, true),
    mavType: v.getUint8(4),
    autopilot: v.getUint8(5),
    baseMode: v.getUint8(6),
    systemStatus: v.getUint8(7),
    mavlinkVersion: v.getUint8(8),
  }),
  encode: (m, v) => {
    v.setUint32(0, m.customMode, true);
    v.setUint8(4, m.mavType);
    v.setUint8(5, m.autopilot);
    v.setUint8(6, m.baseMode);
    v.setUint8(7, m.systemStatus);
    v.setUint8(8, m.mavlinkVersion);
  },
};

const attitude: MessageDef<Attitude> = {
  id: 30,
  name: 'ATTITUDE',
  crcExtra: 39,
  minLength: 28,
  maxLength: 28,
  decode: (v) => {
    const roll = v.getFloat32(4, true);
    const pitch = v.getFloat32(8, true);
    const yaw = v.getFloat32(12, true);
    return {
      name: 'ATTITUDE',
      timeBootMs: v.getUint32(0, true),
      roll,
      pitch,
      yaw,
      rollspeed: v.getFloat32(16, true),
      pitchspeed: v.getFloat32(20, true),
      yawspeed: v.getFloat32(24, true),
      rollDeg: roll * RAD,
      pitchDeg: pitch * RAD,
      yawDeg: yaw * RAD,
    };
  },
  encode: (m, v) => {
    v.setUint32(0, m.timeBootMs, true);
    v.setFloat32(4, m.roll, true);
    v.setFloat32(8, m.pitch, true);
    v.setFloat32(12, m.yaw, true);
    v.setFloat32(16, m.rollspeed, true);
    v.setFloat32(20, m.pitchspeed, true);
    v.setFloat32(24, m.yawspeed, true);
  },
};

const globalPositionInt: MessageDef<GlobalPositionInt> = {
  id: 33,
  name: 'GLOBAL_POSITION_INT',
  crcExtra: 104,
  minLength: 28,
  maxLength: 28,
  decode: (v) => {
    const hdg = v.getUint16(26, true);
    return {
      name: 'GLOBAL_POSITION_INT',
      timeBootMs: v.getUint32(0, true),
      lat: scaled(v.getInt32(4, true), 1e7),
      lon: scaled(v.getInt32(8, true), 1e7),
      alt: scaled(v.getInt32(12, true), 1e3),
      relativeAlt: scaled(v.getInt32(16, true), 1e3),
      vx: scaled(v.getInt16(20, true), 100),
      vy: scaled(v.getInt16(22, true), 100),
      vz: scaled(v.getInt16(24, true), 100),
      hdg: hdg === U16_UNKNOWN ? null : scaled(hdg, 100),
    };
  },
  encode: (m, v) => {
    v.setUint32(0, m.timeBootMs, true);
    v.setInt32(4, unscaled(m.lat, 1e7), true);
    v.setInt32(8, unscaled(m.lon, 1e7), true);
    v.setInt32(12, unscaled(m.alt, 1e3), true);
    v.setInt32(16, unscaled(m.relativeAlt, 1e3), true);
    v.setInt16(20, unscaled(m.vx, 100), true);
    v.setInt16(22, unscaled(m.vy, 100), true);
    v.setInt16(24, unscaled(m.vz, 100), true);
    v.setUint16(26, m.hdg === null ? U16_UNKNOWN : unscaled(m.hdg, 100), true);
  },
};

const gpsRawInt: MessageDef<GpsRawInt> = {
  id: 24,
  name: 'GPS_RAW_INT',
  crcExtra: 24,
  minLength: 30,
  maxLength: 52,
  decode: (v) => {
    const eph = v.getUint16(20, true);
    const epv = v.getUint16(22, true);
    const vel = v.getUint16(24, true);
    const cog = v.getUint16(26, true);
    const sats = v.getUint8(29);
    const yaw = v.getUint16(50, true);
    return {
      name: 'GPS_RAW_INT',
      timeUsec: u64(v, 0),
      fixType: v.getUint8(28),
      lat: scaled(v.getInt32(8, true), 1e7),
      lon: scaled(v.getInt32(12, true), 1e7),
      alt: scaled(v.getInt32(16, true), 1e3),
      eph: eph === U16_UNKNOWN ? null : scaled(eph, 100),
      epv: epv === U16_UNKNOWN ? null : scaled(epv, 100),
      vel: vel === U16_UNKNOWN ? null : scaled(vel, 100),
      cog: cog === U16_UNKNOWN ? null : scaled(cog, 100),
      satellitesVisible: sats === 0xff ? null : sats,
      altEllipsoid: scaled(v.getInt32(30, true), 1e3),
      hAcc: scaled(v.getUint32(34, true), 1e3),
      vAcc: scaled(v.getUint32(38, true), 1e3),
      velAcc: scaled(v.getUint32(42, true), 1e3),
      hdgAcc: scaled(v.getUint32(46, true), 1e5),
      yaw: yaw === 0 ? null : scaled(yaw, 100),
    };
  },
  encode: (m, v) => {
    setU64(v, 0, m.timeUsec);
    v.setInt32(8, unscaled(m.lat, 1e7), true);
    v.setInt32(12, unscaled(m.lon, 1e7), true);
    v.setInt32(16, unscaled(m.alt, 1e3), true);
    v.setUint16(20, m.eph === null ? U16_UNKNOWN : unscaled(m.eph, 100), true);
    v.setUint16(22, m.epv === null ? U16_UNKNOWN : unscaled(m.epv, 100), true);
    v.setUint16(24, m.vel === null ? U16_UNKNOWN : unscaled(m.vel, 100), true);
    v.setUint16(26, m.cog === null ? U16_UNKNOWN : unscaled(m.cog, 100), true);
    v.setUint8(28, m.fixType);
    v.setUint8(29, m.satellitesVisible === null ? 0xff : m.satellitesVisible);
    v.setInt32(30, unscaled(m.altEllipsoid, 1e3), true);
    v.setUint32(34, unscaled(m.hAcc, 1e3), true);
    v.setUint32(38, unscaled(m.vAcc, 1e3), true);
    v.setUint32(42, unscaled(m.velAcc, 1e3), true);
    v.setUint32(46, unscaled(m.hdgAcc, 1e5), true);
    v.setUint16(50, m.yaw === null ? 0 : unscaled(m.yaw, 100), true);
  },
};

const vfrHud: MessageDef<VfrHud> = {
  id: 74,
  name: 'VFR_HUD',
  crcExtra: 20,
  minLength: 20,
  maxLength: 20,
  decode: (v) => ({
    name: 'VFR_HUD',
    airspeed: v.getFloat32(0, true),
    groundspeed: v.getFloat32(4, true),
    alt: v.getFloat32(8, true),
    climb: v.getFloat32(12, true),
    heading: v.getInt16(16, true),
    throttle: v.getUint16(18, true),
  }),
  encode: (m, v) => {
    v.setFloat32(0, m.airspeed, true);
    v.setFloat32(4, m.groundspeed, true);
    v.setFloat32(8, m.alt, true);
    v.setFloat32(12, m.climb, true);
    v.setInt16(16, m.heading, true);
    v.setUint16(18, m.throttle, true);
  },
};

const STATUSTEXT_CHARS = 50;

const statusText: MessageDef<StatusText> = {
  id: 253,
  name: 'STATUSTEXT',
  crcExtra: 83,
  minLength: 51,
  maxLength: 54,
  decode: (v) => {
    const bytes = new Uint8Array(v.buffer, v.byteOffset + 1, STATUSTEXT_CHARS);
    let n = bytes.indexOf(0);
    if (n < 0) n = STATUSTEXT_CHARS;
    return {
      name: 'STATUSTEXT',
      severity: v.getUint8(0),
      // latin1 keeps every byte: the text re-encodes exactly whatever the sender put there.
      text: Buffer.from(bytes.buffer, bytes.byteOffset, n).toString('latin1'),
      id: v.getUint16(51, true),
      chunkSeq: v.getUint8(53),
    };
  },
  encode: (m, v) => {
    v.setUint8(0, m.severity);
    const text = Buffer.from(m.text, 'latin1');
    if (text.length > STATUSTEXT_CHARS) throw new RangeError(`STATUSTEXT text is at most ${STATUSTEXT_CHARS} bytes, got ${text.length}`);
    new Uint8Array(v.buffer, v.byteOffset + 1, STATUSTEXT_CHARS).set(text);
    v.setUint16(51, m.id, true);
    v.setUint8(53, m.chunkSeq);
  },
};

export const MESSAGE_DEFS: readonly MessageDef[] = [heartbeat, attitude, globalPositionInt, gpsRawInt, vfrHud, statusText] as MessageDef[];

/** Definitions by msgid; MAVLink 2 ids are 24-bit, but every id we know is below 256. */
export const DEFS_BY_ID: ReadonlyArray<MessageDef | undefined> = (() => {
  const a: Array<MessageDef | undefined> = new Array<MessageDef | undefined>(256).fill(undefined);
  for (const d of MESSAGE_DEFS) a[d.id] = d;
  return a;
})();

export function messageDef(msgid: number): MessageDef | undefined {
  return msgid < 256 ? DEFS_BY_ID[msgid] : undefined;
}

export function messageDefByName<N extends MavlinkMessage['name']>(name: N): MessageDef<Extract<MavlinkMessage, { name: N }>> {
  const d = MESSAGE_DEFS.find((m) => m.name === name);
  if (d === undefined) throw new TypeError(`unknown MAVLink message ${name}`);
  return d as unknown as MessageDef<Extract<MavlinkMessage, { name: N }>>;
}
