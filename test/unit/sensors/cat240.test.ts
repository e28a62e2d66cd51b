import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKernels } from '../../../agent/src/detect/kernels.js';
import { systemClock } from '../../../agent/src/io/types.js';
import { cat240Kind } from '../../../agent/src/sensors/cat240.js';
import { createCat240RadarSim } from '../../../agent/src/sim/cat240.js';
import { loadRadarScenario } from '../../../agent/src/sim/scenario.js';
import { destination, inverse } from '../../../agent/src/track/geodesy.js';
import { encodeLkrRecord } from '../../../agent/src/io/file.js';
import { endSignal, recordingSink, runToEnd, silent } from '../../helpers/sensor.js';

const coastal = loadRadarScenario('coastal');
const SPOKES = 2048 * 2 + 512;

function captureFile(): string {
  const sim = createCat240RadarSim({ scenario: coastal, seed: 7, startWallMs: Date.UTC(2026, 0, 1) });
  const file = join(mkdtempSync(join(tmpdir(), 'lookout-cat240-')), 'coastal.cat240');
  writeFileSync(file, Buffer.concat(Array.from({ length: SPOKES }, () => sim.next()!.bytes)));
  return file;
}

/** A timestamped capture (.lkr) of `turns` antenna turns: the spokes keep their simulated times. */
function timedCapture(turns: number): string {
  const start = Date.UTC(2026, 0, 1);
  const sim = createCat240RadarSim({ scenario: coastal, seed: 9, startWallMs: start });
  const file = join(mkdtempSync(join(tmpdir(), 'lookout-cat240-')), 'coastal.lkr');
  const chunks: Buffer[] = [];
  for (let i = 0; i < 2048 * turns; i++) {
    const step = sim.next()!;
    chunks.push(encodeLkrRecord(Math.round((start + step.timeS * 1000) * 1000), step.bytes));
  }
  writeFileSync(file, Buffer.concat(chunks));
  return file;
}

