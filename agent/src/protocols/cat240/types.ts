import type { ReceiveTime } from '../../io/types.js';

/** Bits per video cell, from I240/048 RES (1=1 bit ... 6=32 bits). */
export type Cat240Resolution = 1 | 2 | 4 | 8 | 16 | 32;

/** One I240 video message: one spoke (or part of one) of radar video. */
export interface Cat240Video {
  type: 'cat240.video';
  sac: number;
  sic: number;
  /** I240/020 MSG_INDEX: increments per message; a jump means lost messages. */
  msgIndex: number;
  /** I240/040 or /041 START_AZ, END_AZ in 1/65536 of a turn. */
  startAzimuth: number;
  endAzimuth: number;
  /** START_RG: index of the first cell of this spoke. */
  startRangeCell: number;
  /** Cell duration in femtoseconds (I240/040 ns values are scaled by 1e6). */
  cellDurationFs: number;
  /** Range per cell in metres: c * cellDuration / 2. */
  rangeCellMetres: number;
  /** I240/048 C bit: the video octets arrived compressed (zlib). */
  compressed: boolean;
  resolutionBits: Cat240Resolution;
  /** I240/049 NB_CELLS. */
  cellCount: number;
  /**
   * Cell values, one element per cell (cellCount elements), widened to the smallest array type
   * that holds the resolution: Uint8Array for 1..8 bits, Uint16Array for 16, Uint32Array for 32.
   */
  cells: Uint8Array | Uint16Array | Uint32Array;
  /** I240/140 time of day in seconds since midnight UTC, when present. */
  timeOfDaySeconds?: number;
  /** Which video header item carried the azimuths and cell duration (decoders always set it). */
  videoHeader?: Cat240VideoHeaderItem;
  /** Which video block item carried the octets (decoders always set it). */
  videoBlock?: Cat240VideoBlockItem;
  rx: ReceiveTime;
}

/** I240/040 (cell duration in ns) or I240/041 (in fs). */
export type Cat240VideoHeaderItem = 'I040' | 'I041';
/** I240/050, /051, /052: video octets in units of 4, 64 or 256 octets. */
export type Cat240VideoBlockItem = 'I050' | 'I051' | 'I052';

/** One I240 video summary message. */
export interface Cat240Summary {
  type: 'cat240.summary';
  sac: number;
  sic: number;
  summary: string;
  timeOfDaySeconds?: number;
  rx: ReceiveTime;
}

export type Cat240Message = Cat240Video | Cat240Summary;

/** Largest data block LEN can express (u16, the 3 header bytes included). */
export const CAT240_MAX_BLOCK_BYTES = 65_535;

/** Speed of light used for CELL_DUR to metres. */
export const SPEED_OF_LIGHT_M_PER_S = 299_792_458;
