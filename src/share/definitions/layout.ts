import { moveNodes, NOMINAL, type Position, type Scenario } from '../../model';
import { tidyLayout } from '../../model/tidy';

/** Above this size the model's tidy layout (dagre) takes seconds; a real broker may have thousands of queues. */
const TIDY_MAX_NODES = 200;
const TIDY_MAX_EDGES = 400;
const GAP = 36;
const PER_COLUMN = 20;

/**
 * Positions for an imported topology: the editor's own tidy layout (left to right, as messages flow)
 * when it is small enough to compute at once; otherwise a grid that keeps the same reading order,
 * exchanges in the left columns, queues in the right ones, in file order.
 */
export function layoutImported(s: Scenario): Scenario {
  if (s.exchanges.length + s.queues.length <= TIDY_MAX_NODES && s.bindings.length <= TIDY_MAX_EDGES) return tidyLayout(s);
  const positions: Record<string, Position> = {};
  const grid = (ids: string[], x0: number, size: { width: number; height: number }) => {
    ids.forEach((id, i) => {
      positions[id] = { x: x0 + Math.floor(i / PER_COLUMN) * (size.width + GAP * 2), y: (i % PER_COLUMN) * (size.height + GAP) };
    });
    return x0 + Math.ceil(ids.length / PER_COLUMN) * (size.width + GAP * 2);
  };
  const next = grid(s.exchanges.map((e) => e.id), 0, NOMINAL.exchange);
  grid(s.queues.map((q) => q.id), next + GAP * 2, NOMINAL.queue);
  return moveNodes(s, positions);
}
