import { createSocket, type Socket, type SocketType } from 'node:dgram';
import { isIPv6 } from 'node:net';
import { LookoutError } from '../errors.js';
import { systemClock, type ByteSource, type ByteSourceEvents, type Clock, type SourceCounters } from './types.js';

export interface UdpSourceOptions extends ByteSourceEvents {
  /** UDP port to bind; 0 picks a free one (read it back from `boundPort`). */
  port: number;
  /** Local address to bind. Default: all interfaces ('0.0.0.0', or '::' for an IPv6 group). */
  address?: string;
  /** Multicast group to join (radars usually send CAT240 to a group, e.g. 239.x.y.z). */
  multicastGroup?: string;
  /** Local interface address to join the group on. Default: the system's choice. */
  multicastInterface?: string;
  /**
   * SO_REUSEADDR, so several listeners (another tool, a second agent) can share a multicast
   * port. Default: true with a multicast group, false without.
   */
  reuseAddr?: boolean;
  /** SO_RCVBUF in bytes: raise it for radar video (a 48 rpm radar sends about 2 MB/s in bursts). */
  receiveBufferBytes?: number;
  clock?: Clock;
  /** Makes the socket; tests may hand in another. */
  createSocket?: (type: SocketType, reuseAddr: boolean) => Socket;
}

export interface UdpSourceCounters extends SourceCounters {
  datagrams: number;
}

const defaultCreate = (type: SocketType, reuseAddr: boolean): Socket => createSocket({ type, reuseAddr });

/**
 * A UDP receiver: one `onData` call per datagram, so datagram-framed decoders (CAT240's
 * `pushDatagram`) see datagram boundaries. A bind that fails rejects `start()` with E_UDP (a
 * wrong address or a port in use is a configuration matter, not something to retry); errors
 * after that go to `onError`.
 */
export class UdpSource implements ByteSource {
  readonly name: string;
  readonly counters: UdpSourceCounters = { opens: 0, losses: 0, bytes: 0, errors: 0, datagrams: 0 };
  private readonly options: UdpSourceOptions;
  private readonly clock: Clock;
  private socket: Socket | undefined;

  constructor(options: UdpSourceOptions) {
    if (typeof options?.onData !== 'function') throw new TypeError('UdpSource needs onData');
    if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
      throw new RangeError(`UDP port must be an integer in 0..65535, got ${String(options.port)}`);
    }
    this.options = options;
    this.clock = options.clock ?? systemClock;
    const where = options.multicastGroup ? `${options.multicastGroup}:${options.port}` : `${options.address ?? '*'}:${options.port}`;
    this.name = `udp:${where}`;
  }

  /** The port actually bound (useful with port 0); undefined before start. */
  get boundPort(): number | undefined {
    return this.socket?.address().port;
  }

  async start(): Promise<void> {
    if (this.socket) return;
    const o = this.options;
    const v6 = isIPv6(o.address ?? '') || isIPv6(o.multicastGroup ?? '');
    const socket = (o.createSocket ?? defaultCreate)(v6 ? 'udp6' : 'udp4', o.reuseAddr ?? o.multicastGroup !== undefined);
    const address = o.address ?? (v6 ? '::' : '0.0.0.0');
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('error', reject);
        socket.bind(o.port, address, () => {
          socket.off('error', reject);
          resolve();
        });
      });
      if (o.multicastGroup !== undefined) socket.addMembership(o.multicastGroup, o.multicastInterface);
    } catch (err) {
      socket.close();
      throw new LookoutError('E_UDP', `cannot listen on UDP ${address}:${o.port}${o.multicastGroup ? ` (group ${o.multicastGroup})` : ''}: ${(err as Error).message}`, {
        cause: err, details: { address, port: o.port, group: o.multicastGroup },
      });
    }
    socket.on('message', (msg) => {
      this.counters.datagrams++;
      this.counters.bytes += msg.length;
      o.onData(msg, { monoMs: this.clock.monoMs(), wallMs: this.clock.wallMs() });
    });
    socket.on('error', (err) => {
      this.counters.errors++;
      o.onError?.(new LookoutError('E_UDP', `UDP ${this.name}: ${err.message}`, { cause: err, retryable: true }));
    });
    if (o.receiveBufferBytes !== undefined) {
      // Best effort: the kernel may refuse or cap it (net.core.rmem_max); receiving still works.
      try {
        socket.setRecvBufferSize(o.receiveBufferBytes);
      } catch (err) {
        this.counters.errors++;
        o.onError?.(new LookoutError('E_UDP', `UDP ${this.name}: receive buffer of ${o.receiveBufferBytes} bytes refused: ${(err as Error).message}`, { cause: err }));
      }
    }
    this.socket = socket;
    this.counters.opens++;
    o.onOpen?.();
  }

  async stop(): Promise<void> {
    const socket = this.socket;
    if (!socket) return;
    this.socket = undefined;
    await new Promise<void>((resolve) => socket.close(() => resolve()));
    this.options.onClose?.();
  }
}
