import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureDataDir, lockDataDir } from '../../../agent/src/ops/data-dir.js';
import { loadSysCalls } from '../../../agent/src/ops/sys.js';
import { isLookoutError } from '../../../agent/src/errors.js';
import { REPO_ROOT } from '../../helpers/paths.js';

const { sys } = loadSysCalls();

function errorOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (err) {
    if (isLookoutError(err)) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected an error');
}

describe('the data directory', () => {
  it('is created with its parents', () => {
    const base = mkdtempSync(join(tmpdir(), 'lookout-dd-'));
    const dir = ensureDataDir(join(base, 'a', 'b', 'c'));
    expect(existsSync(dir)).toBe(true);
    expect(ensureDataDir(dir)).toBe(dir);
  });

  it('under /proc fails once with E_DATA_DIR naming the path and errno (Node\'s recursive mkdir never returns there)', () => {
    const e = errorOf(() => ensureDataDir('/proc/lookout-data/x'));
    expect(e.code).toBe('E_DATA_DIR');
    expect(e.message).toContain('/proc/lookout-data/x');
    expect(e.message).toContain('ENOENT');
  });

  it('that is a file, or lies under one, is refused', () => {
    const base = mkdtempSync(join(tmpdir(), 'lookout-dd-'));
    const file = join(base, 'f');
    writeFileSync(file, 'x');
    expect(errorOf(() => ensureDataDir(file))).toMatchObject({ code: 'E_DATA_DIR' });
    expect(errorOf(() => ensureDataDir(join(file, 'sub')))).toMatchObject({ code: 'E_DATA_DIR' });
  });
});

describe('the data directory lock', () => {
  it('refuses a second holder, naming the directory and the holder pid, and frees on release', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-lock-'));
    const first = lockDataDir(dir, sys, 1111);
    expect(readFileSync(first.path, 'utf8').trim()).toBe('1111');
    const e = errorOf(() => lockDataDir(dir, sys, 2222));
    expect(e.code).toBe('E_DATA_DIR_LOCKED');
    expect(e.message).toContain(dir);
    expect(e.message).toContain('process 1111');
    first.release();
    const again = lockDataDir(dir, sys, 3333);
    again.release();
  });

  it('held by another process is refused, and a SIGKILL of that process leaves no stale lock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-lock-'));
    const script = `import('${join(REPO_ROOT, 'agent/dist/ops/data-dir.js')}').then(async (dd) => { const { loadSysCalls } = await import('${join(REPO_ROOT, 'agent/dist/ops/sys.js')}'); dd.lockDataDir(${JSON.stringify(dir)}, loadSysCalls().sys); console.log('locked'); setInterval(() => {}, 1000); });`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
      child.once('exit', (c) => reject(new Error(`lock holder exited ${c}`)));
    });
    const e = errorOf(() => lockDataDir(dir, sys));
    expect(e.code).toBe('E_DATA_DIR_LOCKED');
    expect(e.message).toContain(`process ${child.pid}`);
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    const lock = lockDataDir(dir, sys);
    expect(readFileSync(lock.path, 'utf8').trim()).toBe(String(process.pid));
    lock.release();
  });
});
