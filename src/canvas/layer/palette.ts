/**
 * Colours of routing keys: a key always gets the same colour (a hash of the key, not the order
 * keys appear in), so a picture is the same after a rewind, a reload or on another machine. The
 * palette is mostly Okabe–Ito (distinguishable with the common colour-vision deficiencies), ten
 * colours far enough apart to tell on a small dot; the empty key is grey. Two keys may share a
 * colour: the legend names the keys on screen.
 */
export const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#7f3c8d', '#8c564b', '#999933', '#e7298a'] as const;

export const EMPTY_KEY_COLOUR = '#8a94a6';
/** Index of the empty key's colour in COLOURS (after the palette). */
export const EMPTY_KEY_INDEX = PALETTE.length;
/** Every colour a token can have, by index. */
export const COLOURS: readonly string[] = [...PALETTE, EMPTY_KEY_COLOUR];

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

/** The colour index of a routing key (memoised: called for every token of every frame). */
export function colourIndex(key: string): number {
  let i = memo.get(key);
  if (i === undefined) {
    i = key === '' ? EMPTY_KEY_INDEX : hash(key) % PALETTE.length;
    if (memo.size > 10_000) memo.clear();
    memo.set(key, i);
  }
  return i;
}

export function keyColour(key: string): string {
  return COLOURS[colourIndex(key)]!;
}
