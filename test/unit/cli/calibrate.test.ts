import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { createCat240RadarSim } from '../../../agent/src/sim/cat240.js';
import { loadRadarScenario } from '../../../agent/src/sim/scenario.js';
import { runLookout } from '../../helpers/cli.js';
import { startPtyWriter } from '../../helpers/socat.js';
import { HALO, HARBOUR } from '../../helpers/radar-video.js';

/**
 * `lookout calibrate` as a field engineer runs it (the compiled CLI: run `npx tsc -p
 * tsconfig.json` first): on raw simulator video it recommends CFAR with the simulator's LUT
 * slope; on the real processed recordings the level method; every block it prints passes
 * `config check`; bad input is one line on stderr and exit 1.
 */

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lookout-calibrate-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** CAT240 bytes of `spokes` spokes of a built-in scenario. */
function simFile(name: string, spokes: number, scenario = 'coastal'): string {
  const sim = createCat240RadarSim({ scenario: loadRadarScenario(scenario), seed: 5, startWallMs: 1_700_000_000_000 });
  const parts: Uint8Array[] = [];
  for (let i = 0; i < spokes; i++) parts.push(sim.next().bytes);
  const file = join(dir, name);
  writeFileSync(file, Buffer.concat(parts));
  return file;
}

/** The block pasted into a whole configuration, then `config check` on it. */
async function configCheck(block: unknown): Promise<number | string> {
  const config = {
    unit: 'radar-01',
    dataDir: join(dir, 'data'),
    sensors: [{ id: 'radar1', protocol: 'cat240', input: { type: 'serial', path: '/dev/ttyUSB0', baud: 921600 }, radar: { latitude: 58.2, longitude: 11.5 }, detection: block }],
    mqtt: { url: 'mqtt://127.0.0.1:1883' },
  };
  const file = join(dir, `config-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, stringify(config));
  const r = await runLookout(['config', 'check', file]);
  if (r.code !== 0) console.error(r.stderr);
  return r.code;
}

describe('lookout calibrate', () => {
  it('raw simulator video: CFAR with the simulator LUT slope within 10 %, and the block passes config check', async () => {
    const file = simFile('coastal.cat240', 2048 * 3 + 100);
    const r = await runLookout(['calibrate', '--protocol', 'cat240', file, '--turns', '2']);
    expect(r.code, r.stderr).toBe(0);
    const doc = parse(r.stdout) as { detection: { method: string; lut: { type: string; dbPerCount: number; zeroCountDb: number } } };
    expect(Object.keys(doc)).toEqual(['detection']);
    expect(doc.detection.method).toBe('ca');
    expect(doc.detection.lut.type).toBe('log');
    const scenario = loadRadarScenario('coastal');
    expect(Math.abs(doc.detection.lut.dbPerCount / scenario.video.dbPerCount - 1)).toBeLessThanOrEqual(0.1);
    expect(r.stderr).toMatch(/raw video/);
    expect(r.stderr).toMatch(/plots per turn/);
    expect(await configCheck(doc.detection)).toBe(0);
  }, 60_000);

  it.each([
    ['harbour', HARBOUR],
    ['HALO', HALO],
  ])('%s recording: the level method, figures on stderr, and the block passes config check', async (_name, file) => {
    const r = await runLookout(['calibrate', '--protocol', 'cat240', file, '--turns', '3']);
    expect(r.code, r.stderr).toBe(0);
    const doc = parse(r.stdout) as { detection: { method: string; level: number } };
    expect(Object.keys(doc)).toEqual(['detection']);
    expect(doc.detection.method).toBe('level');
    expect(doc.detection.level).toBe(17);
    expect(r.stderr).toMatch(/processed video/);
    expect(r.stderr).toMatch(/% recur next turn/);
    expect(r.stderr).toMatch(/% of the non-zero cells covered/);
    expect(await configCheck(doc.detection)).toBe(0);
  }, 60_000);

  it.each([
    ['empty', (): string => (writeFileSync(join(dir, 'empty'), ''), join(dir, 'empty')), /is empty/],
    ['not CAT240', (): string => (writeFileSync(join(dir, 'text.cat240'), 'not radar video\n'.repeat(5000)), join(dir, 'text.cat240')), /holds no CAT240 video/],
    ['too short', (): string => simFile('short.cat240', 300), /too short/],
    ['missing', (): string => join(dir, 'does-not-exist.cat240'), /cannot read/],
  ])('bad input (%s): one line on stderr, exit 1, nothing on stdout', async (_name, make, message) => {
    const r = await runLookout(['calibrate', '--protocol', 'cat240', make()]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  }, 60_000);

  it('--sensor PATH@BAUD: a live port (a socat PTY fed with simulated processed video)', async () => {
    const file = simFile('processed.cat240', 1024 * 3 + 50, 'harbour-processed');
    const link = join(dir, 'radar-pty');
    const writer = await startPtyWriter(link, file);
    try {
      const r = await runLookout(['calibrate', '--protocol', 'cat240', '--sensor', `${link}@921600`, '--turns', '2']);
      expect(r.code, r.stderr).toBe(0);
      const doc = parse(r.stdout) as { detection: { method: string; level: number; spokesPerTurn: number } };
      expect(doc.detection.method).toBe('level');
      expect(doc.detection.spokesPerTurn).toBe(1024);
      expect(await configCheck(doc.detection)).toBe(0);
    } finally {
      await writer.kill();
    }
  }, 60_000);

  it('usage errors exit 2', async () => {
    expect((await runLookout(['calibrate', '--protocol', 'nmea0183', HARBOUR])).code).toBe(2);
    expect((await runLookout(['calibrate', '--protocol', 'cat240'])).code).toBe(2);
    expect((await runLookout(['calibrate', '--protocol', 'cat240', HARBOUR, '--turns', '1'])).code).toBe(2);
  }, 60_000);
});
