/**
 * The files and directories a configuration names, checked before anything opens: each must
 * exist, be readable and be the right kind; the data directory must be a directory this process
 * can write, or creatable. Nothing is created: a probe that succeeds is removed, and a directory
 * that does not exist yet is judged by its nearest existing ancestor.
 */
import { accessSync, closeSync, constants, openSync, realpathSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { LookoutError } from '../errors.js';
import type { ConfigProblem } from './problems.js';

/** Keys whose string value names a file that is read at start (secrets, certificates, sensor scripts). */
const FILE_KEYS = new Set(['passwordFile', 'caFile', 'certFile', 'keyFile', 'cfgFile', 'publicKeyFile']);

/** Kernel pseudo-filesystems: a data directory there can never hold a database. */
const PSEUDO_ROOTS = ['/proc', '/sys'];

function errnoText(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'ENOENT') return 'no such file';
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  return e.code ?? e.message;
}

function readableFileProblem(file: string): string | undefined {
  let st;
  try {
    st = statSync(file);
  } catch (err) {
    return `${file}: ${errnoText(err)}`;
  }
  if (st.isDirectory()) return `${file} is a directory, not a file`;
  try {
    accessSync(file, constants.R_OK);
  } catch (err) {
    return `${file}: cannot be read (${errnoText(err)})`;
  }
  return undefined;
}

function underPseudoFs(path: string): string | undefined {
  return PSEUDO_ROOTS.find((root) => path === root || path.startsWith(root + '/'));
}

/** What is wrong with using `dir` as the data directory, or undefined when it is usable. */
export function dataDirProblem(dir: string): string | undefined {
  const path = resolve(dir);
  // The nearest part of the path that exists decides: it must be a directory we can write into.
  let existing = path;
  for (;;) {
    try {
      statSync(existing);
      break;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR') return `${path} lies under a file, not a directory`;
      if (code !== 'ENOENT') return `${path}: ${errnoText(err)} on ${existing}`;
    }
    const parent = dirname(existing);
    if (parent === existing) return `${path}: no part of it exists`;
    existing = parent;
  }
  let real = existing;
  try {
    real = realpathSync(existing);
  } catch {
    /* stat worked: keep the path as given */
  }
  const pseudo = underPseudoFs(real);
  if (pseudo) return `${path} lies under ${pseudo}, a kernel pseudo-filesystem (choose a directory on a disk, e.g. /var/lib/lookout)`;
  if (!statSync(existing).isDirectory()) {
    return existing === path ? `${path} is a file, not a directory` : `${path} lies under ${existing}, which is a file, not a directory`;
  }
  try {
    accessSync(existing, constants.W_OK | constants.X_OK);
  } catch (err) {
    return existing === path
      ? `${path} is not writable by this user (${errnoText(err)})`
      : `${path} cannot be created: ${existing} is not writable by this user (${errnoText(err)})`;
  }
  if (existing !== path) return undefined;
  // An existing directory: write and remove a probe, as the outbox will write its database there.
  const probe = join(path, `.lookout-probe-${process.pid}`);
  try {
    closeSync(openSync(probe, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o600));
  } catch (err) {
    return `${path}: cannot create a file in it (${errnoText(err)})`;
  }
  try {
    unlinkSync(probe);
  } catch {
    /* removed by the agent's own start at worst */
  }
  return undefined;
}

/**
 * Every file problem of an already validated configuration, with its key path: the files named
 * by `*File` keys anywhere in it, file inputs, and the data directory.
 */
export function configFileProblems(config: unknown): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const visit = (value: unknown, path: string[]): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, [...path, String(i)]));
      return;
    }
    if (!value || typeof value !== 'object') return;
    const obj = value as Record<string, unknown>;
    for (const [key, v] of Object.entries(obj)) {
      if (FILE_KEYS.has(key) && typeof v === 'string') {
        const p = readableFileProblem(v);
        if (p) problems.push({ path: [...path, key].join('.'), message: p });
      } else if (key === 'input' && v && typeof v === 'object' && (v as { type?: unknown }).type === 'file') {
        const file = (v as { path?: unknown }).path;
        if (typeof file === 'string') {
          const p = readableFileProblem(file);
          if (p) problems.push({ path: [...path, key, 'path'].join('.'), message: p });
        }
      } else {
        visit(v, [...path, key]);
      }
    }
  };
  visit(config, []);
  const dataDir = (config as { dataDir?: unknown }).dataDir;
  if (typeof dataDir === 'string') {
    const p = dataDirProblem(dataDir);
    if (p) problems.push({ path: 'dataDir', message: p });
  }
  return problems;
}

/** Throws E_CONFIG listing every file problem of `config` (exit 78), before anything is opened. */
export function assertConfigFiles(config: unknown, source: string): void {
  const problems = configFileProblems(config);
  if (problems.length > 0) throw new LookoutError('E_CONFIG', `${source} names ${problems.length} file(s) that cannot be used`, { details: { problems, source } });
}
