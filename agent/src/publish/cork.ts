/**
 * The one place the Publisher reaches into mqtt.js: `MqttClient.stream`, the socket's Duplex.
 * mqtt.js writes each packet in several socket writes and has no API to batch them; corking the
 * stream for a whole pump sends them in one writev (replay of 30k records: writev was the top
 * CPU item). `stream` is public in mqtt.js's typings but not in its README: if it goes, this
 * falls back to unbatched writes.
 */
import type { MqttClient } from 'mqtt';

/** Runs `write` with the client's stream corked. */
export function corked(client: MqttClient, write: () => void): void {
  const stream = client.stream as MqttClient['stream'] | undefined;
  stream?.cork?.();
  try {
    write();
  } finally {
    stream?.uncork?.();
  }
}
