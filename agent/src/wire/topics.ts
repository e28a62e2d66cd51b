/**
 * MQTT topics of the wire contract (DESIGN.md): `lookout/v1/<unit>/<kind>`, commands on
 * `lookout/v1/<unit>/cmd`, answers on `lookout/v1/<unit>/cmd/res`.
 */
import { isRecordKind, type RecordKind } from './types.js';

export const TOPIC_ROOT = 'lookout/v1';

/** A unit id must be one topic level: no `/`, `+`, `#`, no NUL, not empty. */
export function assertUnitId(unit: string): void {
  // eslint-disable-next-line no-control-regex -- NUL is refused in a topic level
  if (typeof unit !== 'string' || unit.length === 0 || unit.length > 128 || /[/+#\u0000]/.test(unit)) {
    throw new TypeError(`unit id must be 1..128 characters without "/", "+", "#": got ${JSON.stringify(unit)}`);
  }
}

export function recordTopic(unit: string, kind: RecordKind): string {
  return `${TOPIC_ROOT}/${unit}/${kind}`;
}

export function commandTopic(unit: string): string {
  return `${TOPIC_ROOT}/${unit}/cmd`;
}

export function commandResultTopic(unit: string): string {
  return `${TOPIC_ROOT}/${unit}/cmd/res`;
}

/** Subscription filter for everything of one unit, or of all units. */
export function subscriptionFilter(unit?: string): string {
  return unit === undefined ? `${TOPIC_ROOT}/#` : `${TOPIC_ROOT}/${unit}/#`;
}

export type ParsedTopic =
  | { type: 'record'; unit: string; kind: RecordKind }
  | { type: 'cmd'; unit: string }
  | { type: 'cmd-res'; unit: string };

/** Parses a topic of the contract; undefined for anything else. */
export function parseTopic(topic: string): ParsedTopic | undefined {
  const parts = topic.split('/');
  if (parts.length < 4 || parts[0] !== 'lookout' || parts[1] !== 'v1' || parts[2] === '') return undefined;
  const unit = parts[2];
  if (parts.length === 4) {
    if (parts[3] === 'cmd') return { type: 'cmd', unit };
    return isRecordKind(parts[3]) && parts[3] !== 'commandResult' ? { type: 'record', unit, kind: parts[3] } : undefined;
  }
  // `cmd/res/<anything>`: a hub's own MQTT 5 response topic under the unit's tree.
  if (parts.length >= 5 && parts[3] === 'cmd' && parts[4] === 'res') return { type: 'cmd-res', unit };
  return undefined;
}
