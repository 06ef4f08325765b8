import type { Broker } from './broker';
import type { Channel } from './entities';
import { fail } from './errors';
import type { Message } from './message';
import { nextInt, nextToken } from './rng';

/**
 * Direct reply-to (RabbitMQ 3.10.8's rabbit_channel, conformance/golden/replyto/*): RPC replies
 * without a reply queue.
 *
 * - The client consumes the pseudo-queue `amq.rabbitmq.reply-to`, in no-ack mode only (406
 *   "reply consumer cannot acknowledge"), at most once per channel (406 "reply consumer already
 *   set"). The reply consumer is not in the channel's consumer table: an ordinary consumer may
 *   reuse its tag, and basic.cancel of that tag cancels the reply consumer first.
 * - A request published on that channel with reply_to `amq.rabbitmq.reply-to` leaves with
 *   reply_to rewritten to the channel's address `amq.rabbitmq.reply-to.<channel>.<key>` (a new
 *   key each time the channel consumes again). Without a reply consumer on the publishing channel
 *   the publish is a channel error (406 "fast reply consumer does not exist").
 * - A reply published to the default exchange with the address as routing key is delivered
 *   straight to the reply consumer: exchange "", redelivered false, and the channel's NEXT
 *   delivery tag, which is not used up (two replies in a row both carry tag 1, and the next
 *   ordinary delivery gets it too). The pseudo-queue is not a queue the message was routed to:
 *   a mandatory reply is also returned (312 NO_ROUTE), before its confirm (an ack).
 * - A reply to an address whose channel is closed, whose consumer was cancelled, or that is not
 *   a valid address at all is dropped without a word (returned only if mandatory).
 * - queue.declare (passive or not, any flags) of `amq.rabbitmq.reply-to` always answers message
 *   count 0, consumer count 1; of a live address the same; of a dead or invalid one 404.
 *   basic.get, queue.purge and queue.bind know no such queue (404); queue.delete is a no-op.
 */
export const REPLY_TO_QUEUE = 'amq.rabbitmq.reply-to';
const PREFIX = `${REPLY_TO_QUEUE}.`;

export interface ReplyConsumer {
  tag: string;
  /** the random part of the channel's address: a new one each time the channel consumes again */
  key: string;
  /** replies delivered (for inspection) */
  delivered: number;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64(bytes: number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i]!, bytes[i + 1], bytes[i + 2]];
    out += B64[a >> 2]! + B64[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    out += b === undefined ? '=' : B64[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    out += c === undefined ? '=' : B64[c & 63]!;
  }
  return out;
}

function unbase64(s: string): string | null {
  if (s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return null;
  let bits = 0;
  let acc = 0;
  let out = '';
  for (const ch of s.replace(/=+$/, '')) {
    acc = (acc << 6) | B64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((acc >> bits) & 255);
    }
  }
  return out;
}

/** The address replies to this channel's current reply consumer go to. */
export function replyAddress(ch: Channel, rc: ReplyConsumer): string {
  const who = [...`warren@${ch.connection.id}.${ch.number}`].map((c) => c.charCodeAt(0));
  return `${PREFIX}${base64(who)}.${rc.key}`;
}

/** The channel and key an address names (RabbitMQ decodes the channel's pid), or null if it is not valid. */
function decode(address: string): { connection: number; channel: number; key: string } | null {
  if (!address.startsWith(PREFIX)) return null;
  const parts = address.slice(PREFIX.length).split('.');
  if (parts.length !== 2) return null;
  const who = unbase64(parts[0]!)?.match(/^warren@(\d+)\.(\d+)$/);
  if (!who || parts[1] === '') return null;
  return { connection: Number(who[1]), channel: Number(who[2]), key: parts[1]! };
}

export function isReplyAddress(routingKey: string): boolean {
  return routingKey.startsWith(PREFIX);
}

/** Cheap test on the publish path: could any of the message's routing keys be a reply address? */
export function mayReply(msg: Message): boolean {
  return msg.ccKeys !== undefined || msg.routingKey.startsWith(PREFIX);
}

