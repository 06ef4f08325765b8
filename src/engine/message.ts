import { type FieldTable, kindOf, plain } from './fields';

/** basic.publish content properties (AMQP 0-9-1 "basic" class). */
export interface BasicProperties {
  contentType?: string;
  contentEncoding?: string;
  headers?: FieldTable;
  /** 1 = transient, 2 = persistent (survives a broker restart in a durable queue) */
  deliveryMode?: 1 | 2;
  priority?: number;
  correlationId?: string;
  replyTo?: string;
  /** per-message TTL in milliseconds, as a string (AMQP shortstr) */
  expiration?: string;
  messageId?: string;
  /** seconds since the epoch, as AMQP defines it; set by the publisher, never read by the broker */
  timestamp?: number;
  type?: string;
  userId?: string;
  appId?: string;
}

/**
 * A message as the broker holds it, immutable (snapshots and checkpoints share the objects). One published message is one Message object, shared by
 * every queue it is routed to (as in RabbitMQ); dead-lettering makes a new Message (new id,
 * `deadLetteredFrom` pointing back) because it changes headers, exchange and routing keys.
 */
export interface Message {
  /** unique id: the lineage key the UI follows ("click a message to see its route") */
  readonly id: number;
  /** the exchange it was (last) published to; "" is the default exchange */
  readonly exchange: string;
  /** the routing key it was published with (delivered as basic.deliver's routing-key) */
  readonly routingKey: string;
  /** extra routing keys from the CC and BCC headers (sender-selected distribution), if any */
  readonly ccKeys?: readonly string[];
  readonly body: string;
  readonly properties: Readonly<BasicProperties>;
  /** body size in bytes (UTF-8), counted against x-max-length-bytes */
  readonly size: number;
  /** the id of the message this one was dead-lettered from */
  readonly deadLetteredFrom?: number;
  /** virtual time of publication (or dead-lettering) */
  readonly publishedAt: number;
  /** recovered from disk by a broker restart (changes one detail of x-death, see deadLetter.ts) */
  readonly recovered?: boolean;
}

/** A message while it is being built (before anything else can hold it). */
export type MessageDraft = { -readonly [K in keyof Message]: Message[K] };

/** Every key the message is routed by: its routing key, then its CC and BCC keys. */
export function allRoutingKeys(m: { routingKey: string; ccKeys?: readonly string[] }): string[] {
  return m.ccKeys ? [m.routingKey, ...m.ccKeys] : [m.routingKey];
}

/**
 * The keys x-death records: the routing key and the CC header's keys. BCC keys still route a
 * dead-lettered copy, but the BCC header is gone from the message, so x-death never shows them.
 */
export function deathRoutingKeys(m: Message): string[] {
  const cc = m.properties.headers?.CC;
  const keys = [m.routingKey];
  if (Array.isArray(cc)) for (const k of cc) if (kindOf(k) === 'string') keys.push(String(plain(k)));
  return keys;
}

export function isPersistent(m: Message): boolean {
  return m.properties.deliveryMode === 2;
}

/** UTF-8 byte length without allocating. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * A message's place in one queue. `seq` orders the queue (requeued messages go back to their
 * original place); `redelivered` is per queue, as is the quorum delivery count.
 */
export interface QueueEntry {
  msg: Message;
  seq: number;
  enqueuedAt: number;
  /** absolute virtual expiry time, or Infinity */
  expiresAt: number;
  redelivered: boolean;
  /** quorum queues: how many times the message was returned to the queue (x-delivery-count) */
  deliveryCount: number;
  /** the priority level used for ordering (capped at x-max-priority); 0 in non-priority queues */
  level: number;
}
