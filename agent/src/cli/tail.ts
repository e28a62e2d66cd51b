import type { Command } from 'commander';
import type { CliContext } from './common.js';

// Placeholder until this verb lands; replaced by its owner.
export function register(program: Command, _ctx: CliContext): void {
  program.command('tail').description('(not built yet)');
}
