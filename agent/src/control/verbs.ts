/**
 * The closed set of verbs: each with the role it needs, whether it may run on an unsynced
 * clock, its argument schema, and what it does through the `ControlTarget` the agent hands
 * in. Nothing here runs a shell or opens a path the arguments name.
 */
import { z } from 'zod';
import type { LookoutConfig } from '../config/schema.js';
import type { ReceiveTime } from '../io/types.js';
import type { CommandRole } from './config.js';
import type { Recorder } from './recorder.js';
import { sendSensorConfig } from './sensor-config.js';

export interface VerbOutcome {
  /** What was done, in a sentence. */
  reason: string;
  result?: unknown;
}

/** What the verbs may do to the unit (the agent implements it in main.ts). */
export interface ControlTarget {
  status(): unknown;
  /** The effective configuration (file + overrides). */
  config(): LookoutConfig;
  /** Publishes the retained birth again; false when not connected. */
  rebirth(): boolean;
  /** Sets the root log level; returns the previous one. */
  setLogLevel(level: string): string;
  sensorIds(): string[];
  /** Applies the effective detection settings of a sensor live; false when the sensor has none to change. */
  applyDetection(sensorId: string, config: LookoutConfig): boolean;
  /** Applies the effective `tracker:` section live to every sensor whose tracker runs; returns those sensors' ids. */
  applyTracker(config: LookoutConfig): string[];
  /** Closes and reopens a sensor's input; false when the sensor is unknown. */
  restartSensor(sensorId: string): Promise<boolean>;
  /** Installs (undefined: removes) a tap on a sensor's raw input; false when it has none. */
  tapInput(sensorId: string, tap: ((chunk: Uint8Array, rx: ReceiveTime) => void) | undefined): boolean;
}

/** The verbs that change settings and wait for a confirm: handled by the stage (overrides). */
export interface SettingsVerbs {
  setDetection(args: SetDetectionArgs, nonce: string): VerbOutcome | Promise<VerbOutcome>;
  setTracker(args: SetTrackerArgs, nonce: string): VerbOutcome | Promise<VerbOutcome>;
  confirm(args: ConfirmArgs): VerbOutcome | Promise<VerbOutcome>;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
const none = z.object({}).strict();
const confirmWithin = z.number().int().min(5).max(3600).default(120).describe('seconds before the change reverts unless confirmed');
const partial = z.record(z.string(), z.unknown());
export const setDetectionArgs = z.object({ sensor: z.string().min(1), detection: partial, confirmWithinSeconds: confirmWithin }).strict();
export const setTrackerArgs = z.object({ tracker: partial, confirmWithinSeconds: confirmWithin }).strict();
export const confirmArgs = z.object({ nonce: z.string().regex(/^[0-9a-f]{32}$/, 'the nonce of the change, 32 hex digits') }).strict();
export type SetDetectionArgs = z.infer<typeof setDetectionArgs>;
export type SetTrackerArgs = z.infer<typeof setTrackerArgs>;
export type ConfirmArgs = z.infer<typeof confirmArgs>;

export interface VerbContext {
  target: ControlTarget;
  settings: SettingsVerbs;
  recorder: Recorder;
  nonce: string;
  unit: string;
  wallMs: number;
  clockSynced: boolean;
}

export interface VerbSpec {
  role: CommandRole;
  /** May run when the unit's clock is not synced (read-only, harmless if replayed). */
  timeless: boolean;
  args: z.ZodType;
  run(args: never, ctx: VerbContext): VerbOutcome | Promise<VerbOutcome>;
}

/** Keys whose values are secrets (not the names of files or variables that hold them). */
const SECRET_KEY = /(^password$|secret|token|KeyHex$|passphrase)/i;

/** A copy of a configuration with every secret value replaced by "[redacted]". */
export function redactConfig(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactConfig);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_KEY.test(k) && !/(File|Env)$/.test(k) && v !== undefined ? '[redacted]' : redactConfig(v)]));
}

