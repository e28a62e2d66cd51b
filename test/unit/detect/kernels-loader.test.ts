import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { isLookoutError } from '../../../agent/src/errors.js';
import { detectionConfigSchema } from '../../../agent/src/detect/config.js';
import { DEFAULT_ADDON_PATH, loadKernels } from '../../../agent/src/detect/kernels.js';
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
  it('loads the native addon from native/build/Release by default', () => {
    const { logger, errors } = recordingLogger();
    const k = loadKernels({ logger });
    expect(DEFAULT_ADDON_PATH).toMatch(/native\/build\/Release\/lookout_native\.node$/);
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

  it('gives the reference when asked', () => {
    const { logger } = recordingLogger();
    expect(loadKernels({ logger, impl: 'reference' }).impl).toBe('reference');
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
