import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import { EXIT_CONFIG, EXIT_FAILURE, EXIT_USAGE, UsageError, type CliContext, type RegisterVerb } from './common.js';
import { formatConfigProblems } from '../config/load.js';
import { isLookoutError } from '../errors.js';

const require = createRequire(import.meta.url);
const pkg = require('../../../package.json') as { version: string };

const VERBS = ['run', 'demo', 'sim', 'decode', 'detect', 'tail', 'config', 'ports', 'probe', 'record', 'replay', 'sensor-config', 'bench', 'track', 'score'] as const;

export async function main(argv: string[], io: Partial<CliContext> = {}): Promise<number> {
  const ctx: CliContext = { exitCode: 0, stdout: io.stdout ?? process.stdout, stderr: io.stderr ?? process.stderr };
  const program = new Command('lookout')
    .description('Lookout: edge agent for radar and drone sensor units')
    .version(pkg.version)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (s) => void ctx.stdout.write(s),
      writeErr: (s) => void ctx.stderr.write(s),
    })
    .exitOverride();
  for (const verb of VERBS) {
    const mod = (await import(`./${verb}.js`)) as { register: RegisterVerb };
    mod.register(program, ctx);
  }
  program.commands.forEach((c) => c.exitOverride());
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      if (err.code === 'commander.invalidArgument' && err.message.includes('UsageError')) return EXIT_USAGE;
      return err.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (err instanceof UsageError) {
      ctx.stderr.write(`lookout: ${err.message}\n`);
      return EXIT_USAGE;
    }
    if (isLookoutError(err, 'E_CONFIG')) {
      // Every problem at once, each with its key path (a configuration, a scenario, a flag set).
      ctx.stderr.write(formatConfigProblems(err) + '\n');
      return EXIT_CONFIG;
    }
    if (isLookoutError(err)) {
      ctx.stderr.write(`lookout: ${err.code}: ${err.message}\n`);
      return EXIT_FAILURE;
    }
    ctx.stderr.write(`lookout: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    return EXIT_FAILURE;
  }
}
