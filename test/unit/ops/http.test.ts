import { connect, createServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { HttpEndpoint, parseListenAddress, type Readiness } from '../../../agent/src/ops/http.js';
import { createAgentMetrics, parseCounterKey, type MetricsSnapshot } from '../../../agent/src/ops/metrics.js';
import { isLookoutError } from '../../../agent/src/errors.js';

const logger = pino({ level: 'silent' });
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (stops.length) await stops.pop()!();
});

const snapshot: MetricsSnapshot = {
  spokes: 4096,
  plotsPerScan: 37,
  outboxDepth: 12,
  outboxBytes: 3456,
  published: 99,
  dropped: 2,
  thinned: 0,
  uptimeSeconds: 61,
  counters: { 'r1.decoder.framesOk': 4096, 'r1.decoder.crcErrors': 3, 'r1.opens': 2, 'r1.losses': 1, 'outbox.appended': 111, 'outbox.depth': 12, 'mqtt.acked': 99, 'r1.detect.plotsLastTurn': 37, 'r1.lastDataAgeMs': 250 },
};

async function endpoint(readiness: () => Readiness = () => ({ ready: true, reasons: [] }), extra: { token?: string; headersTimeoutMs?: number; maxConnections?: number } = {}): Promise<{ ep: HttpEndpoint; base: string }> {
  const metrics = createAgentMetrics(() => snapshot);
  const ep = new HttpEndpoint({ host: '127.0.0.1', port: 0, metrics: () => metrics.render(), metricsContentType: metrics.contentType, readiness, logger, ...extra });
  await ep.start();
  stops.push(() => ep.stop());
  return { ep, base: `http://127.0.0.1:${ep.address!.port}` };
}

describe('the health and metrics endpoint', () => {
  it('serves /metrics in Prometheus text from the status snapshot, with the default process metrics', async () => {
    const { base } = await endpoint();
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toMatch(/^# TYPE lookout_spokes_total counter\nlookout_spokes_total 4096$/m);
    expect(text).toMatch(/^lookout_outbox_depth_records 12$/m);
    expect(text).toMatch(/^lookout_decoder_frames_ok_total\{sensor="r1"\} 4096$/m);
    expect(text).toMatch(/^lookout_decoder_crc_errors_total\{sensor="r1"\} 3$/m);
    expect(text).toMatch(/^lookout_link_losses_total\{sensor="r1"\} 1$/m);
    expect(text).toMatch(/^# TYPE lookout_detect_plots_last_turn gauge$/m);
    expect(text).toMatch(/^lookout_link_last_data_age_seconds\{sensor="r1"\} 0\.25$/m);
    expect(text).toMatch(/^lookout_mqtt_acked_total 99$/m);
    expect(text).toMatch(/^process_cpu_seconds_total /m);
    expect(text).toMatch(/^# TYPE lookout_publish_latency_seconds histogram$/m);
  });

  it('names counter keys in base units with _total on counts', () => {
    expect(parseCounterKey('r1.decoder.framesOk')).toMatchObject({ name: 'lookout_decoder_frames_ok_total', sensor: 'r1', level: false });
    expect(parseCounterKey('outbox.droppedQuota')).toMatchObject({ name: 'lookout_outbox_dropped_quota_total', sensor: undefined });
    expect(parseCounterKey('r1.bytes')).toMatchObject({ name: 'lookout_link_bytes', level: true });
    expect(parseCounterKey('nav.lastFixAgeMs')).toMatchObject({ name: 'lookout_link_last_fix_age_seconds', scale: 0.001, sensor: 'nav' });
  });

  it('/healthz is 200; /readyz is 200 when ready and 503 with the reasons as JSON when not', async () => {
    let r: Readiness = { ready: true, reasons: [] };
    const { base } = await endpoint(() => r);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    r = { ready: false, reasons: ['sensor r1: no data for 12 s (silenceMs 10000)', 'broker not connected'] };
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual(r);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(405);
  });

  it('with a token, a request without the bearer token is refused', async () => {
    const { base, ep } = await endpoint(undefined, { token: 's3cret' });
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { Authorization: 'Bearer wrong!' } })).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { Authorization: 'Bearer s3cret' } })).status).toBe(200);
    expect(ep.counters.unauthorized).toBe(2);
  });

  it('an address in use is E_HTTP naming it', async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', () => r()));
    stops.push(() => new Promise((r) => taken.close(() => r())));
    const port = (taken.address() as { port: number }).port;
    const metrics = createAgentMetrics(() => snapshot, { defaultMetrics: false });
    const ep = new HttpEndpoint({ host: '127.0.0.1', port, metrics: () => metrics.render(), metricsContentType: metrics.contentType, readiness: () => ({ ready: true, reasons: [] }), logger });
    const err = await ep.start().catch((e: unknown) => e);
    expect(isLookoutError(err, 'E_HTTP')).toBe(true);
    expect((err as Error).message).toBe(`cannot listen on 127.0.0.1:${port} for /metrics: the address is in use (another process listens there)`);
  });

  it('a slowloris client is cut off once its headers are late, and the endpoint keeps answering', async () => {
    const { base, ep } = await endpoint(undefined, { headersTimeoutMs: 300 });
    const port = ep.address!.port;
    const slow: Socket = connect(port, '127.0.0.1');
    slow.on('error', () => {}); // the drip may write after the server cut it (EPIPE): that is the point
    await new Promise<void>((r) => slow.once('connect', () => r()));
    slow.write('GET /metrics HTTP/1.1\r\nHost: x\r\n');
    const drip = setInterval(() => slow.writable && slow.write('X-a: b\r\n'), 100);
    const closed = await new Promise<boolean>((resolve) => {
      slow.once('close', () => resolve(true));
      setTimeout(() => resolve(false), 20_000);
    });
    clearInterval(drip);
    expect(closed).toBe(true);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('a hundred parallel idle connections are capped; the endpoint serves again once they go', async () => {
    const { base, ep } = await endpoint(undefined, { maxConnections: 16 });
    const port = ep.address!.port;
    const sockets = await Promise.all(
      Array.from({ length: 100 }, () => new Promise<Socket>((resolve) => {
        const s = connect(port, '127.0.0.1');
        s.on('error', () => {});
        s.once('connect', () => resolve(s));
        s.once('close', () => resolve(s));
      })),
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(ep.counters.refused).toBeGreaterThanOrEqual(84);
    for (const s of sockets) s.destroy();
    await new Promise((r) => setTimeout(r, 100));
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});

describe('parseListenAddress', () => {
  it('reads HOST:PORT, [V6]:PORT and PORT (loopback)', () => {
    expect(parseListenAddress('127.0.0.1:9464')).toEqual({ host: '127.0.0.1', port: 9464 });
    expect(parseListenAddress('[::1]:9464')).toEqual({ host: '::1', port: 9464 });
    expect(parseListenAddress('9464')).toEqual({ host: '127.0.0.1', port: 9464 });
    expect(parseListenAddress(':9464')).toEqual({ host: '127.0.0.1', port: 9464 });
    expect(() => parseListenAddress('host')).toThrow(RangeError);
    expect(() => parseListenAddress('h:70000')).toThrow(/not 0-65535/);
  });
});
