import { readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { parseDocument, type YAMLError } from 'yaml';
import { type z } from 'zod';
import { LookoutError } from '../errors.js';
import { SENSOR_KINDS } from '../sensors/index.js';
import { configSchema, type LookoutConfig } from './schema.js';

import type { ConfigProblem } from './problems.js';

export type { ConfigProblem } from './problems.js';

function formatPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(top level)' : path.map((p) => String(p)).join('.');
}

function at(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v = raw;
  for (const key of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  return v;
}

/**
 * A sensor whose `protocol` names no kind: besides that, report what is wrong with the keys it
 * does have, as the kind that knows most of its keys sees them (a typo in `protocol` must not
 * hide a typo in `detection`).
 */
function unknownKindProblems(sensor: unknown, prefix: readonly PropertyKey[]): ConfigProblem[] {
  if (!sensor || typeof sensor !== 'object' || Array.isArray(sensor)) return [];
  const keys = Object.keys(sensor).filter((k) => k !== 'protocol');
  let best: ConfigProblem[] | undefined;
  let bestUnknown = Infinity;
  for (const kind of SENSOR_KINDS) {
    const unknown = keys.filter((k) => !(k in kind.schema.shape)).length;
    const result = kind.schema.safeParse({ ...sensor, protocol: kind.protocol });
    const problems = result.success ? [] : zodProblems(result.error).filter((p) => keys.includes(p.path.split('.')[0]));
    if (unknown < bestUnknown || (unknown === bestUnknown && problems.length < best!.length)) {
      best = problems;
      bestUnknown = unknown;
    }
  }
  return (best ?? []).map((p) => ({ path: formatPath([...prefix, ...p.path.split('.')]), message: p.message }));
}

/** Problems of a failed parse; with the raw input, a sensor of unknown protocol is checked further. */
export function zodProblems(error: z.ZodError, raw?: unknown): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const visit = (issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[]): void => {
    for (const issue of issues) {
      const path = [...prefix, ...issue.path];
      if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator === 'protocol' && raw !== undefined) {
        problems.push({ path: formatPath(path), message: issue.message });
        problems.push(...unknownKindProblems(at(raw, path.slice(0, -1)), path.slice(0, -1)));
        continue;
      }
      if (issue.code === 'invalid_union' && 'errors' in issue && issue.errors.length > 0 && 'discriminator' in issue === false) {
        // A union that none of its options accepted: report the closest option's problems.
        const best = [...issue.errors].sort((a, b) => a.length - b.length)[0];
        visit(best, path);
        continue;
      }
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) problems.push({ path: formatPath([...path, key]), message: 'unknown key (check the spelling; `lookout config example` lists every key)' });
        continue;
      }
      problems.push({ path: formatPath(path), message: issue.message });
    }
  };
  visit(error.issues, []);
  return problems;
}

/** Validates a plain object; throws LookoutError E_CONFIG listing every problem at once. */
export function validateConfig(raw: unknown, source = 'configuration'): LookoutConfig {
  const result = configSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = zodProblems(result.error, raw);
  throw new LookoutError('E_CONFIG', `${source} has ${problems.length} problem(s)`, { details: { problems, source } });
}

/** Reads YAML text into a plain object; YAML syntax errors become E_CONFIG with line numbers. */
export function parseConfigText(text: string, source: string): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const problems: ConfigProblem[] = doc.errors.map((e: YAMLError) => ({
      path: e.linePos ? `line ${e.linePos[0].line}, column ${e.linePos[0].col}` : '(yaml)',
      message: e.message.split('\n')[0] ?? e.message,
    }));
    throw new LookoutError('E_CONFIG', `${source} is not valid YAML`, { details: { problems, source } });
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (cause) {
    // yaml refuses a document whose aliases expand without bound (an "alias bomb").
    const problems = [{ path: '(yaml)', message: `its aliases expand too far (more than ${MAX_ALIAS_COUNT} expansions); a configuration needs none of that` }];
    throw new LookoutError('E_CONFIG', `${source} is not a usable configuration`, { cause, details: { problems, source } });
  }
}

/** A configuration is a few kilobytes; anything this large is the wrong file. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
const MAX_ALIAS_COUNT = 100;
/** At most this many problems are printed; the rest are counted. */
export const MAX_PRINTED_PROBLEMS = 20;

export function readConfigFile(file: string): unknown {
  let text: string;
  try {
    const size = statSync(file).size;
    if (size > MAX_CONFIG_BYTES) {
      const message = `${file} is ${size} bytes; a configuration file is at most ${MAX_CONFIG_BYTES} bytes (is this the right file?)`;
      throw new LookoutError('E_CONFIG', `${file} is not a configuration file`, { details: { problems: [{ path: '(file)', message }], source: file } });
    }
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    if (cause instanceof LookoutError) throw cause;
    const code = (cause as NodeJS.ErrnoException).code;
    throw new LookoutError('E_CONFIG', `cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (cause as Error).message}`, {
      cause,
      details: { problems: [{ path: '(file)', message: `cannot read ${file}` }], source: file },
    });
  }
  if (text.includes('\u0000') || text.includes('\ufffd')) {
    const message = `${file} is binary, not YAML text (is this the right file?)`;
    throw new LookoutError('E_CONFIG', `${file} is not a configuration file`, { details: { problems: [{ path: '(file)', message }], source: file } });
  }
  return parseConfigText(text, file);
}

export function loadConfigFile(file: string): LookoutConfig {
  return validateConfig(readConfigFile(file), file);
}

/** Lines for a human: "key.path: message", one per problem. */
export function formatConfigProblems(err: LookoutError): string {
  const problems = (err.details.problems as ConfigProblem[] | undefined) ?? [];
  const lines = [`${err.message}:`];
  for (const p of problems.slice(0, MAX_PRINTED_PROBLEMS)) lines.push(`  ${p.path}: ${p.message.length > 200 ? p.message.slice(0, 200) + '...' : p.message}`);
  if (problems.length > MAX_PRINTED_PROBLEMS) lines.push(`  ... and ${problems.length - MAX_PRINTED_PROBLEMS} more`);
  return lines.join('\n');
}

/** A stable hash of the effective configuration, for the birth record. */
export function configHash(config: LookoutConfig): string {
  const canonical = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]))
      : Array.isArray(v)
        ? v.map(canonical)
        : v;
  return createHash('sha256').update(JSON.stringify(canonical(config))).digest('hex').slice(0, 16);
}

/** Deep merge for command-line overrides: objects merge, everything else replaces. */
export function mergeConfig(base: unknown, override: unknown): unknown {
  if (override === undefined) return base;
  if (base && override && typeof base === 'object' && typeof override === 'object' && !Array.isArray(base) && !Array.isArray(override)) {
    const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    for (const [k, v] of Object.entries(override as Record<string, unknown>)) out[k] = mergeConfig(out[k], v);
    return out;
  }
  return override;
}
