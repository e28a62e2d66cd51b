import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The one place Lookout's native addon (native/) is found and loaded, for the detector kernels
 * (detect/kernels.ts) and the system calls (ops/sys.ts) alike.
 *
 * `node-gyp-build` picks the file: a local build (native/build/Release, what `npm install`
 * compiles in a checkout) when there is one, else the prebuild for this platform and
 * architecture (native/prebuilds/linux-x64 or linux-arm64, made by `prebuildify` in
 * scripts/prebuild.sh and shipped in the .deb, where there is no build directory and no
 * compiler). `PREBUILDS_ONLY=1` skips the local build (how scripts/test-arm64.sh makes sure it
 * tests the arm64 prebuild).
 */

/** native/, from agent/src/detect or agent/dist/detect alike. */
export const ADDON_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'native');

/**
 * What to do when the addon does not load: in a checkout (native/binding.gyp is there), build
 * it; in the package (prebuilds only), the install is broken.
 */
export const REBUILD_HINT = existsSync(join(ADDON_DIR, 'binding.gyp'))
  ? 'rebuild it (npx node-gyp rebuild --directory=native)'
  : `reinstall the lookout package (its addon for this machine belongs in ${join(ADDON_DIR, 'prebuilds', `${process.platform}-${process.arch}`)})`;

const require = createRequire(import.meta.url);

interface NodeGypBuild {
  path(dir: string): string;
}

export interface LoadedAddon {
  /** The module's exports, or null when it did not load. */
  addon: Record<string, unknown> | null;
  /** The file that was (or would have been) loaded; null when none matches this platform. */
  path: string | null;
  /** Why it did not load. */
  error: string | null;
}

const cache = new Map<string, LoadedAddon>();

/**
 * The addon's file for this platform, by node-gyp-build's rules; throws (with what it looked
 * for) when there is neither a local build nor a matching prebuild.
 */
export function resolveAddonPath(dir = ADDON_DIR): string {
  return (require('node-gyp-build') as NodeGypBuild).path(dir);
}

/**
 * Loads the addon: from `path` when given (a .node file), else the one node-gyp-build resolves
 * in native/. Never throws: a failure comes back as `error`, so each caller decides whether it
 * falls back (the TypeScript reference detector) or refuses. Loaded once per file.
 */
export function loadAddon(path?: string): LoadedAddon {
  const key = path ?? `dir:${ADDON_DIR}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let result: LoadedAddon;
  let file: string | null = path ?? null;
  try {
    file ??= resolveAddonPath();
    result = { addon: require(file) as Record<string, unknown>, path: file, error: null };
  } catch (err) {
    result = { addon: null, path: file, error: (err as Error).message.trim() };
  }
  cache.set(key, result);
  return result;
}
