import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import { EXIT_CONFIG, EXIT_FAILURE, EXIT_USAGE, UsageError, type CliContext, type RegisterVerb } from './common.js';
import { formatConfigProblems } from '../config/load.js';
import { isLookoutError } from '../errors.js';

const require = createRequire(import.meta.url);
const pkg = require('../../../package.json') as { version: string };

const VERBS = ['run', 'demo', 'sim', 'decode', 'detect', 'tail', 'config', 'ports', 'probe', 'record', 'replay', 'sensor-config', 'bench', 'track', 'score', 'calibrate', 'keygen', 'command'] as const;

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
  // Only the verb being run is loaded (with its dependencies): `run` never loads the bench, the
  // hub view or the simulator. Help and unknown verbs load them all, to list them.
  const wanted = (VERBS as readonly string[]).includes(argv[0] ?? '') ? [argv[0] as (typeof VERBS)[number]] : VERBS;
  for (const verb of wanted) {
    const mod = (await import(`./${verb}.js`)) as { register: RegisterVerb };
    mod.register(program, ctx);
  }
  program.commands.forEach((c) => c.exitOverride());
  const usage = usageProblem(program, argv);
  if (usage) {
    ctx.stderr.write(`lookout: ${usage.message}\n\n${usage.help}`);
    return EXIT_USAGE;
  }
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
    if (isLookoutError(err, 'E_USAGE')) {
      ctx.stderr.write(`lookout: ${err.message}\n`);
      return EXIT_USAGE;
    }
    if (isLookoutError(err)) {
      ctx.stderr.write(`lookout: ${err.code}: ${err.message}\n`);
      return EXIT_FAILURE;
    }
    // A fault nobody translated yet: one sentence for the user; the stack when asked for.
    const message = err instanceof Error ? `${err.name === 'Error' ? '' : err.name + ': '}${err.message}` : String(err);
    const stack = process.env.LOOKOUT_DEBUG && err instanceof Error ? `\n${err.stack ?? ''}` : ' (LOOKOUT_DEBUG=1 prints the stack)';
    ctx.stderr.write(`lookout: ${message}${stack}\n`);
    return EXIT_FAILURE;
  }
}

/**
 * What commander would accept but is still a usage error (exit 2): no verb at all, `help` of a
 * verb that does not exist, a verb that only groups sub-verbs (`config`) given none.
 */
function usageProblem(program: Command, argv: string[]): { message: string; help: string } | undefined {
  const first = argv[0];
  if (first === undefined) return { message: 'which verb? (lookout --help lists them)', help: program.helpInformation() };
  const byName = (parent: Command, name: string | undefined): Command | undefined =>
    name === undefined ? undefined : parent.commands.find((c) => c.name() === name || c.aliases().includes(name));
  if (first === 'help' && argv[1] !== undefined && !argv[1].startsWith('-') && !byName(program, argv[1])) {
    return { message: `unknown verb "${argv[1]}"`, help: program.helpInformation() };
  }
  const verb = byName(program, first);
  if (verb && verb.commands.length > 0) {
    const sub = argv[1];
    const wantsHelp = sub === '--help' || sub === '-h' || sub === 'help';
    if (!wantsHelp && !byName(verb, sub)) {
      const names = verb.commands.map((c) => c.name()).filter((n) => n !== 'help');
      return { message: sub === undefined ? `${first} needs a sub-verb: ${names.join(', ')}` : `unknown sub-verb "${first} ${sub}" (one of: ${names.join(', ')})`, help: verb.helpInformation() };
    }
  }
  return undefined;
}
