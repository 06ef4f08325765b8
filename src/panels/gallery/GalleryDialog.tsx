import { useReactFlow } from '@xyflow/react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { MessageKey } from '../../i18n/translate';
import { useLocaleStore, useT } from '../../i18n/useLocale';
import { filterGallery, type GalleryScenario, galleryList, type Tag, TAGS } from '../../scenarios';
import { FIT_VIEW } from '../fitView';
import { showPrograms } from '../programs/showPrograms';
import { loadGalleryScenario } from '../../store/galleryLoad';
import { useLessonContext } from '../../store/useLesson';
import { ScenarioCard } from './ScenarioCard';
import './gallery.css';

const ALL = galleryList();

/**
 * The gallery: a modal dialog of scenario cards, filtered by words and tags. Loading a card replaces
 * the document (undoable), restarts the simulation at the scenario's speed and opens the guide.
 */
export function GalleryDialog({ onClose }: { onClose: (loaded?: boolean) => void }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const deps = useLessonContext();
  const { fitView } = useReactFlow();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const searchId = useId();
  const [query, setQuery] = useState('');
  const [tags, setTags] = useState<Tag[]>([]);
  const tagName = (tag: Tag) => t(`gallery.tag.${tag}` as MessageKey);
  const list = useMemo(() => filterGallery(ALL, { query, tags, lang: locale, tagNames: (tag) => t(`gallery.tag.${tag}` as MessageKey) }), [query, tags, locale, t]);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  const load = (g: GalleryScenario) => {
    loadGalleryScenario(deps, g);
    deps.side.getState().show('guide');
    onClose(true);
    // React Flow draws the new nodes on the next frames; fit the view to them then
    requestAnimationFrame(() => requestAnimationFrame(() => fitView(FIT_VIEW)));
    // a code scenario: its programs' panel comes forward, and the view fits what they declare
    if (g.scenario.programs) showPrograms(deps.sim, () => fitView(FIT_VIEW));
  };
  const toggle = (tag: Tag) => setTags((ts) => (ts.includes(tag) ? ts.filter((x) => x !== tag) : [...ts, tag]));

  return (
    <dialog
      ref={ref}
      className="gallery-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="gallery-head">
        <h2 id={titleId}>{t('gallery.title')}</h2>
        <button type="button" onClick={() => onClose()}>
          {t('gallery.close')}
        </button>
      </div>
      <p className="gallery-intro">{t('gallery.intro')}</p>
      <div className="gallery-filters">
        <label htmlFor={searchId}>{t('gallery.search')}</label>
        <input id={searchId} type="search" value={query} placeholder={t('gallery.searchPlaceholder')} onChange={(e) => setQuery(e.target.value)} />
        <fieldset className="gallery-tags">
          <legend className="sr-only">{t('gallery.tags')}</legend>
          {TAGS.map((tag) => (
            <button key={tag} type="button" className="tag-toggle" aria-pressed={tags.includes(tag)} onClick={() => toggle(tag)}>
              {tagName(tag)}
            </button>
          ))}
        </fieldset>
        <p className="gallery-count" aria-live="polite">
          {t('gallery.count', { n: list.length, total: ALL.length })}
          {query || tags.length ? (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setQuery('');
                setTags([]);
              }}
            >
              {t('gallery.clear')}
            </button>
          ) : null}
        </p>
      </div>
      {list.length ? (
        <ul className="gallery-grid">
          {list.map((g) => (
            <li key={g.id}>
              <ScenarioCard scenario={g} lang={locale} tagName={tagName} onLoad={() => load(g)} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="gallery-none">{t('gallery.none')}</p>
      )}
    </dialog>
  );
}
