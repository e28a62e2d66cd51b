// Detection quality of the whole radar path (simulator → CAT240 → scan assembler → detector):
// false plots per turn against what the design Pfa predicts, and targets found within 2 cells
// and 1° on every turn after the first, over 3 seeds. Usage: node test/bench/radar-detection.mjs [TURNS]
// (after `npm install`; it uses the compiled agent).
import pino from 'pino';
import { loadRadarScenario } from '../../agent/dist/sim/scenario.js';
import { createCat240RadarSim } from '../../agent/dist/sim/cat240.js';
import { Cat240Decoder } from '../../agent/dist/protocols/cat240/decoder.js';
import { DetectionStage } from '../../agent/dist/detect/stage.js';
import { loadKernels } from '../../agent/dist/detect/kernels.js';
import { detectionConfigSchema } from '../../agent/dist/detect/config.js';
const logger = pino({ level: 'warn' });
const sc = loadRadarScenario('coastal');
const turns = Number(process.argv[2] ?? 20);
let falsePlots = 0, found = 0, truthN = 0;
for (const seed of [1, 2, 3]) {
  const sim = createCat240RadarSim({ scenario: sc, seed, startWallMs: 0 });
  const plots = [];
  const stage = new DetectionStage({ config: detectionConfigSchema.parse({ pfa: 1e-6 }), kernels: loadKernels({ logger }), logger, onPlots: (p) => plots.push(...p) });
  await stage.start();
  let t = 0; const truth = [];
  const dec = new Cat240Decoder({ onFrame: (m) => { if (m.type === 'cat240.video') { m.rx = { monoMs: t * 1000, wallMs: t * 1000 }; stage.pushSpoke(m); } } });
  for (let i = 0; i < 2048 * turns; i++) { const s = sim.next(); t = s.timeS; truth.push(...s.truth); dec.push(s.bytes, { monoMs: 0, wallMs: 0 }); }
  dec.end(); await stage.stop();
  const ad = (a, b) => { const d = Math.abs(a - b) % 360; return d > 180 ? 360 - d : d; };
  for (const p of plots) if (!truth.some((x) => Math.abs(p.timeMs - x.timeMs) < 2500 && Math.abs(p.rangeMetres - x.rangeMetres) <= 45 && ad(p.bearingDegrees, x.bearingDegrees) <= 4)) falsePlots++;
  for (const x of truth.filter((x) => x.turn >= 1)) { truthN++; if (plots.some((p) => Math.abs(p.timeMs - x.timeMs) < 1250 && Math.abs(p.rangeMetres - x.rangeMetres) <= 15 && ad(p.bearingDegrees, x.bearingDegrees) <= 1)) found++; }
}
const cells = 2048 * (1024 - 20) * turns * 3;
console.log(JSON.stringify({ turns: turns * 3, falsePlots, perTurn: falsePlots / (turns * 3), expectedPerTurn: cells * 1e-6 / (turns * 3), truthChecked: truthN, found }));
