import { z } from 'zod';

/**
 * How raw video codes become linear power before CFAR. `log`: the code v stands for
 * zeroCountDb + v * dbPerCount decibels (log-amplified video); `linear`: the code is the power.
 * docs/detection.md says how to read these off a sensor.
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

const latLonSchema = z
  .object({
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
  })
  .strict();

/** Regions where detections are dropped before plot extraction. */
export const detectionMasksSchema = z
  .object({
    sectors: z
      .array(
        z
          .object({
            fromDegrees: z.number().min(0).max(360).describe('start bearing (true, clockwise)'),
            toDegrees: z.number().min(0).max(360).describe('end bearing; may be below fromDegrees to span north'),
            minRangeMetres: z.number().min(0).default(0),
            maxRangeMetres: z.number().positive().optional().describe('absent: to the end of the video'),
          })
          .strict(),
      )
      .default([])
      .describe('blanked sectors (optionally limited in range)'),
    rings: z
      .array(z.object({ fromMetres: z.number().min(0), toMetres: z.number().positive() }).strict())
      .default([])
      .describe('blanked range rings at every bearing'),
    polygons: z
      .array(z.object({ name: z.string().optional(), points: z.array(latLonSchema).min(3) }).strict())
      .default([])
      .describe('blanked areas in latitude/longitude, rasterised to the polar grid around the radar'),
  })
  .strict();

export const clutterMapSchema = z
  .object({
    enabled: z.boolean().default(false),
    timeConstantTurns: z.number().min(1).max(10_000).optional().describe('turns of the recursive per-cell map (weight 1/T per turn); default 10'),
    timeConstantScans: z.number().min(1).max(10_000).default(10).describe('older name of timeConstantTurns (used when that is absent)'),
    threshold: z
      .number()
      .gt(0)
      .max(1)
      .default(0.3)
      .describe('level method: a cell hit on at least this share of recent turns is learnt as clutter and gives no hit'),
    thresholdDb: z.number().min(0).max(60).default(6).describe('CFAR methods: a cell must exceed the clutter mean power by this much'),
    freeze: z.boolean().default(false).describe('use the map as it is (persisted) without learning from new turns'),
    spreadMetres: z
      .number()
      .min(0)
      .max(500)
      .default(7.5)
      .describe('level method: the map learns and clears hits within this range of a hit / a learnt cell (the fringe of structure that flickers cell by cell)'),
    spreadSpokes: z.number().int().min(0).max(8).default(5).describe('level method: the same spread across spokes'),
  })
  .strict();

/** The time constant of a clutter map in turns (timeConstantTurns, else its older name). */
export function clutterTimeConstant(c: ClutterMapConfig): number {
  return c.timeConstantTurns ?? c.timeConstantScans;
}

/** Size classes and filters of whole-return plots, by the return's area on the water. */
export const plotSizeSchema = z
  .object({
    minAreaSquareMetres: z.number().min(0).default(0).describe('plots smaller than this are dropped (counted)'),
    maxAreaSquareMetres: z.number().positive().optional().describe('plots larger than this are dropped (counted); absent: no limit'),
    smallMaxSquareMetres: z.number().positive().default(20).describe('up to this: size class small (a buoy, a small boat)'),
    mediumMaxSquareMetres: z.number().positive().default(200).describe('up to this: medium; above: large'),
    extendedSquareMetres: z.number().positive().default(2000).describe('above this a return is extended (land, a jetty, a pontoon)'),
    sendExtended: z.boolean().default(true).describe('false: extended returns are counted but kept off the wire'),
  })
  .strict();

const PLOT_SIZE_DEFAULT = { minAreaSquareMetres: 0, smallMaxSquareMetres: 20, mediumMaxSquareMetres: 200, extendedSquareMetres: 2000, sendExtended: true };

/**
 * Detection settings for one radar-video sensor. Owned by the detection stage; the root config
 * schema embeds it under `sensors[].detection`.
 */
