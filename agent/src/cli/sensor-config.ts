import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, parseIntOption, type CliContext } from './common.js';
import { isLookoutError } from '../errors.js';
import { configureTiSensor, DEFAULT_LINE_TIMEOUT_MS, parseCfg, TI_CLI_BAUD, type ConfigureTiSensorOptions } from '../protocols/ti-mmwave/config-port.js';

interface Flags {
  port: string;
  baud: number;
  cfg: string;
  timeoutMs: number;
}

/** For tests: how the verb opens the port (default: serialport). */
export interface SensorConfigDeps {
  openPort?: ConfigureTiSensorOptions['openPort'];
}

/**
 * `lookout sensor-config --port PATH --cfg FILE`: pushes a TI mmWave .cfg over the CLI port,
 * line by line, printing each answer. Exit 0 when every line got `Done`, 1 when the device
 * refused a line, did not answer in time or the port would not open, 2 for usage errors
 * (including a .cfg that cannot be read or holds no command).
 */
export function register(program: Command, ctx: CliContext, deps: SensorConfigDeps = {}): void {
  program
    .command('sensor-config')
    .description('send a TI mmWave .cfg to the sensor over its CLI port, line by line, waiting for Done after each')
    .requiredOption('--port <path>', 'the CLI (config) serial port, e.g. /dev/ttyACM0')
    .option('--baud <n>', 'CLI port baud rate', parseIntOption('--baud', 50, 12_000_000), TI_CLI_BAUD)
    .requiredOption('--cfg <file>', 'the .cfg file (% starts a comment)')
    .option('--timeout-ms <n>', 'how long to wait for the prompt after each line', parseIntOption('--timeout-ms', 1, 600_000), DEFAULT_LINE_TIMEOUT_MS)
    .addHelpText('after', '\nExample:\n  lookout sensor-config --port /dev/ttyACM0 --cfg config/ti/xwr16xx_profile.cfg\n')
    .action(async (flags: Flags) => {
      let cfg: string;
      try {
        cfg = await readFile(flags.cfg, 'utf8');
      } catch (err) {
        ctx.stderr.write(`lookout: cannot read --cfg ${flags.cfg}: ${(err as Error).message}\n`);
        ctx.exitCode = EXIT_USAGE;
        return;
      }
      const total = parseCfg(cfg).length;
      if (total === 0) {
        ctx.stderr.write(`lookout: ${flags.cfg} holds no command (only comments or blank lines)\n`);
        ctx.exitCode = EXIT_USAGE;
        return;
      }
      try {
        await configureTiSensor({
          path: flags.port,
          baudRate: flags.baud,
          cfg,
          timeoutMs: flags.timeoutMs,
          ...(deps.openPort ? { openPort: deps.openPort } : {}),
          onProgress: (p) => {
            const answer = p.status === 'timeout' ? `no answer within ${flags.timeoutMs} ms` : p.reply.replace(/\n/g, ' | ') || '(nothing)';
            ctx.stdout.write(`[${p.index + 1}/${p.total}] line ${p.lineNumber}: ${p.command} -> ${p.status === 'ok' ? 'Done' : `${p.status.toUpperCase()}: ${answer}`}\n`);
          },
        });
        ctx.stdout.write(`sensor configured: ${total} commands from ${flags.cfg}\n`);
        ctx.exitCode = EXIT_OK;
      } catch (err) {
        if (isLookoutError(err)) {
          ctx.stderr.write(`lookout: ${err.code}: ${err.message}\n`);
          ctx.exitCode = EXIT_FAILURE;
          return;
        }
        throw err;
      }
    });
}
