import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CliContext } from './common.js';
import { configSchema } from '../config/schema.js';
import { loadConfigFile } from '../config/load.js';
import { assertConfigFiles } from '../config/files.js';

export const EXAMPLE_CONFIG_PATH = fileURLToPath(new URL('../../../config/lookout.example.yaml', import.meta.url));

export function register(program: Command, ctx: CliContext): void {
  const config = program.command('config').description('check a configuration, print the annotated example or the JSON Schema');
  config
    .command('check')
    .description('validate FILE and the files it names (secrets, certificates, the data directory); prints every problem with its key path and exits 78 when there is one')
    .argument('<file>', 'YAML configuration file')
    .action((file: string) => {
      // A problem throws E_CONFIG: main() prints every one with its key path and exits 78.
      const cfg = loadConfigFile(file);
      assertConfigFiles(cfg, file);
      ctx.stdout.write(`${file}: ok (unit ${cfg.unit}, ${cfg.sensors.length} sensor(s)${cfg.nav ? ', nav ' + cfg.nav.protocol : ''})\n`);
    });
  config
    .command('example')
    .description('print the annotated example configuration (config/lookout.example.yaml)')
    .action(() => {
      ctx.stdout.write(readFileSync(EXAMPLE_CONFIG_PATH, 'utf8'));
    });
  config
    .command('schema')
    .description('print the JSON Schema of the configuration')
    .action(() => {
      ctx.stdout.write(JSON.stringify(z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }), null, 2) + '\n');
    });
}
