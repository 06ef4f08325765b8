import { type FieldValue, plain } from '../../engine';

/** An AMQP field value as text: strings as they are, arrays as "a, b", tables as JSON. */
export function formatValue(v: FieldValue | unknown): string {
  const p = plain(v as FieldValue);
  if (typeof p === 'string') return p;
  if (Array.isArray(p)) return p.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(', ');
  return JSON.stringify(p);
}
