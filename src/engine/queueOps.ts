import type { Broker } from './broker';
import type { Consumer, Queue } from './entities';
import type { Message, QueueEntry } from './message';
import type { RequeueReason } from './trace';
import { deadLetter } from './deadLetter';
import { evaluateLimit, refusesPublish } from './quorumLimit';

/**
 * What a queue does with messages: take one in (or refuse it), hand messages to consumers,
 * take them back, expire them and drop them at the length limit. Mirrors RabbitMQ 3.10's
 * rabbit_amqqueue_process (classic queues) and rabbit_fifo (quorum queues).
 */

/** Per-message TTL from the expiration property, if it is a valid number of milliseconds. */
export function messageTtl(msg: Message): number | undefined {
  const e = msg.properties.expiration;
  return e === undefined ? undefined : Number(e);
}

function newEntry(b: Broker, q: Queue, msg: Message): QueueEntry {
  const qTtl = q.parsed.messageTtl;
  const mTtl = messageTtl(msg);
  const ttl = qTtl === undefined ? mTtl : mTtl === undefined ? qTtl : Math.min(qTtl, mTtl);
  const max = q.parsed.maxPriority;
  const level = max !== undefined && max > 0 ? Math.min(msg.properties.priority ?? 0, max) : 0;
  return {
    msg,
    seq: q.nextSeq++,
    enqueuedAt: b.now,
    expiresAt: ttl === undefined ? Number.POSITIVE_INFINITY : b.now + ttl,
    redelivered: false,
    deliveryCount: 0,
    level,
  };
}

/** Would one more message go over x-max-length / x-max-length-bytes? */
function willOverflow(q: Queue, msg: Message): boolean {
  const { maxLength, maxLengthBytes } = q.parsed;
  return (maxLength !== undefined && q.ready.length + 1 > maxLength) || (maxLengthBytes !== undefined && q.ready.bytes + msg.size > maxLengthBytes);
}

/**
 * A routed message arrives at a queue from an enqueuer (the publishing channel, or the queue
 * that dead-lettered it: see quorumLimit.ts). Returns false if the queue refused it (x-overflow
 * reject-publish / reject-publish-dlx on a full queue), which turns the publisher's confirm
 * into a nack.
 */
export function offer(b: Broker, q: Queue, msg: Message, enqueuer?: string): boolean {
  if (q.isQuorum) {
    if (refusesPublish(q, enqueuer)) {
      q.stats.dropped++;
      b.emit({ type: 'dropped', t: b.now, msgId: msg.id, queue: q.name, reason: 'reject-publish' });
      return false;
    }
  } else if (q.parsed.overflow !== 'drop-head' && willOverflow(q, msg)) {
    if (q.parsed.overflow === 'reject-publish-dlx') {
      deadLetter(b, q, newEntry(b, q, msg), 'maxlen');
    } else {
      q.stats.dropped++;
      b.emit({ type: 'dropped', t: b.now, msgId: msg.id, queue: q.name, reason: 'reject-publish' });
    }
    return false;
  }
  const e = newEntry(b, q, msg);
  q.stats.enqueued++;
  if (q.ready.length === 0) {
    // The queue is empty: a consumer with room takes the message straight away (even if it
    // expires "now", or the queue's max-length is 0).
    const c = nextConsumer(q);
    if (c) {
      if (b.traceAll) b.emit({ type: 'enqueued', t: b.now, msgId: msg.id, queue: q.name, depth: 1 });
      deliver(b, q, e, c);
      evaluateLimit(q);
      return true;
    }
  }
  q.ready.push(e);
  if (b.traceAll) b.emit({ type: 'enqueued', t: b.now, msgId: msg.id, queue: q.name, depth: q.ready.length });
  dropOverLimit(b, q);
  dropExpired(b, q);
  ensureExpiryTimer(b, q);
  evaluateLimit(q);
  return true;
}

/** drop-head: while over the limit, the oldest ready message is dead-lettered (maxlen) or dropped. */
export function dropOverLimit(b: Broker, q: Queue): boolean {
  const { maxLength, maxLengthBytes, overflow } = q.parsed;
  if (overflow !== 'drop-head' || (maxLength === undefined && maxLengthBytes === undefined)) return false;
  let dropped = false;
  while ((maxLength !== undefined && q.ready.length > maxLength) || (maxLengthBytes !== undefined && q.ready.bytes > maxLengthBytes)) {
    const e = q.ready.shift()!;
    dropped = true;
    deadLetter(b, q, e, 'maxlen');
  }
  return dropped;
}

/** Per-message and queue TTL are enforced at the head only, as in RabbitMQ. */
export function dropExpired(b: Broker, q: Queue): void {
  for (let e = q.ready.peek(); e && e.expiresAt <= b.now; e = q.ready.peek()) {
    q.ready.shift();
    q.stats.expired++;
    b.emit({ type: 'expired', t: b.now, msgId: e.msg.id, queue: q.name });
    deadLetter(b, q, e, 'expired');
  }
}

/** Keeps one timer armed for the head's expiry. */
export function ensureExpiryTimer(b: Broker, q: Queue): void {
  const head = q.ready.peek();
  if (!head || !Number.isFinite(head.expiresAt) || head.expiresAt >= q.expiryAt) return;
  q.expiryToken = b.newTimerToken();
  q.expiryAt = head.expiresAt;
  b.schedule.add(head.expiresAt, 'message-expiry', q.name, q.expiryToken);
}

