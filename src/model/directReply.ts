import { DEFAULT_EXCHANGE, DIRECT_REPLY_TO } from './amq';
import { type Link, linkId } from './links';
import { PORT } from './ports';
import type { Scenario } from './scenario';

/**
 * The reply path of direct reply-to, as a line of the picture: from each RPC server (a consumer
 * that replies to requests) back to the client channel that consumes amq.rabbitmq.reply-to, when
 * that client's requests (reply_to = amq.rabbitmq.reply-to, published on the same channel) can
 * reach the server's queue: through the default exchange by the queue's name, or through an
 * exchange with a binding to that queue (whatever its key: the line says the path exists).
 * Replies travel it without any queue: the broker hands them straight to the client's channel.
 */
export function directReplyLinks(s: Scenario): Link[] {
  const links: Link[] = [];
  for (const client of s.apps) {
    for (const rc of client.consumers) {
      if (rc.queue !== DIRECT_REPLY_TO) continue;
      const reached = new Set<string>();
      for (const p of client.publishers) {
        if (p.channelId !== rc.channelId || p.message.replyTo !== DIRECT_REPLY_TO) continue;
        if (p.exchange === DEFAULT_EXCHANGE) for (const k of p.routingKeys) reached.add(k);
        else {
          const x = s.exchanges.find((e) => e.name === p.exchange);
          for (const b of s.bindings) if (x && b.source === x.id && b.destinationType === 'queue') reached.add(s.queues.find((q) => q.id === b.destination)?.name ?? '');
        }
      }
      for (const server of s.apps) {
        if (server.id === client.id) continue;
        for (const sc of server.consumers) {
          if (!sc.replyToRequests || !reached.has(sc.queue)) continue;
          links.push({
            kind: 'directReply',
            id: linkId.directReply(sc.id, rc.id),
            serverAppId: server.id,
            serverConsumerId: sc.id,
            clientAppId: client.id,
            consumerId: rc.id,
            source: server.id,
            sourceHandle: PORT.connection,
            target: client.id,
            targetHandle: rc.id,
          });
        }
      }
    }
  }
  return links;
}
