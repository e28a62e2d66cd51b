import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Real captures, beside the repository (never copied into it). */
export const SHARED_DATA = resolve(REPO_ROOT, '..', 'shared', 'data');
/** The CLI as a user runs it (compiled by `npm install`). */
export const LOOKOUT_BIN = resolve(REPO_ROOT, 'agent', 'bin', 'lookout.js');
