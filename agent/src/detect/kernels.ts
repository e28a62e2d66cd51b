import type { Logger } from 'pino';
import { LookoutError } from '../errors.js';
import { loadAddon as loadAddonFile, REBUILD_HINT } from './addon.js';
import type { DetectorKernels, ExtractOptions, PlotExtractor } from './kernel-types.js';
import { createReferenceKernels } from './reference/index.js';

export type { DetectorKernels } from './kernel-types.js';

type AsyncKernel = 'cfar1dAsync' | 'cfar2dAsync' | 'extractPlotsAsync';

type NativeAddon = Omit<DetectorKernels, 'impl' | 'nativeLoadError' | 'createPlotExtractor' | AsyncKernel> &
  Partial<Pick<DetectorKernels, AsyncKernel>> & {
  version: string;
  PlotExtractor: new (options: ExtractOptions) => PlotExtractor;
};

export interface LoadKernelsOptions {
  logger: Pick<Logger, 'error' | 'info' | 'debug'>;
  /** 'native' insists on the addon (throws E_NATIVE if it cannot load); absent: native, else reference. */
  impl?: 'native' | 'reference';
  /** A .node file to load instead of the one node-gyp-build finds in native/ (see addon.ts). */
  addonPath?: string;
}

/**
 * What the agent calls. The async variants are not among them: the detection stage runs a
 * sector (16 spokes x 1024 cells) synchronously in about 0.02 ms for CA (lookout bench detect:
 * ~820 Mcells/s on u8) and 0.05 ms for the level method plus its hit map with the spread
 * calibrate picks (15,000 and ~400 Mcells/s), twenty times below the ~1 ms where a worker
 * thread pays for its hand-over. They stay exported for callers with whole turns.
 */
const REQUIRED = ['cfar1d', 'cfar2d', 'levelDetect', 'updateHitMap', 'applyMask', 'updateClutterMap', 'extractPlots', 'PlotExtractor'] as const;

function loadAddon(addonPath: string | undefined): { addon: NativeAddon; path: string | null } {
  const { addon, path, error } = loadAddonFile(addonPath);
  if (!addon) throw new Error(error ?? 'the native addon did not load');
  for (const name of REQUIRED) {
    if (typeof addon[name] !== 'function') throw new Error(`the addon at ${path} has no ${name}(): ${REBUILD_HINT}`);
  }
  return { addon: addon as unknown as NativeAddon, path };
}

function nativeKernels(addon: NativeAddon): DetectorKernels {
  return {
    impl: 'native',
    nativeLoadError: null,
    cfar1d: addon.cfar1d,
    cfar1dAsync: addon.cfar1dAsync ?? ((...a) => Promise.resolve(addon.cfar1d(...a))),
    cfar2d: addon.cfar2d,
    cfar2dAsync: addon.cfar2dAsync ?? ((...a) => Promise.resolve(addon.cfar2d(...a))),
    levelDetect: addon.levelDetect,
    updateHitMap: addon.updateHitMap,
    applyMask: addon.applyMask,
    updateClutterMap: addon.updateClutterMap,
    extractPlots: addon.extractPlots,
    extractPlotsAsync: addon.extractPlotsAsync ?? ((...a) => Promise.resolve(addon.extractPlots(...a))),
    createPlotExtractor: (options) => new addon.PlotExtractor(options),
  };
}

/**
 * The detector kernels: the native addon, or the TypeScript reference when it cannot load
 * (logged as an error, and `nativeLoadError` says why so the status can report it).
 */
export function loadKernels(options: LoadKernelsOptions): DetectorKernels {
  const { logger } = options;
  if (options.impl === 'reference') return createReferenceKernels();
  try {
    const loaded = loadAddon(options.addonPath);
    logger.debug({ path: loaded.path }, 'native detector loaded');
    return nativeKernels(loaded.addon);
  } catch (err) {
    const path = options.addonPath ?? loadAddonFile().path;
    const reason = err instanceof Error ? err.message : String(err);
    if (options.impl === 'native') {
      throw new LookoutError('E_NATIVE', `cannot load the native detector: ${reason}`, { cause: err, details: { path } });
    }
    logger.error(
      { err, path },
      `NATIVE DETECTOR NOT LOADED: running the TypeScript reference detector instead (several times slower); ${REBUILD_HINT}`,
    );
    return createReferenceKernels(reason);
  }
}
