/**
 * The seq reservation beside the outbox database (`<db>.seq`): the session and a ceiling below
 * which seqs may have been used. Written (fsync, atomic rename) at each start and once per
 * block of seqs, so that a database lost to corruption never makes the unit give a seq twice.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

export interface SeqReservation {
  session: number;
  seqCeiling: number;
}

export function seqReservationPath(dbPath: string): string {
  return `${dbPath}.seq`;
}

/** The last reservation, or zeros when there is none (or it is unreadable). */
export function readSeqReservation(dbPath: string): SeqReservation {
  try {
    const v = JSON.parse(readFileSync(seqReservationPath(dbPath), 'utf8')) as Partial<SeqReservation>;
    return { session: Number(v.session) || 0, seqCeiling: Number(v.seqCeiling) || 0 };
  } catch {
    return { session: 0, seqCeiling: 0 };
  }
}

export function writeSeqReservation(dbPath: string, r: SeqReservation): void {
  const path = seqReservationPath(dbPath);
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeFileSync(fd, JSON.stringify(r));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
