import type { Broker } from './broker';
import { type Channel, Consumer, Queue } from './entities';
import { fail } from './errors';
import { type FieldTable, amqpTypeName, integerValue } from './fields';
import { activate, armIdleTimer, canSend, dispatch } from './queueOps';
import { checkExclusive, deleteQueue, expandQueueName, findQueue } from './queueDeclare';
import { consumeReplyTo, cancelReplyTo, REPLY_TO_QUEUE } from './replyTo';
import { nextToken } from './rng';

export interface ConsumeParams {
  queue: string;
  /** "" lets the broker choose ("amq.ctag-…") */
  consumerTag?: string;
  noAck?: boolean;
  /** accepted and ignored: RabbitMQ does not implement no-local (own messages are delivered too) */
  noLocal?: boolean;
  exclusive?: boolean;
  /** e.g. { 'x-priority': 10 } */
  arguments?: FieldTable;
}

/**
 * basic.qos. RabbitMQ reads `global=false` as a limit for each consumer created afterwards on
 * this channel, and `global=true` as a limit shared by all consumers of the channel. A prefetch
 * size other than 0 is refused with 540 NOT_IMPLEMENTED, which closes the connection.
 */
export function basicQos(b: Broker, ch: Channel, p: { prefetchCount: number; prefetchSize?: number; global?: boolean }): void {
  // RabbitMQ implements no limit in octets: any prefetch size but 0 is a connection error
  if (p.prefetchSize) fail(540, 'basic.qos', `prefetch_size!=0 (${p.prefetchSize})`);
  if (p.global) ch.globalPrefetch = p.prefetchCount;
  else {
    ch.consumerPrefetch = p.prefetchCount;
    // RabbitMQ 3.10: a per-consumer qos also lifts a channel-wide limit set before it
    // (rabbit_channel calls rabbit_limiter:unlimit_prefetch, "if default was set, it's overridden")
    ch.globalPrefetch = 0;
  }
  b.emit({ type: 'qos', t: b.now, connection: ch.connection.id, channel: ch.number, prefetchCount: p.prefetchCount, global: !!p.global });
  resumeChannel(b, ch);
}

export function basicConsume(b: Broker, ch: Channel, p: ConsumeParams): { consumerTag: string } {
  const M = 'basic.consume';
  // rabbit_channel looks the tag up before it even looks for the queue
  if (p.consumerTag && ch.consumers.has(p.consumerTag)) fail(530, M, `attempt to reuse consumer tag '${p.consumerTag}'`);
  if (p.queue === REPLY_TO_QUEUE) return consumeReplyTo(b, ch, p);
  const q = findQueue(b, expandQueueName(ch, p.queue, M), M);
  checkExclusive(q, ch.connection, M);
  const args = p.arguments ?? {};
  // rabbit_amqqueue:check_consume_arguments: x-priority must be an integer of some width
  const xPriority = args['x-priority'];
  if (xPriority !== undefined && integerValue(xPriority) === undefined) {
    fail(406, M, `invalid arg 'x-priority' for queue '${q.name}' in vhost '/': "expected integer, got ${amqpTypeName(xPriority)}"`);
  }
  if (q.isQuorum && ch.globalPrefetch > 0) fail(540, M, `queue '${q.name}' in vhost '/' does not support global qos`);
  let tag = p.consumerTag ?? '';
  if (tag === '') tag = `amq.ctag-${nextToken(b.rng)}`;
  // a classic single-active-consumer queue takes no exclusive consumer at all (exclusive_consume_unavailable)
  const exclusiveRefused = q.consumers.length > 0 || (q.parsed.singleActiveConsumer && !q.isQuorum);
  if (q.exclusiveConsumer || (p.exclusive && exclusiveRefused)) fail(403, M, `queue '${q.name}' in vhost '/' in exclusive use`);
  const priority = integerValue(xPriority) ?? 0;
  const c = new Consumer(tag, q, ch, !!p.noAck, !!p.exclusive, priority, ch.consumerPrefetch, { ...args }, b.nextConsumerOrder++);
  q.consumers.push(c);
  ch.consumers.set(tag, c);
  q.hadConsumers = true;
  q.idleToken = b.newTimerToken(); // in use: the x-expires clock stops
  if (c.exclusive) q.exclusiveConsumer = c;
  if (!q.parsed.singleActiveConsumer || q.consumers.length === 1) activate(q, c);
  b.emit({ type: 'consumer-added', t: b.now, connection: ch.connection.id, channel: ch.number, queue: q.name, consumerTag: tag, noAck: c.noAck, exclusive: c.exclusive, priority, prefetchCount: c.prefetch });
  dispatch(b, q);
  return { consumerTag: tag };
}

