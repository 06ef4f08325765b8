import type { FieldTable } from '../fields';

/**
 * The engine-neutral conformance scenario format (../shared/conformance/README.md): a topology,
 * then steps executed strictly in order, each run to completion.
 */
export interface Scenario {
  name: string;
  category?: string;
  description?: string;
  exchanges?: { name: string; type: string; durable?: boolean; autoDelete?: boolean; internal?: boolean; arguments?: FieldTable; connection?: string }[];
  queues?: { name: string; durable?: boolean; exclusive?: boolean; autoDelete?: boolean; arguments?: FieldTable; connection?: string }[];
  bindings?: BindingSpec[];
  steps?: Step[];
  finalDrain?: boolean;
}

export interface BindingSpec {
  source: string;
  destination: string;
  destinationType?: 'queue' | 'exchange';
  routingKey?: string;
  arguments?: FieldTable;
}

export type Action = 'ack' | 'nack-requeue' | 'nack-discard' | 'reject-requeue' | 'reject-discard' | 'hold';

export type Policy =
  | Action
  | { byId?: Record<string, Action | Action[]>; redelivered?: Action; actions?: Action[]; then?: Action };

/**
 * A name the broker generates, referred to by what the client knows (conformance/README.md):
 * `{ $queue: alias }` = the server-named queue declared with `as: alias`; `{ $replyTo: id }` =
 * the reply_to property message `id` was received with.
 */
export type NameRef = string | { $queue: string } | { $replyTo: string };

/** One step; fields as in the format's table (which ones an op uses is in the README). */
export interface Step {
  op: string;
  id?: string;
  ids?: string[];
  exchange?: string;
  routingKey?: NameRef;
  headers?: FieldTable;
  priority?: number;
  expiration?: string | number;
  mandatory?: boolean;
  persistent?: boolean;
  channel?: string;
  connection?: string;
  consumer?: string;
  queue?: NameRef;
  prefetch?: number;
  prefetchGlobal?: boolean;
  noAck?: boolean;
  exclusive?: boolean;
  arguments?: FieldTable;
  policy?: Policy;
  holder?: string;
  action?: Action;
  multiple?: boolean;
  repeat?: boolean;
  /** get: the holder name for `hold`; declareQueue with name "": the alias of the generated name */
  as?: string;
  ms?: number;
  downMs?: number;
  requeue?: boolean;
  name?: NameRef;
  type?: string;
  durable?: boolean;
  autoDelete?: boolean;
  internal?: boolean;
  ifEmpty?: boolean;
  ifUnused?: boolean;
  source?: string;
  destination?: NameRef;
  destinationType?: 'queue' | 'exchange';
  // ---- this repository's extension (conformance/README.md) ----
  /** publish: reply_to and correlation_id properties */
  replyTo?: NameRef;
  correlationId?: string;
  /** publish: send every id without waiting for confirms in between */
  pipeline?: boolean;
  /** publish: record the confirms and returns the publishing channel receives, in order */
  observe?: boolean;
  /** consume: the no-local flag */
  noLocal?: boolean;
  /** qos: prefetch size in octets (RabbitMQ refuses anything but 0) */
  prefetchSize?: number;
  /** qos: the global flag */
  global?: boolean;
  /** declareQueue / declareExchange: passive declare */
  passive?: boolean;
  /** declareQueue: record the declare-ok (queue, message and consumer counts) */
  record?: boolean;
  /** cancel: any consumer tag (with `channel`) */
  tag?: string;
}

export interface MessageRecord {
  id: string;
  redelivered: boolean;
  exchange: string;
  routingKey: string;
  deliveryTag: number;
  priority?: number;
  expiration?: string;
  replyTo?: string;
  correlationId?: string;
  headers?: Record<string, unknown>;
  deaths?: Record<string, unknown>[];
  action?: string;
  messageCount?: number;
}

export interface Outcome {
  scenario: string;
  category?: string;
  errors: ({ step: number | 'setup' | 'final'; code: number; text: string } & ({ channel: string } | { connection: string }))[];
  publishes: { id: string; confirm: 'ack' | 'nack' | 'channel-closed' | null }[];
  returns: { id: string; replyCode: number; replyText: string; exchange: string; routingKey: string }[];
  deliveries: Record<string, (MessageRecord | { cancelledByServer: true })[]>;
  steps: Record<string, unknown>[];
  final: { queues: Record<string, unknown>; held: Record<string, string[]> } | null;
}
