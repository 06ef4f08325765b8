import type { Position } from './common';
import { appRect, brokerBoxes, intersects, type Rect, type SizeOf } from './geometry';
import { moveNodes } from './ops/move';
import type { Scenario } from './scenario';

/** Room kept between a node that grew and the nodes it pushed away. */
export const ROOM_GAP = 12;

/**
 * A node grew (a channel added to an app, a badge to a queue) and may now cover its neighbours: the
 * nodes it overlaps below it are pushed down just enough, and those they then overlap in turn.
 * Apps push apps; exchanges and queues push exchanges and queues (the broker frame grows around
 * them). Returns the same document when nothing had to move.
 */
export function makeRoom(s: Scenario, grown: readonly string[], sizeOf?: SizeOf): Scenario {
  if (grown.length === 0) return s;
  const broker = brokerBoxes(s, sizeOf).map((b) => ({ id: b.id, rect: { ...b.rect } }));
  const apps = s.apps.map((a) => ({ id: a.id, rect: { ...appRect(a, sizeOf) } }));
  const positions: Record<string, Position> = {};
  for (const group of [broker, apps]) {
    const queue = group.filter((n) => grown.includes(n.id));
    while (queue.length) {
      const g = queue.shift()!;
      for (const n of group) {
        if (n === g || n.rect.y < g.rect.y || !intersects(grow(g.rect), n.rect)) continue;
        n.rect.y = g.rect.y + g.rect.height + ROOM_GAP;
        positions[n.id] = { x: n.rect.x, y: n.rect.y };
        queue.push(n);
      }
    }
  }
  if (Object.keys(positions).length === 0) return s;
  return moveNodes(s, positions);
}

const grow = (r: Rect): Rect => ({ x: r.x, y: r.y, width: r.width, height: r.height + ROOM_GAP - 1 });
