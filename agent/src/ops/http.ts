/**
 * The unit's health and metrics endpoint: `GET /metrics` (Prometheus text), `GET /healthz`
 * (the process answers), `GET /readyz` (200 only when every sensor is live, the outbox writable
 * and the broker connected; 503 with the reasons otherwise). Off by default; loopback unless
 * configured otherwise. A scrape must never slow the pipeline: connections are capped, idle or
 * slow clients are cut by short timeouts, and nothing but three GETs is served.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import type { Logger } from 'pino';
import { LookoutError } from '../errors.js';

export interface Readiness {
  ready: boolean;
  /** Why not, in words a field engineer can act on (empty when ready). */
  reasons: string[];
}

export interface HttpEndpointOptions {
  host: string;
  port: number;
  /** When set, every request needs `Authorization: Bearer <token>`. */
  token?: string;
  metrics: () => Promise<string> | string;
  metricsContentType: string;
  readiness: () => Readiness;
  logger: Logger;
  /** At most this many open connections; more are closed at once. */
  maxConnections?: number;
  /** A request's headers must arrive within this (slowloris). */
  headersTimeoutMs?: number;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

/** `HOST:PORT` or `[V6]:PORT` or `PORT` (loopback); a RangeError says what is wrong. */
export function parseListenAddress(text: string): { host: string; port: number } {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]*)):(\d+)$/.exec(text) ?? (/^\d+$/.test(text) ? [text, undefined, '127.0.0.1', text] : null);
  if (!m) throw new RangeError(`"${text}" is not HOST:PORT (e.g. 127.0.0.1:9464)`);
  const host = m[1] ?? (m[2] === '' || m[2] === undefined ? '127.0.0.1' : m[2]);
  const port = Number(m[3]);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`port ${m[3]} of "${text}" is not 0-65535`);
  return { host, port };
}

export class HttpEndpoint {
  readonly name = 'http';
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  readonly counters = { requests: 0, refused: 0, unauthorized: 0, errors: 0 };

  constructor(private readonly options: HttpEndpointOptions) {}

  /** The bound address (after start). */
  get address(): AddressInfo | undefined {
    const a = this.server?.address();
    return a && typeof a === 'object' ? a : undefined;
  }

  async start(): Promise<void> {
    const o = this.options;
    const headersTimeout = o.headersTimeoutMs ?? 5000;
    // Node checks the header and request deadlines every connectionsCheckingInterval (30 s by
    // default): check often enough that a slowloris is cut near its deadline.
    const server = createServer(
      { headersTimeout, requestTimeout: 10_000, keepAliveTimeout: 5000, connectionsCheckingInterval: Math.max(100, Math.min(1000, headersTimeout / 2)) },
      (req, res) => void this.handle(req, res),
    );
    server.maxConnections = o.maxConnections ?? 32;
    server.maxHeadersCount = 32;
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.setTimeout(15_000, () => socket.destroy());
      socket.once('close', () => this.sockets.delete(socket));
    });
    server.on('drop', () => this.counters.refused++);
    server.on('clientError', (_err, socket: Socket) => {
      this.counters.errors++;
      // A late or malformed request gets one line and the connection goes (a slow client that
      // keeps writing must not hold a half-closed socket open).
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n', () => socket.destroy());
      else socket.destroy();
    });
    await new Promise<void>((resolve, reject) => {
      const onError = (err: NodeJS.ErrnoException): void => {
        const where = `${o.host}:${o.port}`;
        const why = err.code === 'EADDRINUSE' ? 'the address is in use (another process listens there)' : err.code === 'EADDRNOTAVAIL' ? 'no interface has that address' : err.code === 'EACCES' ? 'permission denied (ports below 1024 need privileges)' : (err.code ?? err.message);
        reject(new LookoutError('E_HTTP', `cannot listen on ${where} for /metrics: ${why}`, { cause: err, details: { host: o.host, port: o.port, errno: err.code } }));
      };
      server.once('error', onError);
      server.listen(o.port, o.host, () => {
        server.off('error', onError);
        server.on('error', (err) => o.logger.error({ err }, 'http endpoint error'));
        resolve();
      });
    });
    this.server = server;
    const a = this.address;
    o.logger.info({ host: a?.address, port: a?.port }, 'health and metrics on http');
    if (!LOOPBACK.test(o.host) && !o.token) o.logger.warn({ host: o.host }, 'the http endpoint listens beyond loopback without a token: anyone who reaches it reads the metrics (set http.tokenFile)');
  }

  private authorized(req: IncomingMessage): boolean {
    const token = this.options.token;
    if (!token) return true;
    const header = req.headers.authorization ?? '';
    const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
    const want = Buffer.from(token);
    return given.length === want.length && timingSafeEqual(given, want);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.counters.requests++;
    const path = (req.url ?? '/').split('?')[0];
    res.setHeader('Cache-Control', 'no-store');
    if (req.method !== 'GET' && req.method !== 'HEAD') return this.reply(res, 405, 'text/plain', 'only GET\n', { Allow: 'GET, HEAD' });
    if (!this.authorized(req)) {
      this.counters.unauthorized++;
      return this.reply(res, 401, 'text/plain', 'a bearer token is needed\n', { 'WWW-Authenticate': 'Bearer' });
    }
    try {
      if (path === '/healthz') return this.reply(res, 200, 'text/plain', 'ok\n');
      if (path === '/readyz') {
        const r = this.options.readiness();
        return this.reply(res, r.ready ? 200 : 503, 'application/json', JSON.stringify(r) + '\n');
      }
      if (path === '/metrics') return this.reply(res, 200, this.options.metricsContentType, await this.options.metrics());
      return this.reply(res, 404, 'text/plain', 'not found: /metrics, /healthz, /readyz\n');
    } catch (err) {
      this.counters.errors++;
      this.options.logger.error({ err, path }, 'http request failed');
      return this.reply(res, 500, 'text/plain', 'internal error\n');
    }
  }

  private reply(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...headers });
    res.end(res.req.method === 'HEAD' ? undefined : body);
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const s of this.sockets) s.destroy();
    });
  }
}
