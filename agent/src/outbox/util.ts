/** Small pure helpers of the outbox: error classification, seq ranges. */

/** SQLITE_FULL / ENOSPC, as better-sqlite3 and the fs report them. */
export function isDiskFull(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | undefined;
  if (!e) return false;
  return e.code === 'SQLITE_FULL' || e.code === 'ENOSPC' || (e.code === 'SQLITE_IOERR_WRITE' && /space/i.test(e.message ?? '')) || /SQLITE_FULL|ENOSPC|database or disk is full/i.test(e.message ?? '');
}

/** A file that is not (or no longer) an SQLite database. */
export function isCorrupt(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | undefined;
  if (!e) return false;
  return e.code === 'SQLITE_CORRUPT' || e.code === 'SQLITE_NOTADB' || /malformed|not a database|SQLITE_CORRUPT|SQLITE_NOTADB/i.test(e.message ?? '');
}

/** protobufjs returns a Buffer under Node: use it as is rather than copying it once more per record. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Compresses sorted seqs into inclusive ranges. */
export function seqRanges(seqs: number[]): Array<[number, number]> {
  const sorted = [...seqs].sort((a, b) => a - b);
  const out: Array<[number, number]> = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s === last[1] + 1) last[1] = s;
    else if (!last || s > last[1]) out.push([s, s]);
  }
  return out;
}

