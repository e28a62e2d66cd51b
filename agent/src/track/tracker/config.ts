import { z } from 'zod';

/**
 * The `tracker:` section of a Lookout configuration. Every key has a default, so `{}` is a
 * working tracker for a marine radar at ~24-36 rpm; units are in the key names.
 */

const latLonSchema = z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).strict();

const polygonZoneSchema = z
  .object({
    name: z.string().min(1),
    polygon: z.array(latLonSchema).min(3).describe('vertices in order (lat/lon); the last joins the first'),
  })
  .strict();

const sectorZoneSchema = z
  .object({
    name: z.string().min(1),
    sector: z
      .object({
        centre: latLonSchema.optional().describe('default: own ship on a moving platform, the protected point or site on a fixed one'),
        minRangeMetres: z.number().min(0).default(0),
        maxRangeMetres: z.number().positive(),
        fromBearingDegrees: z.number().min(0).lt(360).describe('clockwise from here (true)...'),
        toBearingDegrees: z.number().min(0).lt(360).describe('...to here; from = to is the full circle'),
      })
      .strict()
      .refine((s) => s.maxRangeMetres > s.minRangeMetres, { message: 'maxRangeMetres must be greater than minRangeMetres' }),
  })
  .strict();

export const guardZoneSchema = z.union([polygonZoneSchema, sectorZoneSchema]);

