import type { Broker } from './broker';
import type { Channel, Queue, Unacked } from './entities';
import { fail } from './errors';
import { resumeChannel } from './consume';
import { deadLetter } from './deadLetter';
import type { BasicProperties } from './message';
import { dropExpired, ensureExpiryTimer, requeue, touch, withDeliveryCount } from './queueOps';
import { evaluateLimit } from './quorumLimit';
import { checkExclusive, expandQueueName, findQueue } from './queueDeclare';
import type { RequeueReason } from './trace';

export interface GetOk {
  msgId: number;
  deliveryTag: number;
  redelivered: boolean;
  exchange: string;
  routingKey: string;
  /** ready messages left after this one */
  messageCount: number;
  body: string;
  properties: BasicProperties;
}

/** basic.get: one message, or null for get-empty. */
export function basicGet(b: Broker, ch: Channel, p: { queue: string; noAck?: boolean }): GetOk | null {
  const M = 'basic.get';
  const q = findQueue(b, expandQueueName(ch, p.queue, M), M);
  checkExclusive(q, ch.connection, M);
  if (q.isQuorum && q.parsed.singleActiveConsumer) {
    fail(405, M, `cannot obtain access to locked queue '${q.name}' in vhost '/'. basic.get operations are not supported by quorum queues with single active consumer`);
  }
  touch(b, q);
  dropExpired(b, q);
  const e = q.ready.shift();
  if (!e) return null;
  // as RabbitMQ's fetch: expired messages that are now at the head go before the count is taken
  dropExpired(b, q);
  ensureExpiryTimer(b, q);
  evaluateLimit(q);
  const noAck = !!p.noAck;
  const tag = ch.nextDeliveryTag++;
  q.stats.delivered++;
  if (noAck) q.stats.acked++;
  else {
    ch.unacked.set(tag, { tag, queue: q, entry: e, consumer: null });
    q.unacked++;
    if (q.isQuorum) q.getHolders.set(ch, (q.getHolders.get(ch) ?? 0) + 1);
  }
  const m = e.msg;
  // quorum queues always tell basic.get how often the message came back, even 0 times
  const properties = q.isQuorum ? withDeliveryCount(m, e.deliveryCount) : m.properties;
  const ok: GetOk = { msgId: m.id, deliveryTag: tag, redelivered: e.redelivered, exchange: m.exchange, routingKey: m.routingKey, messageCount: q.ready.length, body: m.body, properties };
  b.emit({ type: 'delivered', t: b.now, connection: ch.connection.id, channel: ch.number, msgId: m.id, queue: q.name, deliveryTag: tag, redelivered: e.redelivered, noAck, exchange: m.exchange, routingKey: m.routingKey, body: m.body, properties, messageCount: ok.messageCount });
  return ok;
}

/** The unacked deliveries an ack/nack names (rabbit_channel:collect_acks); unknown tag → 406. */
function collect(ch: Channel, method: string, deliveryTag: number, multiple: boolean): Unacked[] {
  if (multiple && deliveryTag === 0) return [...ch.unacked.values()];
  if (!ch.unacked.has(deliveryTag)) fail(406, method, `unknown delivery tag ${deliveryTag}`);
  if (!multiple) return [ch.unacked.get(deliveryTag)!];
  const out: Unacked[] = [];
  for (const u of ch.unacked.values()) if (u.tag <= deliveryTag) out.push(u);
  return out;
}

/** Removes a delivery from the channel's books (and its consumer's and queue's counters). */
function release(ch: Channel, u: Unacked): void {
  ch.unacked.delete(u.tag);
  if (u.consumer) {
    u.consumer.unacked--;
    ch.globalUnacked--;
  }
  const q = u.queue;
  q.unacked--;
  if (!u.consumer && q.isQuorum) {
    const n = (q.getHolders.get(ch) ?? 1) - 1;
    if (n > 0) q.getHolders.set(ch, n);
    else q.getHolders.delete(ch);
  }
}

