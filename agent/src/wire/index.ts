/** The contract with hubs (DESIGN.md, Wire contract): record types, fixed point, codec, topics. */
export * from './types.js';
export * from './fixed.js';
export { destination, plotPosition, WGS84_A, WGS84_B, WGS84_F } from './geo.js';
export { encodeRecord } from './encode.js';
export { decodeRecord } from './decode.js';
export * from './topics.js';
export * from './command.js';