export const detectionConfigSchema = z
  .object({
    method: z
      .enum(['ca', 'go', 'so', 'os', 'level'])
      .default('ca')
      .describe('CFAR method along range (raw video), or level (processed video: the radar has thresholded it already)'),
    level: z.number().positive().optional().describe('level method: a cell is a hit at or above this code'),
    hysteresisLevel: z.number().positive().optional().describe('level method: a run along range at or above this that reaches `level` is hit as a whole'),
    guard: z.number().int().min(0).max(64).default(2).describe('guard cells on each side of the cell under test'),
    train: z.number().int().min(1).max(256).default(8).describe('reference cells on each side (N = 2 x train)'),
    k: z.number().int().min(1).optional().describe('OS: rank of the reference cell used (default round(3N/4))'),
    pfa: z.number().gt(0).lt(1).default(1e-6).describe('design probability of false alarm per cell'),
    scale: z.number().min(1e-30).max(1e30).optional().describe('typed-in threshold factor; overrides pfa when set'),
    lut: videoLutSchema.default({ type: 'log', dbPerCount: 0.25, zeroCountDb: -24 }),
    noiseFloor: z
      .number()
      .min(0)
      .default(0)
      .describe('minimum threshold in linear power (LUT units); needed for pre-thresholded video'),
    sectorSpokes: z.number().int().min(1).max(512).default(16).describe('spokes per CFAR/extraction call (latency vs call overhead)'),
    spokesPerTurn: z.number().int().min(8).max(65_536).optional().describe('absent: inferred from the spokes\' azimuths'),
    clutterMap: clutterMapSchema.default({ enabled: false, timeConstantScans: 10, threshold: 0.3, thresholdDb: 6, freeze: false, spreadMetres: 7.5, spreadSpokes: 5 }),
    masks: detectionMasksSchema.default({ sectors: [], rings: [], polygons: [] }),
    minPlotCells: z.number().int().min(1).default(1),
    maxPlotCells: z.number().int().min(1).default(4096),
    plotSize: plotSizeSchema.default(PLOT_SIZE_DEFAULT),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.k !== undefined && c.k > 2 * c.train) ctx.addIssue({ code: 'custom', path: ['k'], message: `k must be <= 2 x train (${2 * c.train})` });
    if (c.maxPlotCells < c.minPlotCells) ctx.addIssue({ code: 'custom', path: ['maxPlotCells'], message: 'maxPlotCells must be >= minPlotCells' });
    if (c.method === 'level' && c.level === undefined) ctx.addIssue({ code: 'custom', path: ['level'], message: 'the level method needs `level` (the lowest code that is a hit)' });
    if (c.method !== 'level' && (c.level !== undefined || c.hysteresisLevel !== undefined)) {
      ctx.addIssue({ code: 'custom', path: [c.level !== undefined ? 'level' : 'hysteresisLevel'], message: 'level and hysteresisLevel belong to method: level' });
    }
    if (c.level !== undefined && c.hysteresisLevel !== undefined && c.hysteresisLevel > c.level) {
      ctx.addIssue({ code: 'custom', path: ['hysteresisLevel'], message: 'hysteresisLevel must be <= level' });
    }
    const p = c.plotSize;
    if (p.mediumMaxSquareMetres < p.smallMaxSquareMetres) ctx.addIssue({ code: 'custom', path: ['plotSize', 'mediumMaxSquareMetres'], message: 'must be >= smallMaxSquareMetres' });
    if (p.maxAreaSquareMetres !== undefined && p.maxAreaSquareMetres < p.minAreaSquareMetres) {
      ctx.addIssue({ code: 'custom', path: ['plotSize', 'maxAreaSquareMetres'], message: 'must be >= minAreaSquareMetres' });
    }
  });

export type DetectionConfig = z.infer<typeof detectionConfigSchema>;
export type VideoLut = z.infer<typeof videoLutSchema>;
export type DetectionMasks = z.infer<typeof detectionMasksSchema>;
export type ClutterMapConfig = z.infer<typeof clutterMapSchema>;
export type PlotSizeConfig = z.infer<typeof plotSizeSchema>;
