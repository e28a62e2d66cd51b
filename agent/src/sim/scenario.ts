import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { z } from 'zod';
import { parseConfigText, zodProblems } from '../config/load.js';
import { LookoutError } from '../errors.js';

/** A target moving on a straight line, given by where it is at t = 0 seen from the radar. */
export const simTargetSchema = z
  .object({
    id: z.number().int().min(1),
    rangeMetres: z.number().positive().describe('range from the radar at t = 0'),
    bearingDegrees: z.number().min(0).lt(360).describe('true bearing from the radar at t = 0'),
    courseDegrees: z.number().min(0).lt(360).default(0),
    speedMetresPerSecond: z.number().min(0).default(0),
    snrDb: z.number().describe('peak signal-to-noise ratio on a cell centre at beam centre'),
    swerling: z.union([z.literal(0), z.literal(1)]).default(0).describe('0: steady echo; 1: amplitude fluctuates from turn to turn'),
  })
  .strict();

export const radarScenarioSchema = z
  .object({
    name: z.string().default('custom'),
    radar: z
      .object({
        latitude: z.number().min(-90).max(90),
        longitude: z.number().min(-180).max(180),
        altitudeMetres: z.number().default(0),
        sac: z.number().int().min(0).max(255).default(1),
        sic: z.number().int().min(0).max(255).default(1),
      })
      .strict(),
    antenna: z
      .object({
        rpm: z.number().positive().max(120).default(24),
        spokesPerTurn: z.number().int().min(64).max(16384).default(2048),
        cellsPerSpoke: z.number().int().min(16).max(16384).default(1024),
        rangeCellMetres: z.number().positive().default(7.5),
        beamwidthDegrees: z.number().positive().max(20).default(1.2),
      })
      .strict()
      .default({ rpm: 24, spokesPerTurn: 2048, cellsPerSpoke: 1024, rangeCellMetres: 7.5, beamwidthDegrees: 1.2 }),
    video: z
      .object({
        bits: z.union([z.literal(4), z.literal(8)]).default(8),
        dbPerCount: z.number().positive().default(0.25),
        zeroCountDb: z.number().default(-24),
        processed: z
          .object({
            thresholdDb: z.number().describe('cells below this (dB re the noise mean) are sent as 0: the radar\'s own threshold'),
            fourBit: z.boolean().default(false).describe('16 levels in 8-bit cells (code x 17), as Navico radars send'),
          })
          .strict()
          .optional()
          .describe('processed video, as marine radars on Ethernet send it: zero below a level, strong returns saturated'),
      })
      .strict()
      .default({ bits: 8, dbPerCount: 0.25, zeroCountDb: -24 }),
    land: z
      .array(
        z
          .object({
            fromDegrees: z.number().min(0).max(360),
            toDegrees: z.number().min(0).max(360),
            fromMetres: z.number().min(0),
            toMetres: z.number().positive(),
            powerDb: z.number().describe('mean return over noise'),
          })
          .strict(),
      )
      .default([])
      .describe('static structure (a coastline, pontoons, jetties): persistent returns in fixed patches'),
    targets: z.array(simTargetSchema).min(0),
  })
  .strict();

export type RadarScenario = z.infer<typeof radarScenarioSchema>;
export type SimTarget = z.infer<typeof simTargetSchema>;

const SCENARIO_DIR = fileURLToPath(new URL('../../../config/scenarios/', import.meta.url));

/** Loads a scenario from a YAML/JSON file, or by name from config/scenarios/NAME.yaml. */
export function loadRadarScenario(fileOrName: string): RadarScenario {
  const file = existsSync(fileOrName) ? fileOrName : join(SCENARIO_DIR, `${fileOrName}.yaml`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new LookoutError('E_CONFIG', `no scenario file or built-in scenario named "${fileOrName}" (built-in ones are in config/scenarios/)`, {
      details: { problems: [{ path: '(scenario)', message: `cannot read ${file}` }], source: fileOrName },
    });
  }
  const raw = parseConfigText(text, file);
  const result = radarScenarioSchema.safeParse(raw);
  if (!result.success) {
    const problems = zodProblems(result.error);
    throw new LookoutError('E_CONFIG', `${file} has ${problems.length} problem(s)`, { details: { problems, source: file } });
  }
  return result.data;
}
