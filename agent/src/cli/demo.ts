import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { parseDocument } from 'yaml';
import { parseChoiceOption, parseNumberOption, type CliContext } from './common.js';
import { freeLoopbackPort, startLocalBroker, type LocalBroker } from '../ops/local-broker.js';
import { HubClient } from '../hub/client.js';
import { socatAvailable, startPtyPair } from '../io/pty.js';

const LOOKOUT_BIN = fileURLToPath(new URL('../../bin/lookout.js', import.meta.url));
const DEMO_CONFIG = fileURLToPath(new URL('../../../config/demo.yaml', import.meta.url));

interface DemoFlags {
  duration?: number;
  embeddedBroker?: boolean;
  link?: 'auto' | 'pty' | 'udp';
  rate?: number;
}

interface Link {
  kind: 'pty' | 'udp';
  /** What the simulator writes to. */
  simOut: string;
  /** The agent's input section. */
  input: Record<string, unknown>;
  stop(): Promise<void>;
}

async function openLink(kind: 'auto' | 'pty' | 'udp', dir: string): Promise<Link> {
  if (kind === 'pty' || (kind === 'auto' && socatAvailable())) {
    const pair = await startPtyPair({ dir, names: ['radar-tx', 'radar-rx'], timeoutMs: 5000 });
    return { kind: 'pty', simOut: pair.a, input: { type: 'serial', path: pair.b, baud: 921600 }, stop: () => pair.stop() };
  }
  const port = await freeLoopbackPort();
  return { kind: 'udp', simOut: `udp://127.0.0.1:${port}`, input: { type: 'udp', bind: '127.0.0.1', port }, stop: async () => {} };
}

function waitExit(proc: ChildProcess): Promise<number | null> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve(proc.exitCode);
  return new Promise((resolve) => proc.once('exit', (code) => resolve(code)));
}

