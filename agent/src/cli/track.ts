/**
 * `lookout track --plots FILE [--config FILE] [--sensor ID]`: the tracker offline, for tuning
 * and tests. Reads JSON lines: plots (any object with timeMs, latitude, longitude, and
 * optionally scan, rangeMetres, bearingDegrees, rangeExtentMetres, azimuthExtentDegrees,
 * cellCount, peakPower), scan lines ({"type": "scan", "scan", "timeMs", "ownShip"?}) that close
 * a scan, and `lookout tail` records of kind `plots` (one record is one scan). Without scan
 * lines a change of `scan` closes the scan. Writes one line per live track after each scan
 * and {"type": "deleted", "id", "timeMs"} when one ends (and {"type": "alert", ...} when a
 * configured guard zone is entered). A bad line is reported on stderr with its number and
 * skipped.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { writeJsonLine, type CliContext } from './common.js';
import { readConfigFile, zodProblems } from '../config/load.js';
import { LookoutError } from '../errors.js';
import { destination, type LatLon } from '../track/geodesy.js';
import { trackerConfigSchema, type TrackerConfig } from '../track/tracker/config.js';
import { Tracker, type OwnShip, type TrackerResult } from '../track/tracker/tracker.js';
import type { TrackerPlot } from '../track/tracker/frame.js';

interface TrackFlags {
  plots: string;
  config?: string;
  sensor?: string;
}

const OPTIONAL_NUMBERS = ['scan', 'rangeMetres', 'bearingDegrees', 'rangeExtentMetres', 'azimuthExtentDegrees', 'cellCount', 'peakPower'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

type PlotIn = TrackerPlot & { scan?: number };

/** A plot line, or the reason it is not one. */
export function parsePlot(o: Record<string, unknown>): PlotIn | string {
  if (!finite(o.timeMs)) return 'a plot needs a numeric timeMs';
  if (!finite(o.latitude) || Math.abs(o.latitude) > 90) return 'a plot needs a latitude in [-90, 90]';
  if (!finite(o.longitude) || Math.abs(o.longitude) > 180) return 'a plot needs a longitude in [-180, 180]';
  const p: PlotIn = { timeMs: o.timeMs, latitude: o.latitude, longitude: o.longitude };
  for (const k of OPTIONAL_NUMBERS) {
    if (o[k] === undefined || o[k] === null) continue;
    if (!finite(o[k])) return `${k} must be a number`;
    p[k] = o[k];
  }
  return p;
}

function parseOwnShip(v: unknown): OwnShip | string | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v) || !finite(v.latitude) || !finite(v.longitude)) return 'ownShip needs latitude and longitude';
  const speed = v.speedMps ?? 0;
  const course = v.courseDegrees ?? 0;
  if (!finite(speed) || !finite(course)) return 'ownShip speedMps and courseDegrees must be numbers';
  return { latitude: v.latitude, longitude: v.longitude, speedMps: speed, courseDegrees: course };
}

/** The tracker section and the sensor's site from a configuration file (a whole one or just `tracker:`). */
function loadTrackerSettings(file: string | undefined, sensorId: string | undefined): { config: TrackerConfig; site?: LatLon } {
  const raw = file === undefined ? {} : readConfigFile(file);
  const doc = isObject(raw) ? raw : {};
  const parsed = trackerConfigSchema.safeParse(doc.tracker ?? {});
  if (!parsed.success) {
    const problems = zodProblems(parsed.error).map((p) => ({ ...p, path: `tracker.${p.path === '(top level)' ? '' : p.path}`.replace(/\.$/, '') }));
    throw new LookoutError('E_CONFIG', `${file} has ${problems.length} problem(s)`, { details: { problems, source: file } });
  }
  let site: LatLon | undefined;
  if (sensorId !== undefined && Array.isArray(doc.sensors)) {
    const s = doc.sensors.find((x) => isObject(x) && x.id === sensorId) as Record<string, unknown> | undefined;
    if (s === undefined) throw new LookoutError('E_CONFIG', `${file}: no sensor "${sensorId}"`, { details: { problems: [{ path: 'sensors', message: `no sensor with id "${sensorId}"` }], source: file } });
    const radar = s.radar;
    if (isObject(radar) && finite(radar.latitude) && finite(radar.longitude)) site = { latitude: radar.latitude, longitude: radar.longitude };
  }
  return site ? { config: parsed.data, site } : { config: parsed.data };
}

