/**
 * AMQP 0-9-1 facts the editor must respect. They are not user data: every RabbitMQ vhost has them.
 */

/** The default exchange has the empty name. Every queue is bound to it with its own name as key. */
export const DEFAULT_EXCHANGE = '';

/** Node id used for the default exchange on the canvas (it is not in `scenario.exchanges`). */
export const DEFAULT_EXCHANGE_NODE_ID = 'amq.default';

export const EXCHANGE_TYPES = ['direct', 'fanout', 'topic', 'headers'] as const;
export type ExchangeType = (typeof EXCHANGE_TYPES)[number];

/** Exchanges every vhost declares. Users may publish to them and use them as DLX or AE. */
export const PREDECLARED_EXCHANGES: readonly { name: string; type: ExchangeType }[] = [
  { name: 'amq.direct', type: 'direct' },
  { name: 'amq.fanout', type: 'fanout' },
  { name: 'amq.topic', type: 'topic' },
  { name: 'amq.headers', type: 'headers' },
  { name: 'amq.match', type: 'headers' },
];

/**
 * Names starting with "amq." are reserved: declaring such an exchange or queue fails with
 * 403 ACCESS_REFUSED. (Server-named queues get "amq.gen-..." names from the broker.)
 */
export const RESERVED_PREFIX = 'amq.';

export function isReservedName(name: string): boolean {
  return name.startsWith(RESERVED_PREFIX);
}

/**
 * Direct reply-to: a client consumes this pseudo-queue (no-ack) and publishes requests with it as
 * reply_to; the broker gives the request the channel's own reply address, and replies published
 * to that address reach the channel without any queue.
 */
export const DIRECT_REPLY_TO = 'amq.rabbitmq.reply-to';

/**
 * The predeclared exchange of that name, if it is one. A scenario may draw one (to bind from it, as
 * RabbitMQ definitions often do from amq.topic): declaring it again with its own properties (durable,
 * its type, not auto-delete, not internal, no alternate exchange) is allowed, because it exists; the
 * broker never deletes it.
 */
export function predeclaredExchange(name: string): { name: string; type: ExchangeType } | undefined {
  return PREDECLARED_EXCHANGES.find((e) => e.name === name);
}

/** AMQP short strings (names, routing keys) are at most 255 bytes of UTF-8. */
export const SHORTSTR_MAX_BYTES = 255;

export function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** Channel 0 is the connection itself; channel numbers are 1..65535 (channel-max). */
export const CHANNEL_MAX = 65535;

/** basic.qos prefetch-count is an unsigned 16-bit field; 0 means "no limit". */
export const PREFETCH_MAX = 65535;

/** x-max-priority: RabbitMQ accepts 0..255 (and recommends at most 10). */
export const MAX_PRIORITY = 255;

/** x-message-ttl and per-message expiration are capped at 2^32 - 1 ms by RabbitMQ. */
export const TTL_MAX = 4294967295;
