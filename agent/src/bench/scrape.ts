/**
 * `lookout bench scrape`: what a `/metrics` scrape costs the unit, and whether hostile clients
 * slow the pipeline. The endpoint runs in this thread (as in `lookout run`); the clients run in a
 * worker thread, so the CPU read from /proc/thread-self/stat is the endpoint's alone. Baselines in
 * the same run: a `/healthz` request (the cheapest the endpoint serves) and the event loop with
 * no client at all.
 */
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import pino from 'pino';
import { HttpEndpoint } from '../ops/http.js';
import { createAgentMetrics, type MetricsSnapshot } from '../ops/metrics.js';
import { printRow } from './common.js';

/** CPU of the calling thread, ms (utime + stime of /proc/thread-self/stat). */
function threadCpuMs(): number {
  const stat = readFileSync('/proc/thread-self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
}

/** A status snapshot the size of a four-sensor unit's (about 150 counters). */
function unitSnapshot(tick: number): MetricsSnapshot {
  const counters: Record<string, number> = {};
  for (const id of ['radar1', 'radar2', 'mmwave1', 'arpa1']) {
    for (const k of ['opens', 'losses', 'bytes', 'errors', 'reads']) counters[`${id}.source.${k}`] = tick * 7;
    for (const k of ['framesOk', 'crcErrors', 'resyncs', 'truncated', 'unknown', 'oversize']) counters[`${id}.decoder.${k}`] = tick * 3;
    for (const k of ['spokes', 'turns', 'sectors', 'cellsTested', 'detections', 'blanked', 'plots', 'plotsDropped', 'overruns', 'missingSpokes', 'lateSpokes', 'duplicateSpokes', 'geometryChanges', 'maxSectorMs', 'plotsLastTurn', 'spokesPerTurn'])
      counters[`${id}.detect.${k}`] = tick * 11;
    counters[`${id}.link.alerts`] = 1;
  }
  for (const k of ['appended', 'committed', 'commits', 'droppedQuota', 'droppedExpired', 'droppedDiskFull', 'acked', 'gapRecords', 'corruptRecoveries', 'diskFullEvents']) counters[`outbox.${k}`] = tick * 13;
  for (const k of ['published', 'acked', 'refused', 'resent', 'reconnects', 'connects', 'thinned', 'bytesSent']) counters[`mqtt.${k}`] = tick * 17;
  return { spokes: tick * 2048, plotsPerScan: 80, outboxDepth: 12, outboxBytes: 4096, published: tick * 17, dropped: 0, thinned: 0, uptimeSeconds: tick, counters };
}

/** The clients, in a worker: sequential GETs, or a hostile crowd (idle sockets and slowloris). */
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const net = require('node:net');
const { port, mode, count } = workerData;
const sockets = [];
async function sequential(path) {
  for (let i = 0; i < count; i++) {
    const res = await fetch('http://127.0.0.1:' + port + path);
    await res.arrayBuffer();
  }
}
function hostile() {
  for (let i = 0; i < 100; i++) {
    const s = net.connect(port, '127.0.0.1');
    s.on('error', () => {});
    sockets.push(s);
    if (i % 2 === 0) {
      // slowloris: a byte of header every 200 ms, never finishing
      s.write('GET /metrics HTTP/1.1\\r\\nHost: x\\r\\n');
      const t = setInterval(() => s.writable ? s.write('X') : clearInterval(t), 200);
    }
  }
}
(async () => {
  if (mode === 'hostile') { hostile(); parentPort.postMessage('started'); return; }
  await sequential(mode);
  parentPort.postMessage('done');
})();
`;

function runClient(port: number, mode: string, count: number): { done: Promise<void>; worker: Worker } {
  const worker = new Worker(CLIENT, { eval: true, workerData: { port, mode, count } });
  const done = new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  return { done, worker };
}

/** Busy work standing for the pipeline: loop delay is what a stage would wait. */
async function loopDelayDuring(ms: number): Promise<{ p99: number; max: number }> {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  const until = performance.now() + ms;
  while (performance.now() < until) {
    let x = 0;
    for (let i = 0; i < 2e5; i++) x += Math.sqrt(i);
    if (x < 0) break;
    await new Promise((r) => setImmediate(r));
  }
  h.disable();
  return { p99: h.percentile(99) / 1e6, max: h.max / 1e6 };
}

export async function runScrapeBench(opts: { json: boolean; requests?: number }, out: NodeJS.WritableStream): Promise<void> {
  const requests = opts.requests ?? 1000;
  let tick = 1;
  const metrics = createAgentMetrics(() => unitSnapshot(tick++));
  const endpoint = new HttpEndpoint({
    host: '127.0.0.1',
    port: 0,
    metrics: () => metrics.render(),
    metricsContentType: metrics.contentType,
    readiness: () => ({ ready: true, reasons: [] }),
    logger: pino({ level: 'silent' }),
    headersTimeoutMs: 2000,
  });
  await endpoint.start();
  const port = endpoint.address!.port;
  try {
    const body = await metrics.render();
    const perRequest = async (path: string): Promise<number> => {
      const c0 = threadCpuMs();
      const client = runClient(port, path, requests);
      await client.done;
      await client.worker.terminate();
      return (threadCpuMs() - c0) / requests;
    };
    await perRequest('/healthz'); // warm up both paths
    await perRequest('/metrics');
    const healthz = await perRequest('/healthz');
    const scrape = await perRequest('/metrics');
    printRow(
      {
        bench: 'scrape',
        name: `CPU per /metrics request (${body.split('\n').filter((l) => l && !l.startsWith('#')).length} series, ${(Buffer.byteLength(body) / 1024).toFixed(1)} KiB)`,
        value: scrape,
        unit: 'ms',
        baseline: { name: '/healthz request', value: healthz, unit: 'ms' },
        note: `endpoint thread only, mean of ${requests}`,
      },
      opts.json,
      out,
    );
    const quiet = await loopDelayDuring(2000);
    const hostile = runClient(port, 'hostile', 0);
    await hostile.done;
    const attacked = await loopDelayDuring(2000);
    const counters = { ...endpoint.counters };
    await hostile.worker.terminate();
    printRow(
      { bench: 'scrape', name: 'event-loop delay p99, 100 hostile clients', value: attacked.p99, unit: 'ms', baseline: { name: 'no client', value: quiet.p99, unit: 'ms' }, note: `max ${attacked.max.toFixed(1)} vs ${quiet.max.toFixed(1)} ms; refused ${counters.refused}, cut ${counters.errors}` },
      opts.json,
      out,
    );
  } finally {
    await endpoint.stop();
  }
}
