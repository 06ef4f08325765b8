import { DEFAULT_EXCHANGE_NODE_ID } from '../amq';
import { deriveLinks, isDeletableLink, type Link } from '../links';
import type { Scenario } from '../scenario';

/**
 * Deletes nodes and links as one edit. Deleting an exchange removes the bindings from and to it;
 * deleting a queue removes the bindings to it. Names that pointed at a deleted exchange or queue
 * (publishers, consumers, DLX, AE) are kept, as in AMQP: the run then shows the 404 a real client would
 * get, and validateScenario() warns about it. Links attached to a deleted node go with the node.
 */
export function deleteElements(s: Scenario, nodeIds: readonly string[], linkIds: readonly string[] = []): Scenario {
  const gone = new Set(nodeIds.filter((id) => id !== DEFAULT_EXCHANGE_NODE_ID));
  const linksById = new Map(deriveLinks(s).map((l) => [l.id, l]));
  let doc = s;
  for (const id of linkIds) {
    const link = linksById.get(id);
    if (!link || !isDeletableLink(link.kind) || gone.has(link.source) || gone.has(link.target)) continue;
    doc = deleteLink(doc, link);
  }
  if (gone.size === 0) return doc;
  return {
    ...doc,
    exchanges: doc.exchanges.filter((e) => !gone.has(e.id)),
    queues: doc.queues.filter((q) => !gone.has(q.id)),
    apps: doc.apps.filter((a) => !gone.has(a.id)),
    bindings: doc.bindings.filter((b) => !gone.has(b.source) && !gone.has(b.destination)),
  };
}

/** What deleting one line means in AMQP terms. */
function deleteLink(s: Scenario, link: Link): Scenario {
  switch (link.kind) {
    case 'binding': // queue.unbind / exchange.unbind
      return { ...s, bindings: s.bindings.filter((b) => b.id !== link.bindingId) };
    case 'publish': // the publisher goes back to the default exchange (basic.publish always names an exchange)
      return {
        ...s,
        apps: s.apps.map((a) =>
          a.id === link.appId ? { ...a, publishers: a.publishers.map((p) => (p.id === link.publisherId ? { ...p, exchange: '' } : p)) } : a,
        ),
      };
    case 'subscribe': // basic.cancel: the consumer stays configured but consumes nothing
      return {
        ...s,
        apps: s.apps.map((a) =>
          a.id === link.appId ? { ...a, consumers: a.consumers.map((c) => (c.id === link.consumerId ? { ...c, queue: '' } : c)) } : a,
        ),
      };
    case 'deadLetter': {
      // x-dead-letter-routing-key is meaningless (and refused by RabbitMQ) without the exchange
      return {
        ...s,
        queues: s.queues.map((q) => {
          if (q.id !== link.queueId) return q;
          const { deadLetterExchange: _x, deadLetterRoutingKey: _k, ...rest } = q.arguments;
          return { ...q, arguments: rest };
        }),
      };
    }
    case 'alternate':
      return {
        ...s,
        exchanges: s.exchanges.map((e) => {
          if (e.id !== link.exchangeId) return e;
          const { alternateExchange: _a, ...rest } = e;
          return rest;
        }),
      };
    default:
      return s;
  }
}
