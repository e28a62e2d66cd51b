import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../../agent/src/cli/index.js';
import { simulateTracks, SIM_SITE } from '../../../agent/src/sim/tracks/plots.js';
import { trackScenario } from '../../../agent/src/sim/tracks/scenarios.js';
import { scoreTracks } from '../../../agent/src/sim/tracks/score.js';
import { inverse } from '../../../agent/src/track/geodesy.js';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    this.text += chunk.toString();
    cb();
  }
  lines(): Array<Record<string, unknown>> {
    return this.text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  }
}

async function run(args: string[]) {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main(args, { stdout, stderr });
  return { code, lines: stdout.lines(), stderr: stderr.text, text: stdout.text };
}

const dir = mkdtempSync(join(tmpdir(), 'lookout-track-'));
const sim = simulateTracks(trackScenario('crossing'), { seed: 4 });
const TRACK_KEYS = ['timeMs', 'scan', 'id', 'status', 'latitude', 'longitude', 'speedMps', 'courseDegrees', 'moving', 'cpaMetres', 'tcpaSeconds'];

function plotLines(withScanLines: boolean): string[] {
  const lines: string[] = [];
  for (const s of sim.scans) {
    for (const p of s.plots) lines.push(JSON.stringify(p));
    if (withScanLines) lines.push(JSON.stringify({ type: 'scan', scan: s.scan, timeMs: s.timeMs }));
  }
  return lines;
}

