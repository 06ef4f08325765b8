import { HASH_DATA, HASH_EMBED } from './hashKeys';

/**
 * The only module that touches `location` and `history`. Shared state lives in the URL's fragment
 * (`#s=<data>&embed=1`): a static site serves it from any sub-path, and the fragment never reaches a
 * server. Every function takes the location and history to use, defaulting to the browser's, so tests
 * pass plain objects.
 */

/** The part of `Location` used here. */
export interface LocationLike {
  readonly href: string;
}
/** The part of `History` used here. */
export interface HistoryLike {
  readonly state: unknown;
  replaceState(data: unknown, unused: string, url?: string | null): void;
}

export { HASH_DATA, HASH_EMBED };

export interface ShareHash {
  /** The link data after `s=`, or null when the fragment carries none. */
  data: string | null;
  /** `embed=1`: open as the player, without editing chrome (also settable in the link payload). */
  embed: boolean;
}

export const browserLocation = (): LocationLike | undefined => (typeof location === 'undefined' ? undefined : location);
const browserHistory = (): HistoryLike | undefined => (typeof history === 'undefined' ? undefined : history);

const decodePart = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/**
 * `#a=1&b` -> [['a','1'], ['b','']], in order. Not URLSearchParams: it turns '+' into a space, and
 * links pasted through chat apps keep their '+' (the data itself never contains one, but other
 * parameters might).
 */
function hashParams(hash: string): [string, string][] {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (body === '') return [];
  return body.split('&').filter(Boolean).map((part) => {
    const eq = part.indexOf('=');
    return eq < 0 ? [decodePart(part), ''] : [decodePart(part.slice(0, eq)), decodePart(part.slice(eq + 1))];
  });
}

const hashOf = (href: string) => {
  const i = href.indexOf('#');
  return i < 0 ? '' : href.slice(i);
};

export function parseShareHash(hash: string): ShareHash {
  const params = hashParams(hash);
  const data = params.find(([k]) => k === HASH_DATA)?.[1];
  const embed = params.find(([k]) => k === HASH_EMBED)?.[1];
  return { data: data === undefined || data === '' ? null : data, embed: embed !== undefined && embed !== '0' && embed !== 'false' };
}

/** The fragment with our parameters set (or removed when data is null), other parameters kept. */
export function formatShareHash(current: string, data: string | null, opts: { embed?: boolean } = {}): string {
  const others = hashParams(current).filter(([k]) => k !== HASH_DATA && k !== HASH_EMBED);
  const ours: [string, string][] = data === null ? [] : [[HASH_DATA, data], ...(opts.embed ? [[HASH_EMBED, '1'] as [string, string]] : [])];
  const all = [...ours, ...others].map(([k, v]) => (v === '' ? encodeURIComponent(k) : `${encodeURIComponent(k)}=${encodeURIComponent(v)}`));
  return all.length ? `#${all.join('&')}` : '';
}

/** What the page was opened with. */
export function readShareHash(loc: LocationLike | undefined = browserLocation()): ShareHash {
  return parseShareHash(loc ? hashOf(loc.href) : '');
}

/** A link to this page (same origin, path and query: works under any sub-path) opening `data`. */
export function shareUrl(data: string, opts: { embed?: boolean } = {}, loc: LocationLike | undefined = browserLocation()): string {
  const href = loc?.href ?? '';
  const i = href.indexOf('#');
  const base = i < 0 ? href : href.slice(0, i);
  return base + formatShareHash(i < 0 ? '' : href.slice(i), data, opts);
}

/**
 * Puts `data` in the address bar (null removes it) with replaceState: no history entry per edit, so
 * the back button still leaves the page. Does nothing when the URL would not change.
 */
export function writeShareHash(
  data: string | null,
  opts: { embed?: boolean } = {},
  loc: LocationLike | undefined = browserLocation(),
  hist: HistoryLike | undefined = browserHistory(),
): void {
  if (!loc || !hist) return;
  const url = data === null ? withoutShareHash(loc.href) : shareUrl(data, opts, loc);
  if (url !== loc.href) hist.replaceState(hist.state, '', url);
}

/** This page without shared data in its fragment: Warren itself, opening the person's own work. */
export function pageUrl(loc: LocationLike | undefined = browserLocation()): string {
  return withoutShareHash(loc?.href ?? '');
}

function withoutShareHash(href: string): string {
  const i = href.indexOf('#');
  if (i < 0) return href;
  return href.slice(0, i) + formatShareHash(href.slice(i), null);
}
