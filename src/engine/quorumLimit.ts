import type { Broker } from './broker';
import type { Queue } from './entities';

/**
 * x-max-length / x-max-length-bytes with x-overflow reject-publish on a QUORUM queue, as
 * RabbitMQ 3.10.8's rabbit_fifo enforces it (conformance/golden/quorum/maxlen-*). Unlike a classic
 * queue, which refuses the message that would not fit:
 * - a publish is accepted while the queue is not OVER its limit, so the message that reaches the
 *   limit plus one more get in (x-max-length 2 holds 3 messages);
 * - once over, the queue tells every publisher (each channel that published to it, and each queue
 *   that dead-letters into it: its "enqueuers") to refuse publishes: they are nacked;
 * - publishes are accepted again only when the queue drops to 80% of the limit (rounded down)
 *   or below: with x-max-length 5, after one get (6 → 5) publishes are still refused, after the
 *   next (→ 4) they are accepted;
 * - a channel publishing to the queue for the first time registers as an enqueuer and is refused
 *   if the queue is over the limit at that moment (the 80% rule does not apply to it).
 * Only ready messages (and their bytes) count; unacked deliveries do not.
 */

/** The key of an enqueuer: a publishing channel, or a queue dead-lettering into this one. */
export function channelEnqueuer(connection: number, channel: number): string {
  return `c:${connection}/${channel}`;
}
export function queueEnqueuer(queue: string): string {
  return `q:${queue}`;
}

function limited(q: Queue): boolean {
  return q.isQuorum && q.parsed.overflow === 'reject-publish' && (q.parsed.maxLength !== undefined || q.parsed.maxLengthBytes !== undefined);
}

function overLimit(q: Queue): boolean {
  const { maxLength, maxLengthBytes } = q.parsed;
  return (maxLength !== undefined && q.ready.length > maxLength) || (maxLengthBytes !== undefined && q.ready.bytes > maxLengthBytes);
}

function belowSoftLimit(q: Queue): boolean {
  const { maxLength, maxLengthBytes } = q.parsed;
  return (maxLength === undefined || q.ready.length <= Math.trunc(maxLength * 0.8)) && (maxLengthBytes === undefined || q.ready.bytes <= Math.trunc(maxLengthBytes * 0.8));
}

/** Whether the queue refuses a message from this enqueuer (registering it on its first publish). */
export function refusesPublish(q: Queue, enqueuer: string | undefined): boolean {
  if (!limited(q) || enqueuer === undefined) return false;
  let rejecting = q.enqueuers.get(enqueuer);
  if (rejecting === undefined) {
    rejecting = overLimit(q);
    q.enqueuers.set(enqueuer, rejecting);
  }
  return rejecting;
}

/**
 * After anything that changed the queue's ready messages: over the limit, every enqueuer is told
 * to refuse; crossing down to the soft limit (80%), every enqueuer may publish again.
 */
export function evaluateLimit(q: Queue): void {
  if (!limited(q)) return;
  const below = belowSoftLimit(q);
  if (overLimit(q)) {
    for (const k of q.enqueuers.keys()) q.enqueuers.set(k, true);
  } else if (below && !q.wasBelowSoftLimit) {
    for (const k of q.enqueuers.keys()) q.enqueuers.set(k, false);
  }
  q.wasBelowSoftLimit = below;
}

/** A channel closed: it is no longer an enqueuer of any queue. */
export function forgetEnqueuer(b: Broker, connection: number, channel: number): void {
  const key = channelEnqueuer(connection, channel);
  for (const q of b.queues.values()) if (q.enqueuers.size) q.enqueuers.delete(key);
}
