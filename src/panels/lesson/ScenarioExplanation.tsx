import { useId, useState } from 'react';
import { useLocaleStore, useT } from '../../i18n/useLocale';
import { GALLERY, type TryAction, type TryItem } from '../../scenarios';
import { useEditor } from '../../store/useEditor';
import { fittingSession, gallerySessionFits } from '../../store/gallerySession';
import { useLessonContext, useLessonState } from '../../store/useLesson';
import { useLive, useSim } from '../../store/useSim';

/** Is the action meaningful now? Starting a running consumer, or crashing a stopped one, is not. */
function useEnabled(action: TryAction | undefined): boolean {
  const consumer = action && 'consumer' in action ? action.consumer : null;
  const state = useLive((s) => (consumer ? s.consumers[consumer]?.state : undefined));
  if (!action || !consumer) return true;
  return action.type === 'consumer-start' ? state !== 'running' : state === 'running';
}

function TrySuggestion({ item, lang, onDone }: { item: TryItem; lang: 'en' | 'es'; onDone: (text: string) => void }) {
  const t = useT();
  const sim = useSim();
  const textId = useId();
  const enabled = useEnabled(item.action);
  return (
    <li>
      <span id={textId}>{item.text[lang]}</span>
      {item.action ? (
        <button
          type="button"
          className="try-it"
          aria-describedby={textId}
          disabled={!enabled}
          onClick={() => {
            sim.input(item.action!);
            onDone(item.text[lang]);
          }}
        >
          {t('guide.tryIt')}
        </button>
      ) : null}
    </li>
  );
}

/** "About this scenario": summary, what to watch and what to try, collapsible. */
export function ScenarioExplanation() {
  const t = useT();
  const lang = useLocaleStore((s) => s.locale);
  const galleryId = useLessonState((s) => s.galleryId);
  const { lessons } = useLessonContext();
  const fits = useEditor((s) => galleryId === null || gallerySessionFits(s.doc, galleryId));
  const doc = useEditor((s) => s.doc);
  const [expanded, setExpanded] = useState(true);
  const [done, setDone] = useState('');
  const bodyId = useId();
  if (!galleryId) return null;
  const g = GALLERY[galleryId];
  return (
    <section className="guide-section scenario-explanation" aria-label={t('guide.about')}>
      <h3 className="guide-disclosure">
        <button type="button" aria-expanded={expanded} aria-controls={bodyId} onClick={() => setExpanded(!expanded)}>
          <span aria-hidden="true" className="disclosure-mark">
            {expanded ? '▾' : '▸'}
          </span>
          {t('guide.about')}
        </button>
      </h3>
      {fits ? null : (
        <div className="explanation-stale" role="note">
          <p>{t('guide.staleExplanation', { title: g.title[lang] })}</p>
          <button type="button" onClick={() => lessons.getState().setSession(fittingSession(doc, lessons.getState()))}>
            {t('guide.detachExplanation')}
          </button>
        </div>
      )}
      <div id={bodyId} hidden={!expanded}>
        <p className="scenario-title">{g.title[lang]}</p>
        <p className="scenario-summary">{g.summary[lang]}</p>
        <h4>{t('guide.watch')}</h4>
        <p>{g.watch[lang]}</p>
        <h4>{t('guide.try')}</h4>
        <ul className="try-list">
          {g.tryThis.map((item, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list from the gallery
            <TrySuggestion key={i} item={item} lang={lang} onDone={(text) => setDone(t('guide.tried', { what: text }))} />
          ))}
        </ul>
        <p className="sr-only" aria-live="polite">
          {done}
        </p>
      </div>
    </section>
  );
}
