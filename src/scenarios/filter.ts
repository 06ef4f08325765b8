import type { GalleryScenario, Localized, Tag } from './types';

/** Lower case, without accents: "Enrutamiento" and "enrutamiento", "exchange alternativo" and "Exchange álternativo" match. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The scenarios that have every selected tag and every word of the query in their title, summary or
 * tags (in the reader's language, or in English, since people search with the RabbitMQ terms).
 */
export function filterGallery(list: readonly GalleryScenario[], opts: { query?: string; tags?: readonly Tag[]; lang?: keyof Localized; tagNames?: (tag: Tag) => string }): GalleryScenario[] {
  const words = fold(opts.query ?? '').split(/\s+/).filter(Boolean);
  const lang = opts.lang ?? 'en';
  return list.filter((g) => {
    if (opts.tags?.some((t) => !g.tags.includes(t))) return false;
    if (!words.length) return true;
    const hay = fold([g.title[lang], g.summary[lang], g.title.en, g.summary.en, g.id, ...g.tags, ...g.tags.map((t) => opts.tagNames?.(t) ?? '')].join(' '));
    return words.every((w) => hay.includes(w));
  });
}
