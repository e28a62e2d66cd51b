import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { isLookoutError } from '../../../agent/src/errors.js';
import { detectionConfigSchema } from '../../../agent/src/detect/config.js';
import { ADDON_DIR, loadAddon, resolveAddonPath } from '../../../agent/src/detect/addon.js';
import { loadKernels } from '../../../agent/src/detect/kernels.js';
import { loadSysCalls } from '../../../agent/src/ops/sys.js';
import { DetectionStage } from '../../../agent/src/detect/stage.js';

function recordingLogger() {
  const errors: Array<{ obj: unknown; msg: string }> = [];
  return {
    errors,
    logger: {
      error: (obj: unknown, msg: string) => void errors.push({ obj, msg }),
      info: () => {},
      debug: () => {},
    },
  };
}

describe('loadKernels', () => {
  it('loads the native addon from the local build in a checkout by default', () => {
    const { logger, errors } = recordingLogger();
    const k = loadKernels({ logger });
    expect(resolveAddonPath()).toBe(join(ADDON_DIR, 'build', 'Release', 'lookout_native.node'));
    expect(loadAddon().path).toBe(resolveAddonPath());
    expect(k.impl).toBe('native');
    expect(k.nativeLoadError).toBeNull();
    expect(errors).toHaveLength(0);
  });

  it('falls back to the reference with a loud error and the reason when the addon cannot load', () => {
    const { logger, errors } = recordingLogger();
    const k = loadKernels({ logger, addonPath: '/nonexistent/lookout_native.node' });
    expect(k.impl).toBe('reference');
    expect(k.nativeLoadError).toMatch(/Cannot find module/);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.msg).toMatch(/NATIVE DETECTOR NOT LOADED/);
    const stage = new DetectionStage({ config: detectionConfigSchema.parse({}), kernels: k, logger: pino({ level: 'silent' }), onPlots: () => {} });
    expect(stage.counters.nativeFallback).toBe(1);
    expect(stage.impl).toBe('reference');
  });

  it('throws E_NATIVE when native is insisted on and cannot load', () => {
    const { logger } = recordingLogger();
    let err: unknown;
    try {
      loadKernels({ logger, impl: 'native', addonPath: '/nonexistent/lookout_native.node' });
    } catch (e) {
      err = e;
    }
    expect(isLookoutError(err, 'E_NATIVE')).toBe(true);
  });

  it('detector and system calls share one loaded addon', () => {
    const { sys, error } = loadSysCalls();
    expect(error).toBeNull();
    expect(sys).toBe(loadAddon().addon);
    expect(loadSysCalls('/nonexistent/lookout_native.node').error).toMatch(/Cannot find module/);
  });

  it('gives the reference when asked', () => {
    const { logger } = recordingLogger();
    expect(loadKernels({ logger, impl: 'reference' }).impl).toBe('reference');
  });
});

describe('the addon file (node-gyp-build)', () => {
  const prebuildDir = `${process.platform}-${process.arch}`;

  it('takes the prebuild for this platform and architecture when there is no local build, as in the package', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-prebuild-'));
    try {
      mkdirSync(join(dir, 'prebuilds', prebuildDir), { recursive: true });
      mkdirSync(join(dir, 'prebuilds', 'linux-none'), { recursive: true });
      const file = join(dir, 'prebuilds', prebuildDir, 'node.glibc.node');
      copyFileSync(resolveAddonPath(), file);
      copyFileSync(resolveAddonPath(), join(dir, 'prebuilds', 'linux-none', 'node.glibc.node'));
      expect(resolveAddonPath(dir)).toBe(file);
      const { logger, errors } = recordingLogger();
      expect(loadKernels({ logger, impl: 'native', addonPath: resolveAddonPath(dir) }).impl).toBe('native');
      expect(errors).toHaveLength(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says what it looked for when neither a local build nor a matching prebuild is there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-prebuild-'));
    try {
      mkdirSync(join(dir, 'prebuilds', 'linux-none'), { recursive: true });
      copyFileSync(resolveAddonPath(), join(dir, 'prebuilds', 'linux-none', 'node.glibc.node'));
      expect(() => resolveAddonPath(dir)).toThrow(new RegExp(`No native build was found for platform=${process.platform} arch=${process.arch}`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('detection config', () => {
  it('has defaults for everything and checks k and the plot sizes', () => {
    const c = detectionConfigSchema.parse({});
    expect(c.method).toBe('ca');
    expect(c.noiseFloor).toBe(0);
    expect(c.masks.polygons).toEqual([]);
    expect(detectionConfigSchema.safeParse({ train: 4, k: 9 }).success).toBe(false);
    expect(detectionConfigSchema.safeParse({ minPlotCells: 5, maxPlotCells: 4 }).success).toBe(false);
    expect(detectionConfigSchema.safeParse({ clutterMap: { enabled: true, timeConstantScans: 0 } }).success).toBe(false);
  });
});
