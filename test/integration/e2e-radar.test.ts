/**
 * The whole path on real parts: `lookout sim` writes CAT240 video into one end of a socat PTY
 * pair, `lookout run` reads the other end, detects, stores in its SQLite outbox and publishes to
 * a real mosquitto; a subscriber here decodes the protobuf and compares plots with ground truth.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeMessage, type AnyRecord } from '../../agent/src/hub/index.js';
import { inverse } from '../../agent/src/track/geodesy.js';
import { startMosquitto, type Mosquitto } from '../helpers/mosquitto.js';
import { startPtyPair, type PtyPair } from '../helpers/socat.js';
import { spawnLookout, waitUntil, type LookoutProcess } from '../helpers/cli.js';
import { loadRadarScenario } from '../../agent/src/sim/scenario.js';

const scenario = loadRadarScenario('coastal');
const TURN_S = 60 / scenario.antenna.rpm;
const CELL_M = scenario.antenna.rangeCellMetres;
const PFA = 1e-6;
const GUARD = 2;
const TRAIN = 8;
const SIM_SECONDS = 20; // 8 turns at 24 rpm
// Real time, as a radar sends.
const RATE = 1;

interface Truth {
  timeMs: number;
  target: number;
  rangeMetres: number;
  bearingDegrees: number;
  latitude: number;
  longitude: number;
  turn: number;
}

interface HubPlot {
  timeMs: number;
  rangeMetres: number;
  bearingDegrees: number;
  latitude: number;
  longitude: number;
  cellCount: number;
}

function angleDiff(a: number, b: number): number {
  const d = Math.abs(a - b) % 360;
  return d > 180 ? 360 - d : d;
}

describe('sim → PTY → run → mosquitto → hub (real parts)', () => {
  let broker: Mosquitto;
  let pty: PtyPair;
  let agent: LookoutProcess;
  let dir: string;
  const records: AnyRecord[] = [];
  let hub: mqtt.MqttClient;
  let truth: Truth[] = [];
  let agentStop: { code: number | string; ms: number };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lookout-e2e-'));
    broker = await startMosquitto();
    pty = await startPtyPair(join(dir));
    hub = mqtt.connect(broker.url, { protocolVersion: 5, clientId: 'e2e-hub' });
    await new Promise<void>((resolve, reject) => {
      hub.once('connect', () => resolve());
      hub.once('error', reject);
    });
    hub.on('message', (topic, payload) => {
      const r = decodeMessage(topic, payload);
      if (r.ok) records.push(r.record);
    });
    await hub.subscribeAsync('lookout/v1/e2e-01/#', { qos: 1 });
    agent = spawnLookout([
      'run', '--sensor', `${pty.b}@921600`, '--protocol', 'cat240', '--broker', broker.url, '--unit', 'e2e-01',
      '--data-dir', join(dir, 'data'), '--radar', `${scenario.radar.latitude},${scenario.radar.longitude}`, '--pfa', String(PFA), '--log-level', 'info',
    ]);
    await waitUntil(() => /agent started/.test(agent.stderr()), 20_000, 'the agent to start');
    await waitUntil(() => records.some((r) => r.kind === 'birth'), 20_000, 'the retained birth');
    const sim = spawnLookout([
      'sim', '--protocol', 'cat240', '--scenario', 'coastal', '--out', pty.a, '--seed', '11', '--rate', String(RATE),
      '--duration', String(SIM_SECONDS), '--truth', join(dir, 'truth.jsonl'),
    ]);
    expect(await sim.exited).toBe(0);
    // Match plots, stamped with the time the agent received their spokes, against the time the
    // simulator wrote each truth's spoke (`emittedMs`), not the simulated time: on a loaded
    // machine the simulator can run late.
    const raw = readFileSync(join(dir, 'truth.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Truth & { emittedMs: number });
    truth = raw.map((t) => ({ ...t, timeMs: t.emittedMs }));
    const lastMs = Math.max(...truth.map((t) => t.timeMs));
    await waitUntil(() => records.some((r) => r.kind === 'plots' && r.body.plots.some((p) => p.timeMs >= lastMs - 1000)), 15_000, 'plots of the last turn');
    agentStop = await agent.stop('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
  }, 120_000);

  afterAll(async () => {
    await agent?.stop('SIGKILL');
    await hub?.endAsync();
    await pty?.stop();
    await broker?.stop();
  });

  it('publishes retained state and birth, and status records', () => {
    const birth = records.find((r) => r.kind === 'birth');
    expect(birth?.kind === 'birth' && birth.body.sensors[0]?.protocol).toBe('cat240');
    expect(records.some((r) => r.kind === 'state' && r.body.online)).toBe(true);
    const status = records.filter((r) => r.kind === 'status');
    expect(status.length).toBeGreaterThanOrEqual(2);
    const last = status[status.length - 1]!;
    expect(last.kind === 'status' && last.body.spokesPerSecond).toBeGreaterThan(500);
  });

  it('numbers every record: unit, session and a gapless seq', () => {
    const seqs = records.filter((r) => r.seq > 0).map((r) => r.seq).sort((a, b) => a - b);
    const unique = [...new Set(seqs)];
    expect(unique[0]).toBe(1);
    expect(unique[unique.length - 1]).toBe(unique.length);
    for (const r of records) {
      expect(r.unit).toBe('e2e-01');
      expect(r.session).toBe(1);
    }
  });

  it('reports every target within 2 range cells and 1 degree of truth on every turn after the first', () => {
    const plots: HubPlot[] = [];
    for (const r of records) if (r.kind === 'plots') for (const p of r.body.plots) plots.push(p as HubPlot);
    // Every turn after the first, up to the last second the simulator sent (a turn it cut short).
    const lastMs = Math.max(...truth.map((t) => t.timeMs));
    const checked = truth.filter((t) => t.turn >= 1 && t.timeMs < lastMs - 1000);
    expect(checked.length).toBeGreaterThanOrEqual(scenario.targets.length * 6);
    for (const t of checked) {
      const match = plots.find(
        (p) => Math.abs(p.timeMs - t.timeMs) < (TURN_S * 1000) / RATE / 2 && Math.abs(p.rangeMetres - t.rangeMetres) <= 2 * CELL_M && angleDiff(p.bearingDegrees, t.bearingDegrees) <= 1,
      );
      const near = plots
        .filter((p) => Math.abs(p.rangeMetres - t.rangeMetres) < 10 * CELL_M && angleDiff(p.bearingDegrees, t.bearingDegrees) < 5)
        .map((p) => `${p.rangeMetres.toFixed(0)} m ${p.bearingDegrees.toFixed(2)}° dt ${(p.timeMs - t.timeMs).toFixed(0)} ms`);
      expect(match, `target ${t.target} turn ${t.turn} at ${t.rangeMetres.toFixed(0)} m ${t.bearingDegrees.toFixed(2)}°; plots near: ${near.join('; ')}`).toBeDefined();
      // The plot's position on the Earth agrees with the truth's within the same tolerance.
      const miss = inverse(t, match!).distanceMetres;
      expect(miss).toBeLessThanOrEqual(2 * CELL_M + t.rangeMetres * (Math.PI / 180));
    }
  });

  it('keeps false plots per turn within what the design Pfa predicts', () => {
    const plots: HubPlot[] = [];
    for (const r of records) if (r.kind === 'plots') for (const p of r.body.plots) plots.push(p as HubPlot);
    const turnMs = (TURN_S * 1000) / RATE;
    const t0 = Math.min(...truth.map((t) => t.timeMs - t.turn * turnMs));
    const turns = Math.floor(SIM_SECONDS / TURN_S) - 1;
    const window = plots.filter((p) => p.timeMs >= t0 + turnMs && p.timeMs < t0 + (turns + 1) * turnMs);
    const falsePlots = window.filter(
      (p) => !truth.some((t) => Math.abs(p.timeMs - t.timeMs) < turnMs && Math.abs(p.rangeMetres - t.rangeMetres) <= 6 * CELL_M && angleDiff(p.bearingDegrees, t.bearingDegrees) <= 4),
    );
    // Cells tested per turn × Pfa false cells per turn; a false alarm is nearly always a plot of
    // its own (two adjacent ones happen with probability ~ 8 Pfa). Over `turns` turns the count
    // is Poisson with mean λ; 5 sigma above λ (+2 for the 0.25 dB video quantisation's effect
    // on the threshold) keeps the chance of a spurious failure below 1e-5.
    const cellsPerTurn = scenario.antenna.spokesPerTurn * (scenario.antenna.cellsPerSpoke - 2 * (GUARD + TRAIN));
    const lambda = cellsPerTurn * PFA * turns;
    expect(falsePlots.length).toBeLessThanOrEqual(Math.ceil(lambda + 5 * Math.sqrt(lambda) + 2));
  });

  it('stops cleanly on SIGTERM', () => {
    // Exit code 0 also means within 5 s: the agent's own guard exits 1 when stages hang longer.
    expect(agentStop.code).toBe(0);
  });
});
