import type { Cubic } from '../layer/bezier';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How far below the lowest of the server, the client and the broker frame the reply line runs. */
const CLEARANCE = 44;

/**
 * The direct reply-to line: out of the bottom of the RPC server, down under the broker frame (a
 * reply goes through no exchange line or queue), and up into the bottom of the client. One cubic,
 * shared by the drawn edge and by the tokens that travel it (layer/paths.ts), so both agree.
 * Returns the curve and the point of its label (the lowest point of the curve).
 */
export function directReplyCurve(server: Box, client: Box, frame: Box | null): { cubic: Cubic; label: { x: number; y: number } } {
  const sx = server.x + server.width / 2;
  const sy = server.y + server.height;
  const tx = client.x + client.width / 2;
  const ty = client.y + client.height;
  const floor = Math.max(sy, ty, frame ? frame.y + frame.height : Number.NEGATIVE_INFINITY) + CLEARANCE;
  // both control points at the same depth c: the curve's midpoint is at (sy + ty) / 8 + 0.75 c
  const c = (floor - (sy + ty) / 8) / 0.75;
  return { cubic: [sx, sy, sx, c, tx, c, tx, ty], label: { x: (sx + tx) / 2, y: floor } };
}

export function cubicPath(c: Cubic): string {
  return `M ${c[0]},${c[1]} C ${c[2]},${c[3]} ${c[4]},${c[5]} ${c[6]},${c[7]}`;
}
