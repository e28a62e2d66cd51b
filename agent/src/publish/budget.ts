/**
 * Bandwidth budget for thin links: a token bucket in bytes per second, the thinning of a plots
 * record to what the bucket holds (strongest plots kept, the count written in the batch), and
 * the policy that decides, record by record, what goes now.
 */
import { decodeRecord, encodeRecord, type LookoutRecord, type PlotsBody, type RecordKind } from '../wire/index.js';
import type { MqttConfig } from './config.js';

export class TokenBucket {
  private tokens: number;
  private lastMs: number;

  constructor(
    private readonly bytesPerSecond: number,
    private readonly burstBytes: number,
    private readonly nowMs: () => number,
  ) {
    if (!(bytesPerSecond > 0) || !(burstBytes > 0)) throw new RangeError('token bucket needs a positive rate and burst');
    this.tokens = burstBytes;
    this.lastMs = nowMs();
  }

  private refill(): void {
    const now = this.nowMs();
    const dt = Math.max(0, now - this.lastMs);
    this.lastMs = now;
    this.tokens = Math.min(this.burstBytes, this.tokens + (dt * this.bytesPerSecond) / 1000);
  }

  /** Bytes that may go now. */
  available(): number {
    this.refill();
    return Math.floor(this.tokens);
  }

  /** Takes `bytes` if available (or always with `force`, going negative); true when taken. */
  take(bytes: number, force = false): boolean {
    this.refill();
    if (!force && this.tokens < bytes) return false;
    this.tokens -= bytes;
    return true;
  }

  /** Milliseconds until `bytes` are available. */
  msUntil(bytes: number): number {
    this.refill();
    const need = Math.min(bytes, this.burstBytes) - this.tokens;
    return need <= 0 ? 0 : Math.ceil((need * 1000) / this.bytesPerSecond);
  }
}

/**
 * Re-encodes a plots record keeping the strongest plots (by peak power) so that it fits in
 * `maxBytes`; undefined when not even one plot fits. Envelope fields (seq, session) are kept,
 * so hubs dedupe and order it like the original; `thinned` in the batch counts what was removed.
 */
export function thinPlotsPayload(payload: Buffer, maxBytes: number): { payload: Buffer; removed: number } | undefined {
  const rec = decodeRecord(payload);
  if (rec.kind !== 'plots') return undefined;
  const body = rec.body;
  const n = body.plots.length;
  if (n <= 1) return undefined;
  const order = body.plots.map((p, i) => i).sort((a, b) => body.plots[b].peakPower - body.plots[a].peakPower || a - b);
  const keepPayload = (k: number): Buffer => {
    const keep = new Set(order.slice(0, k));
    const plots = body.plots.filter((_, i) => keep.has(i));
    const thinnedBody: PlotsBody = { ...body, plots, thinned: (body.thinned ?? 0) + (n - k) };
    if (body.origin === undefined) thinnedBody.origin = undefined;
    const r: LookoutRecord<'plots'> = { ...rec, body: thinnedBody };
    return Buffer.from(encodeRecord(r));
  };
  // Binary search on the number of plots kept: payload size grows with it.
  let lo = 0;
  let hi = n - 1;
  let best: Buffer | undefined;
  let bestK = 0;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi + 1) / 2);
    const p = keepPayload(mid);
    if (p.length <= maxBytes) {
      lo = mid;
      best = p;
      bestK = mid;
    } else hi = mid - 1;
  }
  if (lo === 0) return undefined;
  if (!best || bestK !== lo) best = keepPayload(lo);
  return { payload: best, removed: n - lo };
}

/** Bytes the budget waits for before a blocked pump tries again. */
const RETRY_BYTES = 512;

export interface BandwidthBudgetOptions {
  bandwidth: MqttConfig['bandwidth'];
  /** Monotonic milliseconds (the Publisher's clock). */
  nowMs: () => number;
  /** Bytes waiting in the outbox. */
  queuedBytes: () => number;
  /** Plots removed from a record to make it fit. */
  onThinned: (removed: number) => void;
}

export class BandwidthBudget {
  private readonly bucket: TokenBucket;

  constructor(private readonly opts: BandwidthBudgetOptions) {
    this.bucket = new TokenBucket(opts.bandwidth.bytesPerSecond, opts.bandwidth.burstBytes, opts.nowMs);
  }

  /**
   * What may go now of a record: its payload when the bucket holds it; a thinned plots record
   * when over budget; undefined when it has to wait (lower priorities may still fit).
   */
  admit(kind: RecordKind, payload: Buffer): Buffer | undefined {
    const { bucket } = this;
    if (bucket.take(payload.length)) return payload;
    // Over budget = more waiting than the link carries in 2 s: then plots are thinned to what
    // the bucket holds now rather than waited for (a record bigger than the burst could never
    // go whole).
    const { bytesPerSecond, burstBytes } = this.opts.bandwidth;
    const overBudget = this.opts.queuedBytes() > bytesPerSecond * 2 || payload.length > burstBytes;
    if (kind !== 'plots' || !overBudget) return undefined;
    const thinned = thinPlotsPayload(payload, bucket.available());
    if (!thinned) return undefined;
    bucket.take(thinned.payload.length, true);
    this.opts.onThinned(thinned.removed);
    return thinned.payload;
  }

  /** How long a pump that found every priority over budget waits before it tries again. */
  retryMs(): number {
    return Math.max(10, this.bucket.msUntil(RETRY_BYTES));
  }
}
