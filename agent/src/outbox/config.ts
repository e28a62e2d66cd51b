import { z } from 'zod';

const seconds = (what: string) => z.number().int().min(0).optional().describe(`lifetime of ${what} records in seconds (0 or absent: never expire)`);

export const outboxExpirySchema = z
  .object({
    plots: seconds('plots'),
    tracks: seconds('tracks'),
    alerts: seconds('alerts'),
    status: seconds('status'),
  })
  .strict()
  .describe('per-kind lifetime: older records are dropped (announced by a gap record, reason expired) and sent with the remaining time as MQTT 5 message expiry');

export const outboxConfigSchema = z
  .object({
    maxBytes: z.number().int().min(1 << 20).default(256 * 1024 * 1024).describe('disk quota of the outbox in bytes; over it the oldest records of the lowest priority are dropped and announced by a gap record'),
    groupCommitMs: z.number().int().min(1).max(50).default(50).describe('longest wait before a group commit (a crash loses at most this much)'),
    groupCommitRecords: z.number().int().min(1).max(100_000).default(4096).describe('commit as soon as this many records are open'),
    memoryRingBytes: z.number().int().min(64 * 1024).default(16 * 1024 * 1024).describe('memory that holds the newest records while the disk is full'),
    expirySeconds: outboxExpirySchema.default({}),
    plotWindowMs: z
      .number()
      .int()
      .min(0)
      .max(2000)
      .default(100)
      .describe('plots of one sensor appended within this window go out as one record: fewer envelopes and MQTT headers per plot on the link, each plot up to this much later (0: one record per sector)'),
  })
  .strict()
  .describe('the SQLite outbox (store and forward)');

export type OutboxConfig = z.infer<typeof outboxConfigSchema>;