export async function runTrack(flags: TrackFlags, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<{ lines: number; bad: number; scans: number }> {
  const { config, site } = loadTrackerSettings(flags.config, flags.sensor);
  const tracker = new Tracker(config);
  const input = flags.plots === '-' ? process.stdin : createReadStream(flags.plots);
  const opened = new Promise<void>((resolve, reject) => {
    if (flags.plots === '-') resolve();
    else input.once('open', () => resolve()).once("error", (cause: Error) => reject(new LookoutError('E_FILE', `cannot read ${flags.plots}: ${cause.message}`, { cause })));
  });
  await opened;
  let pending: PlotIn[] = [];
  let pendingScan: number | undefined;
  let lineNo = 0;
  let bad = 0;
  let scans = 0;
  let backpressure: Promise<void> | undefined;
  const report = (n: number, why: string): void => {
    bad++;
    err.write(`lookout track: line ${n}: ${why}; skipped\n`);
  };
  const emit = (r: TrackerResult, scan: number, timeMs: number): void => {
    for (const t of r.tracks) {
      const ok = writeJsonLine(out, { timeMs: t.timeMs, scan, id: t.id, status: t.status, latitude: t.latitude, longitude: t.longitude, speedMps: t.speedMps, courseDegrees: t.courseDegrees, moving: t.moving, cpaMetres: t.cpaMetres, tcpaSeconds: t.tcpaSeconds });
      if (!ok && !backpressure) backpressure = new Promise((resolve) => out.once('drain', () => resolve()));
    }
    for (const a of r.alerts) writeJsonLine(out, { type: 'alert', zone: a.zone, id: a.id, timeMs: a.timeMs, latitude: a.latitude, longitude: a.longitude });
    for (const id of r.deleted) writeJsonLine(out, { type: 'deleted', id, timeMs });
  };
  const close = (n: number, timeMs: number, scan: number | undefined, ownShip?: OwnShip, origin?: LatLon): void => {
    const plots = pending;
    pending = [];
    pendingScan = undefined;
    const number = scan ?? scans;
    const where = ownShip ? { ownShip } : origin ?? site ? { site: (origin ?? site)! } : {};
    try {
      const r = tracker.update({ timeMs, scan: number, plots, ...where });
      scans++;
      emit(r, number, timeMs);
    } catch (e) {
      if (!(e instanceof RangeError || e instanceof TypeError)) throw e;
      report(n, `scan ${number} not tracked: ${e.message}`);
    }
  };
  const rl = createInterface({ input, crlfDelay: Infinity });
  for await (const line of rl) {
    lineNo++;
    if (line.trim() === '') continue;
    let o: unknown;
    try {
      o = JSON.parse(line);
    } catch (e) {
      report(lineNo, `not JSON (${(e as Error).message})`);
      continue;
    }
    if (!isObject(o)) {
      report(lineNo, 'not a JSON object');
      continue;
    }
    if (o.type === 'scan') {
      if (!finite(o.timeMs)) {
        report(lineNo, 'a scan line needs a numeric timeMs');
        continue;
      }
      const own = parseOwnShip(o.ownShip);
      if (typeof own === 'string') {
        report(lineNo, own);
        continue;
      }
      // Plots of another scan still open are closed first: this line closes its own scan.
      if (finite(o.scan) && pendingScan !== undefined && o.scan !== pendingScan && pending.length > 0) close(lineNo, Math.max(...pending.map((p) => p.timeMs)), pendingScan);
      close(lineNo, o.timeMs, finite(o.scan) ? o.scan : pendingScan, own);
    } else if (o.kind === 'plots' && isObject(o.body)) {
      const body = o.body;
      if (flags.sensor !== undefined && body.sensor !== flags.sensor) continue;
      if (!Array.isArray(body.plots)) {
        report(lineNo, 'a plots record needs body.plots');
        continue;
      }
      if (pending.length > 0) close(lineNo, Math.max(...pending.map((p) => p.timeMs)), pendingScan);
      const origin = isObject(body.origin) && finite(body.origin.latitude) && finite(body.origin.longitude) ? { latitude: body.origin.latitude, longitude: body.origin.longitude } : undefined;
      let scan: number | undefined;
      let skipped = 0;
      for (const q of body.plots as unknown[]) {
        if (!isObject(q)) {
          skipped++;
          continue;
        }
        // A batch with an origin carries no per-plot position: place it from range and bearing.
        const placed = origin && !finite(q.latitude) && finite(q.rangeMetres) && finite(q.bearingDegrees) ? { ...q, ...destination(origin, q.bearingDegrees, q.rangeMetres) } : q;
        const p = parsePlot(placed);
        if (typeof p === 'string') skipped++;
        else {
          pending.push(p);
          scan ??= p.scan;
        }
      }
      if (skipped > 0) report(lineNo, `${skipped} plot(s) of the record without a usable position`);
      const t = pending.length > 0 ? Math.max(...pending.map((p) => p.timeMs)) : finite(o.timeMs) ? o.timeMs : undefined;
      pendingScan = scan;
      if (t !== undefined) close(lineNo, t, scan, undefined, origin);
    } else {
      const p = parsePlot(o);
      if (typeof p === 'string') {
        report(lineNo, `${p} (not a plot, a scan line or a plots record)`);
        continue;
      }
      if (p.scan !== undefined && pendingScan !== undefined && p.scan !== pendingScan && pending.length > 0) close(lineNo, Math.max(...pending.map((x) => x.timeMs)), pendingScan);
      pending.push(p);
      if (p.scan !== undefined) pendingScan = p.scan;
    }
    if (backpressure) {
      await backpressure;
      backpressure = undefined;
    }
  }
  if (pending.length > 0) close(lineNo, Math.max(...pending.map((p) => p.timeMs)), pendingScan);
  return { lines: lineNo, bad, scans };
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('track')
    .description('run the tracker on plots (JSON lines, or `lookout tail` output); one JSON line per live track per scan')
    .requiredOption('--plots <file>', 'JSON lines of plots and scan lines, or - for stdin')
    .option('--config <file>', 'a configuration file: its tracker section (and the sensor position with --sensor)')
    .option('--sensor <id>', 'only plots records of this sensor; its radar position is the site')
    .action(async (flags: TrackFlags) => {
      await runTrack(flags, ctx.stdout, ctx.stderr);
    });
}
