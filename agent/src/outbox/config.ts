import { z } from 'zod';

export const outboxConfigSchema = z
  .object({
    maxBytes: z.number().int().min(1 << 20).default(256 * 1024 * 1024).describe('disk quota of the outbox in bytes'),
    groupCommitMs: z.number().int().min(1).max(50).default(50).describe('longest wait before a group commit'),
  })
  .strict();

export type OutboxConfig = z.infer<typeof outboxConfigSchema>;
