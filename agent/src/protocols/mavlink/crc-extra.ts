/**
 * CRC_EXTRA and payload lengths of every message of the MAVLink `common` set and ArduPilot's
 * `ardupilotmega` dialect (which includes `common`, `uAvionix`, `icarous` and `loweheiser`), as
 * mavgen derives them from the XML definitions: CRC_EXTRA is the X.25 checksum of the message
 * name and its non-extension fields (type, name, array length) folded to one byte; minLength is
 * the payload without extensions (what MAVLink 1 sends), maxLength with them. Values as in
 * mavlink/c_library_v2 `ardupilotmega/ardupilotmega.h` (MAVLINK_MESSAGE_CRCS); every packet of
 * the three real tlogs in ../shared/data/mavlink passes its CRC with them (test/unit/protocols).
 *
 * A packet of an id in this table can be verified; one of an id outside it can only be framed.
 */

/** [msgid, crcExtra, minLength, maxLength] × n, ascending msgid. */
// prettier-ignore
const ROWS: readonly number[] = [
  0, 50, 9, 9,  1, 124, 31, 43,  2, 137, 12, 12,  4, 237, 14, 14,  5, 217, 28, 28,  6, 104, 3, 3,  7, 119, 32, 32,  8, 117, 36, 36,
  11, 89, 6, 6,  20, 214, 20, 20,  21, 159, 2, 2,  22, 220, 25, 25,  23, 168, 23, 23,  24, 24, 30, 52,  25, 23, 101, 101,  26, 170, 22, 24,
  27, 144, 26, 29,  28, 67, 16, 16,  29, 115, 14, 16,  30, 39, 28, 28,  31, 246, 32, 48,  32, 185, 28, 28,  33, 104, 28, 28,  34, 237, 22, 22,
  35, 244, 22, 22,  36, 222, 21, 37,  37, 212, 6, 7,  38, 9, 6, 7,  39, 254, 37, 38,  40, 230, 4, 5,  41, 28, 4, 4,  42, 28, 2, 2,
  43, 132, 2, 3,  44, 221, 4, 5,  45, 232, 2, 3,  46, 11, 2, 2,  47, 153, 3, 4,  48, 41, 13, 21,  49, 39, 12, 20,  50, 78, 37, 37,
  51, 196, 4, 5,  54, 15, 27, 27,  55, 3, 25, 25,  61, 167, 72, 72,  62, 183, 26, 26,  63, 119, 181, 181,  64, 191, 225, 225,  65, 118, 42, 42,
  66, 148, 6, 6,  67, 21, 4, 4,  69, 243, 11, 18,  70, 124, 18, 38,  73, 38, 37, 38,  74, 20, 20, 20,  75, 158, 35, 35,  76, 152, 33, 33,
  77, 143, 3, 10,  80, 14, 4, 4,  81, 106, 22, 22,  82, 49, 39, 51,  83, 22, 37, 37,  84, 143, 53, 53,  85, 140, 51, 51,  86, 5, 53, 53,
  87, 150, 51, 51,  89, 231, 28, 28,  90, 183, 56, 56,  91, 63, 42, 42,  92, 54, 33, 33,  93, 47, 81, 81,  100, 175, 26, 34,  101, 102, 32, 117,
  102, 158, 32, 117,  103, 208, 20, 57,  104, 56, 32, 116,  105, 93, 62, 63,  106, 138, 44, 44,  107, 108, 64, 65,  108, 32, 84, 84,  109, 185, 9, 9,
  110, 84, 254, 254,  111, 34, 16, 16,  112, 174, 12, 12,  113, 124, 36, 39,  114, 237, 44, 44,  115, 4, 64, 64,  116, 76, 22, 24,  117, 128, 6, 6,
  118, 56, 14, 14,  119, 116, 12, 12,  120, 134, 97, 97,  121, 237, 2, 2,  122, 203, 2, 2,  123, 250, 113, 113,  124, 87, 35, 57,  125, 203, 6, 6,
  126, 220, 79, 81,  127, 25, 35, 35,  128, 226, 35, 35,  129, 46, 22, 24,  130, 29, 13, 13,  131, 223, 255, 255,  132, 85, 14, 39,  133, 6, 18, 18,
  134, 229, 43, 43,  135, 203, 8, 8,  136, 1, 22, 22,  137, 195, 14, 16,  138, 109, 36, 120,  139, 168, 43, 43,  140, 181, 41, 41,  141, 47, 32, 32,
  142, 72, 243, 243,  143, 131, 14, 16,  144, 127, 93, 93,  146, 103, 100, 100,  147, 154, 36, 54,  148, 178, 60, 78,  149, 200, 30, 60,  150, 134, 42, 42,
  151, 219, 8, 8,  152, 208, 4, 8,  153, 188, 12, 12,  154, 84, 15, 15,  155, 22, 13, 13,  156, 19, 6, 6,  157, 21, 15, 15,  158, 134, 14, 14,
  160, 78, 12, 12,  161, 68, 3, 3,  162, 189, 8, 9,  163, 127, 28, 28,  164, 154, 44, 44,  165, 21, 3, 3,  166, 21, 9, 9,  167, 144, 22, 22,
  168, 1, 12, 12,  169, 234, 18, 18,  170, 73, 34, 34,  171, 181, 66, 66,  172, 22, 98, 98,  173, 83, 8, 8,  174, 167, 48, 48,  175, 138, 19, 19,
  176, 234, 3, 3,  177, 240, 20, 20,  178, 47, 24, 24,  179, 189, 29, 29,  180, 52, 45, 47,  181, 174, 4, 4,  182, 229, 40, 40,  183, 85, 2, 2,
  184, 159, 206, 206,  185, 186, 7, 7,  186, 72, 29, 29,  191, 92, 27, 27,  192, 36, 44, 54,  193, 71, 22, 26,  194, 98, 25, 33,  195, 120, 37, 37,
  200, 134, 42, 42,  201, 205, 14, 14,  214, 69, 8, 8,  215, 101, 3, 3,  216, 50, 3, 3,  217, 202, 6, 6,  218, 17, 7, 7,  219, 162, 2, 2,
  225, 208, 65, 65,  226, 207, 8, 8,  230, 163, 42, 42,  231, 105, 40, 40,  232, 151, 63, 65,  233, 35, 182, 182,  234, 150, 40, 40,  235, 179, 42, 42,
  241, 90, 32, 32,  242, 104, 52, 60,  243, 85, 53, 61,  244, 95, 6, 6,  245, 130, 2, 2,  246, 184, 38, 38,  247, 81, 19, 19,  248, 8, 254, 254,
  249, 204, 36, 36,  250, 49, 30, 30,  251, 170, 18, 18,  252, 44, 18, 18,  253, 83, 51, 54,  254, 46, 9, 9,  256, 71, 42, 42,  257, 131, 9, 9,
  258, 187, 32, 232,  259, 92, 235, 235,  260, 146, 5, 13,  261, 179, 27, 61,  262, 12, 18, 22,  263, 133, 255, 255,  264, 49, 28, 28,  265, 26, 16, 20,
  266, 193, 255, 255,  267, 35, 255, 255,  268, 14, 4, 4,  269, 109, 213, 213,  270, 59, 19, 19,  271, 22, 52, 52,  275, 126, 31, 31,  276, 18, 49, 49,
  280, 70, 33, 33,  281, 48, 13, 13,  282, 123, 35, 35,  283, 74, 144, 144,  284, 99, 32, 32,  285, 137, 40, 40,  286, 210, 53, 53,  287, 1, 23, 23,
  288, 20, 23, 23,  290, 251, 46, 46,  291, 10, 57, 57,  299, 19, 96, 98,  300, 217, 22, 22,  301, 243, 58, 58,  310, 28, 17, 17,  311, 95, 116, 116,
  320, 243, 20, 20,  321, 88, 2, 2,  322, 243, 149, 149,  323, 78, 147, 147,  324, 132, 146, 146,  330, 23, 158, 167,  331, 91, 230, 232,  332, 236, 239, 239,
  333, 231, 109, 109,  334, 72, 10, 10,  335, 225, 24, 24,  336, 245, 84, 84,  339, 199, 5, 5,  340, 99, 70, 70,  350, 232, 20, 252,  360, 11, 25, 25,
  370, 75, 87, 109,  373, 117, 42, 42,  375, 251, 140, 140,  380, 232, 20, 20,  385, 147, 133, 133,  390, 156, 238, 238,  395, 0, 212, 212,  400, 110, 254, 254,
  401, 183, 6, 6,  410, 160, 53, 53,  411, 106, 3, 3,  412, 33, 6, 6,  413, 77, 7, 7,  9000, 113, 137, 137,  9005, 117, 34, 34,  10001, 209, 20, 20,
  10002, 186, 41, 41,  10003, 4, 1, 1,  11000, 134, 51, 52,  11001, 15, 135, 136,  11002, 234, 179, 180,  11003, 64, 5, 5,  11010, 46, 49, 49,  11011, 106, 44, 44,
  11020, 205, 16, 16,  11030, 144, 44, 44,  11031, 133, 44, 44,  11032, 85, 44, 44,  11033, 195, 37, 37,  11034, 79, 5, 5,  11035, 128, 8, 8,  11036, 177, 34, 34,
  11037, 130, 28, 28,  11038, 47, 38, 38,  11039, 142, 9, 9,  12900, 114, 44, 44,  12901, 254, 59, 59,  12902, 140, 53, 53,  12903, 249, 46, 46,  12904, 150, 50, 50,
  12905, 49, 43, 43,  12915, 94, 249, 249,  12920, 20, 5, 5,  42000, 227, 1, 1,  42001, 239, 46, 46,
];

