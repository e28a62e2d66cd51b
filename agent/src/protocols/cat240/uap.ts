import type { Cat240Resolution, Cat240VideoBlockItem } from './types.js';

/**
 * The CAT240 user application profile, edition 1.3, as numbers the encoder and the decoder share
 * (PROTOCOLS.md). FRN = field reference number: the item's position in the FSPEC, from 1.
 */
export const CAT240_CATEGORY = 0xf0;
/** CAT u8 + LEN u16. */
export const BLOCK_HEADER_BYTES = 3;
/**
 * The shortest block worth considering while hunting: header + FSPEC + I010 + I000 + I030 REP.
 * A smaller LEN is never a CAT240 message, so it is rejected before any parsing.
 */
export const MIN_BLOCK_BYTES = BLOCK_HEADER_BYTES + 1 + 2 + 1 + 1;

export const FRN_I010 = 1;
export const FRN_I000 = 2;
export const FRN_I020 = 3;
export const FRN_I030 = 4;
export const FRN_I040 = 5;
export const FRN_I041 = 6;
export const FRN_I048 = 7;
export const FRN_I049 = 8;
export const FRN_I050 = 9;
export const FRN_I051 = 10;
export const FRN_I052 = 11;
export const FRN_I140 = 12;
export const FRN_RE = 13;
export const FRN_SP = 14;
/** Items defined by the UAP: two FSPEC octets hold them all; a third is never legal. */
export const MAX_FRN = 14;

export const MSG_TYPE_SUMMARY = 1;
export const MSG_TYPE_VIDEO = 2;

/** I240/048 RES code (index) to bits per cell; 0 is not a legal code. */
export const RES_CODE_TO_BITS: readonly number[] = [0, 1, 2, 4, 8, 16, 32];

export function resolutionCode(bits: Cat240Resolution): number {
  const code = RES_CODE_TO_BITS.indexOf(bits);
  if (code <= 0) throw new RangeError(`CAT240 resolution must be 1, 2, 4, 8, 16 or 32 bits, got ${String(bits)}`);
  return code;
}

/** Octets per repetition of each video block item. */
export const VIDEO_BLOCK_UNIT: Readonly<Record<Cat240VideoBlockItem, number>> = { I050: 4, I051: 64, I052: 256 };
export const VIDEO_BLOCK_FRN: Readonly<Record<Cat240VideoBlockItem, number>> = { I050: FRN_I050, I051: FRN_I051, I052: FRN_I052 };

/** I240/140 counts 1/128 s. */
export const TIME_OF_DAY_TICKS_PER_S = 128;

/** Bit mask of FRN n inside a bitset where bit n stands for FRN n. */
export function frnBit(frn: number): number {
  return 1 << frn;
}