function fmtPlot(unit: string, seq: number, p: { rangeMetres: number; bearingDegrees: number; latitude?: number; longitude?: number; cellCount: number; peakPower: number }): string {
  const lat = p.latitude ?? NaN;
  const lon = p.longitude ?? NaN;
  return (
    `plot  ${unit} #${seq}  range ${p.rangeMetres.toFixed(0).padStart(5)} m  bearing ${p.bearingDegrees.toFixed(2).padStart(6)}°  ` +
    `${Math.abs(lat).toFixed(5)}${lat >= 0 ? 'N' : 'S'} ${Math.abs(lon).toFixed(5)}${lon >= 0 ? 'E' : 'W'}  ` +
    `${String(p.cellCount).padStart(3)} cells  peak ${(10 * Math.log10(Math.max(p.peakPower, 1e-12))).toFixed(1)} dB\n`
  );
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('demo')
    .description('simulated radar → agent → broker → hub view, all local, nothing to configure (npm start)')
    .option('--duration <s>', 'stop by itself after this many seconds (default: run until Ctrl-C)', parseNumberOption('--duration', 1))
    .option('--embedded-broker', 'use the embedded broker even when mosquitto is installed')
    .option('--link <kind>', 'sensor link: pty (socat), udp, or auto (pty when socat is installed)', parseChoiceOption('--link', ['auto', 'pty', 'udp'] as const), 'auto')
    .option('--rate <x>', 'simulate x times faster than real time', parseNumberOption('--rate', 0.1, 4), 1)
    .action(async (flags: DemoFlags) => {
      const out = ctx.stdout;
      const dir = mkdtempSync(join(tmpdir(), 'lookout-demo-'));
      const children: ChildProcess[] = [];
      let broker: LocalBroker | undefined;
      let link: Link | undefined;
      let hub: HubClient | undefined;
      let summary: NodeJS.Timeout | undefined;
      let stopping = false;
      let finish!: () => void;
      const finished = new Promise<void>((r) => (finish = r));
      const onSignal = (): void => {
        if (!stopping) out.write('\ndemo: stopping…\n');
        stopping = true;
        finish();
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      try {
        broker = await startLocalBroker(flags.embeddedBroker ? 'embedded' : 'auto');
        out.write(
          broker.kind === 'mosquitto'
            ? `demo: broker: mosquitto on ${broker.url}\n`
            : `demo: broker: embedded (MQTT 3.1.1; mosquitto not found${flags.embeddedBroker ? ' or not wanted' : ''}) on ${broker.url}\n`,
        );
        link = await openLink(flags.link ?? 'auto', dir);
        out.write(link.kind === 'pty' ? `demo: link: serial over a socat PTY pair (${link.simOut} → ${String(link.input.path)})\n` : `demo: link: UDP ${link.simOut}${flags.link === 'udp' ? '' : ' (socat not found)'}\n`);

        const cfg = parseDocument(readFileSync(DEMO_CONFIG, 'utf8')).toJS() as { unit: string; sensors: Array<Record<string, unknown>>; mqtt?: Record<string, unknown> };
        cfg.sensors[0].input = link.input;
        cfg.mqtt = { ...(cfg.mqtt ?? {}), url: broker.url, protocolVersion: broker.protocolVersion, reconnect: { minMs: 200, maxMs: 2000 } };
        const cfgFile = join(dir, 'lookout.yaml');
        writeFileSync(cfgFile, JSON.stringify(cfg, null, 2));
        const unit = cfg.unit;

        let plots = 0;
        let lastStatus: { spokesPerSecond: number; outboxDepth: number; plotsPerScan: number } | undefined;
        hub = new HubClient({
          url: broker.url,
          unit,
          mqtt: { protocolVersion: broker.protocolVersion, clientId: `lookout-demo-hub-${process.pid}`, reconnectPeriod: 500 },
          onUndecodable: (topic, error) => out.write(`hub: undecodable message on ${topic}: ${error}\n`),
          onRecord: (rec, acceptance) => {
            if (acceptance === 'duplicate') return;
            if (rec.kind === 'plots') {
              for (const p of rec.body.plots) out.write(fmtPlot(rec.unit, rec.seq, p));
              plots += rec.body.plots.length;
            } else if (rec.kind === 'status') {
              lastStatus = rec.body;
            } else if (rec.kind === 'birth') {
              out.write(`hub: birth of ${rec.unit}: version ${rec.body.version}, session ${rec.body.session}, sensors ${rec.body.sensors.map((s) => `${s.id} (${s.protocol})`).join(', ')}\n`);
            } else if (rec.kind === 'state') {
              out.write(`hub: ${rec.unit} is ${rec.body.online ? 'online' : 'offline'}\n`);
            } else if (rec.kind === 'alerts') {
              out.write(`hub: ALERT ${rec.body.severity} ${rec.body.code}: ${rec.body.message}\n`);
            }
          },
        });
        hub.start();
        await hub.ready();
        const deduper = hub.dedupe;

        const agent = spawn(process.execPath, [LOOKOUT_BIN, 'run', '--config', cfgFile, '--data-dir', join(dir, 'data')], { stdio: ['ignore', 'inherit', 'inherit'] });
        children.push(agent);
        const sim = spawn(process.execPath, [LOOKOUT_BIN, 'sim', '--protocol', 'cat240', '--scenario', 'coastal', '--out', link.simOut, '--rate', String(flags.rate ?? 1)], {
          stdio: ['ignore', 'ignore', 'inherit'],
        });
        children.push(sim);
        out.write('demo: simulator and agent started; plots appear below (Ctrl-C stops)\n');
        const started = Date.now();
        summary = setInterval(() => {
          const s = deduper.stats(unit);
          out.write(
            `summary: ${((Date.now() - started) / 1000).toFixed(0)} s, ${s.received} records, ${plots} plots, ${s.duplicates} duplicates, ${s.missing} missing` +
              (lastStatus ? `, ${Math.round(lastStatus.spokesPerSecond)} spokes/s, ${lastStatus.plotsPerScan} plots/scan, outbox depth ${lastStatus.outboxDepth}` : '') +
              '\n',
          );
        }, 5000);
        if (flags.duration !== undefined) setTimeout(onSignal, flags.duration * 1000).unref();
        for (const c of children)
          c.once('exit', (code) => {
            if (!stopping) {
              out.write(`demo: ${c === agent ? 'agent' : 'simulator'} exited (${code}); stopping\n`);
              onSignal();
            }
          });
        await finished;
      } finally {
        if (summary) clearInterval(summary);
        // Simulator first, then the agent (it commits and publishes what it holds), then the rest.
        for (const c of [...children].reverse()) {
          if (c.exitCode === null && c.signalCode === null) c.kill(c === children[0] ? 'SIGTERM' : 'SIGINT');
          await waitExit(c);
        }
        await hub?.stop().catch(() => {});
        await link?.stop().catch(() => {});
        await broker?.stop();
        rmSync(dir, { recursive: true, force: true });
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    });
}
