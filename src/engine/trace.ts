import type { AmqpError } from './errors';
import type { BasicProperties } from './message';

/**
 * Everything the broker does, as plain events stamped with virtual time. This is the animation
 * vocabulary: the canvas draws exactly these, in this order, and the event log lists them.
 * Message events name the message by `msgId` (see Message.id) and, once it is in a queue, by
 * the queue too: (queue, msgId) identifies one copy.
 */
export type TraceEvent =
  | Published
  | Routed
  | Unroutable
  | Returned
  | Confirmed
  | Enqueued
  | Delivered
  | Acked
  | Nacked
  | Requeued
  | Expired
  | DeadLettered
  | Dropped
  | Purged
  | ConsumerAdded
  | ConsumerCancelled
  | QueueDeclared
  | QueueDeleted
  | ExchangeDeclared
  | ExchangeDeleted
  | Bound
  | Unbound
  | QosChanged
  | ChannelOpened
  | ChannelClosed
  | ConnectionOpened
  | ConnectionClosed
  | BrokerRestarted;

export type TraceType = TraceEvent['type'];

interface Base {
  /** virtual time in milliseconds */
  t: number;
}

export interface ChannelId {
  connection: number;
  channel: number;
}

/** A message entered the broker through basic.publish (or through dead-lettering: `deadLetteredFrom`). */
export interface Published extends Base, Partial<ChannelId> {
  type: 'published';
  msgId: number;
  exchange: string;
  routingKey: string;
  mandatory: boolean;
  /** set when the message is a dead-lettered copy of another */
  deadLetteredFrom?: number;
  /** publisher-confirm sequence number, when the channel is in confirm mode */
  publishSeqNo?: number;
  /** the content as the broker received it (shared with the message, not copied) */
  body?: string;
  properties?: BasicProperties;
}

/** One hop of a route: exchange → queue or exchange → exchange (binding or alternate exchange). */
export interface RouteHop {
  from: string;
  to: string;
  toType: 'queue' | 'exchange';
  via: 'binding' | 'alternate-exchange' | 'default';
}

export interface Routed extends Base {
  type: 'routed';
  msgId: number;
  exchange: string;
  /** destination queues, each once, sorted by name */
  queues: string[];
  /**
   * The hops the message took through several exchanges (exchange-to-exchange bindings,
   * alternate exchanges). Absent when one exchange routed it: then the hops are exchange → queue.
   */
  hops?: RouteHop[];
}

export interface Unroutable extends Base {
  type: 'unroutable';
  msgId: number;
  exchange: string;
  routingKey: string;
  /** exchanges (incl. alternate exchanges) that were tried, when more than one */
  hops?: RouteHop[];
}

/** basic.return: a mandatory message that no queue took goes back to its publisher. */
export interface Returned extends Base, ChannelId {
  type: 'returned';
  msgId: number;
  replyCode: number;
  replyText: string;
  exchange: string;
  routingKey: string;
}

/** Publisher confirm (basic.ack / basic.nack from the broker). */
export interface Confirmed extends Base, ChannelId {
  type: 'confirmed';
  msgId: number;
  publishSeqNo: number;
  ack: boolean;
  /**
   * The frame's multiple flag. RabbitMQ sends a lone basic.ack with multiple=false but a lone
   * basic.nack with multiple=true when no earlier publish of the channel awaits its confirm
   * (rabbit_channel:send_confirms has a one-ack clause; send_nacks always coalesces).
   */
  multiple: boolean;
}

export interface Enqueued extends Base {
  type: 'enqueued';
  msgId: number;
  queue: string;
  /** ready messages after this one was added */
  depth: number;
}

/** basic.deliver (to a consumer) or basic.get-ok (consumerTag undefined). */
export interface Delivered extends Base, ChannelId {
  type: 'delivered';
  msgId: number;
  queue: string;
  consumerTag?: string;
  deliveryTag: number;
  redelivered: boolean;
  /** no-ack (auto-ack): the message is settled as it leaves the queue */
  noAck: boolean;
  exchange: string;
  routingKey: string;
  body: string;
  properties: BasicProperties;
  /** basic.get-ok only: ready messages left in the queue */
  messageCount?: number;
}

export interface Acked extends Base, ChannelId {
  type: 'acked';
  msgId: number;
  queue: string;
  deliveryTag: number;
  consumerTag?: string;
}

