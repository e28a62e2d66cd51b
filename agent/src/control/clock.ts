/**
 * Is the wall clock to be trusted? A unit without a real-time clock (a Raspberry Pi) boots with
 * a wrong date until NTP has synced it, and every time-bound check (expiry, issued in the
 * future) would be meaningless. Two signs, both plain file and clock reads (no adjtimex, no
 * `timedatectl`):
 * - the wall clock is earlier than a floor: `commands.clock.notBeforeIso`, else the date this
 *   agent version was released (`RELEASE_FLOOR_ISO`): no real clock can be before it;
 * - systemd-timesyncd is in use (its state directory exists) and has not yet created its
 *   `synchronized` marker file (it does at the first sync; `commands.clock.syncedFile`).
 * fake-hwclock restores the last shutdown time, which passes the first test; the second catches
 * it on a systemd unit using timesyncd. A unit with chrony or ntpd and no RTC is trusted once
 * past the floor.
 */
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';

/** Set at release: no synced clock is earlier than the day this version was made. */
export const RELEASE_FLOOR_ISO = '2026-12-01T00:00:00Z';

export type ClockVerdict = { synced: true } | { synced: false; why: string };

export interface ClockCheckOptions {
  notBeforeIso?: string | undefined;
  syncedFile: string;
  wallMs: () => number;
  /** File existence (tests); node:fs existsSync by default. */
  exists?: (path: string) => boolean;
}

export function clockCheck(opts: ClockCheckOptions): () => ClockVerdict {
  const floorMs = Date.parse(opts.notBeforeIso ?? RELEASE_FLOOR_ISO);
  const exists = opts.exists ?? existsSync;
  return () => {
    const now = opts.wallMs();
    if (now < floorMs) return { synced: false, why: `the wall clock (${new Date(now).toISOString()}) is before ${new Date(floorMs).toISOString()}` };
    if (exists(dirname(opts.syncedFile)) && !exists(opts.syncedFile)) return { synced: false, why: `time synchronisation has not happened yet (no ${opts.syncedFile})` };
    return { synced: true };
  };
}
