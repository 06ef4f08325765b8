import { isReservedName, predeclaredExchange } from './amq';
import type { Explanation } from './explanation';
import type { Scenario } from './scenario';

export type NamedKind = 'exchange' | 'queue' | 'app';

function namesOf(s: Scenario, kind: NamedKind, exceptId?: string): Set<string> {
  const list = kind === 'exchange' ? s.exchanges : kind === 'queue' ? s.queues : s.apps;
  return new Set(list.filter((x) => x.id !== exceptId).map((x) => x.name));
}

/**
 * Is `name` acceptable for an entity of this kind? Names are unique per kind (a vhost has one exchange
 * and one queue of a given name; apps are named so people can talk about them). Exchange and queue
 * names may not be empty (the empty exchange is the default one; an empty queue name asks the broker to
 * invent one) nor start with "amq." (403 ACCESS_REFUSED), except an exchange drawn as one of the
 * predeclared ones (amq.topic...), which keeps its properties (exchangeSchema).
 */
export function checkName(s: Scenario, kind: NamedKind, name: string, selfId?: string): Explanation | null {
  if (name.trim() === '') return { key: 'validation.nameEmpty' };
  if (kind !== 'app' && isReservedName(name) && !(kind === 'exchange' && predeclaredExchange(name))) return { key: 'validation.nameReserved' };
  if (namesOf(s, kind, selfId).has(name)) return { key: 'validation.nameTaken', params: { name } };
  return null;
}

/**
 * A free name based on `base`: `base` itself if free, otherwise `base-2`, `base-3`, ... A trailing
 * "-N" on the base is replaced, so copying "orders-2" gives "orders-3", not "orders-2-2".
 */
export function uniqueName(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  const m = /^(.*)-(\d+)$/.exec(base);
  const stem = m ? m[1]! : base;
  let n = m ? Number(m[2]) + 1 : 2;
  while (taken.has(`${stem}-${n}`)) n++;
  return `${stem}-${n}`;
}

/** The first free name of the form `prefixN` (N from 1): "exchange1", "queue2", ... */
export function numberedName(prefix: string, taken: Set<string>): string {
  let n = 1;
  while (taken.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

export function takenNames(s: Scenario, kind: NamedKind): Set<string> {
  return namesOf(s, kind);
}
