import { type LocationLike, loadSharedState, readShareHash, type ShareError, type ShareState } from '../share';

/**
 * How the page opens, from its URL fragment: the person's own work (no link), a shared scenario
 * (in a shared view that leaves their own work untouched), the embedded player, or a link that cannot
 * be read (the reason is shown; nothing is opened and nothing is lost).
 */
export type Opening =
  | { kind: 'own' }
  | { kind: 'shared'; state: ShareState; data: string }
  | { kind: 'embed'; state: ShareState; data: string }
  | { kind: 'error'; error: ShareError; embed: boolean };

export function openingFrom(loc?: LocationLike): Opening {
  const opened = loadSharedState(loc);
  if (!opened) return { kind: 'own' };
  if (!opened.result.ok) return { kind: 'error', error: opened.result.error, embed: opened.embed };
  const data = readShareHash(loc).data ?? '';
  return { kind: opened.embed ? 'embed' : 'shared', state: opened.result.value, data };
}
