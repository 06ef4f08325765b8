import { REPLY_TO_QUEUE, type ReplyConsumer, replyAddress } from './replyTo';
import type { Broker } from './broker';
import type { Consumer, Queue } from './entities';
import type { FieldTable } from './fields';
import type { BasicProperties, Message, QueueEntry } from './message';
import type { QueueArgs } from './queueArgs';

/** Read-only views of the broker for the UI: what RabbitMQ's management UI would show. */
export interface QueueView {
  name: string;
  type: 'classic' | 'quorum';
  durable: boolean;
  exclusive: boolean;
  autoDelete: boolean;
  arguments: FieldTable;
  settings: QueueArgs;
  /** ready messages */
  ready: number;
  /** delivered, not yet acked */
  unacked: number;
  consumers: number;
  readyBytes: number;
  stats: Queue['stats'];
}

export interface ConsumerView {
  consumerTag: string;
  queue: string;
  noAck: boolean;
  exclusive: boolean;
  priority: number;
  prefetchCount: number;
  unacked: number;
  delivered: number;
  acked: number;
  nacked: number;
  /** single active consumer: false while waiting for its turn */
  active: boolean;
}

export interface ChannelView {
  connection: number;
  number: number;
  unacked: number;
  prefetchCount: number;
  globalPrefetchCount: number;
  confirm: boolean;
  consumers: ConsumerView[];
  /** direct reply-to: the address requests published on this channel carry, while it has a reply consumer */
  replyAddress?: string;
}

export interface ConnectionView {
  id: number;
  name: string;
  user: string;
  channels: ChannelView[];
}

export interface MessageView {
  msgId: number;
  exchange: string;
  routingKey: string;
  body: string;
  properties: BasicProperties;
  redelivered: boolean;
  enqueuedAt: number;
  expiresAt: number | null;
  deliveryCount: number;
  deadLetteredFrom?: number;
}

export type MessageLocation =
  | { where: 'ready'; queue: string; position: number }
  | { where: 'unacked'; queue: string; connection: number; channel: number; deliveryTag: number; consumerTag?: string };

/** What a message carries, wherever it is (a queue, a channel, on its way inside the broker). */
function messageContent(m: Message): Omit<MessageView, 'redelivered' | 'enqueuedAt' | 'expiresAt' | 'deliveryCount'> {
  return { msgId: m.id, exchange: m.exchange, routingKey: m.routingKey, body: m.body, properties: m.properties, deadLetteredFrom: m.deadLetteredFrom };
}

function messageView(e: QueueEntry): MessageView {
  // messageContent's fields written out, not spread: the live view reads twenty per queue every frame
  const m = e.msg;
  return {
    msgId: m.id,
    exchange: m.exchange,
    routingKey: m.routingKey,
    body: m.body,
    properties: m.properties,
    deadLetteredFrom: m.deadLetteredFrom,
    redelivered: e.redelivered,
    enqueuedAt: e.enqueuedAt,
    expiresAt: Number.isFinite(e.expiresAt) ? e.expiresAt : null,
    deliveryCount: e.deliveryCount,
  };
}

function queueView(q: Queue): QueueView {
  return {
    name: q.name,
    type: q.parsed.queueType,
    durable: q.durable,
    exclusive: q.exclusiveOwner !== null,
    autoDelete: q.autoDelete,
    arguments: q.args,
    settings: q.parsed,
    ready: q.ready.length,
    unacked: q.unacked,
    consumers: q.consumerCount,
    readyBytes: q.ready.bytes,
    stats: { ...q.stats },
  };
}

function consumerView(c: Consumer): ConsumerView {
  const q = c.queue;
  return {
    consumerTag: c.tag,
    queue: q.name,
    noAck: c.noAck,
    exclusive: c.exclusive,
    priority: c.priority,
    prefetchCount: c.prefetch,
    unacked: c.unacked,
    delivered: c.delivered,
    acked: c.acked,
    nacked: c.nacked,
    active: !q.parsed.singleActiveConsumer || q.active.includes(c) || q.blocked.includes(c),
  };
}

