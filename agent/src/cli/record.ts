import type { Command } from 'commander';
import pino from 'pino';
import { parseIntOption, parseNumberOption, type CliContext } from './common.js';
import { SerialSource } from '../io/serial.js';
import { TimestampedWriter } from '../io/file.js';

interface RecordFlags {
  baud: number;
  out: string;
  duration?: number;
  format: 'lkr' | 'tlog';
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('record')
    .description('capture raw bytes from a serial port with their receive times (replay them with `lookout replay`)')
    .argument('<port>', 'serial device, e.g. /dev/ttyUSB0')
    .requiredOption('--baud <b>', 'baud rate', parseIntOption('--baud', 50, 20_000_000))
    .requiredOption('--out <file>', 'recording to write (.lkr: timestamp + length + bytes per chunk)')
    .option('--duration <s>', 'stop after this many seconds (default: Ctrl-C)', parseNumberOption('--duration', 0.1))
    .option('--format <f>', 'lkr (any protocol) or tlog (MAVLink: one packet per chunk)', 'lkr')
    .addHelpText('after', '\nThe port is retried until it appears; progress is printed every 5 s. Example:\n  lookout record /dev/ttyUSB0 --baud 921600 --out radar-2026-11-28.lkr --duration 600\n')
    .action(async (port: string, flags: RecordFlags) => {
      const writer = new TimestampedWriter({ path: flags.out, format: flags.format });
      const logger = pino({ level: 'info', base: null }, pino.destination(2));
      let bytes = 0;
      let waiting = false;
      const source = new SerialSource({
        path: port,
        baud: flags.baud,
        logger,
        onData: (chunk, rx) => {
          bytes += chunk.length;
          if (!writer.write(chunk, rx.wallMs) && !waiting) {
            // The disk is slower than the link for a moment: the serial stream buffers meanwhile.
            waiting = true;
            void writer.drain().then(() => (waiting = false));
          }
        },
      });
      const started = Date.now();
      const progress = setInterval(() => {
        const s = (Date.now() - started) / 1000;
        ctx.stderr.write(`record: ${s.toFixed(0)} s, ${bytes} bytes (${(bytes / s / 1024).toFixed(1)} KiB/s), ${writer.records} chunks → ${flags.out}\n`);
      }, 5000);
      let stop!: () => void;
      const stopped = new Promise<void>((r) => (stop = r));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      if (flags.duration !== undefined) setTimeout(stop, flags.duration * 1000).unref();
      await source.start();
      await stopped;
      clearInterval(progress);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      await source.stop();
      await writer.close();
      ctx.stderr.write(`record: ${bytes} bytes in ${writer.records} chunks written to ${flags.out}\n`);
    });
}
