/**
 * Colours of routing keys. The keys a scenario's publishers send with get distinct colours
 * (`assignKeyColours`, called by the canvas whenever the scenario changes): each key takes the colour
 * its hash points to, and when two keys of the scenario would share one (Topics: auth.info and
 * kern.info), the later one (in sorted order) takes the next free colour. So a picture is the same
 * after a rewind, a reload or on another machine, and only a scenario with more than ten keys
 * repeats a colour. Keys met only while running (typed in the message composer) take the colour of
 * their hash, or the next one not used by the scenario's keys.
 * The palette starts from Okabe–Ito (distinguishable with the common colour-vision deficiencies),
 * darkened where needed so that every colour has at least 3:1 contrast on the white canvas
 * (WCAG 1.4.11); the empty key is grey. Colour is never the only cue: each colour has its own pattern
 * (`KEY_PATTERNS`, on the chips and in the legend), and the legend names the keys on screen.
 */
export const PALETTE = ['#0072b2', '#b36b00', '#009e73', '#cc79a7', '#00838f', '#d55e00', '#7f3c8d', '#8c564b', '#80802a', '#e7298a'] as const;

/**
 * One pattern per palette colour (same index), so that keys differ without colour: drawn over a
 * chip or a legend swatch as CSS (`.key-pattern-N` in layer.css).
 */
export const KEY_PATTERNS = ['solid', 'dot', 'stripe', 'ring', 'cross', 'half', 'bar', 'diag', 'checks', 'square'] as const;

export const EMPTY_KEY_COLOUR = '#6c757d';
/** Index of the empty key's colour in COLOURS (after the palette). */
export const EMPTY_KEY_INDEX = PALETTE.length;
/** Every colour a token can have, by index. */
export const COLOURS: readonly string[] = [...PALETTE, EMPTY_KEY_COLOUR];

/** Colours given to the scenario's keys (by assignKeyColours). */
let assigned = new Map<string, number>();
/** The scenario's keys joined, to skip reassigning when they did not change. */
let assignedFor = '';

const memo = new Map<string, number>();

/** FNV-1a over UTF-16 code units: stable, fast, well spread for short keys. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The first colour from the key's hash on that is not in `taken` (the hash's own if all are). */
function freeColour(key: string, taken: ReadonlySet<number>): number {
  const start = hash(key) % PALETTE.length;
  for (let k = 0; k < PALETTE.length; k++) {
    const i = (start + k) % PALETTE.length;
    if (!taken.has(i)) return i;
  }
  return start;
}

/**
 * Gives the scenario's routing keys distinct colours (up to ten keys), in sorted order so that the
 * result does not depend on where keys are written. Returns the colours by key.
 */
export function assignKeyColours(keys: Iterable<string>): ReadonlyMap<string, number> {
  const sorted = [...new Set(keys)].filter((k) => k !== '').sort();
  const id = sorted.join('\u0000');
  if (id === assignedFor) return assigned;
  const next = new Map<string, number>();
  const taken = new Set<number>();
  // first every key whose own colour is free, then the others in the colours left
  const later: string[] = [];
  for (const k of sorted) {
    const own = hash(k) % PALETTE.length;
    if (taken.has(own)) later.push(k);
    else {
      next.set(k, own);
      taken.add(own);
    }
  }
  for (const k of later) {
    const i = freeColour(k, taken);
    next.set(k, i);
    taken.add(i);
  }
  assigned = next;
  assignedFor = id;
  memo.clear();
  return assigned;
}

/** The colour index of a routing key (memoised: called for every token of every frame). */
export function colourIndex(key: string): number {
  let i = memo.get(key);
  if (i === undefined) {
    i = key === '' ? EMPTY_KEY_INDEX : (assigned.get(key) ?? freeColour(key, new Set(assigned.values())));
    if (memo.size > 10_000) memo.clear();
    memo.set(key, i);
  }
  return i;
}

/** The pattern that goes with a key's colour (none for the empty key: it is grey and says "empty"). */
export function keyPattern(key: string): string {
  const i = colourIndex(key);
  return i < KEY_PATTERNS.length ? KEY_PATTERNS[i]! : 'none';
}

export function keyColour(key: string): string {
  return COLOURS[colourIndex(key)]!;
}
