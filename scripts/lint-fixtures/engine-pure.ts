// Lint fixture: what engine code may do. Linted as src/engine/fixture.ts, it must pass clean.
import type { Broker } from './broker';

/** Virtual time comes from the broker's own clock, never from the wall. */
export function nextTick(broker: Broker): number {
  const later = Math.max(broker.now, 0) + 1;
  return Number.isFinite(later) ? later : 0;
}
