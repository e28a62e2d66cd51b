/**
 * Closest point of approach between a track and a reference (own ship, or a fixed protected
 * point with zero velocity), both moving straight at constant velocity in the local frame.
 */
export interface Kinematics {
  east: number;
  north: number;
  vEast: number;
  vNorth: number;
}

export interface Cpa {
  /** Distance at the closest approach; the present distance when it is behind us. */
  cpaMetres: number;
  /** Seconds to the closest approach; negative when it is past (the track is opening). */
  tcpaSeconds: number;
}

export function closestApproach(track: Kinematics, ref: Kinematics): Cpa {
  const px = track.east - ref.east;
  const py = track.north - ref.north;
  const vx = track.vEast - ref.vEast;
  const vy = track.vNorth - ref.vNorth;
  const v2 = vx * vx + vy * vy;
  // No relative motion: the distance stays what it is, and now is as close as it gets.
  const tcpa = v2 > 1e-9 ? -(px * vx + py * vy) / v2 : 0;
  const t = Math.max(0, tcpa);
  return { cpaMetres: Math.hypot(px + vx * t, py + vy * t), tcpaSeconds: tcpa };
}
