#!/usr/bin/env node
// The `lookout` command: runs the compiled CLI (built by `npm install`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/index.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('lookout: the TypeScript is not compiled yet; run `npm install` (or `npm run build`) first\n');
  process.exit(1);
}
// A reader that goes away (`lookout decode ... | head`) is a normal end, not a crash. A verb that
// streams to stdout may handle it itself (and finish cleanly); otherwise stop here, quietly.
process.stdout.on('error', (err) => {
  if (err.code !== 'EPIPE') throw err;
  if (process.stdout.listenerCount('error') === 1) process.exit(process.exitCode ?? 0);
});
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
