import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { parseIntOption, parseNumberOption, UsageError, type CliContext } from './common.js';
import { loadRadarScenario } from '../sim/scenario.js';
import { createCat240RadarSim } from '../sim/cat240.js';
import { openSimSink, runSim } from '../sim/runner.js';
import type { SimulatedSensor } from '../sim/types.js';

interface SimFlags {
  scenario: string;
  protocol: string;
  out: string;
  seed: number;
  rate?: number;
  duration?: number;
  truth?: string;
  start?: string;
  heatmap?: boolean;
  key?: string;
}

async function createSensor(flags: SimFlags, startWallMs: number): Promise<SimulatedSensor> {
  switch (flags.protocol) {
    case 'cat240':
      return createCat240RadarSim({ scenario: loadRadarScenario(flags.scenario), seed: flags.seed, startWallMs });
    default:
      return createOtherSensor(flags, startWallMs);
  }
}

async function createOtherSensor(flags: SimFlags, startWallMs: number): Promise<SimulatedSensor> {
  switch (flags.protocol) {
    case 'ti-mmwave': {
      const { createTiMmwaveSim } = await import('../sim/ti-mmwave.js');
      return createTiMmwaveSim({ seed: flags.seed, startWallMs, heatmap: flags.heatmap ?? false });
    }
    case 'nmea0183': {
      const { createArpaSim } = await import('../sim/arpa.js');
      return createArpaSim({ seed: flags.seed, startWallMs });
    }
    case 'plots': {
      const { createPlotsSim, PLOTS_SCENARIOS } = await import('../sim/tracks/sensor.js');
      if (!PLOTS_SCENARIOS.includes(flags.scenario)) throw new UsageError(`--protocol plots: --scenario is one of ${PLOTS_SCENARIOS.join(', ')}`);
      return createPlotsSim({ scenario: flags.scenario, seed: flags.seed, startWallMs });
    }
    case 'mavlink': {
      const { createDroneSim } = await import('../sim/drone.js');
      return createDroneSim({ seed: flags.seed, startWallMs, ...(flags.key ? { signingKeyHex: flags.key } : {}) });
    }
    default:
      throw new UsageError(`unknown protocol "${flags.protocol}" (cat240, ti-mmwave, nmea0183, mavlink, plots)`);
  }
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('sim')
    .description('emulate a sensor: radar video (cat240), ARPA targets (nmea0183), TI mmWave, or a drone flight controller (mavlink)')
    .option('--scenario <file|name>', 'radar scenario: a YAML file or a name in config/scenarios/', 'coastal')
    .requiredOption('--protocol <p>', 'cat240 | ti-mmwave | nmea0183 | mavlink | plots (tracking scenarios as JSON-lines plots: crossing, overtaking, side-by-side, turn, moored, clutter for a marine radar, the same with ti- for TI mmWave point clouds, each also NAME-moving)')
    .requiredOption('--out <dest>', 'serial port PATH[@BAUD], a FILE, udp://HOST:PORT, or - for stdout')
    .option('--seed <n>', 'random seed: the same seed gives the same bytes', parseIntOption('--seed', 0, 2 ** 32 - 1), 1)
    .option('--rate <x>', 'run x times faster than real time (default: real time to a port or UDP, flat out to a file or stdout)', parseNumberOption('--rate', 1e-3, 1e4))
    .option('--duration <s>', 'stop after this many seconds of simulated time', parseNumberOption('--duration', 0))
    .option('--truth <file>', 'write ground truth as JSON lines')
    .option('--start <iso>', 'wall-clock time of the start of the simulation (default: now)')
    .option('--heatmap', 'ti-mmwave: also send the range-Doppler heatmap')
    .option('--key <hex>', 'mavlink: sign packets with this 32-byte key (64 hex digits)')
    .addHelpText('after', '\nExamples:\n  lookout sim --protocol cat240 --out /dev/pts/5 --truth truth.jsonl\n  lookout sim --protocol cat240 --out capture.bin --duration 30\n  lookout sim --protocol nmea0183 --out udp://127.0.0.1:10110 --rate 1\n')
    .action(async (flags: SimFlags) => {
      let startWallMs = Date.now();
      if (flags.start !== undefined) {
        startWallMs = Date.parse(flags.start);
        if (!Number.isFinite(startWallMs)) throw new UsageError(`--start must be an ISO date-time, got "${flags.start}"`);
      }
      const sensor: SimulatedSensor = await createSensor(flags, startWallMs);
      const sink = await openSimSink(flags.out, ctx.stdout);
      const truth = flags.truth ? createWriteStream(flags.truth) : undefined;
      let stop = false;
      const onSignal = (): void => {
        stop = true;
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      try {
        const rate = flags.rate ?? (sink.live ? 1 : undefined);
        const result = await runSim({
          sensor,
          sink,
          rate,
          durationS: flags.duration,
          onTruth: truth ? (t) => void truth.write(JSON.stringify(t) + '\n') : undefined,
          shouldStop: () => stop,
        });
        if (sink.name !== 'stdout') {
          ctx.stderr.write(`sim: ${result.steps} writes, ${result.bytes} bytes, ${result.simulatedS.toFixed(1)} s simulated to ${sink.name}\n`);
        }
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        await sink.close();
        if (truth) await new Promise<void>((resolve) => truth.end(() => resolve()));
      }
    });
}
