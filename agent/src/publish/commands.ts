/**
 * The publisher's side of commands: it subscribes to `lookout/v1/<unit>/cmd` (QoS 1) on every
 * session and hands each payload to the control stage with its MQTT 5 response topic and
 * correlation data; it publishes the answer records (kind `commandResult`) to the route the
 * control stage kept for their seq, else to `lookout/v1/<unit>/cmd/res`.
 */
import type { IClientPublishOptions, MqttClient } from 'mqtt';
import type { Logger } from 'pino';
import { commandResultTopic, commandTopic } from '../wire/topics.js';

/** Where the answer of one command goes (from the command's MQTT 5 properties). */
export interface AnswerRoute {
  responseTopic?: string;
  correlationData?: Buffer;
}

/** What the publisher needs from the control stage (control/ implements it; publish/ knows nothing of commands). */
export interface CommandPort {
  /** One payload that arrived on the unit's command topic. Must not throw. */
  onCommand(payload: Buffer, route: AnswerRoute): void;
  /** The route kept for the answer record of this seq; undefined: the default topic. */
  answerRoute(seq: number): AnswerRoute | undefined;
}

const SUBSCRIBE_QOS1 = { qos: 1 as const };

/** Subscribes to the unit's command topic on this (clean) session and routes its messages to `port`. */
export function subscribeCommands(client: MqttClient, unit: string, port: CommandPort, log: Logger): void {
  const topic = commandTopic(unit);
  // A command exchange is small packets back to back (PUBACK, then the answer): none should wait
  // for a delayed ACK under Nagle's algorithm. The broker's side matters most: mosquitto's
  // `set_tcp_nodelay true` took the loopback round trip from 46 to 8 ms (test/bench/commands.mjs).
  (client.stream as { setNoDelay?: (on: boolean) => void } | undefined)?.setNoDelay?.(true);
  client.on('message', (t, payload, packet) => {
    if (t !== topic) return;
    const props = packet.properties;
    const route: AnswerRoute = {};
    if (typeof props?.responseTopic === 'string' && props.responseTopic.length > 0) route.responseTopic = props.responseTopic;
    if (props?.correlationData) route.correlationData = Buffer.from(props.correlationData);
    port.onCommand(payload, route);
  });
  client.subscribe(topic, SUBSCRIBE_QOS1, (err, granted) => {
    const code = granted?.[0]?.qos;
    if (err || (typeof code === 'number' && code > 2)) log.error({ err, topic, reasonCode: code }, 'mqtt: cannot subscribe to the command topic (broker ACL?); commands will not arrive');
    else log.info({ topic }, 'mqtt: listening for commands');
  });
}

/** Topic and options of an answer record: its kept route, else the unit's default answer topic. */
export function answerPublish(unit: string, port: CommandPort, seq: number, base: IClientPublishOptions): { topic: string; options: IClientPublishOptions } {
  const route = port.answerRoute(seq);
  if (!route?.responseTopic) return { topic: commandResultTopic(unit), options: base };
  const properties = { ...base.properties, ...(route.correlationData ? { correlationData: route.correlationData } : {}) };
  return { topic: route.responseTopic, options: { ...base, properties } };
}
