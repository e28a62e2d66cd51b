import { loadAddon, REBUILD_HINT } from '../detect/addon.js';

/** The system calls Node has no API for, from Lookout's addon (native/src/bindings/sys.cc). */
export interface SysCalls {
  /** Sends one datagram to a unix socket (a path, or an abstract name written `@name`); 0 or an errno. */
  notifySocket(address: string, message: string): number;
  /** flock(fd, LOCK_EX|LOCK_SH | LOCK_NB); 0 or an errno (EWOULDBLOCK: another process holds it). */
  flockFd(fd: number, exclusive: boolean): number;
}

/**
 * The addon's system calls, or null with the reason when the addon cannot be loaded: the one
 * node-gyp-build finds in native/ (detect/addon.ts), or the .node file `addonPath`.
 */
export function loadSysCalls(addonPath?: string): { sys: SysCalls | null; error: string | null } {
  const { addon, path, error } = loadAddon(addonPath);
  if (!addon) return { sys: null, error: error ?? 'the native addon did not load' };
  if (typeof addon.notifySocket !== 'function' || typeof addon.flockFd !== 'function') {
    return { sys: null, error: `the addon at ${path} has no notifySocket()/flockFd(): ${REBUILD_HINT}` };
  }
  return { sys: addon as unknown as SysCalls, error: null };
}
