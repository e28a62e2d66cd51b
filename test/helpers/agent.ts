import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type mqtt from 'mqtt';
import { SerialPort } from 'serialport';
import { HubClient } from '../../agent/src/hub/client.js';
import type { AnyRecord, Deduper } from '../../agent/src/hub/index.js';
import { loadRadarScenario } from '../../agent/src/sim/scenario.js';
import { createCat240RadarSim } from '../../agent/src/sim/cat240.js';

/** The coastal scenario every agent test's radar sees. */
export const coastal = loadRadarScenario('coastal');

export interface AgentConfigOptions {
  statusMs?: number;
  /** Serial retry cap (ms): short, so tests see reconnects quickly. */
  serialMaxMs?: number;
  /** Top-level keys laid over the configuration (health, http, dataDir, ...). */
  extra?: Record<string, unknown>;
  /** Keys laid over the radar sensor's block (e.g. `tracking`). */
  sensor?: Record<string, unknown>;
}

/** A one-radar configuration file for `lookout run --config`, with short retry delays. */
export function agentConfig(dir: string, sensorPath: string, brokerUrl: string, unit: string, opts: AgentConfigOptions = {}): string {
  const file = join(dir, 'lookout.yaml');
  writeFileSync(
    file,
    JSON.stringify({
      unit,
      dataDir: join(dir, 'data'),
      log: { level: 'info' },
      sensors: [
        {
          id: 'radar1',
          protocol: 'cat240',
          input: { type: 'serial', path: sensorPath, baud: 921600, reconnectMinMs: 100, reconnectMaxMs: opts.serialMaxMs ?? 800 },
          radar: { latitude: coastal.radar.latitude, longitude: coastal.radar.longitude },
          ...opts.sensor,
        },
      ],
      mqtt: { url: brokerUrl, reconnect: { minMs: 200, maxMs: 1000 } },
      status: { intervalMs: opts.statusMs ?? 1000 },
      ...opts.extra,
    }),
  );
  return file;
}

export interface Hub {
  records: AnyRecord[];
  dedupe: Deduper;
  client: mqtt.MqttClient;
}

/**
 * A hub subscribed to one unit: decodes every record, keeps them in arrival order and dedupes.
 * `persistent`: a session the broker keeps (with broker persistence, across its restarts).
 */
export async function startHub(url: string, unit: string, persistent = false): Promise<Hub> {
  const records: AnyRecord[] = [];
  const hub = new HubClient({
    url,
    unit,
    mqtt: { protocolVersion: 4, clientId: `hub-${unit}`, clean: !persistent, reconnectPeriod: 100 },
    onRecord: (record) => records.push(record),
  });
  hub.start();
  await hub.ready();
  return { records, dedupe: hub.dedupe, client: hub.mqtt };
}

/** Writes simulated CAT240 spokes to a serial port in real time until `stop()`. */
export function feedSpokes(path: string, seed: number): { stop(): Promise<void>; written(): number } {
  const sim = createCat240RadarSim({ scenario: coastal, seed, startWallMs: Date.now() });
  const port = new SerialPort({ path, baudRate: 921600 });
  port.on('error', () => {});
  let written = 0;
  const started = performance.now();
  let pending = sim.next()!;
  const timer = setInterval(() => {
    const elapsedS = (performance.now() - started) / 1000;
    while (pending.timeS <= elapsedS) {
      port.write(pending.bytes);
      written++;
      pending = sim.next()!;
    }
  }, 10);
  return {
    written: () => written,
    stop: () =>
      new Promise<void>((resolve) => {
        clearInterval(timer);
        if (!port.isOpen) return resolve();
        port.close(() => resolve());
      }),
  };
}
