import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../agent/src/cli/index.js';
import { Rng } from '../../../agent/src/sim/rng.js';

function sink(): Writable & { text: string } {
  const w = new Writable({
    write(chunk, _enc, cb) {
      w.text += String(chunk);
      cb();
    },
  }) as Writable & { text: string };
  w.text = '';
  return w;
}

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = sink();
  const stderr = sink();
  const code = await main(args, { stdout, stderr });
  return { code, out: stdout.text, err: stderr.text };
}

const dir = mkdtempSync(join(tmpdir(), 'lookout-detect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rows = 64;
const cols = 256;
const rng = new Rng(9);
const power = new Float32Array(rows * cols).map(() => rng.exponential(1));
// Two bright 2 x 2 targets.
for (const [r, c] of [[10, 100], [40, 30]] as const) for (const [dr, dc] of [[0, 0], [0, 1], [1, 0], [1, 1]]) power[(r + dr) * cols + c + dc] = 1000;
const f32File = join(dir, 'turn.f32');
writeFileSync(f32File, Buffer.from(power.buffer));
const u8File = join(dir, 'turn.u8');
writeFileSync(u8File, Buffer.from(power.map((p) => Math.min(255, Math.round(p * 10)))));

describe('lookout detect', () => {
  it.each(['native', 'reference'])('CA on f32 prints one JSON line with cells, detections, plots, ms (%s)', async (impl) => {
    const { code, out } = await run(['detect', '--input', f32File, '--dtype', 'f32', '--rows', `${rows}`, '--cols', `${cols}`, '--method', 'ca', '--guard', '2', '--train', '8', '--pfa', '1e-6', '--impl', impl]);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const s = JSON.parse(lines[0]!) as Record<string, number>;
    expect(Object.keys(s).sort()).toEqual(['cells', 'detections', 'ms', 'plots']);
    expect(s.cells).toBe(rows * (cols - 20));
    expect(s.detections).toBeGreaterThanOrEqual(8);
    expect(s.plots).toBeGreaterThanOrEqual(2);
    expect(s.ms).toBeGreaterThanOrEqual(0);
  });

  it('native and reference agree on every method', async () => {
    const variants = [
      ['--method', 'go', '--guard', '2', '--train', '8'],
      ['--method', 'so', '--guard', '2', '--train', '8'],
      ['--method', 'os', '--guard', '2', '--train', '12', '--k', '18'],
      ['--method', 'ca2d', '--guard', '1,1', '--train', '4,4'],
      ['--method', 'os2d', '--guard', '1,1', '--train', '2,2'],
    ];
    for (const v of variants) {
      const base = ['detect', '--input', u8File, '--dtype', 'u8', '--rows', `${rows}`, '--cols', `${cols}`, ...v, '--pfa', '1e-4'];
      const a = await run([...base, '--impl', 'native']);
      const b = await run([...base, '--impl', 'reference']);
      expect(a.code, a.err).toBe(0);
      const sa = JSON.parse(a.out) as Record<string, number>;
      const sb = JSON.parse(b.out) as Record<string, number>;
      expect({ ...sa, ms: 0 }).toEqual({ ...sb, ms: 0 });
      expect(sa.detections).toBeGreaterThan(0);
    }
  });

  it.each([
    [['--rows', '65'], /bytes/],
    [['--dtype', 'u16'], /bytes/],
    [['--dtype', 'i8'], /--dtype/],
    [['--method', 'xx'], /--method/],
    [['--guard', '1,1'], /--guard/],
    [['--train', '200'], /do not fit/],
    [['--pfa', '1.5'], /--pfa/],
    [['--pfa', 'abc'], /--pfa/],
    [['--rows', '0'], /--rows/],
    [['--input', '/nonexistent/file'], /no such file/],
    [['--impl', 'gpu'], /--impl/],
    [['--method', 'os', '--k', '99'], /--k/],
    [['--method', 'ca2d'], /range,doppler/],
  ])('usage error %j exits 2 with a message', async (override, message) => {
    const base: Record<string, string> = { '--input': f32File, '--dtype': 'f32', '--rows': `${rows}`, '--cols': `${cols}`, '--method': 'ca', '--guard': '2', '--train': '8', '--pfa': '1e-6' };
    for (let i = 0; i < override.length; i += 2) base[override[i]!] = override[i + 1]!;
    const args = ['detect', ...Object.entries(base).flat()];
    const { code, err, out } = await run(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });

  it('exits 2 when a required option is missing', async () => {
    const { code } = await run(['detect', '--input', f32File, '--dtype', 'f32']);
    expect(code).toBe(2);
  });
});
