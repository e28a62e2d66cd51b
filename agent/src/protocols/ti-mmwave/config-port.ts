import { SerialPort } from 'serialport';
import { LookoutError } from '../../errors.js';

/**
 * The TI mmWave CLI (config) port: one command per line; the device echoes it, answers `Done`
 * (or an error text) and prints the prompt `mmwDemo:/>`. Each line waits for the prompt before
 * the next is sent: the device drops input that arrives while it is busy.
 */
export const TI_CLI_PROMPT = 'mmwDemo:/>';
export const TI_CLI_BAUD = 115_200;
/** Most commands answer in milliseconds; sensorStart and calibration take up to about a second. */
export const DEFAULT_LINE_TIMEOUT_MS = 3000;

export interface CfgLine {
  /** 1-based line number in the .cfg text. */
  lineNumber: number;
  command: string;
}

/** Commands of a .cfg text: `%` comments and blank lines skipped, whitespace trimmed. */
export function parseCfg(text: string): CfgLine[] {
  const out: CfgLine[] = [];
  text.split(/\r?\n|\r/).forEach((raw, i) => {
    const command = raw.trim();
    if (command === '' || command.startsWith('%')) return;
    out.push({ lineNumber: i + 1, command });
  });
  return out;
}

/** What the sender needs of a serial port (serialport's SerialPort fits). */
export interface CliPortLike {
  write(data: string, cb?: (err: Error | null | undefined) => void): unknown;
  on(event: 'data', cb: (chunk: Buffer) => void): unknown;
  off(event: 'data', cb: (chunk: Buffer) => void): unknown;
}

export interface CfgProgress {
  /** 0-based index among the commands, and their count. */
  index: number;
  total: number;
  lineNumber: number;
  command: string;
  status: 'ok' | 'error' | 'timeout';
  /** What the device said between the echo and the prompt, trimmed. */
  reply: string;
}

export interface SendCfgOptions {
  /** Per line, from sending it to the prompt. Default 3000 ms. */
  timeoutMs?: number;
  onProgress?: (p: CfgProgress) => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
}

export interface SendCfgResult {
  /** Commands answered with Done. */
  sent: number;
  replies: CfgProgress[];
}

/** Largest reply kept per line: an answer is a few lines; a runaway device must not grow memory. */
const MAX_REPLY_CHARS = 16 * 1024;

/**
 * Sends the commands one by one. Resolves when every one was answered with `Done`; rejects with
 * E_SENSOR_CONFIG (details: lineNumber, command, reply, reason 'error' | 'timeout' | 'write') at
 * the first line the device refuses or does not answer within the timeout.
 */
export async function sendTiConfig(port: CliPortLike, lines: readonly CfgLine[], options: SendCfgOptions = {}): Promise<SendCfgResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_LINE_TIMEOUT_MS;
  if (!(timeoutMs > 0)) throw new RangeError(`timeoutMs must be > 0, got ${timeoutMs}`);
  const setTimer = options.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((t: unknown) => clearTimeout(t as NodeJS.Timeout));
  const replies: CfgProgress[] = [];
  let text = '';
  let waiter: (() => void) | undefined;
  const onData = (chunk: Buffer): void => {
    text += chunk.toString('latin1');
    if (text.length > MAX_REPLY_CHARS) text = text.slice(-MAX_REPLY_CHARS);
    waiter?.();
  };
  port.on('data', onData);
  try {
    for (let index = 0; index < lines.length; index++) {
      const { lineNumber, command } = lines[index];
      text = ''; // whatever came before this line (a stale prompt, boot text) is not its answer
      const outcome = await new Promise<'prompt' | 'timeout' | Error>((resolve) => {
        const timer = setTimer(() => resolve('timeout'), timeoutMs);
        waiter = () => {
          if (promptAfterEcho(text, command) >= 0) {
            clearTimer(timer);
            resolve('prompt');
          }
        };
        port.write(`${command}\n`, (err) => {
          if (err) {
            clearTimer(timer);
            resolve(err);
          }
        });
      });
      waiter = undefined;
      const reply = replyText(text, command);
      const status = outcome === 'prompt' ? (isDone(reply) ? 'ok' : 'error') : 'timeout';
      const progress: CfgProgress = { index, total: lines.length, lineNumber, command, status, reply };
      replies.push(progress);
      options.onProgress?.(progress);
      if (outcome instanceof Error) {
        throw new LookoutError('E_SENSOR_CONFIG', `line ${lineNumber} "${command}": writing to the CLI port failed: ${outcome.message}`, {
          cause: outcome, retryable: true, details: { lineNumber, command, reply, reason: 'write' },
        });
      }
      if (status === 'timeout') {
        throw new LookoutError('E_SENSOR_CONFIG', `line ${lineNumber} "${command}": no prompt from the sensor within ${timeoutMs} ms${reply ? ` (it said: ${reply})` : ''}`, {
          retryable: true, details: { lineNumber, command, reply, reason: 'timeout' },
        });
      }
      if (status === 'error') {
        throw new LookoutError('E_SENSOR_CONFIG', `line ${lineNumber} "${command}": the sensor answered: ${reply || '(nothing)'}`, {
          details: { lineNumber, command, reply, reason: 'error' },
        });
      }
    }
    return { sent: lines.length, replies };
  } finally {
    port.off('data', onData);
  }
}