/** The consumer that gets the next message: round-robin within the highest priority, skipping full ones. */
export function nextConsumer(q: Queue): Consumer | undefined {
  while (q.active.length) {
    const c = q.active[0]!;
    if (canSend(c)) {
      // round-robin: the consumer goes to the back of its priority group
      const a = q.active;
      let j = 0;
      while (j + 1 < a.length && a[j + 1]!.priority === c.priority) {
        a[j] = a[j + 1]!;
        j++;
      }
      a[j] = c;
      return c;
    }
    q.active.shift();
    q.blocked.push(c);
  }
  return undefined;
}

export function canSend(c: Consumer): boolean {
  if (c.noAck) return true;
  if (c.prefetch > 0 && c.unacked >= c.prefetch) return false;
  const ch = c.channel;
  return !(ch.globalPrefetch > 0 && ch.globalUnacked >= ch.globalPrefetch);
}

/** Puts a consumer among the active ones: after every consumer of equal or higher priority. */
export function activate(q: Queue, c: Consumer): void {
  let i = q.active.length;
  while (i > 0 && q.active[i - 1]!.priority < c.priority) i--;
  q.active.splice(i, 0, c);
}

/** Consumers whose room came back (after acks) rejoin the active ones, at the back. */
export function unblock(q: Queue): void {
  if (!q.blocked.length) return;
  const still: Consumer[] = [];
  for (const c of q.blocked) {
    if (canSend(c)) activate(q, c);
    else still.push(c);
  }
  q.blocked = still;
}

/** Hands ready messages to consumers while both last (run_message_queue). */
export function dispatch(b: Broker, q: Queue): void {
  if (q.deleted) return;
  while (q.ready.length) {
    dropExpired(b, q);
    if (!q.ready.length) break;
    const c = nextConsumer(q);
    if (!c) break;
    deliver(b, q, q.ready.shift()!, c);
  }
  dropExpired(b, q);
  ensureExpiryTimer(b, q);
  evaluateLimit(q);
}

/** basic.deliver of one message to one consumer. */
export function deliver(b: Broker, q: Queue, e: QueueEntry, c: Consumer): void {
  const ch = c.channel;
  const tag = ch.nextDeliveryTag++;
  c.delivered++;
  q.stats.delivered++;
  if (e.redelivered) q.stats.redelivered++;
  if (!c.noAck) {
    ch.unacked.set(tag, { tag, queue: q, entry: e, consumer: c });
    c.unacked++;
    ch.globalUnacked++;
    q.unacked++;
  }
  if (b.traceEnabled) {
    const m = e.msg;
    b.emit({
      type: 'delivered',
      t: b.now,
      connection: ch.connection.id,
      channel: ch.number,
      msgId: m.id,
      queue: q.name,
      consumerTag: c.tag,
      deliveryTag: tag,
      redelivered: e.redelivered,
      noAck: c.noAck,
      exchange: m.exchange,
      routingKey: m.routingKey,
      body: m.body,
      // quorum queues tell consumers how often a message came back, once it has
      properties: q.isQuorum && e.deliveryCount > 0 ? withDeliveryCount(m, e.deliveryCount) : m.properties,
    });
  }
  if (c.noAck) q.stats.acked++;
}

export function withDeliveryCount(m: Message, count: number): Message['properties'] {
  return { ...m.properties, headers: { ...(m.properties.headers ?? {}), 'x-delivery-count': count } };
}

/**
 * Messages come back to their queue (nack/reject with requeue, recover, channel or connection
 * closed). Classic queues put each back at its original position, flagged redelivered. Quorum
 * queues count the return (x-delivery-count), drop or dead-letter past x-delivery-limit, and put
 * it in front, except a plain requeue without a delivery limit, which goes to the back.
 * Then, as RabbitMQ's requeue_and_run: length limit, expiry, deliveries (unless the caller
 * dispatches itself, after putting back what other queues get too).
 */
export function requeue(b: Broker, q: Queue, entries: QueueEntry[], reason: RequeueReason, dispatchNow = true): void {
  if (q.deleted) return;
  const explicit = reason === 'nack' || reason === 'reject' || reason === 'recover';
  for (const e of entries) {
    e.redelivered = true;
    if (q.isQuorum) {
      e.deliveryCount++;
      const limit = q.parsed.deliveryLimit;
      if (limit !== undefined && e.deliveryCount > limit) {
        deadLetter(b, q, e, 'delivery_limit');
        continue;
      }
      const toBack = explicit && limit === undefined;
      if (toBack) q.ready.append(e);
      else q.ready.putBack(e);
      b.emit({ type: 'requeued', t: b.now, msgId: e.msg.id, queue: q.name, reason, to: toBack ? 'back' : 'front' });
    } else {
      q.ready.putBack(e);
      b.emit({ type: 'requeued', t: b.now, msgId: e.msg.id, queue: q.name, reason, to: 'position' });
    }
  }
  dropOverLimit(b, q);
  dropExpired(b, q);
  if (dispatchNow) dispatch(b, q);
}

/** A use of the queue (declare, basic.get, consumer gone): restarts the x-expires idle clock. */
export function touch(b: Broker, q: Queue): void {
  q.lastUsedAt = b.now;
  armIdleTimer(b, q);
}

export function armIdleTimer(b: Broker, q: Queue): void {
  const expires = q.parsed.expires;
  if (expires === undefined || q.consumers.length > 0) return;
  q.idleToken = b.newTimerToken();
  b.schedule.add(q.lastUsedAt + expires, 'queue-idle', q.name, q.idleToken);
}
