import { useId } from 'react';
import { useT } from '../../i18n/useLocale';
import type { GalleryScenario, Localized, Tag } from '../../scenarios';
import { Thumbnail } from './Thumbnail';

/**
 * One scenario in the gallery: a small picture of its topology, then its title, the button that
 * loads it (Enter or click); the whole card is clickable too (the button's hit area covers it), and
 * the summary describes the button.
 */
export function ScenarioCard({ scenario: g, lang, tagName, onLoad }: { scenario: GalleryScenario; lang: keyof Localized; tagName: (tag: Tag) => string; onLoad: () => void }) {
  const t = useT();
  const summaryId = useId();
  return (
    <article className={`gallery-card${g.lesson ? ' has-lesson' : ''}`}>
      <Thumbnail scenario={g.scenario} />
      <h3>
        <button type="button" className="card-load" aria-describedby={summaryId} onClick={onLoad}>
          {g.title[lang]}
        </button>
      </h3>
      <p id={summaryId} className="card-summary">
        {g.summary[lang]}
      </p>
      <ul className="card-tags" aria-label={t('gallery.tags')}>
        {g.tags.map((tag) => (
          <li key={tag} className={`card-tag tag-${tag}`} title={tag === 'lesson' ? t('gallery.hasLesson') : undefined}>
            {tagName(tag)}
          </li>
        ))}
      </ul>
    </article>
  );
}
