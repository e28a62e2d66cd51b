import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configHash, formatConfigProblems, loadConfigFile, parseConfigText, validateConfig } from '../../../agent/src/config/load.js';
import { configFromFlags } from '../../../agent/src/cli/run.js';
import { main } from '../../../agent/src/cli/index.js';
import { LookoutError } from '../../../agent/src/errors.js';
import { REPO_ROOT } from '../../helpers/paths.js';

function problemsOf(fn: () => unknown): Array<{ path: string; message: string }> {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(LookoutError);
    expect((err as LookoutError).code).toBe('E_CONFIG');
    return (err as LookoutError).details.problems as Array<{ path: string; message: string }>;
  }
  throw new Error('expected a configuration error');
}

function capture(): { stream: NodeJS.WritableStream; text: () => string } {
  let text = '';
  const stream = { write: (s: string) => ((text += s), true) } as unknown as NodeJS.WritableStream;
  return { stream, text: () => text };
}

describe('configuration', () => {
  it('accepts the annotated example and the demo config', () => {
    const example = loadConfigFile(join(REPO_ROOT, 'config/lookout.example.yaml'));
    expect(example.sensors[0]!.detection.pfa).toBe(1e-6);
    expect(example.mqtt.protocolVersion).toBe(5);
    const radar = example.sensors[0]!;
    expect(radar.protocol === 'cat240' && radar.tracking).toMatchObject({ enabled: true, publishPlots: false, publishTentative: false });
    expect(example.tracker.guardZones.map((z) => z.name)).toEqual(['harbour-mouth', 'close-ring']);
    expect(loadConfigFile(join(REPO_ROOT, 'config/demo.yaml')).unit).toBe('demo-01');
  });

  it('lists every problem at once with its key path', () => {
    const problems = problemsOf(() =>
      validateConfig({
        unit: 'a unit',
        sensors: [{ id: 'r', protocol: 'x', input: { type: 'serial', path: '/dev/ttyUSB0', baud: 0 }, detection: { pfa: 0, gaurd: 1 } }],
        outbox: { maxBytes: 10 },
      }),
    );
    const paths = problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['unit', 'sensors.0.protocol', 'sensors.0.input.baud', 'sensors.0.detection.pfa', 'sensors.0.detection.gaurd', 'outbox.maxBytes']));
    expect(problems.find((p) => p.path === 'sensors.0.detection.gaurd')!.message).toMatch(/unknown key/);
  });

  it("checks a sensor's tracking block and its tracker settings with their key paths", () => {
    const sensor = { id: 'r', protocol: 'cat240', input: { type: 'udp', port: 4000 }, radar: { latitude: 1, longitude: 2 } };
    const problems = problemsOf(() => validateConfig({ unit: 'u', sensors: [{ ...sensor, tracking: { enabled: 'yes', settings: { measurement: { rangeCellMetre: 3 } } } }] }));
    expect(problems.map((p) => p.path).sort()).toEqual(['sensors.0.tracking.enabled', 'sensors.0.tracking.settings.measurement.rangeCellMetre']);
  });

  it('asks for the radar position of a video sensor, and refuses duplicate sensor ids', () => {
    const sensor = { id: 'r', protocol: 'cat240', input: { type: 'udp', port: 4000 } };
    expect(problemsOf(() => validateConfig({ unit: 'u', sensors: [sensor] })).map((p) => p.path)).toEqual(['sensors.0.radar']);
    const radar = { latitude: 1, longitude: 2 };
    const dup = problemsOf(() => validateConfig({ unit: 'u', sensors: [{ ...sensor, radar }, { ...sensor, radar }] }));
    expect(dup).toEqual([{ path: 'sensors.1.id', message: 'sensor id "r" is used twice' }]);
  });

  it('reports YAML syntax errors with line and column', () => {
    const problems = problemsOf(() => parseConfigText('unit: a\nsensors:\n  - id: [\n', 'x.yaml'));
    expect(problems[0]!.path).toMatch(/^line \d+, column \d+$/);
    const err = (() => {
      try {
        parseConfigText('a: 1\na: 2\n', 'dup.yaml');
      } catch (e) {
        return e as LookoutError;
      }
      return undefined;
    })();
    expect(formatConfigProblems(err!)).toMatch(/dup\.yaml is not valid YAML/);
  });

  it('builds a one-sensor configuration from run flags, and lets flags override a file', () => {
    const cfg = configFromFlags({ sensor: '/dev/ttyUSB3@115200', protocol: 'cat240', broker: 'mqtt://10.0.0.1:1883', unit: 'u1', radar: '58.1,11.5' });
    expect(cfg.sensors[0]!.input).toMatchObject({ type: 'serial', path: '/dev/ttyUSB3', baud: 115200 });
    expect(cfg.sensors[0]!.radar).toMatchObject({ latitude: 58.1, longitude: 11.5 });
    expect(cfg.mqtt.url).toBe('mqtt://10.0.0.1:1883');
    expect(cfg.dataDir).toBe('./lookout-data');

    const file = join(REPO_ROOT, 'config/lookout.example.yaml');
    const over = configFromFlags({ config: file, sensor: '/dev/ttyACM0', unit: 'other', pfa: 1e-4 });
    expect(over.unit).toBe('other');
    expect(over.sensors[0]!.input).toMatchObject({ path: '/dev/ttyACM0', baud: 921600 });
    expect(over.sensors[0]!.detection.pfa).toBe(1e-4);
    expect(over.sensors[0]!.detection.train).toBe(8);
    expect(over.sensors[0]!.radar!.latitude).toBe(58.2124);
    expect(() => configFromFlags({ sensor: '/dev/ttyUSB0' })).toThrow(/needs --unit ID/);
    expect(() => configFromFlags({})).toThrow(/--config FILE .*--sensor PATH/);
  });

  it('gives the same hash for the same configuration whatever the key order', () => {
    const a = validateConfig({ unit: 'u', sensors: [{ id: 'r', protocol: 'nmea0183', input: { type: 'udp', port: 10110 } }] });
    const b = validateConfig({ sensors: [{ input: { port: 10110, type: 'udp' }, protocol: 'nmea0183', id: 'r' }], unit: 'u' });
    expect(configHash(a)).toBe(configHash(b));
    expect(configHash({ ...a, unit: 'v' })).not.toBe(configHash(a));
  });

  it('`config check` exits 78 with the problems, 0 on a good file; `config schema` is JSON Schema; `config example` is the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-cfg-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'unit: ok\nsensors: []\n');
    const err = capture();
    expect(await main(['config', 'check', bad], { stdout: capture().stream, stderr: err.stream })).toBe(78);
    expect(err.text()).toContain('sensors: at least one sensor is needed');
    const out = capture();
    expect(await main(['config', 'check', join(REPO_ROOT, 'config/demo.yaml')], { stdout: out.stream, stderr: capture().stream })).toBe(0);
    expect(out.text()).toMatch(/ok \(unit demo-01, 1 sensor/);
    const schema = capture();
    expect(await main(['config', 'schema'], { stdout: schema.stream, stderr: capture().stream })).toBe(0);
    const parsed = JSON.parse(schema.text()) as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(parsed.properties)).toEqual(expect.arrayContaining(['unit', 'sensors', 'mqtt', 'outbox']));
    expect(parsed.required).toEqual(expect.arrayContaining(['unit', 'sensors']));
    const example = capture();
    expect(await main(['config', 'example'], { stdout: example.stream, stderr: capture().stream })).toBe(0);
    expect(example.text()).toBe(readFileSync(join(REPO_ROOT, 'config/lookout.example.yaml'), 'utf8'));
    const missing = capture();
    expect(await main(['config', 'check', join(dir, 'nope.yaml')], { stdout: capture().stream, stderr: missing.stream })).toBe(78);
    expect(missing.text()).toMatch(/no such file/);
  });
});
