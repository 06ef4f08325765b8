import { releaseUnacked } from './ack';
import type { Broker } from './broker';
import type { Channel, Connection, Queue, Unacked } from './entities';
import type { AmqpError } from './errors';
import { removeConsumer } from './consume';
import { dispatch, requeue } from './queueOps';
import { deleteQueue, onExpiryTimer, onIdleTimer } from './queueDeclare';
import { arriveAtQueue } from './publish';
import { routeDeadLetter } from './deadLetter';
import { forgetEnqueuer } from './quorumLimit';
import { dropReplyConsumer } from './replyTo';

/**
 * A channel closes (by the client, by an error, or with its connection): its consumers go, and
 * every message it still holds goes back to its queue, in the queue's original order, flagged
 * redelivered (rabbit_amqqueue_process:handle_ch_down). An auto-delete queue that loses its
 * last consumer this way is deleted, held messages included.
 */
export function closeChannel(b: Broker, ch: Channel, error: AmqpError | undefined, why: 'client' | 'error' | 'connection'): void {
  if (!ch.open) return;
  ch.open = false;
  ch.connection.channels.delete(ch.number);
  // confirms still owed on this channel will never be sent
  for (const pc of [...b.pendingConfirms.values()]) if (pc.connection === ch.connection.id && pc.channel === ch.number) b.pendingConfirms.delete(pc.id);
  b.emit({ type: 'channel-closed', t: b.now, connection: ch.connection.id, channel: ch.number, ...(error ? { error } : {}) });
  forgetEnqueuer(b, ch.connection.id, ch.number);
  dropReplyConsumer(b, ch);

  const held = new Map<Queue, Unacked[]>();
  for (const u of ch.unacked.values()) {
    const g = held.get(u.queue);
    if (g) g.push(u);
    else held.set(u.queue, [u]);
  }
  const queues = new Set<Queue>();
  for (const c of ch.consumers.values()) queues.add(c.queue);
  for (const q of held.keys()) queues.add(q);
  const consumers = [...ch.consumers.values()];
  const reason = why === 'connection' ? 'connection-closed' : 'channel-closed';

  // Every consumer of the channel goes first: a requeue below can dead-letter into another
  // queue this channel consumes from, and nothing may be delivered to a closed channel.
  const alive = new Map<Queue, boolean>();
  for (const q of queues) alive.set(q, !q.deleted);
  for (const c of consumers) alive.set(c.queue, removeConsumer(b, c, { dispatch: false }) && alive.get(c.queue)!);
  for (const q of queues) {
    const mine = held.get(q) ?? [];
    for (const u of mine) releaseUnacked(ch, u);
    if (!alive.get(q) || q.deleted) continue;
    if (mine.length) requeue(b, q, mine.map((u) => u.entry), reason);
    else dispatch(b, q); // e.g. a single-active-consumer handover
  }
  ch.unacked.clear();
  ch.consumers.clear();
}

/** A connection closes: all its channels close, then its exclusive queues are deleted. */
export function closeConnection(b: Broker, conn: Connection, error: AmqpError | undefined): void {
  if (!conn.open) return;
  for (const ch of [...conn.channels.values()].sort((x, y) => x.number - y.number)) closeChannel(b, ch, undefined, 'connection');
  conn.open = false;
  b.connections.delete(conn.id);
  for (const q of [...b.queues.values()]) if (q.exclusiveOwner === conn) deleteQueue(b, q, 'exclusive-owner-closed');
  b.emit({ type: 'connection-closed', t: b.now, connection: conn.id, ...(error ? { error } : {}) });
}

/**
 * Advances the virtual clock to `t`, firing every timer due on the way in (time, insertion)
 * order: message expiry at queue heads and idle queues (x-expires).
 */
export function advanceTo(b: Broker, t: number): void {
  if (t < b.now) throw new RangeError(`time cannot go back (now ${b.now}, asked ${t}); rewind by restoring a snapshot`);
  // reads the schedule's own record and drops it, rather than building a Timer per timer fired
  for (let top = b.schedule.peek(); top !== undefined && top.at <= t; top = b.schedule.peek()) {
    const timer = top.item;
    b.schedule.dropTop();
    if (top.at > b.now) b.now = top.at;
    if (timer.kind === 'transit') {
      const tr = b.transits.get(timer.token);
      if (!tr) continue;
      b.transits.delete(tr.id);
      if (tr.kind === 'to-queue') arriveAtQueue(b, tr);
      else routeDeadLetter(b, tr.msg, tr.dlx, tr.reason, tr.fromQueue);
      continue;
    }
    const q = b.queues.get(timer.queue);
    if (!q) continue;
    if (timer.kind === 'message-expiry' && timer.token === q.expiryToken) onExpiryTimer(b, q);
    else if (timer.kind === 'queue-idle' && timer.token === q.idleToken) onIdleTimer(b, q);
  }
  b.now = t;
}

/** When the next timer is due (Infinity if none): lets a driver jump straight to the next event. */
export function nextTimerAt(b: Broker): number {
  // stale timers stay in the heap until they fire; drop the ones on top so "next" is honest
  for (let top = b.schedule.peek(); top; top = b.schedule.peek()) {
    const timer = top.item;
    if (timer.kind === 'transit') {
      // the common case on a busy broker with a hop latency: no queue lookup needed
      if (b.transits.has(timer.token)) return top.at;
    } else {
      const q = b.queues.get(timer.queue);
      if (q && (timer.kind === 'message-expiry' ? timer.token === q.expiryToken : timer.token === q.idleToken)) return top.at;
    }
    b.schedule.dropTop();
  }
  return Number.POSITIVE_INFINITY;
}
