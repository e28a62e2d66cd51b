import { createRequire } from 'node:module';
import type { Command } from 'commander';
import { EXIT_CONFIG, EXIT_FAILURE, EXIT_OK, parseBrokerUrlOption, parseSchemaNumberOption, UsageError, type CliContext } from './common.js';
import { mergeConfig, readConfigFile, validateConfig } from '../config/load.js';
import type { LookoutConfig } from '../config/schema.js';
import { assertConfigFiles } from '../config/files.js';
import { detectionConfigSchema } from '../detect/config.js';
import { LookoutError } from '../errors.js';
import { parseSerialSpec } from '../io/config.js';
import { createRootLogger } from '../ops/logger.js';
import { ensureDataDir, lockDataDir } from '../ops/data-dir.js';
import { loadSysCalls } from '../ops/sys.js';
import { parseListenAddress } from '../ops/http.js';
import { Agent } from '../main.js';

const require = createRequire(import.meta.url);
const VERSION = (require('../../../package.json') as { version: string }).version;

export interface RunFlags {
  config?: string;
  sensor?: string;
  protocol?: string;
  broker?: string;
  unit?: string;
  dataDir?: string;
  radar?: string;
  pfa?: number;
  logLevel?: string;
  http?: string;
}

/** The defaults a quick start without a file takes (documented in `run --help` and the README). */
export const QUICK_START_DEFAULTS = {
  dataDir: './lookout-data',
  baud: 921600,
} as const;

function parseLatLon(text: string): { latitude: number; longitude: number } {
  const parts = text.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 2 || parts.some((n) => !Number.isFinite(n))) throw new UsageError(`--radar must be LAT,LON in degrees, got "${text}"`);
  return { latitude: parts[0], longitude: parts[1] };
}

/**
 * The effective configuration: the file (if any), then the flags on top. With no file, the
 * flags alone make a one-sensor configuration.
 */
