import type { Command } from 'commander';
import { brokerUrlProblem } from '../publish/config.js';

/** Exit codes of every verb (DESIGN.md): 0 ok, 1 runtime failure, 2 usage, 78 bad configuration. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
export const EXIT_CONFIG = 78;

/**
 * What a verb's action sets when it finishes; `main` returns it as the process exit code.
 * Verbs never call process.exit themselves, so they can run inside tests.
 */
export interface CliContext {
  exitCode: number;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** Each verb file exports `register(program, ctx)` and adds its subcommand(s). */
export type RegisterVerb = (program: Command, ctx: CliContext) => void;

/** A usage error found by a verb after commander's own parsing (a bad value combination). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function parseIntOption(name: string, min = -Infinity, max = Infinity) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) {
      throw new UsageError(`${name} must be an integer${Number.isFinite(min) ? ` >= ${min}` : ''}${Number.isFinite(max) ? ` and <= ${max}` : ''}, got "${value}"`);
    }
    return n;
  };
}

export function parseNumberOption(name: string, min = -Infinity, max = Infinity) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min || n > max) {
      throw new UsageError(`${name} must be a number${Number.isFinite(min) ? ` >= ${min}` : ''}${Number.isFinite(max) ? ` and <= ${max}` : ''}, got "${value}"`);
    }
    return n;
  };
}

/** Writes one JSON line; honours back-pressure so large outputs to a pipe keep order and memory. */
export function writeJsonLine(out: NodeJS.WritableStream, value: unknown): boolean {
  return out.write(JSON.stringify(value) + '\n');
}

/** `--url` / `--broker`: a URL mqtt.js can speak MQTT to, or a usage error saying why not. */
export function parseBrokerUrlOption(name: string) {
  return (value: string): string => {
    const problem = brokerUrlProblem(value);
    if (problem) throw new UsageError(`${name}: ${problem}`);
    return value;
  };
}

/**
 * A number flag checked by the same schema rule as the configuration key it stands for, so a
 * flag and a file accept exactly the same values (`--pfa` and `detection.pfa`).
 */
export function parseSchemaNumberOption(name: string, schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } }) {
  return (value: string): number => {
    const n = Number(value);
    const result = value.trim() === '' ? undefined : schema.safeParse(n);
    if (!Number.isFinite(n) || !result?.success) {
      const why = result?.error?.issues[0]?.message ?? 'expected a number';
      throw new UsageError(`${name}: ${why}, got "${value}"`);
    }
    return n;
  };
}

/** A flag that takes one of a few words. */
export function parseChoiceOption<T extends string>(name: string, choices: readonly T[]) {
  return (value: string): T => {
    if (!(choices as readonly string[]).includes(value)) throw new UsageError(`${name} must be one of ${choices.join(', ')}, got "${value}"`);
    return value as T;
  };
}
