import type { Command } from 'commander';
import { parseNumberOption, UsageError, type CliContext } from './common.js';

const BENCHES = ['detect', 'decode', 'outbox', 'pipeline', 'track', 'scrape'] as const;
type BenchName = (typeof BENCHES)[number];

interface BenchFlags {
  json?: boolean;
  minutes?: number;
}

/**
 * Each benchmark compares against a baseline measured in the same run (memcpy, the TypeScript
 * reference, JSON): figures from a shared, noisy machine mean something only side by side.
 */
async function runBench(name: BenchName, flags: BenchFlags, out: NodeJS.WritableStream): Promise<void> {
  const json = flags.json ?? false;
  switch (name) {
    case 'detect':
      return (await import('../bench/detect.js')).runDetectBench({ json }, out);
    case 'decode':
      return (await import('../bench/decode.js')).runDecodeBench({ json }, out);
    case 'outbox':
      return (await import('../bench/outbox.js')).runOutboxBench({ json }, out);
    case 'track':
      await (await import('../bench/track.js')).runTrackBench({ json }, out);
      return (await import('../bench/track-wire.js')).runTrackWireBench({ json }, out);
    case 'scrape':
      return (await import('../bench/scrape.js')).runScrapeBench({ json }, out);
    case 'pipeline':
      return (await import('../bench/pipeline.js')).runPipelineBench({ json, ...(flags.minutes !== undefined ? { minutes: flags.minutes } : {}) }, out);
  }
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('bench')
    .description('run the benchmarks: detect, decode, outbox, pipeline, track, scrape (default: detect, decode and outbox)')
    .argument('[name]', BENCHES.join(' | '))
    .option('--json', 'one JSON line per result row')
    .option('--minutes <m>', 'pipeline: length of the simulated outage', parseNumberOption('--minutes', 0.1, 120))
    .action(async (name: string | undefined, flags: BenchFlags) => {
      if (name !== undefined && !(BENCHES as readonly string[]).includes(name)) throw new UsageError(`unknown benchmark "${name}" (${BENCHES.join(', ')})`);
      const names: BenchName[] = name ? [name as BenchName] : ['detect', 'decode', 'outbox'];
      for (const n of names) await runBench(n, flags, ctx.stdout);
    });
}
