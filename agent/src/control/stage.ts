/**
 * The control stage: every payload of the unit's command topic is checked (verify.ts), then
 * its verb looked up, its role and arguments checked, and run; done or refused, it is answered
 * by a `commandResult` record through the outbox (routed to the command's MQTT 5 response
 * topic when it had one) and counted. A refused command changes nothing.
 */
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Clock } from '../io/types.js';
import { systemTimers, type TimerHandle, type Timers } from '../io/timers.js';
import { isLookoutError } from '../errors.js';
import type { AnswerRoute, CommandPort } from '../publish/commands.js';
import type { AlertBody, CommandResultBody, RecordBodies, RecordKind } from '../wire/types.js';
import { clockCheck } from './clock.js';
import type { CommandsConfig } from './config.js';
import { loadHubKeys } from './keys.js';
import { NonceStore } from './nonces.js';
import type { OverrideEvent, Overrides } from './overrides.js';
import { SettingsChanges } from './settings.js';
import { Recorder } from './recorder.js';
import { OutcomeError } from './sensor-config.js';
import { RateLimit, Verifier, type RefusalCode } from './verify.js';
import { ROLE_RANK, VERBS, type ControlTarget } from './verbs.js';

export interface CommandSink {
  append<K extends RecordKind>(kind: K, body: RecordBodies[K]): number;
  /** Commits the open group now: an answer does not wait for the group commit (up to 50 ms). */
  flush?(): void;
}

export interface CommandStageOptions {
  unit: string;
  config: CommandsConfig;
  dataDir: string;
  sink: CommandSink;
  target: ControlTarget;
  overrides: Overrides;
  logger: Logger;
  clock: Clock;
  timers?: Timers;
  /** Pending changes the overrides reverted when loaded at start (announced once the outbox runs). */
  revertedAtLoad?: readonly OverrideEvent[];
}

export interface CommandCounters {
  received: number;
  ok: number;
  refused: number;
  errors: number;
  reverted: number;
  /** Refusals by code, as `refused.<code>`. */
  [refusal: `refused.${string}`]: number;
}

/** Answer routes kept for records not yet published (a restart forgets them: the default topic then). */
const MAX_ROUTES = 1024;

export class CommandStage implements CommandPort {
  readonly name = 'commands';
  readonly counters: CommandCounters = { received: 0, ok: 0, refused: 0, errors: 0, reverted: 0 };
  private readonly routes = new Map<number, AnswerRoute>();
  private readonly log: Logger;
  private readonly timers: Timers;
  private readonly settings: SettingsChanges;
  private readonly recorder: Recorder;
  private verifier: Verifier | undefined;
  private revertTimer: TimerHandle | undefined;
  private running = false;

  constructor(private readonly o: CommandStageOptions) {
    this.log = o.logger;
    this.timers = o.timers ?? systemTimers;
    this.recorder = new Recorder({ dataDir: o.dataDir, maxBytes: o.config.recordMaxBytes, target: { tap: (s, t) => o.target.tapInput(s, t) }, logger: o.logger, ...(o.timers ? { timers: o.timers } : {}) });
    this.settings = new SettingsChanges({ overrides: o.overrides, target: o.target, clock: o.clock, onChanged: () => this.scheduleRevert() });
  }

  /** False when no hub key is configured: every command is refused. */
  get enabled(): boolean {
    return this.o.config.keys.length > 0;
  }

  start(): void {
    const c = this.o.config;
    const keys = loadHubKeys(c.keys);
    const nonces = new NonceStore(join(this.o.dataDir, 'command-nonces.json'), this.log);
    nonces.load(this.o.clock.wallMs());
    this.verifier = new Verifier({
      unit: this.o.unit,
      keys,
      nonces,
      rate: new RateLimit(c.rate.perMinute, c.rate.burst, this.o.clock.monoMs()),
      skewMs: c.skewSeconds * 1000,
      maxTtlMs: c.maxTtlSeconds * 1000,
      clock: clockCheck({ notBeforeIso: c.clock.notBeforeIso, syncedFile: c.clock.syncedFile, wallMs: () => this.o.clock.wallMs() }),
    });
    this.running = true;
    for (const e of this.o.revertedAtLoad ?? []) this.announceRevert(e);
    this.scheduleRevert();
    this.log.info({ keys: [...keys.values()].map((k) => ({ id: k.id, role: k.role })), remembered: nonces.size }, this.enabled ? 'commands on' : 'commands off (no commands.keys)');
  }

  stop(): void {
    this.running = false;
    this.recorder.stop();
    if (this.revertTimer) this.timers.clearTimeout(this.revertTimer);
    this.revertTimer = undefined;
  }

  answerRoute(seq: number): AnswerRoute | undefined {
    return this.routes.get(seq);
  }

