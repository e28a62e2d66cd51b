/**
 * Settings changed by command (control/overrides.ts) on a real file: validated against the
 * whole configuration schema, pending until confirmed, reverted to what was confirmed before
 * at the deadline, and a deadline that passed while the agent was down reverts at load.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../agent/src/config/load.js';
import { Overrides } from '../../../agent/src/control/overrides.js';

const log = pino({ level: 'silent' });
const file = validateConfig({
  unit: 'u1',
  sensors: [{ id: 'radar1', protocol: 'cat240', input: { type: 'serial', path: '/dev/null', baud: 921600 }, radar: { latitude: 58, longitude: 11 }, detection: { pfa: 1e-6 } }],
});
const detection = (o: Overrides): Record<string, unknown> => (o.effective().sensors[0] as unknown as { detection: Record<string, unknown> }).detection;
const fresh = (path = join(mkdtempSync(join(tmpdir(), 'lookout-ovr-')), 'overrides.json')) => {
  const o = new Overrides(path, file, log);
  o.load(1000);
  return { o, path };
};

describe('overrides', () => {
  it('refuses what the schema refuses, naming the key', () => {
    const { o } = fresh();
    const r = o.validate('detection', 'radar1', { pfa: 2 });
    expect(r).toMatchObject({ ok: false, problem: expect.stringContaining('sensors.0.detection.pfa') });
    expect(o.validate('detection', 'radar1', { nonsense: 1 })).toMatchObject({ ok: false });
  });

  it('a pending change reverts at its deadline to what was confirmed before it', () => {
    const { o } = fresh();
    const a = o.validate('detection', 'radar1', { pfa: 1e-4 });
    if (!a.ok) throw new Error(a.problem);
    o.propose('detection', 'radar1', a.partial, 'n1', 5000);
    expect(o.confirm('n1')).toEqual({ area: 'detection', target: 'radar1', nonce: 'n1' });
    const b = o.validate('detection', 'radar1', { guard: 4 });
    if (!b.ok) throw new Error(b.problem);
    expect(b.partial).toEqual({ pfa: 1e-4, guard: 4 });
    o.propose('detection', 'radar1', b.partial, 'n2', 9000);
    expect(detection(o)).toMatchObject({ pfa: 1e-4, guard: 4 });
    expect(o.expire(8999)).toEqual([]);
    expect(o.expire(9000)).toEqual([{ area: 'detection', target: 'radar1', nonce: 'n2' }]);
    expect(detection(o)).toMatchObject({ pfa: 1e-4, guard: 2 });
    expect(o.confirm('n2')).toBeUndefined();
  });

  it('persists: a new instance on the file sees the change, and a deadline past at load reverts it', () => {
    const { o, path } = fresh();
    const a = o.validate('detection', 'radar1', { pfa: 1e-3 });
    if (!a.ok) throw new Error(a.problem);
    o.propose('detection', 'radar1', a.partial, 'n1', 5000);
    const again = new Overrides(path, file, log);
    expect(again.load(4000)).toEqual([]);
    expect(detection(again)).toMatchObject({ pfa: 1e-3 });
    const late = new Overrides(path, file, log);
    expect(late.load(6000)).toEqual([{ area: 'detection', target: 'radar1', nonce: 'n1' }]);
    expect(detection(late)).toMatchObject({ pfa: 1e-6 });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ entries: [] });
  });

  it('tracker settings are kept the same way', () => {
    const { o } = fresh();
    const t = o.validate('tracker', '', { measurement: { rangeCellMetres: 7.5 } });
    if (!t.ok) throw new Error(t.problem);
    o.propose('tracker', '', t.partial, 't1', 5000);
    expect(o.effective().tracker.measurement.rangeCellMetres).toBe(7.5);
    o.expire(5000);
    expect(o.effective().tracker.measurement.rangeCellMetres).toBe(3);
  });
});