function defineVerb<S extends z.ZodType>(spec: { role: CommandRole; timeless?: boolean; args: S; run(args: z.infer<S>, ctx: VerbContext): VerbOutcome | Promise<VerbOutcome> }): VerbSpec {
  return { timeless: false, ...spec };
}

export const VERBS: Readonly<Record<string, VerbSpec>> = {
  ping: defineVerb({
    role: 'observer',
    timeless: true,
    args: none,
    run: (_a, c) => ({ reason: 'pong', result: { unit: c.unit, wallMs: c.wallMs, clockSynced: c.clockSynced } }),
  }),
  'get-status': defineVerb({ role: 'observer', timeless: true, args: none, run: (_a, c) => ({ reason: 'status of the unit', result: c.target.status() }) }),
  'get-config': defineVerb({
    role: 'observer',
    timeless: true,
    args: none,
    run: (_a, c) => ({ reason: 'the effective configuration (file and overrides), secrets redacted', result: redactConfig(c.target.config()) }),
  }),
  rebirth: defineVerb({
    role: 'operator',
    args: none,
    run: (_a, c) => (c.target.rebirth() ? { reason: 'birth published again' } : { reason: 'not connected: the birth goes out at the next connect' }),
  }),
  'set-log-level': defineVerb({
    role: 'operator',
    args: z.object({ level: z.enum(LOG_LEVELS) }).strict(),
    run: (a, c) => {
      const previous = c.target.setLogLevel(a.level);
      return { reason: `log level ${previous} -> ${a.level} (until the agent restarts)`, result: { previous, level: a.level } };
    },
  }),
  'set-detection': defineVerb({ role: 'operator', args: setDetectionArgs, run: (a, c) => c.settings.setDetection(a, c.nonce) }),
  'set-tracker': defineVerb({ role: 'operator', args: setTrackerArgs, run: (a, c) => c.settings.setTracker(a, c.nonce) }),
  confirm: defineVerb({ role: 'operator', args: confirmArgs, run: (a, c) => c.settings.confirm(a) }),
  'restart-sensor': defineVerb({
    role: 'operator',
    args: z.object({ sensor: z.string().min(1) }).strict(),
    run: async (a, c) => {
      if (!(await c.target.restartSensor(a.sensor))) throw new RangeError(`no sensor "${a.sensor}" on this unit (${c.target.sensorIds().join(', ')})`);
      return { reason: `sensor ${a.sensor}: input closed and reopened` };
    },
  }),
  'record-start': defineVerb({
    role: 'operator',
    args: z.object({ sensor: z.string().min(1), seconds: z.number().int().min(1).max(3600) }).strict(),
    run: (a, c) => {
      const r = c.recorder.start(a.sensor, a.seconds, c.wallMs);
      return { reason: `recording ${a.sensor} for ${a.seconds} s (at most ${r.maxBytes} bytes) into ${r.file}`, result: { ...r, seconds: a.seconds } };
    },
  }),
  'record-stop': defineVerb({
    role: 'operator',
    args: z.object({ sensor: z.string().min(1).optional() }).strict(),
    run: (a, c) => {
      const stopped = c.recorder.stop(a.sensor);
      return { reason: stopped.length === 0 ? 'nothing was being recorded' : `stopped ${stopped.length} recording(s)`, result: { stopped } };
    },
  }),
  'send-sensor-config': defineVerb({
    role: 'operator',
    args: z
      .object({
        sensor: z.string().min(1),
        // eslint-disable-next-line no-control-regex -- one CLI line each: no control characters
        lines: z.array(z.string().min(1).max(256).regex(/^[^\u0000-\u001f\u007f]+$/, 'one line of printable text')).min(1).max(200),
      })
      .strict(),
    run: (a, c) => sendSensorConfig(c.target.config(), a.sensor, a.lines),
  }),
};

export const ROLE_RANK: Readonly<Record<CommandRole, number>> = { observer: 0, operator: 1 };
