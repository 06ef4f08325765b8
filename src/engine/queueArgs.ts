import { fail } from './errors';
import { type FieldTable, type FieldValue, amqpTypeName, argEquivalent, boolValue, integerValue, kindOf, plain, stringValue } from './fields';

export type Overflow = 'drop-head' | 'reject-publish' | 'reject-publish-dlx';
export type QueueType = 'classic' | 'quorum';

/** Queue arguments (x-…), parsed and checked. */
export interface QueueArgs {
  messageTtl?: number;
  expires?: number;
  maxLength?: number;
  maxLengthBytes?: number;
  overflow: Overflow;
  deadLetterExchange?: string;
  deadLetterRoutingKey?: string;
  maxPriority?: number;
  singleActiveConsumer: boolean;
  queueType: QueueType;
  deliveryLimit?: number;
}

/** The arguments RabbitMQ 3.10 compares when a queue is declared again (rabbit_amqqueue:declare_args). */
export const EQUIVALENCE_KEYS = [
  'x-expires',
  'x-message-ttl',
  'x-dead-letter-exchange',
  'x-dead-letter-routing-key',
  'x-max-length',
  'x-max-length-bytes',
  'x-max-in-memory-length',
  'x-max-in-memory-bytes',
  'x-max-priority',
  'x-overflow',
  'x-queue-mode',
  'x-single-active-consumer',
  'x-queue-type',
  'x-delivery-limit',
  'x-quorum-initial-group-size',
] as const;

const M = 'queue.declare';
export const MAX_EXPIRY_TIMER = 4294967295;

interface Ctx {
  queue: string;
}

function invalid(ctx: Ctx, arg: string, why: string): never {
  fail(406, M, `invalid arg '${arg}' for queue '${ctx.queue}' in vhost '/': ${why}`);
}

function nonNegInt(ctx: Ctx, args: FieldTable, key: string): number | undefined {
  const v = args[key];
  if (v === undefined) return undefined;
  const n = integerValue(v);
  if (n === undefined) invalid(ctx, key, `"expected integer, got ${amqpTypeName(v)}"`);
  if (n < 0) invalid(ctx, key, `{value_negative,${n}}`);
  return n;
}

/**
 * Validates and parses queue.declare arguments as RabbitMQ 3.10 does; throws a 406 AMQP error
 * with RabbitMQ's wording for the first bad one. Unknown x- arguments are accepted and ignored.
 */
