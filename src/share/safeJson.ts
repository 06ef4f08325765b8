import { fail, ok, type Result, type ShareMessageKey } from './errors';

/**
 * Keys refused anywhere in untrusted JSON. JSON.parse itself is safe (it makes "__proto__" an ordinary
 * own property), but code that later copies such an object with `out[key] = value` would replace the
 * copy's prototype. Refusing them at the door means nothing downstream has to remember.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface JsonLimits {
  maxChars: number;
  maxDepth: number;
  /** What the text is, said when it is over maxChars: every limit message names its own limit. */
  tooLarge: ShareMessageKey;
}

/**
 * Parses text that came from outside (a link, a dropped file) without throwing and without letting it
 * cost much: the length is capped first, then the nesting depth is measured on the raw text (an
 * iterative scan, so a "[[[[..." bomb cannot overflow the stack of a later recursive walk), then the text
 * is parsed and every key is checked against FORBIDDEN_KEYS.
 */
export function parseUntrustedJson(text: unknown, limits: JsonLimits): Result<unknown> {
  if (typeof text !== 'string') return fail('share.error.notJson');
  if (text.length > limits.maxChars) return fail(limits.tooLarge, { max: limits.maxChars, size: text.length });
  if (text.trim() === '') return fail('share.error.empty');
  if (maxNesting(text, limits.maxDepth) > limits.maxDepth) return fail('share.error.tooDeep', { max: limits.maxDepth });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail('share.error.notJson');
  }
  const bad = findForbiddenKey(value);
  if (bad) return fail('share.error.forbiddenKey', { key: bad.key, path: bad.path });
  return ok(value);
}

/** Deepest nesting of `[` and `{` outside strings (it stops counting once past `stopAbove`). */
export function maxNesting(text: string, stopAbove = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max && (max = depth) > stopAbove) return max;
    }
    else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return max;
}

/**
 * The first forbidden key in a parsed value (iterative, breadth-first), with where it was. A first pass
 * only looks (no path is built for the million values of a big definitions file); the paths are
 * worked out only when there is something to report.
 */
export function findForbiddenKey(value: unknown): { key: string; path: string } | null {
  return hasForbiddenKey(value) ? locateForbiddenKey(value) : null;
}

function hasForbiddenKey(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      for (let k = 0; k < v.length; k++) stack.push(v[k]);
      continue;
    }
    for (const key of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(key)) return true;
      stack.push((v as Record<string, unknown>)[key]);
    }
  }
  return false;
}

function locateForbiddenKey(value: unknown): { key: string; path: string } | null {
  const queue: { v: unknown; path: (string | number)[] }[] = [{ v: value, path: [] }];
  for (let i = 0; i < queue.length; i++) {
    const { v, path } = queue[i]!;
    if (Array.isArray(v)) {
      for (let k = 0; k < v.length; k++) queue.push({ v: v[k], path: [...path, k] });
    } else if (v !== null && typeof v === 'object') {
      for (const key of Object.keys(v)) {
        if (FORBIDDEN_KEYS.has(key)) return { key, path: formatPath([...path, key]) };
        queue.push({ v: (v as Record<string, unknown>)[key], path: [...path, key] });
      }
    }
  }
  return null;
}

/** `["queues", 3, "arguments", "x-max-length"]` -> `queues[3].arguments["x-max-length"]`. */
export function formatPath(path: readonly (string | number | symbol)[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (typeof p === 'string' && /^[A-Za-z_$][\w$]*$/.test(p)) out += out === '' ? p : `.${p}`;
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out;
}
