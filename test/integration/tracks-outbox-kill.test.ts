/**
 * The tracker's records survive a power cut: a child process runs the tracking stage on a busy
 * picture into a real SQLite outbox and says which seqs each commit made durable; it is killed
 * with SIGKILL mid-stream. The outbox reopened afterwards holds every committed `tracks` record,
 * in seq order, decoding to the same tracks the child made (uses the compiled agent/dist).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { Outbox } from '../../agent/src/outbox/outbox.js';
import { decodeRecord, encodeRecord } from '../../agent/src/wire/index.js';
import { REPO_ROOT } from '../helpers/paths.js';

const CHILD = `
import pino from 'pino';
const dist = ${JSON.stringify(join(REPO_ROOT, 'agent', 'dist'))};
const { Outbox } = await import(dist + '/outbox/outbox.js');
const { encodeRecord } = await import(dist + '/wire/index.js');
const { TrackingStage } = await import(dist + '/track/stage.js');
const { trackingConfigSchema } = await import(dist + '/track/tracking-config.js');
const { trackerConfig } = await import(dist + '/track/tracker/config.js');
const { busyScene } = await import(dist + '/sim/tracks/busy.js');
const { SIM_SITE } = await import(dist + '/sim/tracks/plots.js');
const outbox = new Outbox({ path: process.argv[1], unit: 'kill-01', encode: encodeRecord, maxBytes: 1 << 30, groupCommitMs: 50, logger: pino({ level: 'silent' }) });
await outbox.start();
const made = [];
const sink = { append(kind, body) { const seq = outbox.append(kind, body); if (kind === 'tracks') made.push({ seq, ids: body.tracks.map((t) => t.id), scan: body.scan }); return seq; } };
const stage = new TrackingStage({ sensor: 'radar1', config: trackingConfigSchema.parse({ publishTentative: true }), tracker: trackerConfig(), sink, site: SIM_SITE });
const scenes = busyScene({ targets: 60, plotsPerScan: 150, scans: 400, seed: 2 });
for (const s of scenes) {
  stage.push({ sensor: 'radar1', plots: s.plots.map((p) => ({ ...p, meanPower: p.peakPower })) });
  stage.closeScansBefore(s.scan + 1, s.timeMs);
  // Every other scan is committed and reported; the odd ones stay in the open group.
  if (s.scan % 2 === 0) {
    outbox.flush();
    for (const m of made.splice(0)) process.stdout.write(JSON.stringify(m) + '\\n');
  }
  await new Promise((r) => setTimeout(r, 5));
}
process.stdout.write('END\\n');
await new Promise(() => {});
`;

describe('tracker records and a SIGKILL (real SQLite outbox)', () => {
  it('every tracks record committed before the kill is in the reopened outbox, decoding to the same tracks', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'lookout-trkkill-')), 'outbox.sqlite');
    const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD, path], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const committed: Array<{ seq: number; ids: number[]; scan: number }> = [];
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    let buf = '';
    const killed = new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => {
        buf += b.toString();
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          if (line === 'END') return reject(new Error('the child ended before the kill'));
          committed.push(JSON.parse(line) as { seq: number; ids: number[]; scan: number });
          // Killed once the picture is full of confirmed tracks, between two commits.
          if (committed.length === 60) child.kill('SIGKILL');
        }
      });
      child.once('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited ${code}: ${stderr}`))));
    });
    await killed;
    expect(committed.length).toBeGreaterThanOrEqual(60);

    const outbox = new Outbox({ path, unit: 'kill-01', encode: encodeRecord, maxBytes: 1 << 30, groupCommitMs: 50, logger: pino({ level: 'silent' }) });
    await outbox.start();
    try {
      const all = outbox.peek(0, 1_000_000);
      // (The busy picture also raises CPA alerts, records of their own.)
      expect(new Set(all.map((r) => r.kind))).toEqual(new Set(['tracks', 'alerts']));
      const rows = all.filter((r) => r.kind === 'tracks');
      const bySeq = new Map(rows.map((r) => [r.seq, decodeRecord(r.payload)]));
      for (const c of committed) {
        const rec = bySeq.get(c.seq);
        expect(rec, `seq ${c.seq}`).toBeDefined();
        if (rec?.kind !== 'tracks') throw new Error('kind');
        expect(rec.body.source).toBe('tracker');
        expect(rec.body.scan).toBe(c.scan);
        expect(rec.body.tracks.map((t) => t.id)).toEqual(c.ids);
      }
      // Nothing beyond what was made: seqs run on without holes from the first one.
      const seqs = all.map((r) => r.seq).sort((a, b) => a - b);
      expect(seqs[0]).toBe(1);
      for (let i = 1; i < seqs.length; i++) expect(seqs[i] - seqs[i - 1]).toBe(1);
      // The restart resumes the sequence after the last durable record.
      expect(outbox.nextSequence).toBe(seqs[seqs.length - 1] + 1);
      expect(rows.some((r) => { const d = decodeRecord(r.payload); return d.kind === 'tracks' && d.body.tracks.some((t) => t.status === 1); })).toBe(true);
    } finally {
      await outbox.stop();
    }
  }, 60_000);
});
