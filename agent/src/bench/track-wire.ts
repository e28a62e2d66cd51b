/**
 * `lookout bench track` (wire row): bytes per track update of Lookout's tracker on the wire, in
 * a busy batch: the tracking stage on 500 plots a turn around 200 boats (the speed bench's
 * picture), every `tracks` record it makes encoded whole (envelope included) over the turns
 * after the picture has filled. Baseline in the same run: the same tracks row-wise, one `Track`
 * message each (the layout of ARPA targets).
 */
import { busyScene } from '../sim/tracks/busy.js';
import { SIM_SITE } from '../sim/tracks/plots.js';
import { TrackingStage } from '../track/stage.js';
import { trackingConfigSchema } from '../track/tracking-config.js';
import { trackerConfig } from '../track/tracker/config.js';
import { encodeRecord, type RecordBodies, type RecordKind, type TracksBody } from '../wire/index.js';
import { printRow } from './common.js';

export interface TrackWireBenchOptions {
  json: boolean;
  boats?: number;
  plotsPerScan?: number;
  scans?: number;
}

export interface TrackWireFigures {
  bytesPerUpdate: number;
  rowBytesPerUpdate: number;
  updatesPerRecord: number;
  records: number;
}

/** Runs the stage over a busy scene and measures the encoded `tracks` records of the last half of the scans. */
export function measureTrackWire(boats = 200, plotsPerScan = 500, scans = 40): TrackWireFigures {
  const bodies: TracksBody[] = [];
  const sink = {
    append<K extends RecordKind>(kind: K, body: RecordBodies[K]): number {
      if (kind === 'tracks') bodies.push(body as TracksBody);
      return bodies.length;
    },
  };
  const stage = new TrackingStage({ sensor: 'radar1', config: trackingConfigSchema.parse({}), tracker: trackerConfig(), sink, site: SIM_SITE });
  const scene = busyScene({ targets: boats, plotsPerScan, scans, seed: 7 });
  const measureFrom = Math.floor(scans / 2);
  let firstMeasured = -1;
  for (const s of scene) {
    if (s.scan === measureFrom) firstMeasured = bodies.length;
    stage.push({ sensor: 'radar1', plots: s.plots.map((p) => ({ ...p, meanPower: p.peakPower })) });
    stage.closeScansBefore(s.scan + 1, s.timeMs);
  }
  const measured = bodies.slice(Math.max(0, firstMeasured));
  let bytes = 0;
  let rowBytes = 0;
  let updates = 0;
  measured.forEach((body, i) => {
    const env = { unit: 'unit-0001', session: 12, seq: 1_000_000 + i, kind: 'tracks' as const, timeMs: body.tracks[0]?.timeMs ?? 0 };
    bytes += encodeRecord({ ...env, body }).length;
    const { source: _s, scan: _c, origin: _o, deleted: _d, ...rows } = body;
    rowBytes += encodeRecord({ ...env, body: rows }).length;
    updates += body.tracks.length;
  });
  return { bytesPerUpdate: bytes / Math.max(1, updates), rowBytesPerUpdate: rowBytes / Math.max(1, updates), updatesPerRecord: updates / Math.max(1, measured.length), records: measured.length };
}

export function runTrackWireBench(opts: TrackWireBenchOptions, out: NodeJS.WritableStream): void {
  const boats = opts.boats ?? 200;
  const plots = opts.plotsPerScan ?? 500;
  const f = measureTrackWire(boats, plots, opts.scans ?? 40);
  printRow(
    {
      bench: 'track',
      name: `bytes per track update (${plots} plots x ${boats} boats)`,
      value: Number(f.bytesPerUpdate.toFixed(2)),
      unit: 'B/update',
      goal: '<= 16',
      baseline: { name: 'row-wise Track messages', value: Number(f.rowBytesPerUpdate.toFixed(2)), unit: 'B/update' },
      note: `${f.records} records, ${f.updatesPerRecord.toFixed(0)} tracks each, envelope included`,
    },
    opts.json,
    out,
  );
}
