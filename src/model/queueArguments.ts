import type { BindingValue } from './binding';
import { OVERFLOW_MODES, QUEUE_TYPES, type Queue, type QueueArguments } from './queue';

/** An AMQP field table as queue.declare and queue.bind carry it (binding arguments may nest lists and tables). */
export type AmqpTable = Record<string, BindingValue>;

/**
 * The editor's names for queue arguments and the x-argument each one is on the wire. One table, used in
 * both directions, so the mapping cannot drift.
 */
const X_ARGUMENTS = {
  messageTtl: 'x-message-ttl',
  expires: 'x-expires',
  maxLength: 'x-max-length',
  maxLengthBytes: 'x-max-length-bytes',
  overflow: 'x-overflow',
  deadLetterExchange: 'x-dead-letter-exchange',
  deadLetterRoutingKey: 'x-dead-letter-routing-key',
  maxPriority: 'x-max-priority',
  singleActiveConsumer: 'x-single-active-consumer',
  queueType: 'x-queue-type',
  deliveryLimit: 'x-delivery-limit',
} as const satisfies Record<keyof QueueArguments, string>;

export type XArgument = (typeof X_ARGUMENTS)[keyof typeof X_ARGUMENTS];

export function xArgumentName(field: keyof QueueArguments): XArgument {
  return X_ARGUMENTS[field];
}

/**
 * The x-argument table the engine (and a real RabbitMQ) gets at queue.declare. Unset arguments are
 * left out; `x-queue-type` is sent only for quorum queues (classic is what a missing argument means),
 * and `x-single-active-consumer` only when true.
 */
export function queueArgumentsToAmqp(q: Pick<Queue, 'arguments'>): AmqpTable {
  const table: AmqpTable = {};
  for (const [field, x] of Object.entries(X_ARGUMENTS) as [keyof QueueArguments, XArgument][]) {
    const value = q.arguments[field];
    if (value === undefined) continue;
    if (field === 'queueType' && value === 'classic') continue;
    if (field === 'singleActiveConsumer' && value === false) continue;
    table[x] = value;
  }
  return table;
}

export interface FromAmqpResult {
  arguments: QueueArguments;
  /** x-arguments that Warren does not model, or whose value has the wrong type: listed, never dropped silently. */
  unmapped: { name: string; value: unknown }[];
}

const NUMERIC = new Set<keyof QueueArguments>(['messageTtl', 'expires', 'maxLength', 'maxLengthBytes', 'maxPriority', 'deliveryLimit']);
const STRINGS = new Set<keyof QueueArguments>(['deadLetterExchange', 'deadLetterRoutingKey']);

/** The inverse of queueArgumentsToAmqp, for RabbitMQ definitions and other foreign tables. */
export function amqpToQueueArguments(table: Record<string, unknown>): FromAmqpResult {
  const byX = new Map(Object.entries(X_ARGUMENTS).map(([field, x]) => [x as string, field as keyof QueueArguments]));
  const args: Record<string, unknown> = { queueType: 'classic' };
  const unmapped: FromAmqpResult['unmapped'] = [];
  for (const [name, value] of Object.entries(table)) {
    const field = byX.get(name);
    const ok =
      field !== undefined &&
      (NUMERIC.has(field)
        ? typeof value === 'number' && Number.isInteger(value) && value >= 0
        : STRINGS.has(field)
          ? typeof value === 'string'
          : field === 'singleActiveConsumer'
            ? typeof value === 'boolean'
            : field === 'overflow'
              ? (OVERFLOW_MODES as readonly unknown[]).includes(value)
              : (QUEUE_TYPES as readonly unknown[]).includes(value));
    if (ok) args[field] = value;
    else unmapped.push({ name, value });
  }
  return { arguments: args as QueueArguments, unmapped };
}