export const trackerConfigSchema = z
  .object({
    measurement: z
      .object({
        rangeCellMetres: z.number().positive().default(3).describe('range cell of the sensor'),
        rangeSigmaCells: z.number().positive().default(0.5).describe('centroid range noise of a point target, in range cells (a pulse spans about two cells; uniform quantisation alone would be 0.29)'),
        spokesPerTurn: z.number().int().min(16).max(65536).default(2048).describe('azimuth quantisation: bearing noise (360/spokes)²/12'),
        beamBearingSigmaDegrees: z.number().min(0).default(0.1).describe('centroid bearing noise of a point target beyond the spoke quantisation'),
        headingSigmaDegrees: z.number().min(0).default(0.2).describe('on a moving platform: heading noise of the nav source, added to every plot\'s bearing noise'),
        beamWidthDegrees: z.number().min(0).default(1.8).describe('horizontal beam width: a point target\'s azimuth extent; only the extent beyond it is hull'),
        fragmentBeamWidths: z
          .number()
          .min(0)
          .max(2)
          .default(0.5)
          .describe('a plot narrower than this many beam widths in azimuth, overlapping a wider plot of the scan in range and within this many beam widths of its edge, is a piece of that return broken off in the skirt of the beam: it starts no track; 0: off (point sensors: beamWidthDegrees 0 turns it off too)'),
        extentFactor: z.number().min(0).max(2).default(0.25).describe('fraction of a plot extent that counts as centroid uncertainty (an extended return is a worse point)'),
        pointClusterMetres: z.number().min(0).default(0).describe('point clouds (TI mmWave: several points per target per frame): points of a scan closer than this to each other are one plot; 0: every plot is its own (radar video plots are clustered by the detector)'),
        extentMemoryScans: z.number().min(1).default(3).describe('a track remembers the extent of its plots over about this many scans: a plot of it is as uncertain as the larger of its own extent and the track\'s'),
        positionSigmaMetres: z.number().positive().default(10).describe('position noise of a plot that has only latitude/longitude'),
        minSigmaMetres: z.number().positive().default(0.3).describe('floor on either axis of a plot covariance'),
      })
      .strict()
      .prefault({}),
    motion: z
      .object({
        quietNoiseM2PerS3: z.number().positive().default(0.001).describe('white-acceleration spectral density of the quiet (straight-running) model'),
        manoeuvreNoiseM2PerS3: z.number().positive().default(0.3).describe('spectral density of the manoeuvring model'),
        meanQuietSeconds: z.number().positive().default(120).describe('mean sojourn in the quiet model (IMM switching)'),
        meanManoeuvreSeconds: z.number().positive().default(10).describe('mean sojourn in the manoeuvring model'),
        turnRateDegreesPerSecond: z.number().min(0).max(30).default(3).describe('two coordinated-turn models at plus and minus this rate join the IMM (a boat\'s standard turn); 0: CV models only'),
        turnNoiseM2PerS3: z.number().positive().default(0.05).describe('spectral density of the turn models (covers turn rates around the nominal one)'),
        meanTurnSeconds: z.number().positive().default(20).describe('mean sojourn in a turn model'),
        maxSpeedMps: z.number().positive().default(20).describe('fastest target expected: the velocity prior of a new track'),
      })
      .strict()
      .prefault({}),
    association: z
      .object({
        gateProbability: z.number().gt(0.9).lt(1).default(0.9995).describe('chi-square gate on the innovation (2 degrees of freedom)'),
        method: z.enum(['optimal', 'greedy']).default('optimal').describe('optimal: Jonker-Volgenant per cluster; greedy: nearest first (for comparison)'),
        initiationExclusionMetres: z.number().min(0).default(12).describe('an unassigned plot this close to a confirmed track does not start a track'),
      })
      .strict()
      .prefault({}),
    lifecycle: z
      .object({
        confirmHits: z.number().int().min(1).default(3).describe('M of M-of-N confirmation'),
        confirmWindowScans: z.number().int().min(1).default(4).describe('N of M-of-N confirmation'),
        tentativeMaxMisses: z.number().int().min(1).default(2).describe('a tentative track with this many misses in a row is dropped'),
        tentativeMaxScans: z.number().int().min(1).default(8).describe('...and one still tentative after this many scans'),
        fastConfirmRisk: z
          .number()
          .min(0)
          .max(1)
          .default(0.002)
          .describe('confirm after 2 hits when the chance that clutter put plots in its gates (clutter map density x gate area, multiplied over the hits) is below this; 0: M-of-N only'),
        fastConfirmIsolationMetres: z.number().min(0).default(100).describe('...and only for a track born at least this far from any confirmed track'),
        mergeAfterScans: z.number().int().min(0).default(3).describe('two tracks whose positions and velocities agree within their uncertainty on this many scans in a row are one target: the younger is deleted; 0: never'),
        deleteAfterMisses: z.number().int().min(1).default(6).describe('a confirmed track is deleted after this many misses in a row'),
        maxCoastSeconds: z.number().positive().default(30).describe('...or after this long without a plot'),
        maxPositionSigmaMetres: z.number().positive().default(150).describe('...or when its position uncertainty grows past this'),
      })
      .strict()
      .prefault({})
      .refine((l) => l.confirmHits <= l.confirmWindowScans, { message: 'confirmHits must not exceed confirmWindowScans' }),
    clutterMap: z
      .object({
        cellMetres: z.number().positive().default(200).describe('square cells of the map of false-plot density'),
        memoryScans: z.number().min(1).default(200).describe('how many scans a cell remembers (exponential decay)'),
        priorPerKm2: z.number().min(0).default(0.1).describe('false plots per km² per scan assumed before any are seen'),
        priorScans: z.number().min(0).default(50).describe('how many scans of observation the prior is worth'),
      })
      .strict()
      .prefault({}),
    stationary: z
      .object({
        movingAboveMps: z.number().positive().default(1.2).describe('a stationary track with at least confirmHits plots becomes moving above this filtered speed...'),
        stationaryBelowMps: z.number().min(0).default(0.6).describe('...and a moving one stationary below this'),
        minDisplacementMetres: z.number().min(0).default(10).describe('...and only once it is this far from where it was first seen (a moored hull swings and its centroid wanders; it does not leave)'),
        significanceSigmas: z.number().min(0).default(3).describe('...counting the speed this many standard deviations lower (a young track\'s speed is noise)'),
      })
      .strict()
      .prefault({})
      .refine((s) => s.stationaryBelowMps < s.movingAboveMps, { message: 'stationaryBelowMps must be below movingAboveMps' }),
    cpa: z
      .object({
        protectedPoint: latLonSchema.optional().describe('fixed site: the point CPA is computed against (default: the sensor origin when known)'),
        alertCpaMetres: z.number().positive().default(200),
        alertTcpaSeconds: z.number().positive().default(300),
      })
      .strict()
      .prefault({}),
    guardZones: z.array(guardZoneSchema).default([]),
    guardZoneExitMarginMetres: z.number().min(0).default(25).describe('a track must be this far outside a zone before it can raise that zone again'),
  })
  .strict();

export type TrackerConfig = z.infer<typeof trackerConfigSchema>;
export type TrackerConfigInput = z.input<typeof trackerConfigSchema>;
export type GuardZoneConfig = z.infer<typeof guardZoneSchema>;

/** The defaults with any overrides, validated (throws a ZodError on a bad value). */
export function trackerConfig(input: TrackerConfigInput = {}): TrackerConfig {
  return trackerConfigSchema.parse(input);
}