export function inspectBroker(b: Broker) {
  return {
    queues: (): QueueView[] => [...b.queues.values()].map(queueView),
    queue: (name: string): QueueView | undefined => {
      const q = b.queues.get(name);
      return q && queueView(q);
    },
    /** the first `limit` ready messages, in delivery order */
    readyMessages: (name: string, limit = 20): MessageView[] => {
      const q = b.queues.get(name);
      if (!q) return [];
      return q.ready.head(limit).map(messageView);
    },
    exchanges: () =>
      [...b.exchanges.values()].map((x) => ({
        name: x.name,
        type: x.type,
        durable: x.durable,
        autoDelete: x.autoDelete,
        internal: x.internal,
        arguments: x.args,
        alternateExchange: x.alternateExchange,
        bindings: x.bindings.size,
      })),
    bindings: () =>
      [...b.exchanges.values()].flatMap((x) =>
        [...x.bindings.values()].map((bd) => ({ source: bd.source, destination: bd.destination, destinationType: bd.destinationType, routingKey: bd.routingKey, arguments: bd.arguments })),
      ),
    connections: (): ConnectionView[] =>
      [...b.connections.values()].map((conn) => ({
        id: conn.id,
        name: conn.name,
        user: conn.user,
        channels: [...conn.channels.values()].map((ch) => ({
          connection: conn.id,
          number: ch.number,
          unacked: ch.unacked.size,
          prefetchCount: ch.consumerPrefetch,
          globalPrefetchCount: ch.globalPrefetch,
          confirm: ch.confirm,
          consumers: ch.replyConsumer ? [replyConsumerView(ch.replyConsumer), ...[...ch.consumers.values()].map(consumerView)] : [...ch.consumers.values()].map(consumerView),
          ...(ch.replyConsumer ? { replyAddress: replyAddress(ch, ch.replyConsumer) } : {}),
        })),
      })),
    /** deliveries a channel holds, in delivery-tag order */
    unacked: (connection: number, channel: number) => {
      const ch = b.connections.get(connection)?.channels.get(channel);
      if (!ch) return [];
      return [...ch.unacked.values()].map((u) => ({ deliveryTag: u.tag, queue: u.queue.name, consumerTag: u.consumer?.tag, message: messageView(u.entry) }));
    },
    /** messages travelling inside the broker (exchange → queue, queue → dead-letter exchange) */
    inTransit: (): (Omit<MessageView, 'redelivered' | 'enqueuedAt' | 'expiresAt' | 'deliveryCount'> & { to: string })[] =>
      [...b.transits.values()].map((tr) => ({ ...messageContent(tr.msg), to: tr.kind === 'to-queue' ? tr.queue : tr.dlx })),
    /** where a message is now: ready in queues (with position) and/or unacked on channels */
    locate: (msgId: number): MessageLocation[] => {
      const out: MessageLocation[] = [];
      for (const q of b.queues.values()) {
        const arr = q.ready.toArray();
        const i = arr.findIndex((e) => e.msg.id === msgId);
        if (i >= 0) out.push({ where: 'ready', queue: q.name, position: i });
      }
      for (const conn of b.connections.values()) {
        for (const ch of conn.channels.values()) {
          for (const u of ch.unacked.values()) {
            if (u.entry.msg.id === msgId) out.push({ where: 'unacked', queue: u.queue.name, connection: conn.id, channel: ch.number, deliveryTag: u.tag, consumerTag: u.consumer?.tag });
          }
        }
      }
      return out;
    },
  };
}

/** The direct reply-to consumer, shown among the channel's consumers (no-ack, so nothing unacked). */
function replyConsumerView(rc: ReplyConsumer): ConsumerView {
  return { consumerTag: rc.tag, queue: REPLY_TO_QUEUE, noAck: true, exclusive: false, priority: 0, prefetchCount: 0, unacked: 0, delivered: rc.delivered, acked: rc.delivered, nacked: 0, active: true };
}
