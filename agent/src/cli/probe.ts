import type { Command } from 'commander';
import { SerialPort } from 'serialport';
import { parseNumberOption, writeJsonLine, type CliContext } from './common.js';
import { PROTOCOLS } from '../protocols/registry.js';
import { PROTOCOL_NAMES, type ProtocolName } from '../protocols/types.js';
import { LookoutError } from '../errors.js';

/** The rates sensors use, most likely first (a PTY reads the same at any rate). */
export const PROBE_BAUDS = [921600, 115200, 38400, 4800, 460800, 230400, 57600, 19200, 9600] as const;

export interface ProtocolScore {
  protocol: ProtocolName;
  frames: number;
  badChecksum: number;
  bytesSkipped: number;
}

export interface BaudResult {
  baud: number;
  bytes: number;
  best?: ProtocolScore;
  scores: ProtocolScore[];
}

/** Runs every decoder over the same bytes; the protocol that frames most of them wins. */
export function scoreBytes(bytes: Buffer): ProtocolScore[] {
  const rx = { monoMs: 0, wallMs: 0 };
  return PROTOCOL_NAMES.map((protocol) => {
    let frames = 0;
    const decoder = PROTOCOLS[protocol].createDecoder(() => frames++);
    decoder.push(bytes, rx);
    decoder.end();
    return { protocol, frames, badChecksum: decoder.counters.badChecksum, bytesSkipped: decoder.counters.bytesSkipped };
  }).sort((a, b) => b.frames - b.badChecksum - (a.frames - a.badChecksum) || a.bytesSkipped - b.bytesSkipped);
}

/** A clear answer: several good frames and most bytes inside frames. */
export function isConvincing(score: ProtocolScore | undefined, bytes: number): boolean {
  return !!score && score.frames >= 3 && score.bytesSkipped <= bytes * 0.2 && score.badChecksum <= score.frames / 4;
}

async function listen(path: string, baud: number, ms: number): Promise<Buffer> {
  const port = new SerialPort({ path, baudRate: baud, autoOpen: false });
  await new Promise<void>((resolve, reject) =>
    port.open((err) => (err ? reject(new LookoutError('E_SERIAL_OPEN', `cannot open serial port ${path}: ${err.message}`, { cause: err, details: { path } })) : resolve())),
  );
  const chunks: Buffer[] = [];
  let size = 0;
  port.on('data', (c: Buffer) => {
    if (size < 4 * 1024 * 1024) {
      chunks.push(c);
      size += c.length;
    }
  });
  port.on('error', () => {});
  await new Promise((r) => setTimeout(r, ms));
  await new Promise<void>((resolve) => port.close(() => resolve()));
  return Buffer.concat(chunks);
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('probe')
    .description('guess the baud rate and protocol of a serial port from the bytes on it')
    .argument('<port>', 'serial device, e.g. /dev/ttyUSB0')
    .option('--seconds <s>', 'how long to listen at each baud rate', parseNumberOption('--seconds', 0.2, 60), 2)
    .option('--json', 'one JSON line per baud rate tried, then the verdict')
    .action(async (path: string, flags: { seconds: number; json?: boolean }) => {
      const results: BaudResult[] = [];
      for (const baud of PROBE_BAUDS) {
        const bytes = await listen(path, baud, flags.seconds * 1000);
        const scores = bytes.length > 0 ? scoreBytes(bytes) : [];
        const result: BaudResult = { baud, bytes: bytes.length, scores, ...(scores[0] && scores[0].frames > 0 ? { best: scores[0] } : {}) };
        results.push(result);
        if (flags.json) writeJsonLine(ctx.stdout, { type: 'baud', ...result });
        else
          ctx.stderr.write(
            `probe: ${baud} baud: ${bytes.length} bytes` + (result.best ? `, best ${result.best.protocol} (${result.best.frames} frames, ${result.best.badChecksum} bad, ${result.best.bytesSkipped} bytes skipped)` : '') + '\n',
          );
        if (isConvincing(result.best, bytes.length)) break;
      }
      const winner = results.find((r) => isConvincing(r.best, r.bytes));
      const verdict = winner
        ? { type: 'verdict', port: path, baud: winner.baud, protocol: winner.best!.protocol, frames: winner.best!.frames }
        : { type: 'verdict', port: path, baud: null, protocol: null, bytesSeen: results.map((r) => r.bytes) };
      if (flags.json) writeJsonLine(ctx.stdout, verdict);
      else if (winner) ctx.stdout.write(`${path}: ${winner.best!.protocol} at ${winner.baud} baud (${winner.best!.frames} frames decoded)\n`);
      else {
        const silent = results.every((r) => r.bytes === 0);
        ctx.stdout.write(
          silent
            ? `${path}: no bytes at any rate — is the sensor powered and sending, TX wired to RX, and the ground connected?\n`
            : `${path}: bytes arrive but no known protocol decodes them — check RS-232/RS-422 levels and polarity, or the sensor may need configuring (a TI mmWave data port is silent until sensorStart)\n`,
        );
        ctx.exitCode = 1;
      }
    });
}
