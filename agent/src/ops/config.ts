import { z } from 'zod';

/** `http`: the health and metrics endpoint (off unless `listen` is set). */
export const httpConfigSchema = z
  .object({
    listen: z
      .string()
      .regex(/^(\[[0-9a-fA-F:.]+\]|[^:[\]]*):\d{1,5}$/, 'HOST:PORT, e.g. 127.0.0.1:9464 ([::1]:9464 for IPv6)')
      .optional()
      .describe('serve /metrics, /healthz and /readyz here; absent: no endpoint. Loopback unless you mean otherwise'),
    tokenFile: z.string().min(1).optional().describe('file holding a bearer token (first line) that every request must carry; set it when listening beyond loopback'),
  })
  .strict();

/** `health`: what the watchdog, /readyz and STATUS= judge by. */
export const healthConfigSchema = z
  .object({
    silenceMs: z.number().int().min(100).default(10_000).describe('a sensor with no data for this long is not ready (and STATUS= says so)'),
    graceMs: z.number().int().min(0).default(60_000).describe('silent this much longer still: the systemd watchdog is no longer fed, so systemd restarts the agent'),
    maxLoopDelayMs: z.number().int().min(10).default(5000).describe('the event loop held up longer than this at once is unhealthy'),
  })
  .strict();

export type HttpConfig = z.infer<typeof httpConfigSchema>;
export type HealthConfig = z.infer<typeof healthConfigSchema>;
