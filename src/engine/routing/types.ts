import type { FieldTable } from '../fields';

export type ExchangeType = 'direct' | 'fanout' | 'topic' | 'headers';
export const EXCHANGE_TYPES: readonly ExchangeType[] = ['direct', 'fanout', 'topic', 'headers'];

/** A binding from a source exchange to a queue or to another exchange. */
export interface Binding {
  source: string;
  destination: string;
  destinationType: 'queue' | 'exchange';
  routingKey: string;
  arguments: FieldTable;
  /** identity: bindings with equal keys are the same binding (binding twice is a no-op) */
  key: string;
}

/** What an exchange type needs from a published message to route it. */
export interface Routable {
  routingKey: string;
  /** CC / BCC keys, routed like the routing key */
  ccKeys?: readonly string[];
  properties: { headers?: FieldTable };
}

/**
 * One exchange type: an index of its bindings and a match over it. Each type keeps the index
 * that makes matching cheap (a hash for direct, a trie for topic), so routing cost does not grow
 * with the number of bindings that do not match.
 */
export interface Router {
  add(b: Binding): void;
  remove(b: Binding): void;
  /** appends each matching binding to `out` (a binding may appear more than once) */
  match(msg: Routable, out: Binding[]): void;
}

/** Checks a binding's arguments at bind time; returns an error text for 406, or undefined. */
export type BindValidator = (args: FieldTable) => string | undefined;

export interface ExchangeTypeImpl {
  create(): Router;
  validateBinding?: BindValidator;
}