/**
 * Where the prompt that ends this command's answer starts, or -1. When the echo is there the
 * prompt must come after it, so a stale prompt (from before the line was sent) is not taken for
 * the answer; without an echo (firmware that does not echo) any prompt counts.
 */
function promptAfterEcho(text: string, command: string): number {
  const echo = text.indexOf(command);
  return text.indexOf(TI_CLI_PROMPT, echo >= 0 ? echo + command.length : 0);
}

/** The answer between the echo of `command` and the prompt, trimmed. */
function replyText(text: string, command: string): string {
  let t = text;
  const p = promptAfterEcho(t, command);
  if (p >= 0) t = t.slice(0, p);
  const lines = t.split(/\r?\n|\r/).map((l) => l.trim()).filter((l) => l !== '');
  const echo = lines.indexOf(command);
  if (echo >= 0) lines.splice(0, echo + 1);
  return lines.join('\n');
}

/** `Done` on a line of its own; anything else ("Error -1", "'x' is not recognized...") is a refusal. */
function isDone(reply: string): boolean {
  return reply.split('\n').some((l) => l === 'Done');
}

export interface ConfigureTiSensorOptions extends SendCfgOptions {
  /** The CLI port, e.g. /dev/ttyACM0 (the data port is usually the next one). */
  path: string;
  baudRate?: number;
  /** The .cfg text. */
  cfg: string;
  /** Opens the port; tests may hand in another. */
  openPort?: (path: string, baudRate: number) => Promise<CliPortLike & { close(cb?: (err?: Error | null) => void): unknown }>;
}

async function openSerial(path: string, baudRate: number): Promise<CliPortLike & { close(cb?: (err?: Error | null) => void): unknown }> {
  const port = new SerialPort({ path, baudRate, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
  return port;
}

/**
 * Opens the CLI port, sends the .cfg, closes the port. Rejects with E_SERIAL_OPEN when the port
 * cannot be opened and E_SENSOR_CONFIG as `sendTiConfig` does.
 */
export async function configureTiSensor(options: ConfigureTiSensorOptions): Promise<SendCfgResult> {
  const baudRate = options.baudRate ?? TI_CLI_BAUD;
  let port: Awaited<ReturnType<typeof openSerial>>;
  try {
    port = await (options.openPort ?? openSerial)(options.path, baudRate);
  } catch (err) {
    throw new LookoutError('E_SERIAL_OPEN', `cannot open the sensor's CLI port ${options.path}: ${(err as Error).message}`, {
      cause: err, retryable: true, details: { path: options.path },
    });
  }
  try {
    return await sendTiConfig(port, parseCfg(options.cfg), options);
  } finally {
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }
}
