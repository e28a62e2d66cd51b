import { z } from 'zod';

/** Where a sensor's bytes come from. */
export const serialInputSchema = z
  .object({
    type: z.literal('serial'),
    path: z.string().min(1).describe('serial device, e.g. /dev/ttyUSB0 or /dev/serial/by-id/...'),
    baud: z.number().int().positive().default(921600).describe('baud rate'),
    reconnectMinMs: z.number().int().positive().default(250).describe('first retry delay when the port is missing or lost'),
    reconnectMaxMs: z.number().int().positive().default(10_000).describe('cap of the exponential retry delay'),
  })
  .strict();

export const udpInputSchema = z
  .object({
    type: z.literal('udp'),
    bind: z.string().default('0.0.0.0').describe('local address to bind'),
    port: z.number().int().min(1).max(65535).describe('local UDP port'),
    group: z.string().optional().describe('multicast group to join (optional)'),
    interface: z.string().optional().describe('local interface address for the multicast membership'),
  })
  .strict();

export const fileInputSchema = z
  .object({
    type: z.literal('file'),
    path: z.string().min(1),
    format: z.enum(['raw', 'lkr', 'tlog']).default('raw').describe('raw bytes, a Lookout timestamped recording, or a MAVLink .tlog'),
    speed: z.number().positive().optional().describe('replay speed factor for timestamped files; absent = as fast as possible'),
  })
  .strict();

export const inputSchema = z.discriminatedUnion('type', [serialInputSchema, udpInputSchema, fileInputSchema]);

export type SerialInputConfig = z.infer<typeof serialInputSchema>;
export type UdpInputConfig = z.infer<typeof udpInputSchema>;
export type FileInputConfig = z.infer<typeof fileInputSchema>;
export type InputConfig = z.infer<typeof inputSchema>;

/** `PATH[@BAUD]` from the command line. */
export function parseSerialSpec(spec: string): { path: string; baud?: number } {
  const at = spec.lastIndexOf('@');
  if (at <= 0) return { path: spec };
  const baud = Number(spec.slice(at + 1));
  if (!Number.isInteger(baud) || baud <= 0) return { path: spec };
  return { path: spec.slice(0, at), baud };
}
