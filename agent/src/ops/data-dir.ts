import { closeSync, constants, mkdirSync, openSync, readFileSync, statSync, writeSync, ftruncateSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { LookoutError } from '../errors.js';
import type { SysCalls } from './sys.js';

const EWOULDBLOCK = 11;

/**
 * Creates the data directory once (with its parents), or fails with E_DATA_DIR naming the path
 * and the errno: never a retry loop.
 */
export function ensureDataDir(dir: string): string {
  const path = resolve(dir);
  for (const p of missingAncestors(path)) {
    try {
      mkdirSync(p, { mode: 0o750 });
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      if (e.code === 'EEXIST') continue;
      throw new LookoutError('E_DATA_DIR', `cannot create the data directory ${path}: ${e.code ?? e.message} on mkdir ${p}`, { cause: err, details: { path, errno: e.code } });
    }
  }
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    /* reported below */
  }
  if (!isDir) throw new LookoutError('E_DATA_DIR', `the data directory ${path} is not a directory`, { details: { path } });
  return path;
}

/**
 * The directories to create, outermost first. Node's own `mkdirSync(..., { recursive: true })`
 * never returns on a path under /proc (mkdir answers ENOENT there and it retries forever), so the
 * walk up to the first existing ancestor is done here, once.
 */
function missingAncestors(path: string): string[] {
  const missing: string[] = [];
  let p = path;
  for (;;) {
    try {
      statSync(p);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') break;
    }
    missing.push(p);
    const parent = dirname(p);
    if (parent === p) break;
    p = parent;
  }
  return missing.reverse();
}

/** The data directory's lock, held for the life of the process (the kernel drops it on any exit). */
export interface DataDirLock {
  readonly path: string;
  release(): void;
}

/**
 * Takes an exclusive flock on `<dir>/lookout.lock` and writes this pid into it. A second agent on
 * the same directory is refused with E_DATA_DIR_LOCKED naming the directory and the holder's pid.
 * A SIGKILLed holder leaves no stale lock: flock belongs to the open file, which the kernel closes.
 */
export function lockDataDir(dir: string, sys: SysCalls | null, pid = process.pid): DataDirLock {
  const path = join(resolve(dir), 'lookout.lock');
  if (!sys) {
    throw new LookoutError('E_DATA_DIR_LOCKED', `cannot lock ${path}: the native addon is not loaded (rebuild it: npx node-gyp rebuild --directory=native)`, { details: { path } });
  }
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDWR | constants.O_CREAT, 0o640);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new LookoutError('E_DATA_DIR', `cannot open the lock file ${path}: ${e.code ?? e.message}`, { cause: err, details: { path, errno: e.code } });
  }
  const errno = sys.flockFd(fd, true);
  if (errno !== 0) {
    let holder = '';
    try {
      holder = readFileSync(path, 'utf8').trim();
    } catch {
      /* the pid is a courtesy */
    }
    closeSync(fd);
    const who = /^\d+$/.test(holder) ? ` by process ${holder}` : '';
    const message =
      errno === EWOULDBLOCK
        ? `the data directory ${resolve(dir)} is in use${who}: another Lookout agent runs on it (give each agent its own data directory)`
        : `cannot lock ${path}: errno ${errno}`;
    throw new LookoutError('E_DATA_DIR_LOCKED', message, { details: { path, holderPid: /^\d+$/.test(holder) ? Number(holder) : undefined, errno } });
  }
  ftruncateSync(fd, 0);
  writeSync(fd, `${pid}\n`, 0);
  let open = true;
  return {
    path,
    release: () => {
      if (!open) return;
      open = false;
      closeSync(fd);
    },
  };
}
