import { amqpTypeName, type FieldTable, type FieldValue, isTyped, kindOf, plain } from './fields';

/**
 * How RabbitMQ 3.10.8 compares field values where the TYPE travels with the value: inside arrays
 * and nested tables of the headers exchange, and in a binding's identity (queue.unbind /
 * exchange.unbind must name the same arguments). Erlang keeps an array as a list of
 * {Type, Value} and a table as a list of {Key, Type, Value} in wire order, so there a byte 1 is
 * not a long 1, and {a, b} is not {b, a}. Only top-level header values compare loosely (Erlang
 * `==`: 1 == 1.0), see `headerValueEquals`.
 */

/** The AMQP type a value travels as; a plain number gets the width amqplib would pick. */
export function wireType(v: FieldValue): string {
  const t = amqpTypeName(v);
  return t === 'int' ? 'signedint' : t;
}

// arrays and nested tables are never typed wrappers ({ $type } is for scalars)
function arrayOf(v: FieldValue): FieldValue[] | undefined {
  return Array.isArray(v) ? v : undefined;
}

function tableOf(v: FieldValue): FieldTable | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !isTyped(v) ? v : undefined;
}

const NUMERIC = new Set(['int', 'float', 'timestamp']);

/** Same type and same value, recursively; tables field by field in order. */
export function exactEquals(a: FieldValue, b: FieldValue): boolean {
  if (wireType(a) !== wireType(b)) return false;
  const xa = arrayOf(a);
  const xb = arrayOf(b);
  if (xa && xb) return xa.length === xb.length && xa.every((x, i) => exactEquals(x, xb[i]!));
  const ta = tableOf(a);
  const tb = tableOf(b);
  if (ta && tb) return tablesEqualInOrder(ta, tb);
  if (NUMERIC.has(kindOf(a))) return Number(plain(a)) === Number(plain(b));
  return plain(a) === plain(b);
}

function tablesEqualInOrder(a: FieldTable, b: FieldTable): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && exactEquals(a[k]!, b[k]!));
}

/**
 * A top-level header value against a binding's (rabbit_exchange_type_headers: `PV == DV` on the
 * decoded values). Numbers of any width and floats compare by value; a string never equals a
 * number; an array or a table is a list, compared element by element with its types (so an
 * empty array equals an empty table, and nothing else crosses between them).
 */
export function headerValueEquals(want: FieldValue, got: FieldValue): boolean {
  const kw = kindOf(want);
  const kg = kindOf(got);
  if (NUMERIC.has(kw) && NUMERIC.has(kg)) return Number(plain(want)) === Number(plain(got));
  const listW = arrayOf(want) ?? tableOf(want);
  const listG = arrayOf(got) ?? tableOf(got);
  if (listW && listG) {
    if (Array.isArray(listW) !== Array.isArray(listG)) return Object.keys(listW).length === 0 && Object.keys(listG).length === 0;
    return exactEquals(want, got);
  }
  if (kw !== kg) return false;
  return plain(want) === plain(got);
}

/**
 * A binding's arguments as its identity: top-level fields sorted by name (RabbitMQ sorts them),
 * values with their exact types, nested tables in their own order.
 */
export function bindingArgsKey(t: FieldTable | undefined): string {
  if (!t) return '{}';
  return `{${Object.keys(t)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${exactKey(t[k]!)}`)
    .join(',')}}`;
}

function exactKey(v: FieldValue): string {
  const xs = arrayOf(v);
  if (xs) return `array[${xs.map(exactKey).join(',')}]`;
  const t = tableOf(v);
  if (t) return `table{${Object.keys(t).map((k) => `${JSON.stringify(k)}:${exactKey(t[k]!)}`).join(',')}}`;
  return `${wireType(v)}:${JSON.stringify(plain(v))}`;
}
