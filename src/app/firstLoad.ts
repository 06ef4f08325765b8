import { HASH_DATA } from '../share/hashKeys';
import { LESSON_KEY } from '../store/lessonStore';
import { AUTOSAVE_KEY } from '../store/persistence';

/**
 * Whether the page was opened with share data in its fragment (a link or an embed): a non-empty
 * `s=` parameter, as share/url.ts reads it. Checked here without the link's decoder, which only a
 * link needs (main.tsx then fetches it alongside the app).
 */
export function linkInHash(hash = globalThis.location?.hash ?? ''): boolean {
  return hash
    .replace(/^#/, '')
    .split('&')
    .some((p) => p.startsWith(`${encodeURIComponent(HASH_DATA)}=`) && p.length > HASH_DATA.length + 1);
}

/** Whether the person has work saved in this browser (a document or its lesson). */
export function somethingSaved(): boolean {
  try {
    return globalThis.localStorage?.getItem(AUTOSAVE_KEY) != null || globalThis.localStorage?.getItem(LESSON_KEY) != null;
  } catch {
    return false; // storage disabled: nothing saved
  }
}