export interface CrcEntry {
  crcExtra: number;
  minLength: number;
  maxLength: number;
}

/** Ids below this are looked up in flat arrays (one index per packet on the hot path), the rest in a map. */
const DENSE_IDS = 512;
/** CRC_EXTRA by msgid, -1 for an id not in the table. */
const DENSE_CRC = new Int16Array(DENSE_IDS).fill(-1);
const DENSE_MIN = new Uint8Array(DENSE_IDS);
const DENSE_MAX = new Uint8Array(DENSE_IDS);
const SPARSE = new Map<number, CrcEntry>();

for (let i = 0; i < ROWS.length; i += 4) {
  const id = ROWS[i];
  if (id < DENSE_IDS) {
    DENSE_CRC[id] = ROWS[i + 1]!;
    DENSE_MIN[id] = ROWS[i + 2]!;
    DENSE_MAX[id] = ROWS[i + 3]!;
  } else SPARSE.set(id, { crcExtra: ROWS[i + 1], minLength: ROWS[i + 2], maxLength: ROWS[i + 3] });
}

/** Number of message ids whose packets can be verified. */
export const CRC_TABLE_SIZE = ROWS.length / 4;

/** CRC_EXTRA of a msgid, or -1 when the id is not in the table (its packets cannot be checked). */
export function crcExtraOf(msgid: number): number {
  if (msgid < DENSE_IDS) return DENSE_CRC[msgid];
  return SPARSE.get(msgid)?.crcExtra ?? -1;
}

/** Largest legal payload of a msgid in the table (call only when crcExtraOf(msgid) >= 0). */
export function maxLengthOf(msgid: number): number {
  if (msgid < DENSE_IDS) return DENSE_MAX[msgid];
  return SPARSE.get(msgid)?.maxLength ?? 255;
}

/** Payload length without extensions (call only when crcExtraOf(msgid) >= 0). */
export function minLengthOf(msgid: number): number {
  if (msgid < DENSE_IDS) return DENSE_MIN[msgid];
  return SPARSE.get(msgid)?.minLength ?? 0;
}

/** The table entry of a msgid, or undefined. */
export function crcEntry(msgid: number): CrcEntry | undefined {
  const crcExtra = crcExtraOf(msgid);
  if (crcExtra < 0) return undefined;
  return { crcExtra, minLength: minLengthOf(msgid), maxLength: maxLengthOf(msgid) };
}
