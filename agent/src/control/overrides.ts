/**
 * Settings changed by command (`set-detection`, `set-tracker`), kept in `overrides.json` in the
 * data directory: the effective configuration is the file's with these laid over it, at start
 * and live. A change is pending until confirmed: unless `confirm { nonce }` arrives by its
 * deadline it is reverted to what was there before (the file's settings, or the last
 * confirmed change), also across a restart (a deadline already past at start reverts before
 * anything runs).
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from 'pino';
import { mergeConfig } from '../config/load.js';
import { configSchema, type LookoutConfig } from '../config/schema.js';

export type OverrideArea = 'detection' | 'tracker';

export interface PendingChange {
  /** The nonce of the command that made it (what `confirm` names). */
  nonce: string;
  deadlineWallMs: number;
  /** The partial in force before it (null: none, the file's settings). */
  previous: Record<string, unknown> | null;
}

export interface OverrideEntry {
  area: OverrideArea;
  /** Sensor id for detection; "" for the tracker. */
  target: string;
  partial: Record<string, unknown>;
  pending?: PendingChange;
}

/** A change reverted or confirmed, for the log and the answer. */
export interface OverrideEvent {
  area: OverrideArea;
  target: string;
  nonce: string;
}

const keyOf = (area: OverrideArea, target: string): string => `${area}:${target}`;

/** The file's configuration with `entries` laid over it (not validated). */
function layered(file: LookoutConfig, entries: Iterable<OverrideEntry>): unknown {
  let out = file as unknown as Record<string, unknown>;
  for (const e of entries) {
    if (e.area === 'tracker') out = { ...out, tracker: mergeConfig(out.tracker, e.partial) };
    else {
      const sensors = (out.sensors as Array<Record<string, unknown>>).map((s) => (s.id === e.target ? { ...s, detection: mergeConfig(s.detection, e.partial) } : s));
      out = { ...out, sensors };
    }
  }
  return out;
}

export class Overrides {
  private readonly entries = new Map<string, OverrideEntry>();

  constructor(
    private readonly path: string,
    private readonly file: LookoutConfig,
    private readonly log: Logger,
  ) {}

  /** Reads the file, reverts what is past its deadline, and drops what no longer validates. */
  load(nowMs: number): OverrideEvent[] {
    let list: OverrideEntry[] = [];
    try {
      list = (JSON.parse(readFileSync(this.path, 'utf8')) as { entries?: OverrideEntry[] }).entries ?? [];
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.log.error({ err, path: this.path }, 'commands: overrides file unreadable; running on the configuration file alone');
    }
    for (const e of list) this.entries.set(keyOf(e.area, e.target), e);
    const reverted = this.expire(nowMs, false);
    let dropped = 0;
    for (const [k, e] of this.entries) {
      const check = this.validate(e.area, e.target, e.partial, false);
      if (!check.ok) {
        this.log.error({ area: e.area, target: e.target, problem: check.problem }, 'commands: an override no longer fits the configuration file; dropped');
        this.entries.delete(k);
        dropped++;
      }
    }
    if (reverted.length > 0 || dropped > 0) this.save();
    return reverted;
  }

  /** The effective configuration: the file's with the overrides laid over it. */
  effective(): LookoutConfig {
    return configSchema.parse(layered(this.file, this.entries.values()));
  }

  get list(): readonly OverrideEntry[] {
    return [...this.entries.values()];
  }

  entry(area: OverrideArea, target: string): OverrideEntry | undefined {
    return this.entries.get(keyOf(area, target));
  }

  /** Whether `partial` laid over the current override makes a valid configuration; `merge` lays it on the current one. */
  validate(area: OverrideArea, target: string, partial: Record<string, unknown>, merge = true): { ok: true; config: LookoutConfig; partial: Record<string, unknown> } | { ok: false; problem: string } {
    const current = merge ? this.entries.get(keyOf(area, target))?.partial : undefined;
    const next = (current ? mergeConfig(current, partial) : partial) as Record<string, unknown>;
    const others = [...this.entries.values()].filter((e) => keyOf(e.area, e.target) !== keyOf(area, target));
    const r = configSchema.safeParse(layered(this.file, [...others, { area, target, partial: next }]));
    if (!r.success) return { ok: false, problem: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
    return { ok: true, config: r.data, partial: next };
  }

  /** Puts a validated change in force, pending until `deadlineWallMs`, and persists it. */
  propose(area: OverrideArea, target: string, partial: Record<string, unknown>, nonce: string, deadlineWallMs: number): void {
    const k = keyOf(area, target);
    const old = this.entries.get(k);
    // A change over a pending one reverts, if unconfirmed, to what was confirmed before both.
    const previous = old?.pending ? old.pending.previous : (old?.partial ?? null);
    this.entries.set(k, { area, target, partial, pending: { nonce, deadlineWallMs, previous } });
    this.save();
  }

  /** Confirms the pending change made by the command with this nonce. */
  confirm(nonce: string): OverrideEvent | undefined {
    for (const e of this.entries.values()) {
      if (e.pending?.nonce !== nonce) continue;
      delete e.pending;
      this.save();
      return { area: e.area, target: e.target, nonce };
    }
    return undefined;
  }

  /** Reverts every pending change past its deadline; returns them. */
  expire(nowMs: number, persist = true): OverrideEvent[] {
    const out: OverrideEvent[] = [];
    for (const [k, e] of this.entries) {
      if (!e.pending || e.pending.deadlineWallMs > nowMs) continue;
      out.push({ area: e.area, target: e.target, nonce: e.pending.nonce });
      if (e.pending.previous) this.entries.set(k, { area: e.area, target: e.target, partial: e.pending.previous });
      else this.entries.delete(k);
    }
    if (out.length > 0 && persist) this.save();
    return out;
  }

  /** The earliest pending deadline. */
  nextDeadline(): number | undefined {
    let next: number | undefined;
    for (const e of this.entries.values()) if (e.pending && (next === undefined || e.pending.deadlineWallMs < next)) next = e.pending.deadlineWallMs;
    return next;
  }

  private save(): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.tmp`;
    const fd = openSync(tmp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify({ entries: [...this.entries.values()] }, null, 1));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.path);
  }
}