/** basic.consume of amq.rabbitmq.reply-to (after the consumer-tag reuse check). */
export function consumeReplyTo(b: Broker, ch: Channel, p: { consumerTag?: string; noAck?: boolean; exclusive?: boolean }): { consumerTag: string } {
  const M = 'basic.consume';
  if (!p.noAck) fail(406, M, 'reply consumer cannot acknowledge');
  if (ch.replyConsumer) fail(406, M, 'reply consumer already set');
  const tag = p.consumerTag ? p.consumerTag : `amq.ctag-${nextToken(b.rng)}`;
  ch.replyConsumer = { tag, key: `${randomB64(b, 22)}==`, delivered: 0 };
  b.emit({ type: 'consumer-added', t: b.now, connection: ch.connection.id, channel: ch.number, queue: REPLY_TO_QUEUE, consumerTag: tag, noAck: true, exclusive: !!p.exclusive, priority: 0, prefetchCount: 0 });
  return { consumerTag: tag };
}

function randomB64(b: Broker, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += B64[nextInt(b.rng, 64)];
  return out;
}

/** basic.cancel: true if the tag was the channel's reply consumer (checked before ordinary consumers). */
export function cancelReplyTo(b: Broker, ch: Channel, tag: string): boolean {
  if (ch.replyConsumer?.tag !== tag) return false;
  dropReplyConsumer(b, ch);
  return true;
}

export function dropReplyConsumer(b: Broker, ch: Channel): void {
  const rc = ch.replyConsumer;
  if (!rc) return;
  ch.replyConsumer = null;
  b.emit({ type: 'consumer-cancelled', t: b.now, connection: ch.connection.id, channel: ch.number, queue: REPLY_TO_QUEUE, consumerTag: rc.tag, byServer: false });
}

/** basic.publish: reply_to amq.rabbitmq.reply-to becomes the publishing channel's address. */
export function rewriteReplyTo(ch: Channel, replyTo: string | undefined): string | undefined {
  if (replyTo !== REPLY_TO_QUEUE) return undefined;
  if (!ch.replyConsumer) fail(406, 'basic.publish', 'fast reply consumer does not exist');
  return replyAddress(ch, ch.replyConsumer);
}

/**
 * The default exchange delivers to reply addresses among the message's routing keys (each once):
 * to the reply consumer the address names, if it is still there. Returns how many got it.
 */
export function deliverReplies(b: Broker, msg: Message): number {
  const keys = msg.ccKeys ? [msg.routingKey, ...msg.ccKeys] : [msg.routingKey];
  let n = 0;
  for (const key of [...new Set(keys)].sort()) {
    if (!isReplyAddress(key)) continue;
    const to = decode(key);
    const ch = to ? b.connection(to.connection)?.channels.get(to.channel) : undefined;
    const rc = ch?.open ? ch.replyConsumer : null;
    if (!ch || !rc || rc.key !== to!.key) continue;
    rc.delivered++;
    n++;
    // the channel's next delivery tag, not consumed (rabbit_channel deliver_reply_local)
    b.emit({ type: 'delivered', t: b.now, connection: ch.connection.id, channel: ch.number, msgId: msg.id, queue: REPLY_TO_QUEUE, consumerTag: rc.tag, deliveryTag: ch.nextDeliveryTag, redelivered: false, noAck: true, exchange: msg.exchange, routingKey: msg.routingKey, body: msg.body, properties: msg.properties });
  }
  return n;
}

/** queue.declare of the pseudo-queue or of a reply address (passive or not). */
export function declareReplyTo(b: Broker, ch: Channel, name: string): { queue: string; messageCount: number; consumerCount: number } {
  if (name !== REPLY_TO_QUEUE) {
    const to = decode(name);
    const owner = to ? b.connection(to.connection)?.channels.get(to.channel) : undefined;
    if (!owner?.open || owner.replyConsumer?.key !== to!.key) fail(404, 'queue.declare', `no queue '${name}' in vhost '/'`);
  }
  ch.lastQueue = name;
  return { queue: name, messageCount: 0, consumerCount: 1 };
}
