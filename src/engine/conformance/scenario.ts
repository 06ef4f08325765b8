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

/** One step; fields as in the format's table (which ones an op uses is in the README). */
export interface Step {
  op: string;
  id?: string;
  ids?: string[];
  exchange?: string;
  routingKey?: string;
  headers?: FieldTable;
  priority?: number;
  expiration?: string | number;
  mandatory?: boolean;
  persistent?: boolean;
  channel?: string;
  connection?: string;
  consumer?: string;
  queue?: string;
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
  as?: string;
  ms?: number;
  downMs?: number;
  requeue?: boolean;
  name?: string;
  type?: string;
  durable?: boolean;
  autoDelete?: boolean;
  internal?: boolean;
  ifEmpty?: boolean;
  ifUnused?: boolean;
  source?: string;
  destination?: string;
  destinationType?: 'queue' | 'exchange';
}

export interface MessageRecord {
  id: string;
  redelivered: boolean;
  exchange: string;
  routingKey: string;
  deliveryTag: number;
  priority?: number;
  expiration?: string;
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
