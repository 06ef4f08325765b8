import type { Broker } from './broker';
import type { Channel } from './entities';
import { fail } from './errors';
import { amqpTypeName, type FieldTable, type FieldValue, kindOf, plain } from './fields';
import { type BasicProperties, type MessageDraft, utf8Length } from './message';
import { offer } from './queueOps';
import { deliverReplies, mayReply, rewriteReplyTo } from './replyTo';
import { route } from './route';
import { hopDepths, schedule as scheduleTransit, type Transit } from './transit';

export interface PublishParams {
  exchange: string;
  routingKey: string;
  mandatory?: boolean;
  body?: string;
  properties?: BasicProperties;
}

export interface PublishOk {
  msgId: number;
  /** publisher-confirm sequence number when the channel is in confirm mode */
  publishSeqNo?: number;
  /** how many queues the message was routed to (0: unroutable) */
  routed: number;
}

const M = 'basic.publish';

/**
 * Extra routing keys from the CC and BCC headers (sender-selected distribution). They must be
 * arrays (of longstr; other elements are skipped): anything else makes the message invalid.
 */
function ccKeysOf(headers: FieldTable): string[] {
  const keys: string[] = [];
  for (const h of ['CC', 'BCC']) {
    const v = headers[h];
    if (v === undefined) continue;
    if (!Array.isArray(v)) fail(406, M, `invalid message: {unacceptable_type_in_header,"${h}",${amqpTypeName(v)}}`);
    for (const k of v as FieldValue[]) if (kindOf(k) === 'string') keys.push(String(plain(k)));
  }
  return keys;
}

function checkExpiration(expiration: string | undefined): void {
  if (expiration === undefined) return;
  if (!/^-?\d+$/.test(expiration)) fail(406, M, `invalid expiration '${expiration}': no_integer`);
  const n = Number(expiration);
  if (n < 0) fail(406, M, `invalid expiration '${expiration}': {value_negative,${n}}`);
}

/**
 * basic.publish: checks the exchange and the properties (errors close the channel), routes the
 * message, offers it to every destination queue, returns it if it was mandatory and went
 * nowhere, and confirms it in confirm mode (nack if a full queue refused it).
 */
