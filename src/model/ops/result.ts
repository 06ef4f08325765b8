import type { Explanation } from '../explanation';
import type { Scenario } from '../scenario';
import type { FieldIssue } from '../zodIssues';

/**
 * Every operation is pure: it returns a new document (sharing what did not change) or says why not.
 * The editor's document therefore stays valid: an invalid edit is explained, never stored.
 */
export type OpResult<Extra = object> = ({ ok: true; doc: Scenario } & Extra) | { ok: false; errors: FieldIssue[] };

export function refuse(path: (string | number)[], explanation: Explanation): { ok: false; errors: FieldIssue[] } {
  return { ok: false, errors: [{ path, explanation }] };
}

/** Drops keys whose value is undefined, so an unset optional field is absent rather than `undefined`. */
export function compact<T extends object>(o: T): T {
  const out = {} as T;
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

export function replaceById<T extends { id: string }>(list: T[], id: string, next: T): T[] {
  return list.map((x) => (x.id === id ? next : x));
}
