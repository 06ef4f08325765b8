import { removeBindingsTo } from './bindings';
import type { Broker } from './broker';
import { type Channel, type Connection, Queue } from './entities';
import { fail } from './errors';
import type { FieldTable } from './fields';
import { assertArgsEquivalent, parseQueueArgs } from './queueArgs';
import { armIdleTimer, dropExpired, ensureExpiryTimer, touch } from './queueOps';
import { evaluateLimit } from './quorumLimit';
import { declareReplyTo, REPLY_TO_QUEUE } from './replyTo';
import { nextToken } from './rng';

export interface QueueDeclareParams {
  /** "" asks the broker for a name ("amq.gen-…") */
  queue?: string;
  passive?: boolean;
  durable?: boolean;
  exclusive?: boolean;
  autoDelete?: boolean;
  arguments?: FieldTable;
}

export interface QueueDeclareOk {
  queue: string;
  /** ready messages */
  messageCount: number;
  consumerCount: number;
}

export function lockedText(name: string): string {
  return `cannot obtain exclusive access to locked queue '${name}' in vhost '/'. It could be originally declared on another connection or the exclusive property value does not match that of the original declaration.`;
}

/** An exclusive queue may only be used by the connection that declared it (405 RESOURCE_LOCKED). */
export function checkExclusive(q: Queue, conn: Connection, method: string): void {
  if (q.exclusiveOwner && q.exclusiveOwner !== conn) fail(405, method, lockedText(q.name));
}

/**
 * AMQP's queue-name shortcut: an empty queue name means the queue most recently declared on the
 * channel; a channel that declared none gets 404 (rabbit_channel:expand_queue_name_shortcut).
 */
export function expandQueueName(ch: Channel, name: string, method: string): string {
  if (name !== '') return name;
  if (ch.lastQueue === null) fail(404, method, 'no previously declared queue');
  return ch.lastQueue;
}

export function findQueue(b: Broker, name: string, method: string): Queue {
  const q = b.queues.get(name);
  if (!q) fail(404, method, `no queue '${name}' in vhost '/'`);
  return q;
}

export function queueDeclare(b: Broker, ch: Channel, p: QueueDeclareParams): QueueDeclareOk {
  const M = 'queue.declare';
  const conn = ch.connection;
  const requested = p.queue ?? '';
  // direct reply-to: the pseudo-queue and reply addresses "exist" (see replyTo.ts)
  if (requested.startsWith(REPLY_TO_QUEUE)) return declareReplyTo(b, ch, requested);
  if (p.passive) {
    const q = findQueue(b, requested, M);
    checkExclusive(q, conn, M);
    touch(b, q); // 3.10 counts a passive declare as a use of the queue (x-expires)
    ch.lastQueue = q.name;
    return { queue: q.name, messageCount: q.ready.length, consumerCount: q.consumerCount };
  }
  let name = requested;
  if (name === '') {
    do name = `amq.gen-${nextToken(b.rng)}`;
    while (b.queues.has(name));
  } else if (name.startsWith('amq.')) {
    fail(403, M, `queue name '${name}' contains reserved prefix 'amq.*'`);
  }
  const durable = !!p.durable;
  const exclusive = !!p.exclusive;
  const autoDelete = !!p.autoDelete;
  const args = p.arguments ?? {};
  const existing = b.queues.get(name);
  if (existing) {
    // strict check: an exclusive queue of another connection, or a mismatch of the exclusive flag
    if ((existing.exclusiveOwner && existing.exclusiveOwner !== conn) || (!existing.exclusiveOwner && exclusive)) fail(405, M, lockedText(name));
    const ineq = (what: string, received: boolean, current: boolean) =>
      fail(406, M, `inequivalent arg '${what}' for queue '${name}' in vhost '/': received '${received}' but current is '${current}'`);
    if (existing.durable !== durable) ineq('durable', durable, existing.durable);
    if (existing.autoDelete !== autoDelete) ineq('auto_delete', autoDelete, existing.autoDelete);
    assertArgsEquivalent(name, existing.args, args);
    touch(b, existing);
    ch.lastQueue = name;
    return { queue: name, messageCount: existing.ready.length, consumerCount: existing.consumerCount };
  }
  const parsed = parseQueueArgs(name, args, { durable, exclusive, autoDelete });
  const q = new Queue(name, durable, autoDelete, exclusive ? conn : null, { ...args }, parsed, b.now);
  b.queues.set(name, q);
  b.emit({ type: 'queue-declared', t: b.now, queue: name, durable, exclusive, autoDelete, arguments: q.args });
  armIdleTimer(b, q);
  ch.lastQueue = name;
  return { queue: name, messageCount: 0, consumerCount: 0 };
}