describe('the cat240 sensor kind', () => {
  it('requires the radar block, with the key path and a sentence', () => {
    const r = cat240Kind.schema.safeParse({ id: 'r1', protocol: 'cat240', input: { type: 'udp', port: 4000 } });
    expect(r.success).toBe(false);
    expect(r.error!.issues).toEqual([expect.objectContaining({ path: ['radar'], message: expect.stringMatching(/needs the radar position/) })]);
  });

  it('builds spokes → detection → plots at the site, bearings turned by the north offset; counters from every part', async () => {
    const file = captureFile();
    const sensor = cat240Kind.schema.parse({
      id: 'r1',
      protocol: 'cat240',
      input: { type: 'file', path: file },
      radar: { latitude: coastal.radar.latitude, longitude: coastal.radar.longitude, altitudeMetres: 12, northOffsetDegrees: 10 },
    });
    const sink = recordingSink();
    const { ended, onInputEnd } = endSignal();
    const runtime = cat240Kind.build({ sensor, logger: silent, sink, kernels: loadKernels({ logger: silent }), clock: systemClock, onInputEnd });
    expect(runtime).toMatchObject({ id: 'r1', protocol: 'cat240', type: 'radar', capabilities: ['plots'] });
    expect(runtime.site).toEqual({ latitude: coastal.radar.latitude, longitude: coastal.radar.longitude, heightMetres: 12 });
    await runToEnd(runtime, ended);

    const batches = sink.of('plots');
    expect(batches.length).toBeGreaterThan(0);
    // A fixed site: the batch carries the origin, the plots true bearing and range only.
    for (const b of batches) {
      expect(b.sensor).toBe('r1');
      expect(b.origin).toEqual({ latitude: coastal.radar.latitude, longitude: coastal.radar.longitude });
    }
    const plots = batches.flatMap((b) => b.plots);
    // Target 1 starts at 2400 m, 45° (video azimuth): 55° true with the 10° offset.
    const t1 = plots.filter((p) => Math.abs(p.rangeMetres - 2400) < 60 && Math.abs(p.bearingDegrees - 55) < 2);
    expect(t1.length).toBeGreaterThanOrEqual(2);
    expect(plots.some((p) => Math.abs(p.bearingDegrees - 45) < 1 && Math.abs(p.rangeMetres - 2400) < 60)).toBe(false);

    const c = runtime.counters();
    expect(c['decoder.framesOk']).toBe(SPOKES);
    expect(c['detect.spokes']).toBe(SPOKES);
    expect(c['source.opens']).toBe(1);
    expect(c['source.bytes']).toBe(statSync(file).size);
    expect(c['source.losses']).toBe(0);
    expect(c['link.alerts']).toBe(0);
    expect(c['georef.withoutPose']).toBe(0);
    for (const name of cat240Kind.counters) expect(c, name).toHaveProperty([name]);
    expect(runtime.summary!().spokes).toBe(SPOKES);
    expect(runtime.summary!().plotsLastTurn).toBeGreaterThan(0);
  });

  it('processed video (level method, clutter map): the map is kept in the data directory, the quality figures in the counters', async () => {
    const scenario = loadRadarScenario('harbour-processed');
    const sim = createCat240RadarSim({ scenario, seed: 3, startWallMs: Date.UTC(2026, 0, 1) });
    const dir = mkdtempSync(join(tmpdir(), 'lookout-cat240-'));
    const file = join(dir, 'harbour.cat240');
    writeFileSync(file, Buffer.concat(Array.from({ length: 1024 * 4 + 8 }, () => sim.next()!.bytes)));
    const sensor = cat240Kind.schema.parse({
      id: 'harbour',
      protocol: 'cat240',
      input: { type: 'file', path: file },
      radar: { latitude: scenario.radar.latitude, longitude: scenario.radar.longitude },
      detection: { method: 'level', level: 136, maxPlotCells: 1 << 20, clutterMap: { enabled: true, timeConstantTurns: 8 } },
    });
    const { ended, onInputEnd } = endSignal();
    const dataDir = join(dir, 'data');
    const runtime = cat240Kind.build({ sensor, logger: silent, sink: recordingSink(), kernels: loadKernels({ logger: silent }), clock: systemClock, dataDir, onInputEnd });
    await runToEnd(runtime, ended);
    expect(statSync(join(dataDir, 'clutter-map-harbour.bin')).size).toBe(32 + 1024 * 512);
    const c = runtime.counters();
    expect(c['detect.quality.plotsLastTurn']).toBeGreaterThan(0);
    expect(c['detect.quality.cellsLearnt']).toBeGreaterThan(0);
    expect(c['detect.quality.coveredPermille']).toBeGreaterThan(0);
    expect(c['detect.quality.recurrencePermille']).toBeGreaterThan(0);
  });

  it('on a moving platform every plot gets its own position from the pose at its time', async () => {
    const file = captureFile();
    const sensor = cat240Kind.schema.parse({ id: 'r2', protocol: 'cat240', input: { type: 'file', path: file }, radar: { latitude: 0, longitude: 0 } });
    const ship = { latitude: 57.7, longitude: 11.9 };
    const sink = recordingSink();
    const { ended, onInputEnd } = endSignal();
    const platform = { poseAt: () => ({ ...ship, headingDegrees: 90, stale: false }) };
    const runtime = cat240Kind.build({ sensor, logger: silent, sink, kernels: loadKernels({ logger: silent }), clock: systemClock, platform, onInputEnd });
    await runToEnd(runtime, ended);
    const batches = sink.of('plots');
    expect(batches.length).toBeGreaterThan(0);
    for (const b of batches) expect(b.origin).toBeUndefined();
    const plots = batches.flatMap((b) => b.plots);
    // The heading turns the video: target 1 (45° relative) is at 135° true, 2400 m from the ship.
    const t1 = plots.find((p) => Math.abs(p.rangeMetres - 2400) < 60 && Math.abs(p.bearingDegrees - 135) < 2)!;
    expect(t1).toBeDefined();
    const d = inverse(ship, t1 as { latitude: number; longitude: number });
    expect(Math.abs(d.distanceMetres - t1.rangeMetres)).toBeLessThan(1);
  });

  it('with tracking: spokes → detection → the tracker, one scan per turn; tracks go out, plots stay home unless asked', async () => {
    const file = timedCapture(7);
    const base = { id: 'r1', protocol: 'cat240', input: { type: 'file', path: file, format: 'lkr' }, radar: { latitude: coastal.radar.latitude, longitude: coastal.radar.longitude } };
    for (const publishPlots of [false, true]) {
      const sensor = cat240Kind.schema.parse({ ...base, tracking: { publishPlots, settings: { measurement: { rangeCellMetres: 7.5, beamWidthDegrees: 1.2 } } } });
      const sink = recordingSink();
      const { ended, onInputEnd } = endSignal();
      const runtime = cat240Kind.build({ sensor, logger: silent, sink, kernels: loadKernels({ logger: silent }), clock: systemClock, onInputEnd });
      expect(runtime.capabilities).toEqual(publishPlots ? ['plots', 'tracks'] : ['tracks']);
      expect(runtime.stages.map((s) => s.name).slice(0, 2)).toEqual(['track:r1', 'detect:r1']);
      await runToEnd(runtime, ended);
      expect(sink.of('plots').length > 0).toBe(publishPlots);
      const batches = sink.of('tracks');
      for (const b of batches) expect(b).toMatchObject({ sensor: 'r1', source: 'tracker', origin: { latitude: coastal.radar.latitude, longitude: coastal.radar.longitude } });
      // Turns 0..6 closed (the last by the flush at the end of the input), each once.
      const c = runtime.counters();
      expect(c['track.scans']).toBe(7);
      expect(c['track.plots']).toBe(c['detect.plots']);
      expect(c['track.confirmed']).toBeGreaterThanOrEqual(coastal.targets.length);
      expect(new Set(batches.map((b) => b.scan)).size).toBe(batches.length);
      // Every boat has a confirmed track within 100 m of where it is at the last batch's time.
      const last = batches.at(-1)!;
      const ageS = (last.tracks[0].timeMs - Date.UTC(2026, 0, 1)) / 1000;
      for (const t of coastal.targets) {
        const at = destination(destination(coastal.radar, t.bearingDegrees, t.rangeMetres), t.courseDegrees, t.speedMetresPerSecond * ageS);
        const near = last.tracks.filter((k) => k.status !== 0 && inverse(at, k).distanceMetres < 100);
        expect(near.length, `target ${t.id}`).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('with tracking on a moving platform: own ship from the pose at each scan is the batch origin', async () => {
    const file = timedCapture(4);
    const sensor = cat240Kind.schema.parse({ id: 'r3', protocol: 'cat240', input: { type: 'file', path: file, format: 'lkr' }, radar: { latitude: 0, longitude: 0 }, tracking: {} });
    const start = Date.UTC(2026, 0, 1);
    // Under way north at 5 m/s (about 4.5e-5 degree of latitude a second), heading north.
    const poseAt = (t: number) => ({ latitude: 57.7 + ((t - start) / 1000) * 5 / 111_000, longitude: 11.9, headingDegrees: 0, speedMps: 5, courseDegrees: 0, stale: false });
    const sink = recordingSink();
    const { ended, onInputEnd } = endSignal();
    const runtime = cat240Kind.build({ sensor, logger: silent, sink, kernels: loadKernels({ logger: silent }), clock: systemClock, platform: { poseAt }, onInputEnd });
    await runToEnd(runtime, ended);
    const batches = sink.of('tracks');
    expect(batches.length).toBeGreaterThan(0);
    for (const b of batches.filter((x) => x.tracks.length > 0)) {
      const at = poseAt(b.tracks[0].timeMs);
      expect(b.origin!.latitude).toBeCloseTo(at.latitude, 7);
      expect(b.origin!.longitude).toBeCloseTo(11.9, 7);
    }
    expect(runtime.counters()['track.withoutPose']).toBe(0);
  });
});

