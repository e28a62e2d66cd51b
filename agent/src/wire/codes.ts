/** The enum values of the .proto for record kinds, alert severities and gap reasons, both ways. */
import { lookout } from './gen/lookout.js';
import type { AlertSeverity, CommandStatus, GapReason, RecordKind } from './types.js';

const pb = lookout.v1;

export const KIND_TO_PB: Record<RecordKind, number> = {
  birth: pb.Kind.KIND_BIRTH,
  state: pb.Kind.KIND_STATE,
  plots: pb.Kind.KIND_PLOTS,
  tracks: pb.Kind.KIND_TRACKS,
  alerts: pb.Kind.KIND_ALERTS,
  status: pb.Kind.KIND_STATUS,
  gap: pb.Kind.KIND_GAP,
  commandResult: pb.Kind.KIND_COMMAND_RESULT,
};

export const COMMAND_STATUS_TO_PB: Record<CommandStatus, number> = { ok: 1, refused: 2, error: 3 };
export const PB_TO_COMMAND_STATUS: Record<number, CommandStatus> = { 1: 'ok', 2: 'refused', 3: 'error' };
export const PB_TO_KIND = new Map<number, RecordKind>(Object.entries(KIND_TO_PB).map(([k, v]) => [v, k as RecordKind]));

export const SEVERITY_TO_PB: Record<AlertSeverity, number> = { info: 1, warning: 2, critical: 3 };
export const PB_TO_SEVERITY: Record<number, AlertSeverity> = { 1: 'info', 2: 'warning', 3: 'critical' };
export const GAP_TO_PB: Record<GapReason, number> = { unspecified: 0, quota: 1, expired: 2, corrupt: 3, 'disk-full': 4 };
export const PB_TO_GAP: Record<number, GapReason> = { 0: 'unspecified', 1: 'quota', 2: 'expired', 3: 'corrupt', 4: 'disk-full' };
