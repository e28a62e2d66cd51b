import { z } from 'zod';

/**
 * How raw video codes become linear power before CFAR. `log`: the code v stands for
 * zeroCountDb + v * dbPerCount decibels (log-amplified video); `linear`: the code is the power.
 */
export const videoLutSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('log'),
      dbPerCount: z.number().positive().default(0.25).describe('decibels per video count'),
      zeroCountDb: z.number().default(-24).describe('decibels (re the noise mean) that code 0 stands for'),
    })
    .strict(),
  z.object({ type: z.literal('linear') }).strict(),
]);

/**
 * Detection settings for one radar-video sensor. Owned by the detection stage; the root config
 * schema embeds it under `sensors[].detection`.
 */
export const detectionConfigSchema = z
  .object({
    method: z.enum(['ca', 'go', 'so', 'os']).default('ca').describe('CFAR method along range'),
    guard: z.number().int().min(0).max(64).default(2).describe('guard cells on each side of the cell under test'),
    train: z.number().int().min(1).max(256).default(8).describe('reference cells on each side (N = 2 x train)'),
    pfa: z.number().gt(0).lt(1).default(1e-6).describe('design probability of false alarm per cell'),
    lut: videoLutSchema.default({ type: 'log', dbPerCount: 0.25, zeroCountDb: -24 }),
    minPlotCells: z.number().int().min(1).default(1),
    maxPlotCells: z.number().int().min(1).default(4096),
  })
  .strict();

export type DetectionConfig = z.infer<typeof detectionConfigSchema>;
export type VideoLut = z.infer<typeof videoLutSchema>;
