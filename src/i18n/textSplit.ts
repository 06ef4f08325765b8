/**
 * Which dictionary keys the first canvas needs: the build (vite.config.ts) splits each language's
 * dictionary in two, the keys that the modules of the first load mention (fetched before the first
 * canvas) and the rest (fetched once it is up, before anything that uses them can show: see
 * lazyText.ts). A module mentions a key when its code holds it as a string ('palette.title'), or
 * builds it from a prefix ending in a dot (`stat.${key}`, 'badge.' + kind): then every key with that prefix counts.
 * Erring on the side of too many keys costs bytes; too few would show a raw key, so anything that
 * looks like a key's prefix counts.
 */
export function keysMentioned(codes: readonly string[], keys: readonly string[]): Set<string> {
  const out = new Set<string>();
  const all = new Set(keys);
  const prefixes = new Set<string>();
  for (const code of codes) {
    // every quoted string or template piece: exact keys, and heads followed by ${ or + (a built key)
    for (const m of code.matchAll(/(['"`])([\w.-]+)(?:(\$\{)|\1)/g)) {
      const text = m[2] ?? '';
      if (all.has(text) && !m[3]) out.add(text);
      // a key's head ends at a dot (`stat.${key}Title`, 'badge.' + kind); `badge${n}` is no key
      else if (text.endsWith('.')) prefixes.add(text);
    }
  }
  for (const p of prefixes) if (p.length > 1) for (const k of keys) if (k.startsWith(p)) out.add(k);
  return out;
}
