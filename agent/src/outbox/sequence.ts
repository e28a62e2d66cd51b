/**
 * The seq counter and the session of the outbox. Both live in the database, committed with the
 * records; the sidecar `<db>.seq` (seq-reservation.ts) reserves blocks of seqs ahead, so that a
 * database lost to corruption or deleted by hand never makes the unit give a seq twice.
 */
import type { Logger } from 'pino';
import { readSeqReservation, writeSeqReservation } from './seq-reservation.js';

/** Seqs reserved per sidecar write. */
const SEQ_BLOCK = 1_000_000;

export class Sequence {
  /** The seq the next record gets. */
  next = 1;
  session = 0;
  /** Seqs below it may have been given (the sidecar says so). */
  private ceiling = 0;

  constructor(
    private readonly dbPath: string,
    private readonly log: Logger,
  ) {}

  /** Takes the counter and session a database file holds. */
  load(savedNext: number, savedSession: number): void {
    this.next = savedNext;
    this.session = savedSession;
  }

  /**
   * At start, after the file was opened: when the file is new beside an older sidecar (the
   * database was deleted, or moved aside as corrupt: `fileLost`), continue after the sidecar's
   * last block. Returns the seq the file's history resumes at.
   */
  resume(fileLost: boolean): number {
    const sidecar = readSeqReservation(this.dbPath);
    if (fileLost) {
      this.next = Math.max(this.next, sidecar.seqCeiling + 1);
      this.session = Math.max(this.session, sidecar.session);
    } else if (sidecar.seqCeiling >= this.next && this.next === 1 && sidecar.session > 0) {
      // A fresh database beside an old sidecar (file deleted by hand): never reuse seqs.
      this.next = sidecar.seqCeiling + 1;
      this.session = Math.max(this.session, sidecar.session);
    }
    return this.next;
  }

  /** The seq `next` was given: move on, reserving the next block when this one is used up. */
  advance(): void {
    this.next++;
    if (this.next >= this.ceiling) this.reserve();
  }

  /** Persists "seqs below next + SEQ_BLOCK may have been used" (fsync, atomic rename). */
  reserve(): void {
    const ceiling = this.next + SEQ_BLOCK;
    try {
      writeSeqReservation(this.dbPath, { session: this.session, seqCeiling: ceiling });
      this.ceiling = ceiling;
    } catch (err) {
      this.log.warn({ err }, 'outbox: cannot write the seq reservation file');
    }
  }
}
