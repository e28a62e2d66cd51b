/** The Publisher's mqtt.js outgoing store keeps nothing: the outbox is the only store. */
import { describe, expect, it } from 'vitest';
import type { Packet } from 'mqtt';
import { OutboxOnlyStore } from '../../../agent/src/publish/outbox-only-store.js';

const publish = (messageId: number): Packet => ({ cmd: 'publish', topic: 't', payload: Buffer.from('x'), qos: 1, retain: false, dup: false, messageId });

function drain(store: OutboxOnlyStore): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const got: unknown[] = [];
    const s = store.createStream();
    s.on('data', (p) => got.push(p));
    s.on('end', () => resolve(got));
    s.on('error', reject);
  });
}

describe('OutboxOnlyStore', () => {
  it('acknowledges a put at once and keeps nothing to resend', async () => {
    const store = new OutboxOnlyStore();
    let put = 0;
    for (let id = 1; id <= 3; id++) store.put(publish(id), () => put++);
    expect(put).toBe(3);
    expect(await drain(store)).toEqual([]);
  });

  it('answers the PUBACK lookup (del) with the message id, and get with "missing packet"', () => {
    const store = new OutboxOnlyStore();
    store.put(publish(7), () => undefined);
    const del: Array<[Error | undefined, Packet | undefined]> = [];
    store.del({ messageId: 7 }, (err, packet) => del.push([err, packet]));
    expect(del).toEqual([[undefined, { messageId: 7 }]]);
    let getErr: Error | undefined;
    store.get({ messageId: 7 }, (err) => (getErr = err));
    expect(getErr?.message).toBe('missing packet');
  });
});
