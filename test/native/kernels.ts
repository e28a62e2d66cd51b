import { loadKernels } from '../../agent/src/detect/kernels.js';
import type { DetectorKernels } from '../../agent/src/detect/kernel-types.js';

const silent = { error: () => {}, info: () => {}, debug: () => {} };

/** The native addon (the tests fail if it does not load) and the TypeScript reference. */
export const native: DetectorKernels = loadKernels({ logger: silent, impl: 'native' });
export const reference: DetectorKernels = loadKernels({ logger: silent, impl: 'reference' });
export const both: Array<[string, DetectorKernels]> = [
  ['native', native],
  ['reference', reference],
];