export function parseQueueArgs(
  queue: string,
  args: FieldTable,
  flags: { durable: boolean; exclusive: boolean; autoDelete: boolean },
): QueueArgs {
  const ctx = { queue };
  const typeArg = args['x-queue-type'];
  let queueType: QueueType = 'classic';
  if (typeArg !== undefined) {
    const t = stringValue(typeArg);
    if (t !== 'classic' && t !== 'quorum') {
      invalid(ctx, 'x-queue-type', `"unsupported queue type '${t ?? String(plain(typeArg))}'"`);
    }
    queueType = t;
  }

  const expires = nonNegInt(ctx, args, 'x-expires');
  if (expires === 0) invalid(ctx, 'x-expires', '{value_zero,0}');
  const messageTtl = nonNegInt(ctx, args, 'x-message-ttl');
  // RabbitMQ's timers take at most 2^32 - 1 ms (?MAX_EXPIRY_TIMER)
  for (const [key, v] of [['x-expires', expires], ['x-message-ttl', messageTtl]] as const) {
    if (v !== undefined && v > MAX_EXPIRY_TIMER) invalid(ctx, key, `{value_too_large,${v}}`);
  }
  const maxLength = nonNegInt(ctx, args, 'x-max-length');
  const maxLengthBytes = nonNegInt(ctx, args, 'x-max-length-bytes');
  const deliveryLimit = nonNegInt(ctx, args, 'x-delivery-limit');

  let maxPriority: number | undefined;
  if (args['x-max-priority'] !== undefined) {
    maxPriority = nonNegInt(ctx, args, 'x-max-priority');
    if (maxPriority !== undefined && maxPriority > 255) invalid(ctx, 'x-max-priority', `{max_value_exceeded,${maxPriority}}`);
  }

  let overflow: Overflow = 'drop-head';
  if (args['x-overflow'] !== undefined) {
    const o = stringValue(args['x-overflow']);
    if (o !== 'drop-head' && o !== 'reject-publish' && o !== 'reject-publish-dlx') invalid(ctx, 'x-overflow', 'invalid_overflow');
    overflow = o;
  }

  let deadLetterExchange: string | undefined;
  if (args['x-dead-letter-exchange'] !== undefined) {
    deadLetterExchange = stringValue(args['x-dead-letter-exchange']);
    if (deadLetterExchange === undefined) {
      fail(406, M, `invalid type '${amqpTypeName(args['x-dead-letter-exchange'])}' for arg 'x-dead-letter-exchange'`);
    }
  }
  let deadLetterRoutingKey: string | undefined;
  if (args['x-dead-letter-routing-key'] !== undefined) {
    deadLetterRoutingKey = stringValue(args['x-dead-letter-routing-key']);
    if (deadLetterRoutingKey === undefined) invalid(ctx, 'x-dead-letter-routing-key', `{unacceptable_type,${amqpTypeName(args['x-dead-letter-routing-key'])}}`);
    if (deadLetterExchange === undefined) {
      invalid(ctx, 'x-dead-letter-routing-key', `"Key <<\\"x-dead-letter-routing-key\\">> requires <<\\"x-dead-letter-exchange\\">>"`);
    }
  }

  let singleActiveConsumer = false;
  if (args['x-single-active-consumer'] !== undefined) {
    const b = boolValue(args['x-single-active-consumer']);
    if (b === undefined) invalid(ctx, 'x-single-active-consumer', `{unacceptable_type,${amqpTypeName(args['x-single-active-consumer'])}}`);
    singleActiveConsumer = b;
  }

  if (args['x-queue-mode'] !== undefined && queueType === 'classic') {
    const mode = stringValue(args['x-queue-mode']);
    if (mode !== 'default' && mode !== 'lazy') invalid(ctx, 'x-queue-mode', `{unsupported_queue_mode,${String(plain(args['x-queue-mode']))}}`);
  }

  if (queueType === 'quorum') {
    // rabbit_quorum_queue:declare checks arguments first, then the properties
    for (const bad of ['x-max-priority', 'x-queue-mode'] as const) {
      if (args[bad] !== undefined) {
        fail(406, M, `invalid arg '${bad}' for queue '${queue}' in vhost '/' of queue type rabbit_quorum_queue`);
      }
    }
    if (flags.autoDelete) fail(406, M, `invalid property 'auto-delete' for queue '${queue}' in vhost '/'`);
    if (flags.exclusive) fail(406, M, `invalid property 'exclusive-owner' for queue '${queue}' in vhost '/'`);
    if (!flags.durable) fail(406, M, `invalid property 'non-durable' for queue '${queue}' in vhost '/'`);
    // 3.10 accepts reject-publish-dlx on quorum queues but behaves as drop-head
    if (overflow === 'reject-publish-dlx') overflow = 'drop-head';
  }

  return {
    messageTtl,
    expires,
    maxLength,
    maxLengthBytes,
    overflow,
    deadLetterExchange,
    deadLetterRoutingKey,
    maxPriority,
    singleActiveConsumer,
    queueType,
    deliveryLimit: queueType === 'quorum' ? deliveryLimit : undefined,
  };
}

/**
 * queue.declare of an existing queue must repeat its arguments: a difference in any of the
 * compared keys is 406 "inequivalent arg". Integers compare across widths (1 byte == 1 long).
 */
export function assertArgsEquivalent(queue: string, current: FieldTable, requested: FieldTable): void {
  for (const key of EQUIVALENCE_KEYS) {
    const a = current[key] as FieldValue | undefined;
    const b = requested[key] as FieldValue | undefined;
    if (argEquivalent(a, b)) continue;
    // RabbitMQ prints strings bare when both sides are strings, else "the value 'x' of type 't'"
    const bothStrings = a !== undefined && b !== undefined && kindOf(a) === 'string' && kindOf(b) === 'string';
    const show = (v: FieldValue | undefined) =>
      v === undefined ? 'none' : bothStrings ? `'${String(plain(v))}'` : `the value '${String(plain(v))}' of type '${amqpTypeName(v)}'`;
    const received = show(b);
    const cur = show(a);
    fail(406, M, `inequivalent arg '${key}' for queue '${queue}' in vhost '/': received ${received} but current is ${cur}`);
  }
}