export function basicAck(b: Broker, ch: Channel, p: { deliveryTag: number; multiple?: boolean }): void {
  if (!p.multiple) {
    // the common case, without the lists
    const u = ch.unacked.get(p.deliveryTag);
    if (!u) fail(406, 'basic.ack', `unknown delivery tag ${p.deliveryTag}`);
    settleAck(b, ch, u);
    resumeChannel(b, ch, u.queue);
    return;
  }
  const touched = new Set<Queue>();
  for (const u of collect(ch, 'basic.ack', p.deliveryTag, true)) {
    settleAck(b, ch, u);
    touched.add(u.queue);
  }
  resumeChannel(b, ch, touched);
}

function settleAck(b: Broker, ch: Channel, u: Unacked): void {
  release(ch, u);
  const q = u.queue;
  if (q.deleted) return;
  q.stats.acked++;
  if (u.consumer) u.consumer.acked++;
  if (b.traceAll) {
    b.emit({ type: 'acked', t: b.now, connection: ch.connection.id, channel: ch.number, msgId: u.entry.msg.id, queue: q.name, deliveryTag: u.tag, consumerTag: u.consumer?.tag });
  }
}

/** basic.nack and basic.reject: requeue, or dead-letter (reason "rejected") / drop. */
export function basicNack(b: Broker, ch: Channel, p: { deliveryTag: number; multiple?: boolean; requeue?: boolean }, method: 'basic.nack' | 'basic.reject' = 'basic.nack'): void {
  const list = collect(ch, method, p.deliveryTag, method === 'basic.nack' && !!p.multiple);
  const requeueIt = p.requeue !== false;
  const byQueue = new Map<Queue, Unacked[]>();
  for (const u of list) {
    release(ch, u);
    if (u.queue.deleted) continue;
    if (u.consumer) u.consumer.nacked++;
    b.emit({ type: 'nacked', t: b.now, method, connection: ch.connection.id, channel: ch.number, msgId: u.entry.msg.id, queue: u.queue.name, deliveryTag: u.tag, consumerTag: u.consumer?.tag, requeue: requeueIt });
    const group = byQueue.get(u.queue);
    if (group) group.push(u);
    else byQueue.set(u.queue, [u]);
  }
  const reason: RequeueReason = method === 'basic.nack' ? 'nack' : 'reject';
  for (const [q, group] of byQueue) {
    if (requeueIt) requeue(b, q, group.map((u) => u.entry), reason);
    else for (const u of group) deadLetter(b, q, u.entry, 'rejected');
  }
  resumeChannel(b, ch, byQueue.keys());
}

/** basic.recover(requeue=true): every unacked delivery of the channel goes back to its queue. */
export function basicRecover(b: Broker, ch: Channel, p: { requeue?: boolean }): void {
  if (p.requeue === false) fail(540, 'basic.recover', 'requeue=false');
  const all = [...ch.unacked.values()];
  for (const u of all) release(ch, u);
  const touched = requeueGrouped(b, all, 'recover');
  resumeChannel(b, ch, touched);
}

/**
 * Requeues deliveries queue by queue, each queue's in delivery-tag order. It does not deliver:
 * the caller dispatches the returned queues once every message is back, so that the trace shows
 * the whole channel released before any redelivery (the channel's prefetch room came back at
 * once, as RabbitMQ's channel drops its unacked table in one go).
 */
export function requeueGrouped(b: Broker, list: Unacked[], reason: RequeueReason): Set<Queue> {
  const byQueue = new Map<Queue, Unacked[]>();
  for (const u of list) {
    const g = byQueue.get(u.queue);
    if (g) g.push(u);
    else byQueue.set(u.queue, [u]);
  }
  for (const [q, group] of byQueue) requeue(b, q, group.map((u) => u.entry), reason, false);
  return new Set(byQueue.keys());
}

export { release as releaseUnacked };
