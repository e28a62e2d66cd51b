#!/usr/bin/env node
/**
 * Bytes on the link per plot, as the broker receives them: `lookout replay` of the shared harbour
 * recording at the default settings, published to a local mosquitto through a TCP proxy that
 * counts every byte the agent sends (MQTT fixed headers, topics or topic aliases, properties,
 * packet ids, payloads). Plots are counted by a hub subscribed behind the broker.
 *
 *   node test/bench/link-bytes.mjs [--turns N] [--json]
 *
 * Needs mosquitto and the compiled agent (`npx tsc -p tsconfig.json`).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const RECORDING = resolve(ROOT, '../shared/data/radar-video/navico-4g-noheading.cat240.gz');
const LOOKOUT = join(ROOT, 'agent/bin/lookout.js');
const args = process.argv.slice(2);
const JSON_OUT = args.includes('--json');
const extra = args.includes('--set') ? JSON.parse(args[args.indexOf('--set') + 1]) : {};

const { HubClient } = await import(join(ROOT, 'agent/dist/hub/client.js'));

const listen = (server) => new Promise((r) => server.listen(0, '127.0.0.1', () => r(server.address().port)));
const freePort = async () => {
  const s = createServer();
  const p = await listen(s);
  await new Promise((r) => s.close(r));
  return p;
};

const dir = mkdtempSync(join(tmpdir(), 'lookout-linkbytes-'));
const brokerPort = await freePort();
writeFileSync(join(dir, 'm.conf'), `listener ${brokerPort} 127.0.0.1\nallow_anonymous true\nuser root\npersistence false\n`);
const broker = spawn('/usr/sbin/mosquitto', ['-c', join(dir, 'm.conf')], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));

// The counting proxy: agent -> proxy -> broker.
let upBytes = 0;
const proxy = createServer((client) => {
  const up = createConnection(brokerPort, '127.0.0.1');
  client.on('data', (d) => {
    upBytes += d.length;
    up.write(d);
  });
  up.on('data', (d) => client.write(d));
  const end = () => (client.destroy(), up.destroy());
  client.on('error', end);
  up.on('error', end);
  client.on('close', end);
  up.on('close', end);
});
const proxyPort = await listen(proxy);

const unit = 'linkbytes';
let plots = 0;
let plotRecords = 0;
let records = 0;
const hub = new HubClient({
  url: `mqtt://127.0.0.1:${brokerPort}`,
  unit,
  mqtt: { protocolVersion: 5, clientId: 'hub-linkbytes' },
  onRecord: (r) => {
    records++;
    if (r.kind === 'plots') {
      plotRecords++;
      plots += r.body.plots.length;
    }
  },
});
hub.start();
await hub.ready();

const capture = join(dir, 'harbour.cat240');
writeFileSync(capture, gunzipSync(readFileSync(RECORDING)));
const config = join(dir, 'lookout.yaml');
writeFileSync(
  config,
  JSON.stringify({
    unit,
    dataDir: join(dir, 'data'),
    sensors: [{ id: 'radar1', protocol: 'cat240', input: { type: 'file', path: capture }, radar: { latitude: 58.2124, longitude: 11.5475 } }],
    mqtt: { url: `mqtt://127.0.0.1:${proxyPort}` },
    ...extra,
  }),
);
const speed = args.includes('--speed') ? ['--speed', args[args.indexOf('--speed') + 1]] : [];
const replay = spawn(process.execPath, [LOOKOUT, 'replay', '--config', config, capture, '--log-level', 'warn', ...speed], { stdio: ['ignore', 'inherit', 'inherit'] });
const code = await new Promise((r) => replay.once('exit', r));
await new Promise((r) => setTimeout(r, 1000));
await hub.stop?.();
proxy.close();
broker.kill('SIGTERM');
rmSync(dir, { recursive: true, force: true });
const row = { bench: 'link', replayExit: code, plots, plotRecords, records, bytesToBroker: upBytes, bytesPerPlot: upBytes / plots, plotsPerRecord: plots / plotRecords, settings: extra };
if (JSON_OUT) process.stdout.write(JSON.stringify(row) + '\n');
else process.stdout.write(`link     bytes to the broker per plot ${row.bytesPerPlot.toFixed(2).padStart(8)}   (${plots} plots in ${plotRecords} plots records, ${records} records in all, ${upBytes} bytes, the whole connection)\n`);
process.exit(0);
