/**
 * Literals for generated code. Names, keys and bodies are user data (and imported data: a queue may be
 * called `it's "x"\n` or `<script>`), so they only ever appear inside string literals, never as
 * identifiers, and comments show them through the same escaping (no raw newline can end a comment).
 */

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/**
 * Characters that change how text around them is displayed without showing themselves: bidi controls
 * (a right-to-left override in a queue name would make the code on screen read differently from the
 * code that runs) and zero-width characters. Generated code writes them as \u escapes, as it does the
 * line and paragraph separators, so the displayed program is the program that runs.
 */
const INVISIBLE = /[\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;
const isInvisible = (c: number) => c === 0x061c || (c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x206f) || c === 0xfeff;
const uEscape = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;

/**
 * A JavaScript string literal. JSON's escaping is valid JavaScript, and it escapes lone surrogates;
 * invisible characters (bidi controls, zero-width characters, U+2028/9) are escaped too.
 */
export function jsString(s: string): string {
  return JSON.stringify(s).replace(INVISIBLE, (ch) => uEscape(ch.charCodeAt(0)));
}

/** A JavaScript expression for a JSON value (objects on one line). */
export function jsValue(v: Json): string {
  if (typeof v === 'string') return jsString(v);
  if (Array.isArray(v)) return `[${v.map(jsValue).join(', ')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v);
    return entries.length ? `{ ${entries.map(([k, x]) => `${jsString(k)}: ${jsValue(x)}`).join(', ')} }` : '{}';
  }
  return String(v);
}

/**
 * A Python 3 string literal, double-quoted. Control characters, invisible characters (as in jsString)
 * and lone surrogates (which cannot be written in a UTF-8 source file) are escaped; other Unicode is
 * kept as is, readable.
 */
export function pyString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i]!;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (isInvisible(c)) out += uEscape(c);
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) {
      out += s.slice(i, i + 2); // a well-formed pair: one character outside the BMP
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) out += `\\u${c.toString(16)}`;
    else out += ch;
  }
  return `${out}"`;
}

/** A Python expression for a JSON value. */
export function pyValue(v: Json): string {
  if (typeof v === 'string') return pyString(v);
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (v === null) return 'None';
  if (typeof v === 'number') return String(v); // JS and Python write finite numbers alike (1.5, 1e+21)
  if (Array.isArray(v)) return `[${v.map(pyValue).join(', ')}]`;
  const entries = Object.entries(v);
  return `{${entries.map(([k, x]) => `${pyString(k)}: ${pyValue(x)}`).join(', ')}}`;
}

/** An ASCII file-name part: "Order Worker #2" -> "order-worker-2" (empty if nothing is left). */
export function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}
