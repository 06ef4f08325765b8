import type { z } from 'zod';
import type { bindingArgumentsSchema, bindingSchema } from './schemas/binding';

/** Bindings (queue.bind / exchange.bind) and when two are the same (their rules: schemas/binding.ts). */

/** A value a binding argument may hold: a header value, or a list or table of them (AMQP field arrays and tables). */
export type BindingValue = string | number | boolean | BindingValue[] | { [key: string]: BindingValue };

export const X_MATCH_VALUES = ['all', 'any', 'all-with-x', 'any-with-x'] as const;
export type XMatch = (typeof X_MATCH_VALUES)[number];

export type BindingArguments = z.output<typeof bindingArgumentsSchema>;

export type Binding = z.output<typeof bindingSchema>;
export type DestinationType = Binding['destinationType'];

/** The x-match of a headers binding; RabbitMQ's default is "all". */
export function xMatchOf(args: BindingArguments): XMatch {
  const m = args['x-match'];
  return (X_MATCH_VALUES as readonly unknown[]).includes(m) ? (m as XMatch) : 'all';
}

/** Two bindings are the same binding in AMQP when source, destination, key and arguments are equal. */
export function sameBinding(a: Omit<Binding, 'id'>, b: Omit<Binding, 'id'>): boolean {
  if (a.source !== b.source || a.destination !== b.destination || a.destinationType !== b.destinationType) return false;
  if (a.routingKey !== b.routingKey) return false;
  const ka = Object.keys(a.arguments);
  const kb = Object.keys(b.arguments);
  return ka.length === kb.length && ka.every((k) => k in b.arguments && sameValue(a.arguments[k]!, b.arguments[k]!));
}

/** Equal binding values: the same type and value; lists in order, tables by key. */
export function sameValue(a: BindingValue, b: BindingValue): boolean {
  if (typeof a !== 'object' || typeof b !== 'object') return Object.is(a, b);
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]!));
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => k in b && sameValue(a[k]!, b[k]!));
}