describe('lookout track', () => {
  it('writes one line per live track per scan with the contract fields, and deleted lines', async () => {
    const file = join(dir, 'plots.jsonl');
    writeFileSync(file, plotLines(true).join('\n') + '\n');
    const r = await run(['track', '--plots', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const tracks = r.lines.filter((l) => l.type === undefined);
    for (const t of tracks) expect(Object.keys(t)).toEqual(TRACK_KEYS);
    expect(new Set(tracks.map((t) => t.scan)).size).toBe(sim.scans.length);
    expect(r.lines.filter((l) => l.type === 'deleted').every((l) => typeof l.id === 'number' && typeof l.timeMs === 'number')).toBe(true);
    // Scored like the in-process tracker: both boats held, no swap.
    const s = scoreTracks(tracks as never, sim.truth);
    expect(s.idSwitches).toBe(0);
    expect(s.gospa).toBeLessThan(10);
  });

  it('without scan lines a change of scan closes the scan; an empty scan line still counts as a miss', async () => {
    const file = join(dir, 'noscan.jsonl');
    const lines = plotLines(false);
    // Three empty scans at the end, as scan lines only.
    const last = sim.scans.at(-1)!;
    for (let k = 1; k <= 3; k++) lines.push(JSON.stringify({ type: 'scan', scan: last.scan + k, timeMs: last.timeMs + k * 1667 }));
    writeFileSync(file, lines.join('\n') + '\n');
    const r = await run(['track', '--plots', file]);
    expect(r.code).toBe(0);
    const scans = [...new Set(r.lines.filter((l) => l.type === undefined).map((l) => l.scan))];
    expect(scans).toHaveLength(sim.scans.length + 3);
    const lastScan = r.lines.filter((l) => l.scan === last.scan + 3);
    expect(lastScan.filter((l) => l.status === 'coasting').length).toBeGreaterThanOrEqual(2);
  });

  it('reports a bad line with its number, skips it and goes on', async () => {
    const file = join(dir, 'bad.jsonl');
    const lines = plotLines(true).slice(0, 40);
    lines.splice(3, 0, '{not json');
    lines.splice(5, 0, JSON.stringify({ timeMs: 'soon', latitude: 1, longitude: 2 }));
    lines.splice(7, 0, JSON.stringify({ type: 'scan' }));
    lines.splice(9, 0, '[1,2]');
    writeFileSync(file, lines.join('\n') + '\n');
    const r = await run(['track', '--plots', file]);
    expect(r.code).toBe(0);
    const errs = r.stderr.trim().split('\n');
    expect(errs).toHaveLength(4);
    expect(errs[0]).toMatch(/^lookout track: line 4: not JSON/);
    expect(errs[1]).toMatch(/^lookout track: line 6: a plot needs a numeric timeMs/);
    expect(errs[2]).toMatch(/^lookout track: line 8: a scan line needs a numeric timeMs/);
    expect(errs[3]).toMatch(/^lookout track: line 10: not a JSON object/);
    // The plots around the bad lines still make tracks, scan after scan.
    const tracked = r.lines.filter((l) => l.type === undefined);
    expect(tracked.length).toBeGreaterThan(0);
    expect(new Set(tracked.map((l) => l.scan)).size).toBeGreaterThan(1);
    expect(tracked.every((l) => typeof l.id === 'number' && typeof l.latitude === 'number')).toBe(true);
  });

  it('reads `lookout tail` plots records (positions from the batch origin), for the chosen sensor only', async () => {
    const file = join(dir, 'tail.jsonl');
    const recs: string[] = [];
    sim.scans.forEach((s, i) => {
      const plots = s.plots.map((p) => {
        const inv = inverse(SIM_SITE, p);
        return { timeMs: p.timeMs, scan: s.scan, rangeMetres: inv.distanceMetres, bearingDegrees: inv.bearingDegrees, rangeExtentMetres: p.rangeExtentMetres, azimuthExtentDegrees: p.azimuthExtentDegrees, peakPower: p.peakPower, meanPower: 1, cellCount: p.cellCount };
      });
      recs.push(JSON.stringify({ unit: 'u1', session: 1, seq: 2 * i + 1, kind: 'plots', timeMs: s.timeMs, body: { sensor: 'radar1', origin: SIM_SITE, plots } }));
      // Another sensor's batch, which --sensor filters out.
      recs.push(JSON.stringify({ unit: 'u1', session: 1, seq: 2 * i + 2, kind: 'plots', timeMs: s.timeMs, body: { sensor: 'radar2', origin: SIM_SITE, plots: [{ timeMs: s.timeMs, scan: s.scan, rangeMetres: 500, bearingDegrees: 10 * i }] } }));
      recs.push(JSON.stringify({ unit: 'u1', session: 1, seq: 0, kind: 'status', timeMs: s.timeMs, body: {} }));
    });
    writeFileSync(file, recs.join('\n') + '\n');
    const cfg = join(dir, 'site.yaml');
    writeFileSync(cfg, `unit: u1\nsensors:\n  - id: radar1\n    protocol: cat240\n    input: { type: udp, port: 4000 }\n    radar: { latitude: ${SIM_SITE.latitude}, longitude: ${SIM_SITE.longitude} }\n`);
    const r = await run(['track', '--plots', file, '--config', cfg, '--sensor', 'radar1']);
    expect(r.code).toBe(0);
    const tracks = r.lines.filter((l) => l.type === undefined);
    const s = scoreTracks(tracks as never, sim.truth);
    expect(s.idSwitches).toBe(0);
    expect(s.meanFalseTracks).toBeLessThan(0.05);
    // With the site known, CPA/TCPA are given.
    expect(tracks.some((t) => typeof t.cpaMetres === 'number')).toBe(true);
  });

  it('takes the tracker section of a config file; a bad one exits 78 with its key paths', async () => {
    const plots = join(dir, 'plots.jsonl');
    const good = join(dir, 'good.yaml');
    writeFileSync(good, 'tracker:\n  lifecycle: { confirmHits: 4, confirmWindowScans: 5, fastConfirmRisk: 0 }\n');
    const r = await run(['track', '--plots', plots, '--config', good]);
    expect(r.code).toBe(0);
    const first = r.lines.find((l) => l.status === 'confirmed')!;
    expect(first.scan).toBeGreaterThanOrEqual(3);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'tracker:\n  lifecycle: { confirmHits: 0 }\n  association: { method: hungarian }\n');
    const b = await run(['track', '--plots', plots, '--config', bad]);
    expect(b.code).toBe(78);
    expect(b.stderr).toMatch(/tracker\.lifecycle\.confirmHits/);
    expect(b.stderr).toMatch(/tracker\.association\.method/);
    const missing = await run(['track', '--plots', join(dir, 'nope.jsonl')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/E_FILE/);
  });
});

describe('lookout score', () => {
  it('prints the same score as the library for track output and truth files', async () => {
    const plots = join(dir, 'plots.jsonl');
    const out = await run(['track', '--plots', plots]);
    const tracksFile = join(dir, 'tracks.jsonl');
    writeFileSync(tracksFile, out.text);
    const truthFile = join(dir, 'truth.jsonl');
    writeFileSync(truthFile, sim.truth.map((t) => JSON.stringify(t)).join('\n') + '\n');
    const r = await run(['score', '--tracks', tracksFile, '--truth', truthFile]);
    expect(r.code).toBe(0);
    const got = r.lines[0]!;
    const want = scoreTracks(out.lines.filter((l) => l.type === undefined) as never, sim.truth);
    expect(got.gospa).toBeCloseTo(want.gospa, 9);
    expect(got.idSwitches).toBe(0);
    expect(r.stderr).toBe('');
  });
});
