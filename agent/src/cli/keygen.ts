/**
 * `lookout keygen --out PREFIX`: a hub's command key pair, Ed25519 (node:crypto): PREFIX.key
 * (PKCS#8 PEM, mode 0600, for the hub) and PREFIX.pub (SPKI PEM, for the units'
 * `commands.keys[].publicKeyFile`). Never overwrites an existing key.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Command } from 'commander';
import { EXIT_FAILURE, writeJsonLine, type CliContext } from './common.js';
import { generateCommandKeys } from '../hub/commands.js';

function writeNew(path: string, text: string, mode: number): void {
  const fd = openSync(path, 'wx', mode);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('keygen')
    .description('make an Ed25519 key pair for signing commands: PREFIX.key (private, 0600) and PREFIX.pub (public)')
    .requiredOption('--out <prefix>', 'path prefix of the two files, e.g. /etc/lookout-hub/hub1')
    .action((flags: { out: string }) => {
      const { privateKeyPem, publicKeyPem } = generateCommandKeys();
      const key = `${flags.out}.key`;
      const pub = `${flags.out}.pub`;
      try {
        writeNew(key, privateKeyPem, 0o600);
      } catch (err) {
        ctx.stderr.write(`lookout keygen: cannot write ${key}: ${(err as Error).message}${(err as NodeJS.ErrnoException).code === 'EEXIST' ? ' (it exists; keys are never overwritten)' : ''}\n`);
        ctx.exitCode = EXIT_FAILURE;
        return;
      }
      try {
        writeNew(pub, publicKeyPem, 0o644);
      } catch (err) {
        ctx.stderr.write(`lookout keygen: cannot write ${pub}: ${(err as Error).message}\n`);
        ctx.exitCode = EXIT_FAILURE;
        return;
      }
      writeJsonLine(ctx.stdout, { privateKeyFile: key, publicKeyFile: pub, type: 'ed25519' });
    });
}
