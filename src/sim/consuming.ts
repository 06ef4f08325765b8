import { type BasicProperties, nextFloat, type PublishParams } from '../engine';
import type { Consumer, Outcome } from '../model';
import { findConsumer } from './lookup';
import type { ConsumerRt, DeliveryInfo } from './runtime';
import type { World } from './world';

/**
 * A consumer application: it receives deliveries (up to its prefetch, buffered on the client),
 * works on them one at a time for `processingMs` (± seeded jitter), and settles each one by its
 * outcome policy. Acks travel back to the broker one hop later.
 */
export function onDeliveryArrive(w: World, id: string, gen: number, d: DeliveryInfo): void {
  const c = w.consumers.get(id);
  // a delivery for a channel that closed meanwhile: the broker has already requeued it (a
  // delivery sent just before a basic.cancel still arrives, and is processed and settled)
  if (!c || c.gen !== gen) return;
  c.received++;
  if (d.redelivered) c.redelivered++;
  if (w.traceAll) w.emit({ type: 'delivery-received', t: w.now, app: c.app, consumer: id, msgId: d.msgId, queue: d.queue, deliveryTag: d.deliveryTag, redelivered: d.redelivered });
  c.inbox.push(d);
  if (!c.busy) startNext(w, id);
}

function processingTime(w: World, con: Consumer): number {
  if (con.jitterMs <= 0) return con.processingMs;
  return Math.max(0, con.processingMs + (nextFloat(w.rng) * 2 - 1) * con.jitterMs);
}

function startNext(w: World, id: string): void {
  const c = w.consumers.get(id);
  const found = findConsumer(w.scenario, id);
  if (!c || !found) return;
  const d = c.inbox.shift();
  if (!d) {
    c.busy = null;
    return;
  }
  const until = w.now + processingTime(w, found.con);
  d.until = until;
  c.busy = d;
  if (w.traceAll) w.emit({ type: 'processing-started', t: w.now, app: c.app, consumer: id, msgId: d.msgId, deliveryTag: d.deliveryTag, until });
  w.schedule(until, { kind: 'processing-done', consumer: id, gen: c.gen });
}

/** The outcome for one delivery: `failPercent` of them (seeded draw) get `failOutcome`. */
function decide(w: World, con: Consumer): Outcome {
  if (con.failPercent > 0 && nextFloat(w.rng) * 100 < con.failPercent) return con.failOutcome;
  return con.outcome;
}

export function onProcessingDone(w: World, id: string, gen: number): void {
  const c = w.consumers.get(id);
  const found = findConsumer(w.scenario, id);
  if (!c || !found || c.gen !== gen || !c.busy) return;
  const d = c.busy;
  c.busy = null;
  const rpc = found.con.replyToRequests && d.replyTo !== undefined;
  if (d.noAck) {
    if (rpc) reply(w, c, d, gen);
  } else {
    const outcome = decide(w, found.con);
    const action = outcome === 'ack' ? 'ack' : outcome.startsWith('nack') ? 'nack' : 'reject';
    const requeue = outcome.endsWith('requeue');
    // as in the RPC tutorial: publish the reply, then ack the request
    if (rpc && action === 'ack') reply(w, c, d, gen);
    const arriveAt = w.now + w.latency;
    if (w.traceAll) w.emit({ type: 'settle-sent', t: w.now, arriveAt, app: c.app, consumer: id, msgId: d.msgId, queue: d.queue, deliveryTag: d.deliveryTag, action, requeue });
    w.schedule(arriveAt, { kind: 'settle-arrive', consumer: id, gen, action, requeue, deliveryTag: d.deliveryTag });
  }
  startNext(w, id);
}

/** An RPC server answers on the default exchange, to the queue the request named in reply-to. */
function reply(w: World, c: ConsumerRt, d: DeliveryInfo, gen: number): void {
  const seq = ++c.replied;
  const body = `reply to ${d.body ?? ''}`;
  const properties: BasicProperties = { deliveryMode: 1 };
  if (d.correlationId !== undefined) properties.correlationId = d.correlationId;
  const params = { exchange: '', routingKey: d.replyTo!, body, properties };
  const arriveAt = w.now + w.latency;
  w.emit({ type: 'publish-sent', t: w.now, arriveAt, app: c.app, publisher: c.id, seq, exchange: '', routingKey: d.replyTo!, body });
  w.schedule(arriveAt, { kind: 'reply-arrive', consumer: c.id, gen, seq, params });
}

export function onReplyArrive(w: World, id: string, gen: number, seq: number, params: PublishParams): void {
  const c = w.consumers.get(id);
  const found = findConsumer(w.scenario, id);
  if (!c || !found) return;
  const ref = w.channelRef(found.app.id, found.con.channelId);
  const r = ref && c.gen === gen && w.now >= w.brokerDownUntil ? w.broker.basicPublish(ref, params) : undefined;
  if (!r?.ok) w.emit({ type: 'publish-failed', t: w.now, app: c.app, publisher: id, seq, reason: r && !r.ok ? r.error.text : 'connection closed', ...(r && !r.ok ? { code: r.error.code } : {}) });
}

/** The ack / nack / reject reaches the broker (if the channel is still the one it was sent on). */
export function onSettleArrive(w: World, id: string, gen: number, action: 'ack' | 'nack' | 'reject', requeue: boolean, deliveryTag: number): void {
  const c = w.consumers.get(id);
  const found = findConsumer(w.scenario, id);
  if (!c || !found || c.gen !== gen) return;
  const ref = w.channelRef(found.app.id, found.con.channelId);
  if (!ref || w.now < w.brokerDownUntil) return;
  if (action === 'ack') {
    if (w.broker.basicAck(ref, { deliveryTag }).ok) c.acked++;
  } else if (action === 'nack') {
    if (w.broker.basicNack(ref, { deliveryTag, requeue }).ok) c.nacked++;
  } else if (w.broker.basicReject(ref, { deliveryTag, requeue }).ok) c.rejected++;
}
