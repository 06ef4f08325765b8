import type { Scenario } from '../model';
import { deepEqual } from '../sim';

/**
 * Does this edit matter to the running broker or clients? Moving nodes, the viewport and the
 * title do not; anything AMQP or client behaviour does.
 */
export function simRelevantChange(a: Scenario, b: Scenario): boolean {
  if (a === b) return false;
  return !deepEqual(strip(a), strip(b));
}

function strip(s: Scenario): unknown {
  return {
    seed: s.seed,
    broker: s.broker,
    exchanges: s.exchanges.map(({ position: _p, ...x }) => x),
    queues: s.queues.map(({ position: _p, ...q }) => q),
    bindings: s.bindings,
    apps: s.apps.map(({ position: _p, ...a }) => a),
  };
}
