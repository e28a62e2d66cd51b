import type { DetectorKernels } from '../kernel-types.js';
import { cfar1dReference } from './cfar1d.js';
import { cfar2dReference } from './cfar2d.js';
import { createReferencePlotExtractor, extractPlotsReference } from './extract.js';
import { levelDetectReference, updateHitMapReference } from './level.js';
import { applyMaskReference, updateClutterMapReference } from './mask.js';

/** The TypeScript detector: the oracle of the native tests and the fallback of the agent. */
export function createReferenceKernels(nativeLoadError: string | null = null): DetectorKernels {
  return {
    impl: 'reference',
    nativeLoadError,
    cfar1d: cfar1dReference,
    cfar1dAsync: (input, rows, cols, options, out) => Promise.resolve(cfar1dReference(input, rows, cols, options, out)),
    cfar2d: cfar2dReference,
    cfar2dAsync: (input, rows, cols, options, out) => Promise.resolve(cfar2dReference(input, rows, cols, options, out)),
    levelDetect: levelDetectReference,
    updateHitMap: updateHitMapReference,
    applyMask: applyMaskReference,
    updateClutterMap: updateClutterMapReference,
    extractPlots: extractPlotsReference,
    extractPlotsAsync: (mask, video, rows, cols, options, out) => Promise.resolve(extractPlotsReference(mask, video, rows, cols, options, out)),
    createPlotExtractor: createReferencePlotExtractor,
  };
}
