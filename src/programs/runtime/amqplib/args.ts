import type { BasicProperties, FieldTable } from '../../../engine';
import type { RpcArgs } from '../../../sim/programs/protocol';

/**
 * amqplib's options → AMQP method fields (what lib/api_args.js does): the defaults amqplib applies
 * (a queue or exchange is durable unless told otherwise, nack requeues unless told otherwise) and its
 * option names for RabbitMQ's x-arguments (messageTtl → x-message-ttl …).
 */

// biome-ignore lint/suspicious/noExplicitAny: a program passes whatever it likes; amqplib reads it loosely
type Options = Record<string, any> | undefined | null;

/** A table as amqplib encodes it: own and inherited enumerable fields, undefined left out, values made plain. */
export function table(t: unknown): FieldTable {
  const out: FieldTable = {};
  if (t === null || typeof t !== 'object') return out;
  for (const k in t) {
    const v = plainField((t as Record<string, unknown>)[k]);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

const TYPE_NAMES: Record<string, string> = { int: 'int', long: 'long', byte: 'byte', short: 'short', float: 'float', double: 'double', timestamp: 'timestamp', bool: 'bool', string: 'string', void: 'void', decimal: 'decimal' };

function plainField(v: unknown): FieldTable[string] | undefined {
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return undefined;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return { $type: 'timestamp', value: Math.floor(v.getTime() / 1000) };
  if (v instanceof Uint8Array) return new TextDecoder().decode(v);
  if (Array.isArray(v)) return v.map((x) => plainField(x) ?? null);
  // amqplib's explicitly typed value: { '!': 'long', value: 5 }
  const typed = v as { '!'?: unknown; value?: unknown };
  if (typeof typed['!'] === 'string' && TYPE_NAMES[typed['!']]) return { $type: TYPE_NAMES[typed['!']] as 'int', value: typed.value };
  return table(v);
}

function withArgs(base: unknown, extra: Record<string, unknown>): FieldTable {
  const t = table(base);
  for (const [k, v] of Object.entries(extra)) {
    const f = plainField(v);
    if (f !== undefined) t[k] = f;
  }
  return t;
}

const nameOf = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

export const Args = {
  assertQueue(queue: unknown, o: Options): RpcArgs['queue.declare'] {
    const opts = o ?? {};
    return {
      queue: nameOf(queue),
      passive: false,
      exclusive: !!opts.exclusive,
      durable: opts.durable === undefined ? true : !!opts.durable,
      autoDelete: !!opts.autoDelete,
      arguments: withArgs(opts.arguments, {
        'x-expires': opts.expires,
        'x-message-ttl': opts.messageTtl,
        'x-dead-letter-exchange': opts.deadLetterExchange,
        'x-dead-letter-routing-key': opts.deadLetterRoutingKey,
        'x-max-length': opts.maxLength,
        'x-max-priority': opts.maxPriority,
        'x-overflow': opts.overflow,
        'x-queue-mode': opts.queueMode,
      }),
    };
  },
  checkQueue(queue: unknown): RpcArgs['queue.declare'] {
    return { queue: nameOf(queue), passive: true, exclusive: false, durable: true, autoDelete: false, arguments: {} };
  },
  deleteQueue(queue: unknown, o: Options): RpcArgs['queue.delete'] {
    return { queue: nameOf(queue), ifUnused: !!o?.ifUnused, ifEmpty: !!o?.ifEmpty };
  },
  purgeQueue(queue: unknown): RpcArgs['queue.purge'] {
    return { queue: nameOf(queue) };
  },
  bindQueue(queue: unknown, source: unknown, pattern: unknown, argt: unknown): RpcArgs['queue.bind'] {
    return { queue: nameOf(queue), exchange: nameOf(source), routingKey: nameOf(pattern), arguments: table(argt) };
  },
  assertExchange(exchange: unknown, type: unknown, o: Options): RpcArgs['exchange.declare'] {
    const opts = o ?? {};
    return {
      exchange: nameOf(exchange),
      type: nameOf(type),
      passive: false,
      durable: opts.durable === undefined ? true : !!opts.durable,
      autoDelete: !!opts.autoDelete,
      internal: !!opts.internal,
      arguments: withArgs(opts.arguments, { 'alternate-exchange': opts.alternateExchange }),
    };
  },
  checkExchange(exchange: unknown): RpcArgs['exchange.declare'] {
    return { exchange: nameOf(exchange), type: '', passive: true, durable: true, autoDelete: false, internal: false, arguments: {} };
  },
  deleteExchange(exchange: unknown, o: Options): RpcArgs['exchange.delete'] {
    return { exchange: nameOf(exchange), ifUnused: !!o?.ifUnused };
  },
  bindExchange(dest: unknown, source: unknown, pattern: unknown, argt: unknown): RpcArgs['exchange.bind'] {
    return { destination: nameOf(dest), source: nameOf(source), routingKey: nameOf(pattern), arguments: table(argt) };
  },
  consume(queue: unknown, o: Options): RpcArgs['basic.consume'] {
    const opts = o ?? {};
    return {
      queue: nameOf(queue),
      consumerTag: opts.consumerTag ? String(opts.consumerTag) : '',
      noAck: !!opts.noAck,
      exclusive: !!opts.exclusive,
      arguments: withArgs(opts.arguments, { 'x-priority': opts.priority }),
    };
  },
  get(queue: unknown, o: Options): RpcArgs['basic.get'] {
    return { queue: nameOf(queue), noAck: !!o?.noAck };
  },
  prefetch(count: unknown, global: unknown): RpcArgs['basic.qos'] {
    return { prefetchCount: Number(count) || 0, global: !!global };
  },

  /** basic.publish's fields and the message properties, from publish()'s options. */
  publish(exchange: unknown, routingKey: unknown, o: Options): { exchange: string; routingKey: string; mandatory: boolean; properties: BasicProperties } {
    const opts = o ?? {};
    const cc = (x: unknown) => (x === undefined ? undefined : Array.isArray(x) ? x.map(String) : [String(x)]);
    const headers = withArgs(opts.headers, { CC: cc(opts.CC), BCC: cc(opts.BCC) });
    let deliveryMode: number | undefined;
    if (opts.persistent !== undefined) deliveryMode = opts.persistent ? 2 : 1;
    else if (typeof opts.deliveryMode === 'number') deliveryMode = opts.deliveryMode;
    else if (opts.deliveryMode) deliveryMode = 2;
    const properties: BasicProperties = { headers };
    const set = <K extends keyof BasicProperties>(k: K, v: BasicProperties[K] | undefined) => {
      if (v !== undefined && v !== null) properties[k] = v;
    };
    set('contentType', opts.contentType === undefined ? undefined : String(opts.contentType));
    set('contentEncoding', opts.contentEncoding === undefined ? undefined : String(opts.contentEncoding));
    set('deliveryMode', deliveryMode === 1 || deliveryMode === 2 ? deliveryMode : undefined);
    set('priority', typeof opts.priority === 'number' ? opts.priority : undefined);
    set('correlationId', opts.correlationId === undefined ? undefined : String(opts.correlationId));
    set('replyTo', opts.replyTo === undefined ? undefined : String(opts.replyTo));
    set('expiration', opts.expiration === undefined ? undefined : String(opts.expiration));
    set('messageId', opts.messageId === undefined ? undefined : String(opts.messageId));
    set('timestamp', typeof opts.timestamp === 'number' ? opts.timestamp : undefined);
    set('type', opts.type === undefined ? undefined : String(opts.type));
    set('userId', opts.userId === undefined ? undefined : String(opts.userId));
    set('appId', opts.appId === undefined ? undefined : String(opts.appId));
    return { exchange: nameOf(exchange), routingKey: nameOf(routingKey), mandatory: !!opts.mandatory, properties };
  },
};
