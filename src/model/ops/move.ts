import { DEFAULT_EXCHANGE_NODE_ID } from '../amq';
import type { Position } from '../common';
import type { Scenario } from '../scenario';

/**
 * Moves nodes (exchanges, queues, apps, the default exchange). Unknown ids are ignored: a position
 * change can arrive for a node an undo just removed.
 */
export function moveNodes(s: Scenario, positions: Record<string, Position>): Scenario {
  const has = (id: string) => Object.hasOwn(positions, id);
  const moved = <T extends { id: string; position: Position }>(list: T[]) =>
    list.some((x) => has(x.id)) ? list.map((x) => (has(x.id) ? { ...x, position: positions[x.id]! } : x)) : list;
  const def = positions[DEFAULT_EXCHANGE_NODE_ID];
  return {
    ...s,
    exchanges: moved(s.exchanges),
    queues: moved(s.queues),
    apps: moved(s.apps),
    ...(def ? { layout: { ...s.layout, defaultExchange: def } } : {}),
  };
}
