import { type Binding, type BindingArguments, type BindingSpec, bindingValueSchema, type Explanation, type ExchangeType, X_MATCH_VALUES, type XMatch, xMatchOf } from '../../model';

/** 'json': a list or a table (an imported headers binding may match on one), written as JSON. */
export type HeaderType = 'string' | 'number' | 'boolean' | 'json';
export interface HeaderRow {
  key: string;
  type: HeaderType;
  value: string;
}

/** A binding being written in a form: text as typed, typed values parsed only when applied. */
export interface BindingDraft {
  routingKey: string;
  xMatch: XMatch;
  rows: HeaderRow[];
}

export function emptyDraft(routingKey = ''): BindingDraft {
  return { routingKey, xMatch: 'all', rows: [] };
}

export function draftFromBinding(b: Pick<Binding, 'routingKey' | 'arguments'>): BindingDraft {
  const rows = Object.entries(b.arguments)
    .filter(([k]) => k !== 'x-match')
    .map(([key, v]): HeaderRow => (typeof v === 'object' ? { key, type: 'json', value: JSON.stringify(v) } : { key, type: typeof v as HeaderType, value: String(v) }));
  return { routingKey: b.routingKey, xMatch: xMatchOf(b.arguments), rows };
}

/**
 * The key and arguments to bind with. Headers exchanges match on arguments only (x-match plus the
 * headers); other exchanges get no arguments. Values keep their type: header 1 does not match "1".
 */
export function draftToSpec(d: BindingDraft, type: ExchangeType): { spec: BindingSpec } | { error: Explanation } {
  if (type !== 'headers') return { spec: { routingKey: d.routingKey, arguments: {} } };
  const args: BindingArguments = { 'x-match': d.xMatch };
  for (const row of d.rows) {
    const key = row.key.trim();
    if (key === '') return { error: { key: 'validation.headerKeyEmpty' } };
    if (row.type === 'number') {
      const n = Number(row.value);
      if (row.value.trim() === '' || !Number.isFinite(n)) return { error: { key: 'validation.number' } };
      args[key] = n;
    } else if (row.type === 'json') {
      const value = parseJsonValue(row.value);
      if (value === undefined) return { error: { key: 'validation.headerJson' } };
      args[key] = value;
    } else if (row.type === 'boolean') args[key] = row.value === 'true';
    else args[key] = row.value;
  }
  return { spec: { routingKey: d.routingKey, arguments: args } };
}

/** A list or table written as JSON, or undefined when it is not one a binding can hold. */
function parseJsonValue(text: string) {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (v === null || typeof v !== 'object') return undefined;
  const r = bindingValueSchema.safeParse(v);
  return r.success ? r.data : undefined;
}

export const X_MATCH_OPTIONS = X_MATCH_VALUES;