export function configFromFlags(flags: RunFlags): LookoutConfig {
  if (!flags.config && !flags.sensor) {
    throw new UsageError('run needs a configuration: --config FILE (see `lookout config example`), or for a quick start --sensor PATH[@BAUD] --unit ID [--protocol P --broker URL --radar LAT,LON]');
  }
  if (!flags.config && !flags.unit) throw new UsageError('--sensor without --config needs --unit ID too (the unit\'s MQTT client id and topic level)');
  if (!flags.config && !flags.protocol) throw new UsageError('--sensor without --config needs --protocol P too (cat240 | ti-mmwave | nmea0183)');
  let raw: unknown = flags.config ? readConfigFile(flags.config) : {};
  const override: Record<string, unknown> = {};
  if (flags.unit) override.unit = flags.unit;
  if (flags.dataDir) override.dataDir = flags.dataDir;
  else if (!flags.config) override.dataDir = QUICK_START_DEFAULTS.dataDir;
  if (flags.broker) override.mqtt = { url: flags.broker };
  if (flags.logLevel) override.log = { level: flags.logLevel };
  raw = mergeConfig(raw, override);
  const sensorOverride: Record<string, unknown> = {};
  if (flags.sensor) {
    const at = flags.sensor.lastIndexOf('@');
    if (at >= 0 && !/^[1-9][0-9]*$/.test(flags.sensor.slice(at + 1))) {
      throw new UsageError(`--sensor takes PATH or PATH@BAUD with BAUD a whole number (e.g. /dev/ttyUSB0@921600), got "${flags.sensor}"`);
    }
    const { path, baud } = parseSerialSpec(flags.sensor);
    sensorOverride.input = { type: 'serial', path, baud: baud ?? QUICK_START_DEFAULTS.baud };
  }
  if (flags.protocol) sensorOverride.protocol = flags.protocol;
  if (flags.radar) sensorOverride.radar = parseLatLon(flags.radar);
  if (flags.pfa !== undefined) sensorOverride.detection = { pfa: flags.pfa };
  if (Object.keys(sensorOverride).length > 0) {
    const r = raw as { sensors?: unknown[] };
    const first = (Array.isArray(r.sensors) && r.sensors[0]) || { id: 'sensor1' };
    const merged = mergeConfig(first, sensorOverride);
    raw = { ...r, sensors: [merged, ...(Array.isArray(r.sensors) ? r.sensors.slice(1) : [])] };
  }
  return validateConfig(raw, flags.config ?? 'command line');
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('run')
    .description('run the agent (what systemd starts)')
    .option('--config <file>', 'YAML configuration (see `lookout config example`)')
    .option('--sensor <path[@baud]>', 'serial port of the (first) sensor, e.g. /dev/ttyUSB0@921600')
    .option('--protocol <p>', 'protocol of that sensor: cat240 | ti-mmwave | nmea0183 (MAVLink is a nav source: use a config file)')
    .option('--broker <url>', 'MQTT broker, e.g. mqtt://127.0.0.1:1883', parseBrokerUrlOption('--broker'))
    .option('--unit <id>', 'unit id (MQTT client id and topic level)')
    .option('--data-dir <dir>', `where the outbox lives (quick start default ${QUICK_START_DEFAULTS.dataDir})`)
    .option('--radar <lat,lon>', 'antenna position in degrees (a cat240 sensor needs it; without it the configuration is refused, exit 78)')
    .option('--pfa <p>', 'design false-alarm probability per cell', parseSchemaNumberOption('--pfa', detectionConfigSchema.shape.pfa))
    .option('--log-level <level>', 'fatal | error | warn | info | debug | trace')
    .option('--http <host:port>', 'serve /metrics, /healthz and /readyz here (overrides http.listen; e.g. 127.0.0.1:9464)', (text: string) => {
      try {
        parseListenAddress(text);
      } catch (err) {
        throw new UsageError(`--http: ${(err as Error).message}`);
      }
      return text;
    })
    .addHelpText(
      'after',
      `
Flags override the file; without --config they make a one-sensor configuration:
  lookout run --sensor /dev/ttyUSB0@921600 --protocol cat240 --broker mqtt://hub:1883 --unit radar-01 --radar 58.21,11.55

Under systemd (Type=notify) it says READY=1 once every stage has started, a STATUS= line, and
feeds the watchdog (WatchdogSec=) only while healthy: the event loop turns, the outbox commits,
and no sensor has been silent past health.silenceMs + health.graceMs.

SIGINT/SIGTERM stop the agent cleanly (open records committed, ports closed). Exit codes:
0 stopped cleanly, 1 runtime failure, 2 usage, 78 bad configuration.`,
    )
    .action(async (flags: RunFlags) => {
      // A bad configuration throws E_CONFIG before anything is opened: main() lists it, exit 78.
      const config: LookoutConfig = configFromFlags(flags);
      assertConfigFiles(config, flags.config ?? 'command line');
      // Created once (E_DATA_DIR on failure, never a loop) and locked for the life of the process:
      // a second agent on the same directory is refused, naming the holder (exit 1).
      const { sys } = loadSysCalls();
      const lock = lockDataDir(ensureDataDir(config.dataDir), sys);
      const logger = createRootLogger(config.log.level);
      const agent = new Agent(config, { logger, version: VERSION, service: { env: process.env, sys, ...(flags.http !== undefined ? { listen: flags.http } : {}) } });
      let stopping: Promise<void> | undefined;
      let resolveDone!: () => void;
      const done = new Promise<void>((r) => (resolveDone = r));
      const shutdown = (signal: string): void => {
        if (stopping) return;
        logger.info({ signal }, 'stopping');
        // A stage that hangs must not keep systemd waiting: give up after 5 s.
        const guard = setTimeout(() => {
          logger.error('stages did not stop within 5 s; exiting');
          ctx.exitCode = EXIT_FAILURE;
          resolveDone();
        }, 4500);
        guard.unref();
        stopping = agent.stop().then(() => {
          clearTimeout(guard);
          resolveDone();
        });
      };
      const onSigint = (): void => shutdown('SIGINT');
      const onSigterm = (): void => shutdown('SIGTERM');
      process.on('SIGINT', onSigint);
      process.on('SIGTERM', onSigterm);
      try {
        await agent.start();
      } catch (err) {
        logger.fatal({ err }, 'agent failed to start');
        await agent.stop();
        process.off('SIGINT', onSigint);
        process.off('SIGTERM', onSigterm);
        lock.release();
        ctx.exitCode = err instanceof LookoutError && err.code === 'E_CONFIG' ? EXIT_CONFIG : EXIT_FAILURE;
        if (err instanceof LookoutError) ctx.stderr.write(`lookout: ${err.code}: ${err.message}\n`);
        return;
      }
      await done;
      lock.release();
      process.off('SIGINT', onSigint);
      process.off('SIGTERM', onSigterm);
      if (ctx.exitCode === 0) ctx.exitCode = EXIT_OK;
      // pino writes synchronously to stderr; nothing left to flush.
      if (ctx.exitCode !== EXIT_OK) process.exit(ctx.exitCode);
    });
}