/** basic.nack or basic.reject by the client. */
export interface Nacked extends Base, ChannelId {
  type: 'nacked';
  method: 'basic.nack' | 'basic.reject';
  msgId: number;
  queue: string;
  deliveryTag: number;
  consumerTag?: string;
  requeue: boolean;
}

export type RequeueReason = 'nack' | 'reject' | 'recover' | 'channel-closed' | 'connection-closed' | 'consumer-gone' | 'broker-restart';

export interface Requeued extends Base {
  type: 'requeued';
  msgId: number;
  queue: string;
  reason: RequeueReason;
  /** where it went back: its original position ("position"), the front line or the back */
  to: 'position' | 'front' | 'back';
}

export interface Expired extends Base {
  type: 'expired';
  msgId: number;
  queue: string;
}

export type DeathReason = 'rejected' | 'expired' | 'maxlen' | 'delivery_limit';

export interface DeadLettered extends Base {
  type: 'dead-lettered';
  msgId: number;
  queue: string;
  reason: DeathReason;
  /** the dead-letter exchange it was republished to */
  exchange: string;
  routingKeys: string[];
  /** the new message (published to the DLX) */
  newMsgId: number;
}

export type DropReason =
  | 'maxlen'
  | 'reject-publish'
  | 'rejected'
  | 'expired'
  | 'delivery_limit'
  | 'no-dlx-exchange'
  | 'dead-letter-unroutable'
  | 'dead-letter-cycle'
  | 'queue-deleted'
  | 'broker-restart';

/** A message (copy) left the system without being consumed, for `reason`. */
export interface Dropped extends Base {
  type: 'dropped';
  msgId: number;
  /** the queue it was in or was refused by (absent for dead-letters that routed nowhere) */
  queue?: string;
  reason: DropReason;
  /** why it was being dead-lettered, when dead-lettering is what failed (no DLX, routed nowhere, a cycle) */
  cause?: DeathReason;
}

export interface Purged extends Base {
  type: 'purged';
  queue: string;
  msgIds: number[];
}

export interface ConsumerAdded extends Base, ChannelId {
  type: 'consumer-added';
  queue: string;
  consumerTag: string;
  noAck: boolean;
  exclusive: boolean;
  priority: number;
  prefetchCount: number;
}

export interface ConsumerCancelled extends Base, ChannelId {
  type: 'consumer-cancelled';
  queue: string;
  consumerTag: string;
  /** true: basic.cancel sent by the broker (the queue was deleted) */
  byServer: boolean;
}

export interface QueueDeclared extends Base {
  type: 'queue-declared';
  queue: string;
  durable: boolean;
  exclusive: boolean;
  autoDelete: boolean;
  arguments: Record<string, unknown>;
}

export interface QueueDeleted extends Base {
  type: 'queue-deleted';
  queue: string;
  reason: 'deleted' | 'auto-delete' | 'exclusive-owner-closed' | 'expired' | 'broker-restart';
  /** ready messages it held */
  messageCount: number;
}

export interface ExchangeDeclared extends Base {
  type: 'exchange-declared';
  exchange: string;
  exchangeType: string;
  durable: boolean;
  autoDelete: boolean;
  internal: boolean;
  arguments: Record<string, unknown>;
}

export interface ExchangeDeleted extends Base {
  type: 'exchange-deleted';
  exchange: string;
  reason: 'deleted' | 'auto-delete' | 'broker-restart';
}

export interface Bound extends Base {
  type: 'bound';
  source: string;
  destination: string;
  destinationType: 'queue' | 'exchange';
  routingKey: string;
  arguments: Record<string, unknown>;
}

export interface Unbound extends Omit<Bound, 'type'> {
  type: 'unbound';
}

export interface QosChanged extends Base, ChannelId {
  type: 'qos';
  prefetchCount: number;
  global: boolean;
}

export interface ChannelOpened extends Base, ChannelId {
  type: 'channel-opened';
}

export interface ChannelClosed extends Base, ChannelId {
  type: 'channel-closed';
  /** why the broker closed it; absent when the client closed it */
  error?: AmqpError;
}

export interface ConnectionOpened extends Base {
  type: 'connection-opened';
  connection: number;
  name: string;
}

export interface ConnectionClosed extends Base {
  type: 'connection-closed';
  connection: number;
  /** the reply code when the broker closed it (5xx error, or 320 on shutdown) */
  error?: AmqpError;
}

export interface BrokerRestarted extends Base {
  type: 'broker-restarted';
  downMs: number;
}
