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
  rx: ReceiveTime;
}

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

/** Speed of light used for CELL_DUR to metres. */
export const SPEED_OF_LIGHT_M_PER_S = 299_792_458;
