import { DEFAULT_EXCHANGE_NODE_ID } from './amq';
import type { Scenario } from './scenario';

/**
 * The handles ("ports") of each node kind. The canvas draws them; the model decides what a connection
 * between two of them means. An app's handles are its publishers' ids (sources: a publisher sends) and
 * its consumers' ids (targets: a consumer receives), so one app can have several of each.
 */
export const PORT = {
  /** Exchanges and queues receive on "in". */
  in: 'in',
  /** Exchanges route (bindings) and queues deliver or dead-letter from "out". */
  out: 'out',
  /** An exchange's alternate-exchange handle: a distinct source, so AE and e2e bindings are not confused. */
  alternate: 'ae',
  /** Hidden handles on apps and the broker frame that AMQP connection lines are attached to. */
  connection: 'conn',
} as const;

export type NodeKind = 'exchange' | 'defaultExchange' | 'queue' | 'app';

export interface NodeRef {
  kind: NodeKind;
  id: string;
}

/** What a canvas node id stands for in the document, if anything. */
export function resolveNode(s: Scenario, nodeId: string): NodeRef | null {
  if (nodeId === DEFAULT_EXCHANGE_NODE_ID) return s.broker.showDefaultExchange ? { kind: 'defaultExchange', id: nodeId } : null;
  if (s.exchanges.some((e) => e.id === nodeId)) return { kind: 'exchange', id: nodeId };
  if (s.queues.some((q) => q.id === nodeId)) return { kind: 'queue', id: nodeId };
  if (s.apps.some((a) => a.id === nodeId)) return { kind: 'app', id: nodeId };
  return null;
}
