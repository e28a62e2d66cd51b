import { createRequire } from 'node:module';
import { DEFAULT_ADDON_PATH } from '../detect/kernels.js';

/** The system calls Node has no API for, from Lookout's addon (native/src/bindings/sys.cc). */
export interface SysCalls {
  /** Sends one datagram to a unix socket (a path, or an abstract name written `@name`); 0 or an errno. */
  notifySocket(address: string, message: string): number;
  /** flock(fd, LOCK_EX|LOCK_SH | LOCK_NB); 0 or an errno (EWOULDBLOCK: another process holds it). */
  flockFd(fd: number, exclusive: boolean): number;
}

let cached: { sys: SysCalls | null; error: string | null } | undefined;

/** The addon's system calls, or null with the reason when the addon cannot be loaded. */
export function loadSysCalls(addonPath = DEFAULT_ADDON_PATH): { sys: SysCalls | null; error: string | null } {
  if (cached && addonPath === DEFAULT_ADDON_PATH) return cached;
  let result: { sys: SysCalls | null; error: string | null };
  try {
    const addon = createRequire(import.meta.url)(addonPath) as Partial<SysCalls>;
    if (typeof addon.notifySocket !== 'function' || typeof addon.flockFd !== 'function') {
      result = { sys: null, error: `the addon at ${addonPath} has no notifySocket()/flockFd(): rebuild it (npx node-gyp rebuild --directory=native)` };
    } else result = { sys: addon as SysCalls, error: null };
  } catch (err) {
    result = { sys: null, error: (err as Error).message };
  }
  if (addonPath === DEFAULT_ADDON_PATH) cached = result;
  return result;
}
