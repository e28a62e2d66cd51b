/**
 * `set-detection`, `set-tracker` and `confirm`: a change is validated against the whole
 * configuration schema, persisted as a pending override, applied live, and reverted (live and
 * on disk) unless confirmed by its deadline.
 */
import type { LookoutConfig } from '../config/schema.js';
import { isLookoutError } from '../errors.js';
import type { Clock } from '../io/types.js';
import type { OverrideArea, OverrideEvent, Overrides } from './overrides.js';
import type { ConfirmArgs, ControlTarget, SetDetectionArgs, SetTrackerArgs, SettingsVerbs, VerbOutcome } from './verbs.js';

export interface SettingsChangesOptions {
  overrides: Overrides;
  target: ControlTarget;
  clock: Clock;
  /** After every change of what is pending (the stage re-arms its revert timer). */
  onChanged: () => void;
}

export class SettingsChanges implements SettingsVerbs {
  constructor(private readonly o: SettingsChangesOptions) {}

  setDetection(a: SetDetectionArgs, nonce: string): VerbOutcome {
    const t = this.o.target;
    if (!t.sensorIds().includes(a.sensor)) throw new RangeError(`no sensor "${a.sensor}" on this unit (${t.sensorIds().join(', ')})`);
    const checked = this.o.overrides.validate('detection', a.sensor, a.detection);
    if (!checked.ok) throw new RangeError(`detection settings refused by the configuration schema: ${checked.problem}`);
    if (!t.applyDetection(a.sensor, checked.config)) throw new RangeError(`sensor "${a.sensor}" has no detection settings to change live`);
    return this.pending('detection', a.sensor, checked.partial, nonce, a.confirmWithinSeconds, `detection settings of ${a.sensor} applied`);
  }

  setTracker(a: SetTrackerArgs, nonce: string): VerbOutcome {
    const checked = this.o.overrides.validate('tracker', '', a.tracker);
    if (!checked.ok) throw new RangeError(`tracker settings refused by the configuration schema: ${checked.problem}`);
    const tracked = this.applyTracker(checked.config);
    const what =
      tracked.length > 0
        ? `tracker settings applied to the trackers of ${tracked.join(', ')} from their next scan (live tracks keep their ids)`
        : 'tracker settings saved; no tracker runs on this unit, they take effect when one does';
    return this.pending('tracker', '', checked.partial, nonce, a.confirmWithinSeconds, what);
  }

  confirm(a: ConfirmArgs): VerbOutcome {
    const e = this.o.overrides.confirm(a.nonce);
    if (!e) throw new RangeError(`no pending change of command ${a.nonce} (confirmed already, reverted, or never made)`);
    this.o.onChanged();
    return { reason: `${e.area === 'tracker' ? 'tracker settings' : `detection settings of ${e.target}`} confirmed: they stay`, result: { area: e.area, target: e.target } };
  }

  /** Reverts the pending changes past their deadline, live and on disk. */
  revertDue(): OverrideEvent[] {
    const events = this.o.overrides.expire(this.o.clock.wallMs());
    if (events.length === 0) return events;
    const config = this.o.overrides.effective();
    for (const e of events) {
      if (e.area === 'detection') this.o.target.applyDetection(e.target, config);
      else this.applyTracker(config);
    }
    this.o.target.rebirth(); // the birth's config hash is the effective configuration's
    return events;
  }

  /**
   * The tracker settings live. A sensor's `tracking.settings` laid over the new section can break
   * a rule that spans keys: then nothing is applied and the change is refused.
   */
  private applyTracker(config: LookoutConfig): string[] {
    try {
      return this.o.target.applyTracker(config);
    } catch (err) {
      if (isLookoutError(err)) throw new RangeError(err.message, { cause: err });
      throw err;
    }
  }

  private pending(area: OverrideArea, target: string, partial: Record<string, unknown>, nonce: string, seconds: number, what: string): VerbOutcome {
    const deadlineWallMs = this.o.clock.wallMs() + seconds * 1000;
    this.o.overrides.propose(area, target, partial, nonce, deadlineWallMs);
    this.o.onChanged();
    this.o.target.rebirth(); // the birth's config hash is the effective configuration's
    return {
      reason: `${what}; reverts at ${new Date(deadlineWallMs).toISOString()} unless confirm {"nonce":"${nonce}"} arrives first`,
      result: { area, target, override: partial, confirmNonce: nonce, revertsAtMs: deadlineWallMs },
    };
  }
}
