import { z } from 'zod';

export const mqttConfigSchema = z
  .object({
    url: z.string().url().default('mqtt://127.0.0.1:1883').describe('broker URL: mqtt://, mqtts://'),
    protocolVersion: z.union([z.literal(5), z.literal(4)]).default(5).describe('5 = MQTT 5, 4 = MQTT 3.1.1'),
    inflight: z.number().int().min(1).max(1000).default(64).describe('unacknowledged QoS 1 publishes at most'),
  })
  .strict();

export type MqttConfig = z.infer<typeof mqttConfigSchema>;
