import { createRequire } from 'node:module';
import type { Command } from 'commander';
import { EXIT_CONFIG, parseBrokerUrlOption, parseNumberOption, type CliContext } from './common.js';
import { configFromFlags } from './run.js';
import { assertConfigFiles } from '../config/files.js';
import { validateConfig } from '../config/load.js';
import { recordingFormatOf } from '../io/file.js';
import { createRootLogger } from '../ops/logger.js';
import { ensureDataDir, lockDataDir } from '../ops/data-dir.js';
import { loadSysCalls } from '../ops/sys.js';
import { Agent } from '../main.js';

const require = createRequire(import.meta.url);
const VERSION = (require('../../../package.json') as { version: string }).version;

interface ReplayFlags {
  config: string;
  sensor?: string;
  speed?: number;
  drainSeconds: number;
  dataDir?: string;
  broker?: string;
  logLevel?: string;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('replay')
    .description('run the pipeline of a configuration on a capture (a `lookout record` .lkr file, a .tlog, or raw bytes)')
    .argument('<file>', 'the capture')
    .requiredOption('--config <file>', 'the configuration whose sensor the capture came from')
    .option('--sensor <id>', 'which sensor of the configuration the capture stands for (default: the first)')
    .option('--speed <x>', 'timestamped captures: x times the recorded pace (default: as fast as possible)', parseNumberOption('--speed', 0.01, 1000))
    .option('--drain-seconds <s>', 'after the end of the file, wait this long at most for the broker to take every record', parseNumberOption('--drain-seconds', 0), 30)
    .option('--data-dir <dir>', 'outbox directory (default: the configuration\'s)')
    .option('--broker <url>', 'override the configuration\'s broker', parseBrokerUrlOption('--broker'))
    .option('--log-level <level>', 'fatal | error | warn | info | debug | trace')
    .action(async (file: string, flags: ReplayFlags) => {
      const base = configFromFlags({ config: flags.config, broker: flags.broker, dataDir: flags.dataDir, logLevel: flags.logLevel });
      const index = flags.sensor === undefined ? 0 : base.sensors.findIndex((s) => s.id === flags.sensor);
      if (index < 0) {
        ctx.stderr.write(`lookout: no sensor "${flags.sensor}" in ${flags.config} (sensors: ${base.sensors.map((s) => s.id).join(', ')})\n`);
        ctx.exitCode = EXIT_CONFIG;
        return;
      }
      // Only the replayed sensor runs, reading the capture: the others' devices are not part of a replay.
      const { nav: _nav, ...rest } = base;
      const replayed = { ...base.sensors[index], input: { type: 'file', path: file, format: recordingFormatOf(file), ...(flags.speed ? { speed: flags.speed } : {}) } };
      const config = validateConfig({ ...rest, sensors: [replayed] }, flags.config);
      assertConfigFiles(config, flags.config);
      const lock = lockDataDir(ensureDataDir(config.dataDir), loadSysCalls().sys);
      const logger = createRootLogger(config.log.level);
      const agent = new Agent(config, { logger, version: VERSION });
      // A signal stops waiting for the file's end and for the broker; what was read is kept.
      const interrupted = new AbortController();
      const onSignal = (): void => interrupted.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      const started = Date.now();
      await agent.start();
      // The file read to the end, detection flushed (pending plots), then the broker given time to take every record.
      await agent.drain(flags.drainSeconds * 1000, interrupted.signal);
      const status = agent.status();
      const left = status.outboxDepth;
      await agent.stop();
      lock.release();
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      ctx.stderr.write(
        `replay: ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${status.spokes} spokes, ${status.counters?.['outbox.appended'] ?? 0} records, ${status.published} published` +
          (left > 0 ? `, ${left} still in the outbox at ${config.dataDir} (broker unreachable?)` : '') +
          '\n',
      );
    });
}
