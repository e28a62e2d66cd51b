/**
 * Capped exponential backoff with full jitter: delay n is uniform in
 * [min * 2^n / 2, min * 2^n], capped at max. Jitter keeps a fleet of units that lost the same
 * broker or a unit's several ports from retrying in lockstep.
 */
export class Backoff {
  private attempt = 0;

  constructor(
    private readonly minMs: number,
    private readonly maxMs: number,
    private readonly random: () => number = Math.random,
  ) {
    if (!(minMs > 0) || !(maxMs >= minMs)) throw new RangeError(`backoff needs 0 < minMs <= maxMs, got ${minMs}, ${maxMs}`);
  }

  next(): number {
    const ceiling = Math.min(this.maxMs, this.minMs * 2 ** Math.min(this.attempt, 30));
    this.attempt++;
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }

  reset(): void {
    this.attempt = 0;
  }

  get attempts(): number {
    return this.attempt;
  }
}
