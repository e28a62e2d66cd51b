import { createSocket } from 'node:dgram';
import { describe, expect, it } from 'vitest';
import { UdpSource } from '../../../agent/src/io/udp.js';
import { isLookoutError } from '../../../agent/src/errors.js';
import { Cat240Decoder } from '../../../agent/src/protocols/cat240/decoder.js';
import { encodeCat240Video } from '../../../agent/src/protocols/cat240/encoder.js';
import type { Cat240Message } from '../../../agent/src/protocols/cat240/types.js';

async function send(port: number, datagrams: Buffer[]): Promise<void> {
  const s = createSocket('udp4');
  for (const d of datagrams) await new Promise<void>((resolve, reject) => s.send(d, port, '127.0.0.1', (err) => (err ? reject(err) : resolve())));
  await new Promise<void>((resolve) => s.close(() => resolve()));
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

describe('UdpSource on 127.0.0.1', () => {
  it('delivers one onData call per datagram, in order', async () => {
    const got: Buffer[] = [];
    const errors: Error[] = [];
    const src = new UdpSource({ address: '127.0.0.1', port: 0, receiveBufferBytes: 4 * 1024 * 1024, onData: (c) => got.push(c), onError: (e) => errors.push(e) });
    await src.start();
    const port = src.boundPort!;
    expect(port).toBeGreaterThan(0);
    const sent = [Buffer.from('one'), Buffer.alloc(1400, 2), Buffer.from('three')];
    await send(port, sent);
    await until(() => got.length === 3);
    await src.stop();
    expect(got).toEqual(sent);
    expect(src.counters).toMatchObject({ datagrams: 3, bytes: 1408 });
    expect(errors).toEqual([]); // a large SO_RCVBUF is capped by the kernel, not refused
  });

  it('feeds CAT240 blocks (two per datagram) into the decoder datagram by datagram', async () => {
    const msgs: Cat240Message[] = [];
    const dec = new Cat240Decoder({ onFrame: (m) => msgs.push(m) });
    const src = new UdpSource({ address: '127.0.0.1', port: 0, onData: (c, rx) => dec.pushDatagram(c, rx) });
    await src.start();
    const block = (i: number): Buffer => encodeCat240Video({ sac: 1, sic: 1, msgIndex: i, startAzimuth: i, endAzimuth: i + 1, startRangeCell: 0, cellDurationFs: 50e6, resolutionBits: 8, cells: new Uint8Array(512).fill(i) });
    await send(src.boundPort!, [Buffer.concat([block(0), block(1)]), Buffer.concat([block(2), block(3)])]);
    await until(() => msgs.length === 4);
    await src.stop();
    expect(msgs.map((m) => (m.type === 'cat240.video' ? m.msgIndex : -1))).toEqual([0, 1, 2, 3]);
    expect(dec.counters.msgIndexGaps).toBe(0);
  });

  it('joins a multicast group on the loopback interface', async () => {
    const got: Buffer[] = [];
    const src = new UdpSource({ port: 0, multicastGroup: '239.255.77.1', multicastInterface: '127.0.0.1', onData: (c) => got.push(c) });
    try {
      await src.start();
    } catch (err) {
      // Some sandboxes forbid IGMP joins even on loopback: then only the refusal path is checked.
      expect(isLookoutError(err, 'E_UDP')).toBe(true);
      return;
    }
    const s = createSocket('udp4');
    s.bind(0, '127.0.0.1');
    await new Promise((r) => s.once('listening', r));
    s.setMulticastInterface('127.0.0.1');
    s.setMulticastLoopback(true);
    await new Promise<void>((resolve, reject) => s.send(Buffer.from('mc'), src.boundPort!, '239.255.77.1', (e) => (e ? reject(e) : resolve())));
    await until(() => got.length === 1);
    s.close();
    await src.stop();
    expect(got.map((b) => b.toString())).toEqual(['mc']);
  });

  it('rejects start() with E_UDP when the port is taken', async () => {
    const a = new UdpSource({ address: '127.0.0.1', port: 0, onData: () => {} });
    await a.start();
    const b = new UdpSource({ address: '127.0.0.1', port: a.boundPort!, onData: () => {} });
    const err = await b.start().catch((e: unknown) => e);
    await a.stop();
    expect(isLookoutError(err, 'E_UDP')).toBe(true);
    expect((err as Error).message).toContain('127.0.0.1');
  });

  it('refuses a bad port and a missing onData', () => {
    expect(() => new UdpSource({ port: 70000, onData: () => {} })).toThrow(RangeError);
    expect(() => new UdpSource({ port: 1 } as never)).toThrow(TypeError);
  });
});
