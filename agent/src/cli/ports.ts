import type { Command } from 'commander';
import { writeJsonLine, type CliContext } from './common.js';
import { listPorts } from '../io/ports.js';

export function register(program: Command, ctx: CliContext): void {
  program
    .command('ports')
    .description('list serial ports (USB adapters first, with their stable /dev/serial/by-id names)')
    .option('--json', 'one JSON line per port')
    .action(async (flags: { json?: boolean }) => {
      const ports = await listPorts();
      if (flags.json) {
        for (const p of ports) writeJsonLine(ctx.stdout, p);
        return;
      }
      if (ports.length === 0) {
        ctx.stdout.write('no serial ports found (is the adapter plugged in? `dmesg | tail` shows what the kernel saw)\n');
        return;
      }
      for (const p of ports) {
        const extra = [p.byId, p.manufacturer, p.vendorId && p.productId ? `${p.vendorId}:${p.productId}` : undefined, p.serialNumber].filter(Boolean).join('  ');
        ctx.stdout.write(`${p.path}${extra ? '  ' + extra : ''}\n`);
      }
    });
}