export function basicPublish(b: Broker, ch: Channel, p: PublishParams): PublishOk {
  const x = b.exchanges.get(p.exchange);
  if (!x) fail(404, M, `no exchange '${p.exchange}' in vhost '/'`);
  if (x.internal) fail(403, M, `cannot publish to internal exchange '${p.exchange}' in vhost '/'`);
  let props = p.properties ?? {};
  // direct reply-to: the request leaves with this channel's reply address (406 without a reply consumer)
  const replyAddress = rewriteReplyTo(ch, props.replyTo);
  if (replyAddress !== undefined) props = { ...props, replyTo: replyAddress };
  if (props.userId !== undefined && props.userId !== ch.connection.user) {
    fail(406, M, `user_id property set to '${props.userId}' but authenticated user was '${ch.connection.user}'`);
  }
  checkExpiration(props.expiration);
  const headers = props.headers;
  const ccKeys = headers && ('CC' in headers || 'BCC' in headers) ? ccKeysOf(headers) : undefined;

  const publishSeqNo = ch.confirm ? ch.nextPublishSeqNo++ : undefined;
  let properties = props;
  if (headers && 'BCC' in headers) {
    // BCC keys route the message but are never shown to consumers
    const { BCC: _bcc, ...rest } = headers;
    properties = { ...props, headers: rest };
  }
  const body = p.body ?? '';
  const msg: MessageDraft = {
    id: b.nextMsgId++,
    exchange: p.exchange,
    routingKey: p.routingKey,
    body,
    properties,
    size: utf8Length(body),
    publishedAt: b.now,
  };
  if (ccKeys?.length) msg.ccKeys = ccKeys;
  const mandatory = p.mandatory === true;
  const conn = ch.connection.id;
  if (b.traceAll) {
    b.emit({ type: 'published', t: b.now, connection: conn, channel: ch.number, msgId: msg.id, exchange: p.exchange, routingKey: p.routingKey, mandatory, publishSeqNo, body, properties });
  }

  // the default exchange hands replies straight to their reply consumers (not a queue: see replyTo.ts)
  const replies = x.name === '' && mayReply(msg) ? deliverReplies(b, msg) : 0;
  // the hops are drawn by the trace, and with a hop latency they also say how long each copy travels
  const { queues, hops } = route(b, x, msg, b.traceEnabled || b.hopLatencyMs > 0);
  let accepted = true;
  if (queues.length === 0) {
    if (replies === 0) b.emit({ type: 'unroutable', t: b.now, msgId: msg.id, exchange: p.exchange, routingKey: p.routingKey, ...(hops ? { hops } : {}) });
    if (mandatory) {
      b.emit({ type: 'returned', t: b.now, connection: conn, channel: ch.number, msgId: msg.id, replyCode: 312, replyText: 'NO_ROUTE', exchange: p.exchange, routingKey: p.routingKey });
    }
  } else {
    if (b.traceAll) b.emit({ type: 'routed', t: b.now, msgId: msg.id, exchange: p.exchange, queues: queues.map((q) => q.name), ...(hops ? { hops } : {}) });
    if (b.hopLatencyMs > 0) {
      // the copies travel to their queues; the confirm waits for all of them to arrive
      let pending: number | undefined;
      if (publishSeqNo !== undefined) {
        pending = b.nextTransitId;
        b.pendingConfirms.set(pending, { id: pending, connection: conn, channel: ch.number, publishSeqNo, msgId: msg.id, remaining: queues.length, rejected: false });
      }
      const depths = hopDepths(p.exchange, hops);
      for (const q of queues) scheduleTransit(b, { kind: 'to-queue', msg, queue: q.name, pending, enqueuer: ch.enqueuer, id: 0 }, depths.get(q.name) ?? 1);
      return { msgId: msg.id, publishSeqNo, routed: queues.length };
    }
    for (const q of queues) if (!offer(b, q, msg, ch.enqueuer)) accepted = false;
  }
  if (publishSeqNo !== undefined) {
    b.emit({ type: 'confirmed', t: b.now, connection: conn, channel: ch.number, msgId: msg.id, publishSeqNo, ack: accepted, multiple: !accepted && nackCoalesces(b, conn, ch.number, publishSeqNo) });
  }
  return { msgId: msg.id, publishSeqNo, routed: queues.length };
}

/** A travelling copy reaches its queue; the last copy to arrive settles the publisher confirm. */
export function arriveAtQueue(b: Broker, t: Extract<Transit, { kind: 'to-queue' }>): void {
  const q = b.queues.get(t.queue);
  let accepted = true;
  if (q) accepted = offer(b, q, t.msg, t.enqueuer);
  else b.emit({ type: 'dropped', t: b.now, msgId: t.msg.id, queue: t.queue, reason: 'queue-deleted' });
  if (t.pending === undefined) return;
  const pc = b.pendingConfirms.get(t.pending);
  if (!pc) return; // its channel closed meanwhile: no confirm
  pc.remaining--;
  if (!accepted) pc.rejected = true;
  if (pc.remaining > 0) return;
  b.pendingConfirms.delete(pc.id);
  b.emit({ type: 'confirmed', t: b.now, connection: pc.connection, channel: pc.channel, msgId: pc.msgId, publishSeqNo: pc.publishSeqNo, ack: !pc.rejected, multiple: pc.rejected && nackCoalesces(b, pc.connection, pc.channel, pc.publishSeqNo) });
}

/**
 * The multiple flag of a lone basic.nack: RabbitMQ coalesces nacks up to the channel's oldest
 * publish still awaiting its confirm, so a nack with nothing older pending goes out with
 * multiple=true (harmless: every earlier tag is settled already). A lone ack is always
 * multiple=false (rabbit_channel:send_confirms special-cases one ack).
 */
function nackCoalesces(b: Broker, connection: number, channel: number, seq: number): boolean {
  for (const pc of b.pendingConfirms.values()) if (pc.connection === connection && pc.channel === channel && pc.publishSeqNo < seq) return false;
  return true;
}