/**
 * basic.cancel: the consumer stops; the messages it holds stay unacked on the channel. The
 * channel's direct reply-to consumer goes first if it has that tag; an unknown tag is no error.
 */
export function basicCancel(b: Broker, ch: Channel, p: { consumerTag: string }): void {
  if (cancelReplyTo(b, ch, p.consumerTag)) return;
  const c = ch.consumers.get(p.consumerTag);
  if (!c) return;
  removeConsumer(b, c, { dispatch: true });
}

/**
 * Takes a consumer off its queue. With single active consumer the next registered one takes
 * over; an auto-delete queue goes with its last consumer. Returns false if the queue was deleted.
 */
export function removeConsumer(b: Broker, c: Consumer, opts: { dispatch: boolean; silent?: boolean }): boolean {
  const q = c.queue;
  c.channel.consumers.delete(c.tag);
  if (q.deleted) return false;
  const idx = q.consumers.indexOf(c);
  if (idx < 0) return true;
  q.consumers.splice(idx, 1);
  q.active = q.active.filter((x) => x !== c);
  q.blocked = q.blocked.filter((x) => x !== c);
  if (q.exclusiveConsumer === c) q.exclusiveConsumer = null;
  if (!opts.silent) {
    b.emit({ type: 'consumer-cancelled', t: b.now, connection: c.channel.connection.id, channel: c.channel.number, queue: q.name, consumerTag: c.tag, byServer: false });
  }
  if (q.parsed.singleActiveConsumer && q.consumers.length > 0 && !q.active.length && !q.blocked.length) {
    activate(q, q.consumers[0]!); // the next consumer in registration order becomes the active one
  }
  if (q.consumers.length === 0) {
    if (q.autoDelete && q.hadConsumers) {
      deleteQueue(b, q, 'auto-delete');
      return false;
    }
    q.lastUsedAt = b.now;
    armIdleTimer(b, q);
  }
  if (opts.dispatch) dispatch(b, q);
  return true;
}

/** After messages of a channel were settled: consumers that have room again get messages. */
export function resumeChannel(b: Broker, ch: Channel, also?: Queue | Iterable<Queue>): void {
  // the common case (an ack on a channel whose consumers all read the acked message's queue):
  // that one queue, without building the list (this runs once per ack)
  if (also instanceof Queue && onlyQueueOf(ch, also)) {
    resumeQueue(b, ch, also);
    return;
  }
  // a small array rather than a Set: a channel rarely has more than a few consumers
  const queues: Queue[] = [];
  if (also instanceof Queue) queues.push(also);
  else if (also) for (const q of also) if (!queues.includes(q)) queues.push(q);
  for (const c of ch.consumers.values()) if (!queues.includes(c.queue)) queues.push(c.queue);
  for (const q of queues) resumeQueue(b, ch, q);
}

/** Whether every consumer of the channel reads `q`. */
function onlyQueueOf(ch: Channel, q: Queue): boolean {
  for (const c of ch.consumers.values()) if (c.queue !== q) return false;
  return true;
}

function resumeQueue(b: Broker, ch: Channel, q: Queue): void {
  if (q.deleted) return;
  if (q.blocked.length) {
    // the channel's consumers that have room again rejoin the active ones, at the back
    const still: Consumer[] = [];
    for (const c of q.blocked) {
      if (c.channel === ch && canSend(c)) activate(q, c);
      else still.push(c);
    }
    q.blocked = still;
  }
  dispatch(b, q);
}
