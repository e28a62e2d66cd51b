/**
 * `lookout bench pipeline`: memory during a broker outage. The records of a busy 48 rpm radar
 * at 10x its real rate (8 turns/s of 600-plot batches, a status record every 0.5 s) go into the
 * real outbox (SQLite on a temp dir) while the real publisher keeps failing to reach a broker
 * (a closed loopback port, reconnecting with backoff). RSS is sampled every second; the goal is
 * that it stays flat (within +20 MB of the level after warm-up) while the outbox grows on disk.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { Outbox } from '../outbox/outbox.js';
import { Publisher } from '../publish/publisher.js';
import { mqttConfigSchema } from '../publish/config.js';
import { busyTurnPlots } from '../sim/busy-turn.js';
import { printRow } from './common.js';
import { freeLoopbackPort } from '../ops/local-broker.js';
import { encodeRecord } from '../wire/index.js';

export interface PipelineBenchOptions {
  json: boolean;
  /** Length of the outage in minutes (default 10). */
  minutes?: number;
  /** Rate factor over a real 48 rpm radar (default 10). */
  rate?: number;
  plotsPerTurn?: number;
}

export async function runPipelineBench(opts: PipelineBenchOptions, out: NodeJS.WritableStream): Promise<void> {
  const minutes = opts.minutes ?? 10;
  const rate = opts.rate ?? 10;
  const plotsPerTurn = opts.plotsPerTurn ?? 600;
  const turnsPerSecond = (48 / 60) * rate;
  const dir = mkdtempSync(join(tmpdir(), 'lookout-bench-pipeline-'));
  const logger = pino({ level: 'silent' });
  const outbox = new Outbox({ path: join(dir, 'outbox.db'), unit: 'bench-pipeline', encode: encodeRecord, maxBytes: 256 * 1024 * 1024, groupCommitMs: 50, logger });
  const port = await freeLoopbackPort();
  const publisher = new Publisher({
    outbox,
    unit: 'bench-pipeline',
    mqtt: mqttConfigSchema.parse({ url: `mqtt://127.0.0.1:${port}`, reconnect: { minMs: 200, maxMs: 2000 } }),
    logger,
    birth: () => ({ version: 'bench', sensors: [], configHash: '', session: outbox.session, capabilities: [], startedMs: Date.now(), nextSeq: outbox.nextSequence }),
  });
  await outbox.start();
  await publisher.start();
  // A pool of turns reused with fresh times: generating plots is not what is measured.
  const pool = Array.from({ length: 16 }, (_, i) => busyTurnPlots({ plots: plotsPerTurn, seed: i + 1 }));
  const origin = { latitude: 43.2965, longitude: 5.3698 };
  const samples: Array<{ s: number; rssMb: number; depth: number; diskMb: number }> = [];
  const t0 = performance.now();
  const durationMs = minutes * 60_000;
  let turns = 0;
  let statusCount = 0;
  await new Promise<void>((resolve) => {
    const producer = setInterval(() => {
      const elapsed = performance.now() - t0;
      const due = Math.floor((elapsed / 1000) * turnsPerSecond);
      while (turns < due) {
        const base = pool[turns % pool.length];
        const shift = Date.now() - base[0].timeMs;
        outbox.append('plots', { sensor: 'radar1', origin, plots: base.map((p) => ({ ...p, timeMs: p.timeMs + shift, scan: turns })) });
        turns++;
      }
      const dueStatus = Math.floor(elapsed / 500);
      while (statusCount < dueStatus) {
        outbox.append('status', { spokesPerSecond: 1638.4 * rate, plotsPerScan: plotsPerTurn, outboxDepth: outbox.depth, outboxBytes: outbox.bytes, published: 0, dropped: 0, thinned: 0, uptimeSeconds: Math.round(elapsed / 1000) });
        statusCount++;
      }
    }, 25);
    const sampler = setInterval(() => {
      const s = (performance.now() - t0) / 1000;
      samples.push({ s, rssMb: process.memoryUsage().rss / 1e6, depth: outbox.depth, diskMb: outbox.bytes / 1e6 });
      if (!opts.json && samples.length % 60 === 0) out.write(`pipeline  t=${s.toFixed(0)}s rss=${samples.at(-1)!.rssMb.toFixed(1)} MB outbox=${outbox.depth} records ${(outbox.bytes / 1e6).toFixed(1)} MB\n`);
      if (performance.now() - t0 >= durationMs) {
        clearInterval(producer);
        clearInterval(sampler);
        resolve();
      }
    }, 1000);
  });
  await publisher.stop();
  await outbox.stop();
  rmSync(dir, { recursive: true, force: true });

  // Warm-up: the first 20 % of the run (at least 10 s): start-up garbage is collected (RSS
  // drops by ~25 MB around the first minute here), caches fill, the JIT settles. Baseline:
  // the median RSS of the next 10 %; growth: the highest RSS after that.
  const warm = Math.max(10, (minutes * 60) / 5);
  const median = (xs: number[]): number => {
    const v = [...xs].sort((a, b) => a - b);
    return v.length === 0 ? 0 : v[Math.floor(v.length / 2)];
  };
  const baseEnd = warm + (minutes * 60) / 10;
  const baseSamples = samples.filter((x) => x.s >= warm && x.s < baseEnd).map((x) => x.rssMb);
  const baseline = median(baseSamples.length > 0 ? baseSamples : samples.map((x) => x.rssMb));
  const later = samples.filter((x) => x.s >= baseEnd).map((x) => x.rssMb);
  const maxRss = Math.max(baseline, ...later);
  const minRss = Math.min(baseline, ...later);
  const final = samples.at(-1)!;
  printRow({ bench: 'pipeline', name: `outage ${minutes} min at ${rate}x a 48 rpm radar: RSS baseline`, value: Number(baseline.toFixed(1)), unit: 'MB', note: `median of ${warm.toFixed(0)}-${baseEnd.toFixed(0)} s; then min ${minRss.toFixed(1)}, max ${maxRss.toFixed(1)}, final ${final.rssMb.toFixed(1)} MB` }, opts.json, out);
  printRow({ bench: 'pipeline', name: 'RSS growth during the outage (max - baseline)', value: Number((maxRss - baseline).toFixed(1)), unit: 'MB', goal: '<= 20' }, opts.json, out);
  printRow({ bench: 'pipeline', name: 'RSS swing after warm-up (max - min)', value: Number((maxRss - minRss).toFixed(1)), unit: 'MB', goal: '<= 20' }, opts.json, out);
  printRow({ bench: 'pipeline', name: 'V8 heap used at the end', value: Number((process.memoryUsage().heapUsed / 1e6).toFixed(1)), unit: 'MB' }, opts.json, out);
  printRow({ bench: 'pipeline', name: 'records queued in the outbox', value: final.depth, unit: 'records', note: `${final.diskMb.toFixed(1)} MB counted on disk, ${turns} plot batches of ${plotsPerTurn}` }, opts.json, out);
  printRow({ bench: 'pipeline', name: 'reconnect attempts during the outage', value: publisher.counters.reconnects, unit: 'attempts' }, opts.json, out);
}
