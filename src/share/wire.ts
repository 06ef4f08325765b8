/**
 * A declarative compact JSON form: each field of an object gets a short key, and a field equal to its
 * wire default is left out. The same table drives both directions, so they cannot drift apart.
 *
 * Fields the table does not know (added to the model after the table was written) are kept under their
 * own name, so nothing is lost; short keys never equal a long field name (a test checks), so the two
 * cannot collide. Decoding never throws: anything of an unexpected shape is passed through unchanged
 * and the model's schemas (which run next) refuse it with a precise message.
 */

export type Field =
  /** A plain value (string, number, boolean, or a JSON value copied as is, e.g. headers). */
  | { k: string; d?: unknown }
  /** A nested object. `fill`: when absent on the wire, decode it from `{}` (so its defaults apply). */
  | { k: string; shape: Shape; fill?: boolean }
  /** An array of objects of one shape. Left out when empty; absent means empty. */
  | { k: string; list: Shape }
  /** A canvas position {x, y}, written [x, y]. */
  | { k: string; pos: true };

export type Shape = Readonly<Record<string, Field>>;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Equality of JSON values (defaults are small: a literal, `{}`, `[""]`). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && sameJson((a as Obj)[k], (b as Obj)[k]));
}

export function encodeWith(shape: Shape, value: Obj): Obj {
  const out: Obj = {};
  for (const [name, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const f = shape[name];
    if (!f) {
      out[name] = v;
      continue;
    }
    if ('shape' in f) {
      const nested = isObj(v) ? encodeWith(f.shape, v) : v;
      if (!(f.fill && isObj(nested) && Object.keys(nested).length === 0)) out[f.k] = nested;
    } else if ('list' in f) {
      if (Array.isArray(v) && v.length === 0) continue;
      out[f.k] = Array.isArray(v) ? v.map((item) => (isObj(item) ? encodeWith(f.list, item) : item)) : v;
    } else if ('pos' in f) {
      out[f.k] = isObj(v) ? [v.x, v.y] : v;
    } else if (!('d' in f && sameJson(v, f.d))) {
      out[f.k] = v;
    }
  }
  return out;
}

export function decodeWith(shape: Shape, wire: unknown): unknown {
  if (!isObj(wire)) return wire;
  const byShort = new Map(Object.entries(shape).map(([name, f]) => [f.k, [name, f] as const]));
  const out: Obj = {};
  for (const [key, v] of Object.entries(wire)) {
    const known = byShort.get(key);
    if (!known) {
      out[key] = v;
      continue;
    }
    const [name, f] = known;
    if ('shape' in f) out[name] = decodeWith(f.shape, v);
    else if ('list' in f) out[name] = Array.isArray(v) ? v.map((item) => decodeWith(f.list, item)) : v;
    else if ('pos' in f) out[name] = Array.isArray(v) && v.length === 2 ? { x: v[0], y: v[1] } : v;
    else out[name] = v;
  }
  for (const [name, f] of Object.entries(shape)) {
    if (Object.hasOwn(out, name)) continue;
    if ('shape' in f) {
      if (f.fill) out[name] = decodeWith(f.shape, {});
    } else if ('list' in f) out[name] = [];
    else if ('d' in f) out[name] = structuredClone(f.d);
  }
  return out;
}
