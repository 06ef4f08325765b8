import { CLIENT_FAILURE } from './events';
import { type BasicProperties, nextFloat, type PublishParams } from '../engine';
import type { Consumer, Outcome } from '../model';
import { channelByInstance } from './connections';
import { findConsumer } from './lookup';
import type { ConsumerRt, DeliveryInfo } from './runtime';
import type { World } from './world';

/**
 * A consumer application: it receives deliveries (up to its prefetch, buffered on the client),
 * works on them one at a time for `processingMs` (± seeded jitter), and settles each one by its
 * outcome policy. Acks travel back to the broker one hop later.
 */
export function onDeliveryArrive(w: World, id: string, d: DeliveryInfo): void {
  const c = w.consumers.get(id);
  // a delivery for a channel that closed meanwhile: the broker has already requeued it (a
  // delivery sent just before a basic.cancel still arrives, and is processed and settled)
  if (!c || !channelByInstance(w, c.app, d.ch)) return;
  c.received++;
  if (d.redelivered) c.redelivered++;
  if (w.traceAll) w.emit({ type: 'delivery-received', t: w.now, app: c.app, consumer: id, msgId: d.msgId, queue: d.queue, deliveryTag: d.deliveryTag, redelivered: d.redelivered });
  c.inbox.push(d);
  if (!c.busy) startNext(w, id);
}

function processingTime(w: World, con: Consumer, d: DeliveryInfo): number {
  const work = con.processingMs + (d.dots ?? 0) * con.msPerDot;
  if (con.jitterMs <= 0) return work;
  return Math.max(0, work + (nextFloat(w.rng) * 2 - 1) * con.jitterMs);
}

export function startNext(w: World, id: string): void {
  const c = w.consumers.get(id);
  const found = findConsumer(w.scenario, id);
  if (c && found) startNextOf(w, c, found.con);
}

/** startNext for a consumer already looked up (this runs for every message processed). */
function startNextOf(w: World, c: ConsumerRt, con: Consumer): void {
  const d = c.inbox.shift();
  if (!d) {
    c.busy = null;
    return;
  }
  const until = w.now + processingTime(w, con, d);
  // a copy: the delivery that arrived is shared with world snapshots (see World.snapshot), never changed
  c.busy = { ...d, until };
  if (w.traceAll) w.emit({ type: 'processing-started', t: w.now, app: c.app, consumer: c.id, msgId: d.msgId, deliveryTag: d.deliveryTag, until });
  w.schedule(until, { kind: 'processing-done', consumer: c.id, gen: c.gen });
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
    if (rpc) reply(w, c, d);
  } else {
    const outcome = decide(w, found.con);
    const action = outcome === 'ack' ? 'ack' : outcome.startsWith('nack') ? 'nack' : 'reject';
    const requeue = outcome.endsWith('requeue');
    // as in the RPC tutorial: publish the reply, then ack the request
    if (rpc && action === 'ack') reply(w, c, d);
    sendSettle(w, c, d, action, requeue);
  }
  startNextOf(w, c, found.con);
}

/** basic.ack / basic.nack / basic.reject for a delivery, on the channel it came from; it arrives one hop later. */
export function sendSettle(w: World, c: ConsumerRt, d: DeliveryInfo, action: 'ack' | 'nack' | 'reject', requeue: boolean): void {
  const arriveAt = w.now + w.latency;
  if (w.traceAll) w.emit({ type: 'settle-sent', t: w.now, arriveAt, app: c.app, consumer: c.id, msgId: d.msgId, queue: d.queue, deliveryTag: d.deliveryTag, action, requeue });
  w.schedule(arriveAt, { kind: 'settle-arrive', consumer: c.id, ch: d.ch, action, requeue, deliveryTag: d.deliveryTag });
}

/**
 * The channel `instance` is gone: what the consumer holds from it is void (the broker requeued it),
 * and if it consumed there, it stops (with the broker's reason when the broker closed the channel).
 */
export function dropChannelWork(w: World, c: ConsumerRt, instance: number, why: string | undefined): void {
  if (c.inbox.some((d) => d.ch === instance)) c.inbox = c.inbox.filter((d) => d.ch !== instance);
  if (c.busy?.ch === instance) {
    c.busy = null;
    c.gen = ++w.seq;
    if (c.inbox.length) startNext(w, c.id);
  }
  if (c.on?.instance !== instance || c.state !== 'running') return;
  c.on = null;
  if (why) {
    c.state = 'error';
    c.error = why;
  } else c.state = 'stopped';
}

/** An RPC server answers on the default exchange, to the queue the request named in reply-to. */
function reply(w: World, c: ConsumerRt, d: DeliveryInfo): void {
  const seq = ++c.replied;
  const body = `reply to ${d.body ?? ''}`;
  const properties: BasicProperties = { deliveryMode: 1 };
  if (d.correlationId !== undefined) properties.correlationId = d.correlationId;
  const params = { exchange: '', routingKey: d.replyTo!, body, properties };
  const arriveAt = w.now + w.latency;
  w.emit({ type: 'publish-sent', t: w.now, arriveAt, app: c.app, publisher: c.id, seq, exchange: '', routingKey: d.replyTo!, body, deliveryMode: 1 });
  w.schedule(arriveAt, { kind: 'reply-arrive', consumer: c.id, ch: d.ch, seq, params });
}

/** The reply reaches the broker on the channel the server published it on (lost if that closed meanwhile). */
export function onReplyArrive(w: World, id: string, ch: number, seq: number, params: PublishParams): void {
  const c = w.consumers.get(id);
  if (!c) return;
  const ref = channelByInstance(w, c.app, ch);
  const r = ref && w.now >= w.brokerDownUntil ? w.broker.basicPublish(ref, params) : undefined;
  if (!r?.ok) w.emit({ type: 'publish-failed', t: w.now, app: c.app, publisher: id, seq, reason: r && !r.ok ? r.error.text : CLIENT_FAILURE.connectionClosed, ...(r && !r.ok ? { code: r.error.code } : {}) });
}

/**
 * The ack / nack / reject reaches the broker, on the channel the delivery came from. If that channel
 * closed meanwhile (its connection, an error, a restart), it went with the socket: the broker has
 * requeued the message already, and a delivery tag means nothing on any other channel.
 */
export function onSettleArrive(w: World, id: string, ch: number, action: 'ack' | 'nack' | 'reject', requeue: boolean, deliveryTag: number): void {
  const c = w.consumers.get(id);
  if (!c) return;
  const ref = channelByInstance(w, c.app, ch);
  if (!ref || w.now < w.brokerDownUntil) return;
  if (action === 'ack') {
    // one parameter object for every ack (the broker reads it during the call and keeps nothing)
    ACK.deliveryTag = deliveryTag;
    if (w.broker.basicAck(ref, ACK).ok) c.acked++;
  } else if (action === 'nack') {
    if (w.broker.basicNack(ref, { deliveryTag, requeue }).ok) c.nacked++;
  } else if (w.broker.basicReject(ref, { deliveryTag, requeue }).ok) c.rejected++;
}

const ACK = { deliveryTag: 0 };

/** The dots in a body: the tutorial's worker sleeps one second for each. */
export function countDots(body: string): number {
  let n = 0;
  for (let i = body.indexOf('.'); i >= 0; i = body.indexOf('.', i + 1)) n++;
  return n;
}
