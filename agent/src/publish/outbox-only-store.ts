/**
 * mqtt.js's outgoing store for the Publisher: keeps nothing. The outbox is the only store
 * (publisher.ts): each connection is a fresh client with a clean start that never reconnects,
 * so mqtt.js never resends from its store. Its default store kept a copy of every QoS 1
 * publish until the PUBACK: a Map entry per publish, and 1000 copies in flight outliving the
 * young generation during a replay.
 */
import { Store, type DoneCallback, type Packet, type PacketCallback } from 'mqtt';

export class OutboxOnlyStore extends Store {
  override put(_packet: Packet, cb: DoneCallback): this {
    cb?.();
    return this;
  }

  /** Answers the PUBACK's lookup with the id it was given (the publish is not kept). */
  override del(packet: Pick<Packet, 'messageId'>, cb: PacketCallback): this {
    cb?.(undefined, packet as Packet);
    return this;
  }

  override get(_packet: Pick<Packet, 'messageId'>, cb: PacketCallback): this {
    cb?.(new Error('missing packet'));
    return this;
  }
}
