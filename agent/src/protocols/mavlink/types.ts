import type { ReceiveTime } from '../../io/types.js';

/**
 * Decoded MAVLink messages in SI units: positions in degrees, altitudes in metres, speeds in
 * m/s, angles as the message gives them (radians for ATTITUDE, with degrees beside them;
 * degrees where the wire carries centidegrees). Sentinels meaning "unknown" decode to null.
 */
export interface Heartbeat {
  name: 'HEARTBEAT';
  customMode: number;
  /** MAV_TYPE (1 fixed wing, 2 quadrotor, 6 GCS...); `type` on the wire. */
  mavType: number;
  autopilot: number;
  baseMode: number;
  systemStatus: number;
  mavlinkVersion: number;
}

export interface Attitude {
  name: 'ATTITUDE';
  timeBootMs: number;
  /** Radians, as on the wire (f32). */
  roll: number;
  pitch: number;
  yaw: number;
  /** rad/s. */
  rollspeed: number;
  pitchspeed: number;
  yawspeed: number;
  /** The same angles in degrees (yaw in -180..180 as sent; not normalised). */
  rollDeg: number;
  pitchDeg: number;
  yawDeg: number;
}

export interface GlobalPositionInt {
  name: 'GLOBAL_POSITION_INT';
  timeBootMs: number;
  lat: number;
  lon: number;
  /** Metres above mean sea level. */
  alt: number;
  /** Metres above home. */
  relativeAlt: number;
  /** m/s north, east, down. */
  vx: number;
  vy: number;
  vz: number;
  /** Vehicle heading in degrees (0..359.99), null when unknown (65535 on the wire). */
  hdg: number | null;
}

export interface GpsRawInt {
  name: 'GPS_RAW_INT';
  /** µs since the Unix epoch or since boot, as the autopilot sends it. */
  timeUsec: number;
  fixType: number;
  lat: number;
  lon: number;
  /** Metres MSL. */
  alt: number;
  /** HDOP / VDOP (dimensionless), null when unknown. */
  eph: number | null;
  epv: number | null;
  /** Ground speed m/s, null when unknown. */
  vel: number | null;
  /** Course over ground, degrees, null when unknown. */
  cog: number | null;
  satellitesVisible: number | null;
  /** MAVLink 2 extensions (zero when the sender did not fill them). Metres above the ellipsoid. */
  altEllipsoid: number;
  /** Accuracies: position m, velocity m/s, heading degrees. */
  hAcc: number;
  vAcc: number;
  velAcc: number;
  hdgAcc: number;
  /** Yaw of the GNSS antenna in degrees (360 = north), null when not sent (0 on the wire). */
  yaw: number | null;
}

export interface VfrHud {
  name: 'VFR_HUD';
  airspeed: number;
  groundspeed: number;
  /** Metres MSL. */
  alt: number;
  climb: number;
  /** Degrees 0..360. */
  heading: number;
  /** Percent. */
  throttle: number;
}

export interface StatusText {
  name: 'STATUSTEXT';
  /** MAV_SEVERITY: 0 emergency ... 7 debug. */
  severity: number;
  text: string;
  /** MAVLink 2 extensions: chunked messages share an id (0 = not chunked). */
  id: number;
  chunkSeq: number;
}

export type MavlinkMessage = Heartbeat | Attitude | GlobalPositionInt | GpsRawInt | VfrHud | StatusText;
/** What the encoder takes: a message, where ATTITUDE's derived degree fields may be left out. */
export type MavlinkMessageInput =
  | Exclude<MavlinkMessage, Attitude>
  | (Omit<Attitude, 'rollDeg' | 'pitchDeg' | 'yawDeg'> & Partial<Pick<Attitude, 'rollDeg' | 'pitchDeg' | 'yawDeg'>>);
export type MavlinkMessageName = MavlinkMessage['name'];

export interface MavlinkSignature {
  linkId: number;
  /** 10 µs units since 2015-01-01T00:00:00Z. */
  timestamp: number;
  /** true: checked against the configured key; null: no key configured, not checked. */
  verified: boolean | null;
}

export interface MavlinkPacket {
  type: 'mavlink';
  version: 1 | 2;
  msgid: number;
  /** Message name, or 'UNKNOWN' for ids this decoder does not decode (raw payload only). */
  name: MavlinkMessageName | 'UNKNOWN';
  seq: number;
  sysid: number;
  compid: number;
  incompatFlags: number;
  compatFlags: number;
  /** Payload as received (MAVLink 2: trailing zeros truncated). A copy the packet owns. */
  payload: Uint8Array;
  /** The decoded message, null for ids not decoded. */
  message: MavlinkMessage | null;
  /**
   * true: the CRC was checked with the id's CRC_EXTRA and matched. false: the id has no known
   * CRC_EXTRA, so the packet was only framed (length and the next packet start) and may be noise.
   */
  verified: boolean;
  signature: MavlinkSignature | null;
  rx: ReceiveTime;
}

export const MAVLINK1_MAGIC = 0xfe;
export const MAVLINK2_MAGIC = 0xfd;
export const MAVLINK_IFLAG_SIGNED = 0x01;
/** Seconds from the Unix epoch to 2015-01-01T00:00:00Z, the MAVLink signing epoch. */
export const MAVLINK_SIGNING_EPOCH_MS = Date.UTC(2015, 0, 1);
