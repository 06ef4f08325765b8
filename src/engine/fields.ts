/**
 * AMQP field values (header and argument tables).
 *
 * Values arrive in a JSON-friendly encoding: a JSON string is a longstr, an integer a signed
 * integer, any other number a double, booleans and null (void) as themselves, arrays and nested
 * tables as such. An explicit AMQP type is written `{ $type: 'byte', value: 1 }` (the
 * conformance scenario format, also used by the UI for typed header values).
 */
export type FieldType =
  | 'byte'
  | 'short'
  | 'int'
  | 'long'
  | 'float'
  | 'double'
  | 'decimal'
  | 'timestamp'
  | 'string'
  | 'bool'
  | 'void'
  | 'bytes';

export interface TypedField {
  $type: FieldType;
  value: unknown;
}

export type FieldValue = null | boolean | number | string | FieldValue[] | FieldTable | TypedField;

export interface FieldTable {
  [name: string]: FieldValue;
}

/** Broad AMQP type class, as Erlang sees it: integers of every width compare equal. */
export type FieldKind = 'string' | 'int' | 'float' | 'bool' | 'void' | 'array' | 'table' | 'timestamp' | 'decimal' | 'bytes';

export function isTyped(v: unknown): v is TypedField {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as TypedField).$type === 'string';
}

/** The AMQP type name a value is sent with (what RabbitMQ prints in "of type 'byte'"). */
export function amqpTypeName(v: FieldValue | undefined): string {
  if (v === undefined) return 'none';
  if (v === null) return 'void';
  if (isTyped(v)) return v.$type === 'string' ? 'longstr' : v.$type;
  if (typeof v === 'string') return 'longstr';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) return 'double';
    // amqplib picks the narrowest signed integer that fits
    if (v >= -128 && v <= 127) return 'byte';
    if (v >= -32768 && v <= 32767) return 'short';
    if (v >= -2147483648 && v <= 2147483647) return 'signedint';
    return 'long';
  }
  if (Array.isArray(v)) return 'array';
  return 'table';
}

export function kindOf(v: FieldValue): FieldKind {
  if (v === null) return 'void';
  if (isTyped(v)) {
    switch (v.$type) {
      case 'byte':
      case 'short':
      case 'int':
      case 'long':
        return 'int';
      case 'float':
      case 'double':
        return 'float';
      case 'string':
        return 'string';
      case 'bool':
        return 'bool';
      case 'void':
        return 'void';
      case 'timestamp':
        return 'timestamp';
      case 'decimal':
        return 'decimal';
      case 'bytes':
        return 'bytes';
    }
  }
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (Array.isArray(v)) return 'array';
  return 'table';
}

/** The plain JS value behind a field (typed wrappers unwrapped, recursively). */
export function plain(v: FieldValue): unknown {
  if (isTyped(v)) {
    if (v.$type === 'void') return null;
    if (v.$type === 'string') return String(v.value);
    if (v.$type === 'bool') return Boolean(v.value);
    return v.value;
  }
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) out[k] = plain(v[k]!);
    return out;
  }
  return v;
}

/** A number if the field is numeric (integer or float of any width), else undefined. */
export function numericValue(v: FieldValue | undefined): number | undefined {
  if (v === undefined) return undefined;
  const k = kindOf(v);
  if (k !== 'int' && k !== 'float') return undefined;
  const n = Number(plain(v));
  return Number.isFinite(n) ? n : undefined;
}

export function integerValue(v: FieldValue | undefined): number | undefined {
  if (v === undefined || kindOf(v) !== 'int') return undefined;
  const n = Number(plain(v));
  return Number.isInteger(n) ? n : undefined;
}

export function stringValue(v: FieldValue | undefined): string | undefined {
  return v !== undefined && kindOf(v) === 'string' ? String(plain(v)) : undefined;
}

export function boolValue(v: FieldValue | undefined): boolean | undefined {
  return v !== undefined && kindOf(v) === 'bool' ? Boolean(plain(v)) : undefined;
}

/**
 * Erlang `==` on AMQP values, as the headers exchange compares them: numbers are equal across
 * integer widths and floats (1 == 1.0), but a string never equals a number and a bool never
 * equals the string "true".
 */
export function fieldEquals(a: FieldValue, b: FieldValue): boolean {
  const ka = kindOf(a);
  const kb = kindOf(b);
  const numeric = (k: FieldKind) => k === 'int' || k === 'float';
  if (numeric(ka) && numeric(kb)) return Number(plain(a)) === Number(plain(b));
  if (ka !== kb) return false;
  if (ka === 'array') {
    const xa = (isTyped(a) ? a.value : a) as FieldValue[];
    const xb = (isTyped(b) ? b.value : b) as FieldValue[];
    return xa.length === xb.length && xa.every((x, i) => fieldEquals(x, xb[i]!));
  }
  if (ka === 'table') {
    const ta = a as FieldTable;
    const tb = b as FieldTable;
    const keys = Object.keys(ta);
    return keys.length === Object.keys(tb).length && keys.every((k) => k in tb && fieldEquals(ta[k]!, tb[k]!));
  }
  return plain(a) === plain(b);
}

/** Same AMQP type class and equal value: how RabbitMQ checks argument equivalence on redeclare. */
export function argEquivalent(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return kindOf(a) === kindOf(b) && fieldEquals(a, b);
}

/** Human-readable form of a value, as in RabbitMQ's error texts: "the value '3' of type 'byte'". */
export function describeValue(v: FieldValue | undefined): string {
  if (v === undefined) return 'none';
  if (kindOf(v) === 'string') return `'${String(plain(v))}'`;
  return `the value '${JSON.stringify(plain(v))}' of type '${amqpTypeName(v)}'`;
}

/** Deep copy of a table (values are plain JSON data). */
export function cloneTable(t: FieldTable): FieldTable {
  return JSON.parse(JSON.stringify(t)) as FieldTable;
}