  onCommand(payload: Buffer, route: AnswerRoute): void {
    if (!this.running || !this.verifier) return;
    this.counters.received++;
    const wallMs = this.o.clock.wallMs();
    const v = this.verifier.check(payload, wallMs, this.o.clock.monoMs());
    if (!v.ok) return this.refuse(v.code, v.reason, v.nonce, v.verb, route);
    const { verb } = v.command;
    const spec = Object.hasOwn(VERBS, verb) ? VERBS[verb] : undefined;
    if (!spec) return this.refuse('unknown-verb', `"${verb}" is not a command (${Object.keys(VERBS).join(', ')})`, v.nonce, verb, route);
    if (ROLE_RANK[v.key.role] < ROLE_RANK[spec.role]) return this.refuse('forbidden', `key "${v.key.id}" is ${v.key.role}; ${verb} needs ${spec.role}`, v.nonce, verb, route);
    if (!v.clockSynced && !spec.timeless) return this.refuse('clock-not-synced', `the unit's clock is not synced, so it cannot tell whether the command is fresh; ${verb} is refused until it is`, v.nonce, verb, route);
    let json: unknown = {};
    try {
      if (v.command.args.length > 0) json = JSON.parse(Buffer.from(v.command.args).toString('utf8'));
    } catch (err) {
      return this.refuse('bad-args', `args are not JSON (${(err as Error).message})`, v.nonce, verb, route);
    }
    const args = spec.args.safeParse(json);
    if (!args.success) return this.refuse('bad-args', args.error.issues.map((i) => `${i.path.join('.') || 'args'}: ${i.message}`).join('; '), v.nonce, verb, route);
    const ctx = { target: this.o.target, settings: this.settings, recorder: this.recorder, nonce: v.nonce, unit: this.o.unit, wallMs, clockSynced: v.clockSynced };
    this.log.info({ verb, keyId: v.key.id, nonce: v.nonce }, 'command accepted');
    void Promise.resolve()
      .then(() => spec.run(args.data as never, ctx))
      .then(
        (out) => {
          this.counters.ok++;
          this.answer({ nonce: v.nonce, verb, status: 'ok', reason: out.reason, ...(out.result === undefined ? {} : { result: out.result }) }, route);
        },
        (err: unknown) => {
          if (err instanceof RangeError) return this.refuse('bad-args', err.message, v.nonce, verb, route);
          this.counters.errors++;
          this.log.error({ err, verb }, 'command failed');
          const result = err instanceof OutcomeError ? { result: err.result } : {};
          this.answer({ nonce: v.nonce, verb, status: 'error', code: isLookoutError(err) ? err.code : 'E_COMMAND', reason: (err as Error)?.message ?? String(err), ...result }, route);
        },
      );
  }

  private refuse(code: RefusalCode, reason: string, nonce: string, verb: string, route: AnswerRoute): void {
    this.counters.refused++;
    this.counters[`refused.${code}`] = (this.counters[`refused.${code}`] ?? 0) + 1;
    this.log.warn({ code, verb, nonce }, `command refused: ${reason}`);
    this.answer({ nonce, verb, status: 'refused', code, reason }, route);
  }

  private answer(body: CommandResultBody, route: AnswerRoute): void {
    if (!this.running) return;
    const seq = this.o.sink.append('commandResult', body);
    if (route.responseTopic !== undefined) {
      this.routes.set(seq, route);
      if (this.routes.size > MAX_ROUTES) this.routes.delete(this.routes.keys().next().value!);
    }
    // The commit wakes the publisher, which reads the route: kept before it.
    this.o.sink.flush?.();
  }

  /** One timer at the earliest pending deadline; reverts what is due and re-arms. */
  private scheduleRevert(): void {
    if (this.revertTimer) this.timers.clearTimeout(this.revertTimer);
    this.revertTimer = undefined;
    const next = this.o.overrides.nextDeadline();
    if (!this.running || next === undefined) return;
    this.revertTimer = this.timers.setTimeout(() => {
      this.revertTimer = undefined;
      for (const e of this.settings.revertDue()) this.announceRevert(e);
      this.scheduleRevert();
    }, Math.max(0, next - this.o.clock.wallMs()));
    this.revertTimer.unref?.();
  }

  private announceRevert(e: OverrideEvent): void {
    this.counters.reverted++;
    const what = e.area === 'tracker' ? 'tracker settings' : `detection settings of ${e.target}`;
    const alert: AlertBody = { severity: 'warning', code: 'COMMAND_REVERTED', message: `${what} reverted: the change of command ${e.nonce} was not confirmed in time`, details: { area: e.area, target: e.target, nonce: e.nonce } };
    this.log.warn({ alert }, 'unconfirmed change reverted');
    this.o.sink.append('alerts', alert);
  }
}
