import { z } from 'zod';
import { LookoutError } from '../errors.js';
import { trackerConfigSchema, type TrackerConfig } from './tracker/config.js';

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Per-sensor overrides of the unit's `tracker:` section: any part of it, checked against its schema. */
const trackerOverrideSchema = z
  .record(z.string(), z.unknown())
  .superRefine((value, ctx) => {
    const r = trackerConfigSchema.safeParse(value);
    if (r.success) return;
    for (const issue of r.error.issues) {
      const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      // Passed on as they are (an unknown key keeps its own code, so its path names the key).
      if (issue.code === 'unrecognized_keys') ctx.addIssue({ code: 'unrecognized_keys', keys: issue.keys, path, message: issue.message });
      else ctx.addIssue({ code: 'custom', path, message: issue.message });
    }
  });

/**
 * A sensor's `tracking:` block: whether Lookout's tracker runs on its plots and what leaves the
 * unit. Without the block no tracker runs and the plots are published as before.
 */
export const trackingConfigSchema = z
  .object({
    enabled: z.boolean().default(true).describe("run Lookout's tracker on this sensor's plots (one scan per antenna turn, or per frame of a TI sensor)"),
    publishTentative: z.boolean().default(false).describe('also send tentative tracks (not yet confirmed by M-of-N); confirmed and coasting tracks are always sent'),
    publishPlots: z.boolean().default(false).describe('keep sending the plots too (off: with a tracker running only its tracks leave the unit)'),
    cpaHorizonSeconds: z.number().positive().default(1800).describe('CPA/TCPA go out with a closing track whose TCPA is within this'),
    cpaRearmMetres: z.number().min(0).default(50).describe('a CPA alert is raised once per track; it can be raised again after the CPA has opened this far beyond tracker.cpa.alertCpaMetres...'),
    cpaRearmSeconds: z.number().min(0).default(30).describe('...or the closest approach is this far in the past'),
    maxPendingPlots: z.number().int().positive().default(20000).describe('plots held for scans not yet closed; past this the oldest open scan is closed early (counted as forcedCloses)'),
    settings: trackerOverrideSchema.optional().describe("this sensor's changes to the unit's tracker section (e.g. its measurement model), merged key by key"),
  })
  .strict();

export type TrackingConfig = z.infer<typeof trackingConfigSchema>;

/** `base` with `override` laid over it: objects merged key by key, anything else replaced. */
function merge(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override === undefined ? base : override;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(override)) out[k] = merge(base[k], v);
  return out;
}

/**
 * The tracker settings of one sensor: the unit's `tracker:` section (defaults when absent) with
 * the sensor's `tracking.settings` merged over it. Throws LookoutError E_CONFIG when the merge
 * breaks a rule that spans keys (e.g. stationaryBelowMps below movingAboveMps).
 */
export function sensorTrackerConfig(sensorId: string, unit: TrackerConfig | undefined, override: Record<string, unknown> | undefined): TrackerConfig {
  const base = unit ?? trackerConfigSchema.parse({});
  if (override === undefined) return base;
  const r = trackerConfigSchema.safeParse(merge(base, override));
  if (r.success) return r.data;
  const problems = r.error.issues.map((i) => ({ path: ['sensors', sensorId, 'tracking', 'settings', ...i.path.map(String)].join('.'), message: i.message }));
  throw new LookoutError('E_CONFIG', `sensor ${sensorId}: tracking.settings with the tracker section: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, { details: { problems, sensor: sensorId } });
}
