/**
 * Row ids acknowledged since the last commit (which deletes them). Reads skip them until then.
 */
export class PendingAcks {
  private ids: number[] = [];
  private min = Infinity;
  private max = -Infinity;
  /**
   * ids[0, inSet) as a Set, filled only when a read meets their bounds: a read from the start
   * after a reconnect, or of rows interleaved with acknowledged ones of another priority. A
   * replay reads ahead of every acknowledged row and never fills it (a Set kept up to date cost
   * an add, a has and a delete per acknowledged row).
   */
  private readonly set = new Set<number>();
  private inSet = 0;

  get size(): number {
    return this.ids.length;
  }

  add(rowIds: Iterable<number>): void {
    for (const id of rowIds) {
      this.ids.push(id);
      if (id < this.min) this.min = id;
      if (id > this.max) this.max = id;
    }
  }

  has(rowId: number): boolean {
    if (rowId < this.min || rowId > this.max) return false;
    for (; this.inSet < this.ids.length; this.inSet++) this.set.add(this.ids[this.inSet]);
    return this.set.has(rowId);
  }

  /** The ids as given (repeats included), for the commit that deletes them. */
  list(): readonly number[] {
    return this.ids;
  }

  clear(): void {
    this.ids = [];
    this.min = Infinity;
    this.max = -Infinity;
    if (this.inSet > 0) this.set.clear();
    this.inSet = 0;
  }
}
