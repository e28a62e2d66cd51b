import { z } from 'zod';

/** What a hub key may do: `observer` the read-only verbs, `operator` all of them. */
export const COMMAND_ROLES = ['observer', 'operator'] as const;
export type CommandRole = (typeof COMMAND_ROLES)[number];

export const commandKeySchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'a key id is 1-64 letters, digits, "_", "." or "-"').describe('the key id a hub puts in SignedCommand.keyId'),
    publicKeyFile: z.string().min(1).describe('the hub key\'s Ed25519 public key, SPKI PEM (`lookout keygen` writes PREFIX.pub)'),
    role: z.enum(COMMAND_ROLES).default('observer').describe('observer: ping, get-status, get-config; operator: every verb'),
  })
  .strict();

/**
 * The `commands:` section. No keys: every command is refused (`commands-off`) and the birth
 * record lists the capability `commands-off` instead of `commands`.
 */
export const commandsConfigSchema = z
  .object({
    keys: z.array(commandKeySchema).default([]).describe('hub keys allowed to command this unit'),
    skewSeconds: z.number().min(0).max(3600).default(30).describe('how far in the future a command\'s issuedAtMs may be (clock skew between hub and unit)'),
    maxTtlSeconds: z.number().int().min(1).max(86_400).default(3600).describe('longest expiresAt - issuedAt accepted (bounds the remembered nonces)'),
    rate: z
      .object({
        perMinute: z.number().min(1).max(6000).default(30).describe('commands accepted per minute on average'),
        burst: z.number().int().min(1).max(1000).default(10).describe('commands accepted back to back'),
      })
      .strict()
      .default({ perMinute: 30, burst: 10 }),
    clock: z
      .object({
        notBeforeIso: z
          .string()
          .datetime()
          .optional()
          .describe('a wall clock earlier than this is not synced (default: the agent\'s build date)'),
        syncedFile: z
          .string()
          .min(1)
          .default('/run/systemd/timesync/synchronized')
          .describe('systemd-timesyncd touches this file once synced; when its directory exists and the file does not, the clock is not synced'),
      })
      .strict()
      .default({ syncedFile: '/run/systemd/timesync/synchronized' }),
    recordMaxBytes: z.number().int().min(1024).max(1024 * 1024 * 1024).default(64 * 1024 * 1024).describe('largest raw capture a record-start writes'),
  })
  .strict()
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.keys.forEach((k, i) => {
      if (seen.has(k.id)) ctx.addIssue({ code: 'custom', path: ['keys', i, 'id'], message: `key id "${k.id}" is used twice` });
      seen.add(k.id);
    });
  });

export type CommandsConfig = z.infer<typeof commandsConfigSchema>;
export type CommandKeyConfig = z.infer<typeof commandKeySchema>;
