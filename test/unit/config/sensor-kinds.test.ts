import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../../agent/src/config/load.js';
import { main } from '../../../agent/src/cli/index.js';
import { configFromFlags } from '../../../agent/src/cli/run.js';
import { LookoutError } from '../../../agent/src/errors.js';
import { SENSOR_KINDS, sensorKind } from '../../../agent/src/sensors/index.js';

function problemsOf(raw: unknown): Array<{ path: string; message: string }> {
  try {
    validateConfig(raw);
  } catch (err) {
    expect(err).toBeInstanceOf(LookoutError);
    return (err as LookoutError).details.problems as Array<{ path: string; message: string }>;
  }
  throw new Error('expected a configuration error');
}

const udp = { type: 'udp', port: 4000 };

describe('sensor kinds in the configuration', () => {
  it('every kind is one option of the union, selected by its protocol literal', () => {
    expect(SENSOR_KINDS.map((k) => k.protocol)).toEqual(['cat240', 'ti-mmwave', 'nmea0183']);
    for (const kind of SENSOR_KINDS) {
      expect(sensorKind(kind.protocol)).toBe(kind);
      const parsed = validateConfig({ unit: 'u', sensors: [{ id: 's', protocol: kind.protocol, input: udp, radar: { latitude: 1, longitude: 2 } }].map((s) => (kind.protocol === 'nmea0183' ? { id: s.id, protocol: s.protocol, input: s.input } : s)) });
      expect(parsed.sensors[0]!.protocol).toBe(kind.protocol);
    }
    expect(sensorKind('mavlink')).toBeUndefined();
  });

  it('a kind that needs a mount and has none is an error with its key path, never a mount at 0,0', () => {
    expect(problemsOf({ unit: 'u', sensors: [{ id: 'r', protocol: 'cat240', input: udp }] })).toEqual([{ path: 'sensors.0.radar', message: expect.stringMatching(/cat240 sensor needs the radar position/) }]);
    expect(problemsOf({ unit: 'u', sensors: [{ id: 'r', protocol: 'cat240', input: udp, radar: { latitude: 1, longitude: 2 } }, { id: 'm', protocol: 'ti-mmwave', input: udp }] })).toEqual([
      { path: 'sensors.1.radar', message: expect.stringMatching(/ti-mmwave sensor needs its mount .* or a nav source/) },
    ]);
    // A nav source places a sensor without a mount.
    const onDrone = validateConfig({ unit: 'u', sensors: [{ id: 'm', protocol: 'ti-mmwave', input: udp }], nav: { protocol: 'mavlink', input: { type: 'udp', port: 14550 } } });
    expect('radar' in onDrone.sensors[0]! && onDrone.sensors[0].radar).toBeFalsy();
  });

  it('each kind takes only its own keys: no detection on a sensor that detects on chip, no tiConfig on a radar', () => {
    const p = problemsOf({
      unit: 'u',
      sensors: [
        { id: 'm', protocol: 'ti-mmwave', input: udp, radar: { latitude: 1, longitude: 2 }, detection: { pfa: 1e-6 } },
        { id: 'r', protocol: 'cat240', input: udp, radar: { latitude: 1, longitude: 2 }, tiConfig: { port: '/dev/x', cfgFile: 'a.cfg' } },
      ],
    });
    expect(p.map((x) => x.path)).toEqual(['sensors.0.detection', 'sensors.1.tiConfig']);
    for (const x of p) expect(x.message).toMatch(/unknown key/);
  });

  it('a quick start from flags gets no made-up mount: a cat240 sensor without --radar is refused with the key path', () => {
    let err: unknown;
    try {
      configFromFlags({ sensor: '/dev/ttyUSB0', unit: 'u', protocol: 'cat240' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(LookoutError);
    expect((err as LookoutError).details.problems).toEqual([{ path: 'sensors.0.radar', message: expect.stringMatching(/needs the radar position/) }]);
    expect(configFromFlags({ sensor: '/dev/ttyUSB0', unit: 'u', protocol: 'cat240', radar: '58.2,11.5' }).sensors[0]).toMatchObject({ radar: { latitude: 58.2, longitude: 11.5 } });
    // ARPA tracks need no mount.
    expect(configFromFlags({ sensor: '/dev/ttyUSB0', unit: 'u', protocol: 'nmea0183' }).sensors[0]!.protocol).toBe('nmea0183');
  });

  it('`config check` exits 78 on a missing mount and names the key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-kinds-'));
    const file = join(dir, 'c.yaml');
    writeFileSync(file, 'unit: u\nsensors:\n  - id: mmw\n    protocol: ti-mmwave\n    input: { type: serial, path: /dev/ttyACM1 }\n');
    let err = '';
    const code = await main(['config', 'check', file], { stdout: { write: () => true } as unknown as NodeJS.WritableStream, stderr: { write: (s: string) => ((err += s), true) } as unknown as NodeJS.WritableStream });
    expect(code).toBe(78);
    expect(err).toMatch(/sensors\.0\.radar/);
  });
});
