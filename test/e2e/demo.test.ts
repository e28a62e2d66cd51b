/** `npm start` as a newcomer sees it: `lookout demo` prints plots within seconds and stops cleanly. */
import { describe, expect, it } from 'vitest';
import { runLookout } from '../helpers/cli.js';

function plotLines(stdout: string): string[] {
  return stdout.split('\n').filter((l) => l.startsWith('plot '));
}

describe('lookout demo', () => {
  it('runs on mosquitto and a socat PTY link, printing plots and summaries', async () => {
    const r = await runLookout(['demo', '--duration', '14']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/demo: broker: mosquitto on mqtt:\/\/127\.0\.0\.1:\d+/);
    expect(r.stdout).toMatch(/demo: link: serial over a socat PTY pair/);
    expect(r.stdout).toMatch(/hub: birth of demo-01/);
    expect(r.stdout).toMatch(/summary: \d+ s, \d+ records, \d+ plots, 0 duplicates, 0 missing/);
    // The coastal scenario's target 3 at about 6.2 km, 300°: seen on the turns the demo ran.
    expect(plotLines(r.stdout).some((l) => /range  61\d\d m  bearing 29\d\.\d\d°/.test(l))).toBe(true);
  }, 60_000);

  it('runs without mosquitto or socat: embedded broker and a UDP link', async () => {
    const r = await runLookout(['demo', '--duration', '14', '--embedded-broker', '--link', 'udp']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/demo: broker: embedded \(MQTT 3\.1\.1/);
    expect(r.stdout).toMatch(/demo: link: UDP udp:\/\/127\.0\.0\.1:\d+/);
    expect(plotLines(r.stdout).length).toBeGreaterThanOrEqual(4);
  }, 60_000);
});
