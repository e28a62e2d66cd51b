import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import type { SpokeGeometry } from './scan-assembler.js';

/**
 * The hit-frequency clutter map of one sensor (processed video): one byte per cell of the turn
 * (spokes x cells), 255 = a hit on every recent turn. It lives in memory and is written to the
 * data directory every few turns and at stop, so a restart keeps what the map has learnt; a
 * file of another geometry (range scale, spokes per turn) is not used: the map starts again.
 */

const MAGIC = 0x4d48_4b4c; // 'LKHM' little-endian
const VERSION = 1;
const HEADER_BYTES = 32;

export interface HitMapGeometry {
  spokesPerTurn: number;
  cols: number;
  startRangeCell: number;
  rangeCellMetres: number;
}

export function sameHitMapGeometry(a: HitMapGeometry, b: HitMapGeometry): boolean {
  return a.spokesPerTurn === b.spokesPerTurn && a.cols === b.cols && a.startRangeCell === b.startRangeCell && a.rangeCellMetres === b.rangeCellMetres;
}

function encodeHeader(g: HitMapGeometry): Uint8Array {
  const h = new DataView(new ArrayBuffer(HEADER_BYTES));
  h.setUint32(0, MAGIC, true);
  h.setUint32(4, VERSION, true);
  h.setUint32(8, g.spokesPerTurn, true);
  h.setUint32(12, g.cols, true);
  h.setUint32(16, g.startRangeCell, true);
  h.setFloat64(24, g.rangeCellMetres, true);
  return new Uint8Array(h.buffer);
}

/** The geometry a map file was written for, or null when it is not a map file. */
export function readHitMapHeader(bytes: Uint8Array): HitMapGeometry | null {
  if (bytes.length < HEADER_BYTES) return null;
  const h = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  if (h.getUint32(0, true) !== MAGIC || h.getUint32(4, true) !== VERSION) return null;
  return { spokesPerTurn: h.getUint32(8, true), cols: h.getUint32(12, true), startRangeCell: h.getUint32(16, true), rangeCellMetres: h.getFloat64(24, true) };
}

export interface HitMapStoreOptions {
  /** Where the map is kept; absent: memory only. */
  path?: string;
  logger: Logger;
}

export class HitMapStore {
  map: Uint8Array = new Uint8Array(0);
  private geometry: HitMapGeometry | null = null;
  /** Turns learnt since the map was last written. */
  private dirtyTurns = 0;

  constructor(private readonly options: HitMapStoreOptions) {}

  /**
   * The map for this geometry: the persisted one when it was written for the same geometry,
   * else a new empty map (logged once per change of geometry).
   */
  open(g: SpokeGeometry): Uint8Array {
    const geometry: HitMapGeometry = { spokesPerTurn: g.spokesPerTurn, cols: g.cols, startRangeCell: g.startRangeCell, rangeCellMetres: g.rangeCellMetres };
    const n = g.spokesPerTurn * g.cols;
    const previous = this.geometry;
    if (previous && sameHitMapGeometry(previous, geometry)) return this.map;
    this.geometry = geometry;
    this.map = new Uint8Array(n);
    this.dirtyTurns = 0;
    const path = this.options.path;
    if (previous) {
      this.options.logger.warn({ from: previous, to: geometry }, 'video geometry changed: the clutter map starts again');
      return this.map;
    }
    if (!path) return this.map;
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path);
    } catch {
      return this.map;
    }
    const stored = readHitMapHeader(bytes);
    if (stored && sameHitMapGeometry(stored, geometry) && bytes.length === HEADER_BYTES + n) {
      this.map.set(bytes.subarray(HEADER_BYTES));
      this.options.logger.info({ path }, 'clutter map loaded');
    } else {
      this.options.logger.warn({ path, stored, geometry }, 'the stored clutter map is for another video geometry: it starts again');
    }
    return this.map;
  }

  /** One more turn learnt; writes the map every `everyTurns` turns. */
  turnDone(everyTurns: number): void {
    this.dirtyTurns++;
    if (this.dirtyTurns >= everyTurns) this.save();
  }

  /** Writes the map (atomically: a temporary file renamed over the old one). */
  save(): void {
    const path = this.options.path;
    if (!path || !this.geometry || this.dirtyTurns === 0) return;
    try {
      mkdirSync(dirname(path), { recursive: true });
      const tmp = `${path}.tmp`;
      const out = new Uint8Array(HEADER_BYTES + this.map.length);
      out.set(encodeHeader(this.geometry));
      out.set(this.map, HEADER_BYTES);
      writeFileSync(tmp, out);
      renameSync(tmp, path);
      this.dirtyTurns = 0;
    } catch (err) {
      this.options.logger.error({ err, path }, 'clutter map not saved');
    }
  }

  /** Cells learnt as clutter (at or above the threshold level, 0..255). */
  learntCells(threshold8: number): number {
    let n = 0;
    const m = this.map;
    for (let i = 0; i < m.length; i++) if (m[i] >= threshold8) n++;
    return n;
  }
}
