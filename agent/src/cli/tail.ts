/**
 * `lookout tail --url URL [--unit U] [--kinds k1,k2] [--stats]`: the hub view. Subscribes to
 * `lookout/v1/#` (or one unit), decodes, dedupes by (unit, seq), reports gaps and prints one
 * JSON line per record: {unit, session, seq, kind, timeMs, body} with the body in SI units and
 * degrees. Events are lines with an `event` field: `missing` (seqs neither received nor
 * announced for `--gap-timeout` seconds, and at exit), `undecodable`, `stats`.
 */
import type { IClientOptions } from 'mqtt';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parseBrokerUrlOption, parseIntOption, parseNumberOption, UsageError, writeJsonLine, type CliContext } from './common.js';
import { HubClient } from '../hub/client.js';
import { RECORD_KINDS, type RecordKind } from '../hub/index.js';

interface TailFlags {
  url: string;
  unit?: string;
  kinds?: string;
  stats?: boolean;
  statsInterval: number;
  gapTimeout: number;
  count?: number;
  duration?: number;
  ca?: string;
  cert?: string;
  key?: string;
  username?: string;
  passwordEnv?: string;
  protocolVersion: number;
  clientId?: string;
}

export interface TailOptions extends TailFlags {
  /** Resolves the tail when aborted (tests; the verb wires SIGINT/SIGTERM). */
  signal?: AbortSignal;
  /** Called once subscribed (tests). */
  onReady?: () => void;
}

function parseKinds(value: string | undefined): Set<RecordKind> | undefined {
  if (value === undefined) return undefined;
  const kinds = value.split(',').map((k) => k.trim()).filter(Boolean);
  const bad = kinds.filter((k) => !(RECORD_KINDS as readonly string[]).includes(k));
  if (bad.length > 0) throw new UsageError(`--kinds: unknown kind(s) ${bad.join(', ')}; known: ${RECORD_KINDS.join(', ')}`);
  return new Set(kinds as RecordKind[]);
}

/** Runs the hub view until aborted, `count` records, or `duration` seconds. */
export async function runTail(opts: TailOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<void> {
  const kinds = parseKinds(opts.kinds);
  const missingSince = new Map<string, Map<string, number>>();
  const reported = new Map<string, Set<string>>();
  let printed = 0;

  const o: Omit<IClientOptions, 'resubscribe'> = {
    protocolVersion: opts.protocolVersion as 4 | 5,
    clean: true,
    reconnectPeriod: 1000,
    connectTimeout: 10_000,
    clientId: opts.clientId ?? `lookout-tail-${process.pid}-${Math.random().toString(16).slice(2, 8)}`,
  };
  if (opts.ca) o.ca = readFileSync(opts.ca);
  if (opts.cert) o.cert = readFileSync(opts.cert);
  if (opts.key) o.key = readFileSync(opts.key);
  if (opts.username) o.username = opts.username;
  if (opts.passwordEnv) o.password = process.env[opts.passwordEnv];

  let finished = false;
  let finish = (): void => {};
  let reportedError = '';
  const hub = new HubClient({
    url: opts.url,
    unit: opts.unit,
    mqtt: o,
    onError: (e) => {
      if (e.message !== reportedError) err.write(`lookout tail: ${e.message}\n`);
      reportedError = e.message;
    },
    onSubscribed: () => opts.onReady?.(),
    onUndecodable: (topic, error) => {
      if (!finished) writeJsonLine(out, { event: 'undecodable', topic, error });
    },
    onRecord: (r, acceptance) => {
      if (finished || acceptance === 'duplicate') return;
      if (kinds && !kinds.has(r.kind)) return;
      writeJsonLine(out, { unit: r.unit, session: r.session, seq: r.seq, kind: r.kind, timeMs: r.timeMs, body: r.body });
      printed++;
      if (opts.count !== undefined && printed >= opts.count) finish();
    },
  });
  const dedupe = hub.dedupe;

  const reportMissing = (final: boolean): void => {
    const now = Date.now();
    for (const unit of dedupe.unitIds) {
      const holes = dedupe.missing(unit);
      const since = missingSince.get(unit) ?? new Map<string, number>();
      missingSince.set(unit, since);
      const rep = reported.get(unit) ?? new Set<string>();
      reported.set(unit, rep);
      const current = new Set(holes.map(([a, b]) => `${a}-${b}`));
      for (const k of [...since.keys()]) if (!current.has(k)) since.delete(k);
      for (const [a, b] of holes) {
        const k = `${a}-${b}`;
        if (!since.has(k)) since.set(k, now);
        if (rep.has(k)) continue;
        if (final || now - since.get(k)! >= opts.gapTimeout * 1000) {
          rep.add(k);
          writeJsonLine(out, { event: 'missing', unit, first: a, last: b, count: b - a + 1 });
        }
      }
    }
  };
  const printStats = (final: boolean): void => {
    for (const unit of dedupe.unitIds) writeJsonLine(out, { event: 'stats', final, ...dedupe.stats(unit) });
  };

  hub.start();
  await new Promise<void>((resolve) => {
    const timers: NodeJS.Timeout[] = [];
    finish = (): void => {
      if (finished) return;
      finished = true;
      for (const t of timers) clearInterval(t);
      reportMissing(true);
      if (opts.stats) printStats(true);
      hub.stop().then(resolve, resolve);
    };
    opts.signal?.addEventListener('abort', finish, { once: true });
    if (opts.signal?.aborted) finish();
    if (opts.duration !== undefined) timers.push(setTimeout(finish, opts.duration * 1000));
    timers.push(setInterval(() => reportMissing(false), 1000));
    if (opts.stats) timers.push(setInterval(() => printStats(false), opts.statsInterval * 1000));
  });
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('tail')
    .description('the hub view: subscribe, decode, dedupe by (unit, seq), report gaps; JSON lines out')
    .requiredOption('--url <url>', 'broker URL (mqtt://, mqtts://, ws://, wss://)', parseBrokerUrlOption('--url'))
    .option('--unit <id>', 'only this unit')
    .option('--kinds <list>', `only these kinds, comma-separated (${RECORD_KINDS.join(',')})`)
    .option('--stats', 'print per-unit received/duplicates/gaps periodically and at exit')
    .option('--stats-interval <s>', 'seconds between stats lines', parseNumberOption('--stats-interval', 0.1), 10)
    .option('--gap-timeout <s>', 'report missing seqs after this many seconds without them', parseNumberOption('--gap-timeout', 0), 10)
    .option('--count <n>', 'exit after printing n records', parseIntOption('--count', 1))
    .option('--duration <s>', 'exit after s seconds', parseNumberOption('--duration', 0))
    .option('--ca <file>', 'CA certificate (PEM) for mqtts://')
    .option('--cert <file>', 'client certificate (PEM)')
    .option('--key <file>', 'client key (PEM)')
    .option('--username <name>', 'MQTT username')
    .option('--password-env <var>', 'environment variable holding the MQTT password')
    .option('--protocol-version <n>', '5 (MQTT 5) or 4 (MQTT 3.1.1)', parseIntOption('--protocol-version', 4, 5), 5)
    .option('--client-id <id>', 'MQTT client id (default: random)')
    .action(async (flags: TailFlags) => {
      const ac = new AbortController();
      const onSignal = (): void => ac.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      try {
        await runTail({ ...flags, signal: ac.signal }, ctx.stdout, ctx.stderr);
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
}