export function queueDelete(b: Broker, ch: Channel, p: { queue: string; ifUnused?: boolean; ifEmpty?: boolean }): { messageCount: number } {
  const M = 'queue.delete';
  const q = b.queues.get(expandQueueName(ch, p.queue, M));
  if (!q) return { messageCount: 0 }; // deleting a missing queue is not an error
  checkExclusive(q, ch.connection, M);
  if (p.ifUnused && q.consumers.length > 0) fail(406, M, `queue '${q.name}' in vhost '/' in use`);
  if (p.ifEmpty && q.ready.length > 0) fail(406, M, `queue '${q.name}' in vhost '/' not empty`);
  const messageCount = q.ready.length;
  deleteQueue(b, q, 'deleted');
  return { messageCount };
}

export function queuePurge(b: Broker, ch: Channel, p: { queue: string }): { messageCount: number } {
  const M = 'queue.purge';
  const q = findQueue(b, expandQueueName(ch, p.queue, M), M);
  checkExclusive(q, ch.connection, M);
  const gone = q.ready.clear();
  b.emit({ type: 'purged', t: b.now, queue: q.name, msgIds: gone.map((e) => e.msg.id) });
  evaluateLimit(q);
  return { messageCount: gone.length };
}

/**
 * Deletes a queue: its consumers get a server-sent basic.cancel, its ready messages are gone,
 * its bindings go (auto-delete exchanges may follow). Messages its consumers still hold stay
 * on their channels; settling them later is harmless.
 */
export function deleteQueue(b: Broker, q: Queue, reason: 'deleted' | 'auto-delete' | 'exclusive-owner-closed' | 'expired' | 'broker-restart'): void {
  if (q.deleted) return;
  q.deleted = true;
  b.queues.delete(q.name);
  for (const c of [...q.consumers]) {
    c.channel.consumers.delete(c.tag);
    b.emit({ type: 'consumer-cancelled', t: b.now, connection: c.channel.connection.id, channel: c.channel.number, queue: q.name, consumerTag: c.tag, byServer: reason !== 'auto-delete' });
  }
  q.consumers.length = 0;
  q.active = [];
  q.blocked = [];
  const gone = q.ready.clear();
  if (gone.length) b.emit({ type: 'purged', t: b.now, queue: q.name, msgIds: gone.map((e) => e.msg.id) });
  b.emit({ type: 'queue-deleted', t: b.now, queue: q.name, reason, messageCount: gone.length });
  removeBindingsTo(b, 'queue', q.name);
}

/** Timer callbacks for queues. */
export function onExpiryTimer(b: Broker, q: Queue): void {
  q.expiryAt = Number.POSITIVE_INFINITY;
  dropExpired(b, q);
  ensureExpiryTimer(b, q);
  evaluateLimit(q);
}

export function onIdleTimer(b: Broker, q: Queue): void {
  const expires = q.parsed.expires;
  if (expires === undefined || q.consumers.length > 0) return;
  if (b.now >= q.lastUsedAt + expires) deleteQueue(b, q, 'expired');
}
