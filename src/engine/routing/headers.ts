import { headerValueEquals } from '../fieldIdentity';
import { type FieldTable, type FieldValue, isTyped, kindOf, amqpTypeName, plain } from '../fields';
import type { Binding, ExchangeTypeImpl, Routable, Router } from './types';

/**
 * headers: a binding matches on the message's headers instead of its routing key.
 * `x-match` = all (default) | any | all-with-x | any-with-x. Binding arguments whose name starts
 * with "x-" are ignored unless the mode ends in "-with-x". A void (null) binding value means "the
 * header is present, whatever its value". Values compare as Erlang does: numbers across integer
 * widths and floats (1 == 1.0), but "1" is not 1 and "true" is not true; arrays and nested tables
 * must match exactly, element types and table field order included (see fieldIdentity.ts).
 */
type XMatch = 'all' | 'any' | 'all-with-x' | 'any-with-x';
const MODES: readonly string[] = ['all', 'any', 'all-with-x', 'any-with-x'];

function xMatchOf(args: FieldTable): XMatch {
  const v = args['x-match'];
  if (v !== undefined && kindOf(v) === 'string' && MODES.includes(String(plain(v)))) return String(plain(v)) as XMatch;
  return 'all';
}

export function headersMatch(args: FieldTable, headers: FieldTable | undefined): boolean {
  const mode = xMatchOf(args);
  const withX = mode.endsWith('-with-x');
  const all = mode.startsWith('all');
  const h = headers ?? {};
  let anyHit = false;
  for (const name of Object.keys(args)) {
    if (name === 'x-match' || (!withX && name.startsWith('x-'))) continue;
    const want = args[name] as FieldValue;
    const present = Object.hasOwn(h, name);
    const isVoid = want === null || (isTyped(want) && want.$type === 'void');
    const hit = present && (isVoid || headerValueEquals(want, h[name] as FieldValue));
    if (hit) {
      anyHit = true;
      if (!all) return true;
    } else if (all) return false;
  }
  return all ? true : anyHit;
}

export function validateHeadersBinding(args: FieldTable): string | undefined {
  const v = args['x-match'];
  if (v === undefined) return undefined;
  if (kindOf(v) !== 'string') {
    return `Invalid x-match field type ${amqpTypeName(v)} (value ${JSON.stringify(plain(v))}); expected longstr`;
  }
  const s = String(plain(v));
  if (!MODES.includes(s)) return `Invalid x-match field value <<"${s}">>; expected all, any, all-with-x, or any-with-x`;
  return undefined;
}

class HeadersRouter implements Router {
  private all = new Set<Binding>();
  add(b: Binding) {
    this.all.add(b);
  }
  remove(b: Binding) {
    this.all.delete(b);
  }
  match(msg: Routable, out: Binding[]) {
    for (const b of this.all) if (headersMatch(b.arguments, msg.properties.headers)) out.push(b);
  }
}

export const headers: ExchangeTypeImpl = { create: () => new HeadersRouter(), validateBinding: validateHeadersBinding };
