import { DEFAULT_EXCHANGE, DEFAULT_EXCHANGE_NODE_ID } from './amq';
import { directReplyLinks } from './directReply';
import { PORT } from './ports';
import type { Scenario } from './scenario';

/**
 * The lines of the picture, derived from the document: every relation AMQP has between two things on
 * the canvas. The canvas turns them into React Flow edges; the simulation (issue 5) animates messages
 * along them. Ids are stable: the same relation keeps its id across edits.
 */
interface LinkBase {
  id: string;
  source: string;
  sourceHandle: string | null;
  target: string;
  targetHandle: string | null;
}

export type Link = LinkBase &
  (
    | { kind: 'connection'; appId: string; connectionId: string }
    | { kind: 'publish'; appId: string; publisherId: string; routingKeys: string[] }
    /** Publishing to the default exchange while it is hidden: drawn straight to the queue the key names. */
    | { kind: 'publishViaDefault'; appId: string; publisherId: string; queueId: string; routingKey: string }
    | { kind: 'binding'; bindingId: string }
    /** The default exchange's implicit binding of every queue by its name (shown with the default exchange). */
    | { kind: 'defaultBinding'; queueId: string }
    | { kind: 'subscribe'; appId: string; consumerId: string; queueId: string }
    | { kind: 'deadLetter'; queueId: string; routingKey?: string }
    | { kind: 'alternate'; exchangeId: string }
    /** Direct reply-to: an RPC server's replies reach the client channel that consumes amq.rabbitmq.reply-to (directReply.ts). */
    | { kind: 'directReply'; serverAppId: string; serverConsumerId: string; clientAppId: string; consumerId: string }
  );

export type LinkKind = Link['kind'];

/** Id of the broker frame node (the connection lines end on it). */
export const BROKER_NODE_ID = 'broker';

export const linkId = {
  connection: (connectionId: string) => `connection:${connectionId}`,
  publish: (publisherId: string) => `publish:${publisherId}`,
  publishViaDefault: (publisherId: string, queueId: string) => `publish:${publisherId}:${queueId}`,
  defaultBinding: (queueId: string) => `default:${queueId}`,
  subscribe: (consumerId: string) => `subscribe:${consumerId}`,
  deadLetter: (queueId: string) => `dlx:${queueId}`,
  alternate: (exchangeId: string) => `ae:${exchangeId}`,
  directReply: (serverConsumerId: string, replyConsumerId: string) => `reply:${serverConsumerId}:${replyConsumerId}`,
};

/** The node that stands for an exchange name, if it is drawn. */
function exchangeNode(s: Scenario, name: string): string | null {
  if (name === DEFAULT_EXCHANGE) return s.broker.showDefaultExchange ? DEFAULT_EXCHANGE_NODE_ID : null;
  return s.exchanges.find((e) => e.name === name)?.id ?? null;
}

export function deriveLinks(s: Scenario): Link[] {
  const links: Link[] = [];
  const queueIdByName = new Map(s.queues.map((q) => [q.name, q.id]));
  for (const app of s.apps) {
    for (const c of app.connections) {
      links.push({ kind: 'connection', id: linkId.connection(c.id), appId: app.id, connectionId: c.id, source: app.id, sourceHandle: PORT.connection, target: BROKER_NODE_ID, targetHandle: PORT.connection });
    }
    for (const p of app.publishers) {
      const target = exchangeNode(s, p.exchange);
      if (target) {
        links.push({ kind: 'publish', id: linkId.publish(p.id), appId: app.id, publisherId: p.id, routingKeys: p.routingKeys, source: app.id, sourceHandle: p.id, target, targetHandle: PORT.in });
      } else if (p.exchange === DEFAULT_EXCHANGE) {
        for (const key of new Set(p.routingKeys)) {
          const queueId = queueIdByName.get(key);
          if (queueId) {
            links.push({ kind: 'publishViaDefault', id: linkId.publishViaDefault(p.id, queueId), appId: app.id, publisherId: p.id, queueId, routingKey: key, source: app.id, sourceHandle: p.id, target: queueId, targetHandle: PORT.in });
          }
        }
      }
    }
    for (const c of app.consumers) {
      const queueId = queueIdByName.get(c.queue);
      if (queueId) {
        links.push({ kind: 'subscribe', id: linkId.subscribe(c.id), appId: app.id, consumerId: c.id, queueId, source: queueId, sourceHandle: PORT.out, target: app.id, targetHandle: c.id });
      }
    }
  }
  for (const b of s.bindings) {
    links.push({ kind: 'binding', id: b.id, bindingId: b.id, source: b.source, sourceHandle: PORT.out, target: b.destination, targetHandle: PORT.in });
  }
  if (s.broker.showDefaultExchange) {
    for (const q of s.queues) {
      links.push({ kind: 'defaultBinding', id: linkId.defaultBinding(q.id), queueId: q.id, source: DEFAULT_EXCHANGE_NODE_ID, sourceHandle: PORT.out, target: q.id, targetHandle: PORT.in });
    }
  }
  for (const q of s.queues) {
    const dlx = q.arguments.deadLetterExchange;
    const target = dlx === undefined ? null : exchangeNode(s, dlx);
    if (target) {
      links.push({ kind: 'deadLetter', id: linkId.deadLetter(q.id), queueId: q.id, routingKey: q.arguments.deadLetterRoutingKey, source: q.id, sourceHandle: PORT.out, target, targetHandle: PORT.in });
    }
  }
  for (const e of s.exchanges) {
    const target = e.alternateExchange === undefined ? null : exchangeNode(s, e.alternateExchange);
    if (target) {
      links.push({ kind: 'alternate', id: linkId.alternate(e.id), exchangeId: e.id, source: e.id, sourceHandle: PORT.alternate, target, targetHandle: PORT.in });
    }
  }
  links.push(...directReplyLinks(s));
  return links;
}

/** Links the user can delete (each deletion is an AMQP operation: unbind, cancel, clear an argument). */
export function isDeletableLink(kind: LinkKind): boolean {
  return kind === 'binding' || kind === 'publish' || kind === 'subscribe' || kind === 'deadLetter' || kind === 'alternate';
}
