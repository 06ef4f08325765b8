/**
 * Node's util.format and a compact util.inspect: what console.log prints. Enough of Node's look
 * for what students print (strings, numbers, objects, arrays, Buffers, errors, Maps, Sets), with
 * depth and length caps so a huge or circular object prints quickly.
 */

const MAX_ITEMS = 100;
const MAX_STRING = 10_000;

interface Ctx {
  depth: number;
  seen: object[];
}

function isBufferLike(v: object): v is Uint8Array & { toString(enc?: string): string } {
  return v instanceof Uint8Array && (v.constructor?.name === 'Buffer' || typeof (v as { readUInt8?: unknown }).readUInt8 === 'function');
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

function quote(s: string): string {
  const cut = s.length > MAX_STRING ? `${s.slice(0, MAX_STRING)}... ${s.length - MAX_STRING} more characters` : s;
  if (!cut.includes("'")) return `'${cut.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}'`;
  if (!cut.includes('"')) return `"${cut.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}"`;
  return `\`${cut.replace(/\\/g, '\\\\').replace(/`/g, '\\`')}\``;
}

function errorText(e: Error): string {
  const stack = typeof e.stack === 'string' && e.stack.includes(e.message) ? e.stack : `${e.name}: ${e.message}`;
  const extra = Object.keys(e).filter((k) => k !== 'stack' && k !== 'message');
  if (!extra.length) return stack;
  return `${stack} { ${extra.map((k) => `${k}: ${inspectValue((e as unknown as Record<string, unknown>)[k], { depth: 1, seen: [] })}`).join(', ')} }`;
}

function inspectValue(v: unknown, ctx: Ctx, nested = false): string {
  switch (typeof v) {
    case 'string':
      return nested ? quote(v) : v;
    case 'number':
      return Object.is(v, -0) ? '-0' : String(v);
    case 'bigint':
      return `${v}n`;
    case 'boolean':
    case 'undefined':
      return String(v);
    case 'symbol':
      return v.toString();
    case 'function':
      return `[${/^class\s/.test(Function.prototype.toString.call(v)) ? 'class' : 'Function'}${v.name ? `: ${v.name}` : ' (anonymous)'}]`;
    default:
      break;
  }
  if (v === null) return 'null';
  const o = v as object;
  if (ctx.seen.includes(o)) return '[Circular *1]';
  if (o instanceof Error) return nested ? `[${errorText(o).split('\n')[0]}]` : errorText(o);
  if (o instanceof Date) return Number.isNaN(o.getTime()) ? 'Invalid Date' : o.toISOString();
  if (o instanceof RegExp) return String(o);
  if (isBufferLike(o)) {
    const bytes = Array.from(o.subarray(0, 50), (b) => b.toString(16).padStart(2, '0'));
    return `<Buffer${bytes.length ? ` ${bytes.join(' ')}` : ''}${o.length > 50 ? ` ... ${o.length - 50} more bytes` : ''}>`;
  }
  if (o instanceof Promise) return 'Promise { <pending> }';
  if (ctx.depth > 2) return Array.isArray(o) ? '[Array]' : '[Object]';
  const inner: Ctx = { depth: ctx.depth + 1, seen: [...ctx.seen, o] };
  const list = (items: string[], open: string, close: string, prefix = '') => {
    if (!items.length) return `${prefix}${open}${close}`;
    const one = `${prefix}${open} ${items.join(', ')} ${close}`;
    if (one.length <= 72 && !one.includes('\n')) return one;
    const pad = '  '.repeat(ctx.depth + 1);
    return `${prefix}${open}\n${items.map((i) => pad + i).join(',\n')}\n${'  '.repeat(ctx.depth)}${close}`;
  };
  if (Array.isArray(o)) {
    const items = o.slice(0, MAX_ITEMS).map((x) => inspectValue(x, inner, true));
    if (o.length > MAX_ITEMS) items.push(`... ${o.length - MAX_ITEMS} more items`);
    return list(items, '[', ']');
  }
  if (o instanceof Map) {
    const items = [...o].slice(0, MAX_ITEMS).map(([k, x]) => `${inspectValue(k, inner, true)} => ${inspectValue(x, inner, true)}`);
    return list(items, '{', '}', `Map(${o.size}) `);
  }
  if (o instanceof Set) {
    const items = [...o].slice(0, MAX_ITEMS).map((x) => inspectValue(x, inner, true));
    return list(items, '{', '}', `Set(${o.size}) `);
  }
  const keys = Object.keys(o);
  const items = keys.slice(0, MAX_ITEMS).map((k) => `${IDENT.test(k) ? k : quote(k)}: ${inspectValue((o as Record<string, unknown>)[k], inner, true)}`);
  if (keys.length > MAX_ITEMS) items.push(`... ${keys.length - MAX_ITEMS} more items`);
  const proto = Object.getPrototypeOf(o);
  const name = proto === null ? '[Object: null prototype] ' : proto !== Object.prototype && proto?.constructor?.name ? `${proto.constructor.name} ` : '';
  return list(items, '{', '}', name);
}

export function inspect(v: unknown): string {
  return inspectValue(v, { depth: 0, seen: [] }, true);
}

/** util.format: printf-like %s %d %i %f %j %o %O %c %%, the rest appended with spaces. */
export function format(...args: unknown[]): string {
  const first = args[0];
  if (typeof first !== 'string') return args.map((a) => inspectValue(a, { depth: 0, seen: [] })).join(' ');
  let i = 1;
  let out = first.replace(/%[sdifjoOc%]/g, (m) => {
    if (m === '%%') return '%';
    if (i >= args.length) return m;
    const a = args[i++];
    switch (m) {
      case '%s':
        return typeof a === 'string' ? a : typeof a === 'object' && a !== null ? inspect(a) : String(a);
      case '%d':
      case '%i': {
        const n = typeof a === 'bigint' ? a : Number(a);
        return typeof n === 'bigint' ? `${n}n` : String(m === '%i' ? Math.trunc(n) : n);
      }
      case '%f':
        return String(Number.parseFloat(String(a)));
      case '%j':
        try {
          return JSON.stringify(a) ?? 'undefined';
        } catch {
          return '[Circular]';
        }
      case '%c':
        return '';
      default:
        return inspect(a);
    }
  });
  for (; i < args.length; i++) out += ` ${inspectValue(args[i], { depth: 0, seen: [] })}`;
  return out;
}
