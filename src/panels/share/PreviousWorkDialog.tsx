import { type RefObject, useState } from 'react';
import { useLocaleStore, useT } from '../../i18n/useLocale';
import { loadWithSession } from '../../store/lessonStore';
import type { KeyValueStorage } from '../../store/persistence';
import { listPreviousWork, rawWork, swapPreviousWork } from '../../store/sharedWork';
import { useLessonContext } from '../../store/useLesson';
import { Name } from '../Name';
import { Modal } from './Modal';

/**
 * The person's previous work: what was saved before a shared scenario was kept (or before another
 * previous work was restored). Restoring swaps: the current work takes its place on the list, and the
 * restore is one undo step too.
 */
export function PreviousWorkDialog({ storage, onClose, returnFocus }: { storage: KeyValueStorage | undefined; onClose: () => void; returnFocus?: RefObject<HTMLElement | null> }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const deps = useLessonContext();
  const [list] = useState(() => listPreviousWork(storage));
  const restore = (index: number) => {
    const { lesson, galleryId } = deps.lessons.getState();
    const w = swapPreviousWork(storage, index, rawWork(deps.editor.getState().doc, { lesson, galleryId }), Date.now());
    if (!w) return;
    loadWithSession(deps.editor, deps.lessons, w.scenario, w.session);
    deps.sim.setDocument(deps.editor.getState().doc);
    deps.sim.reset();
    onClose();
  };
  const when = (ms: number) => new Date(ms).toLocaleString(locale === 'es' ? 'es' : 'en', { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Modal title={t('shareui.previous.title')} onClose={onClose} returnFocus={returnFocus} className="previous-dialog">
      <p>{t('shareui.previous.intro')}</p>
      {list.length === 0 ? <p className="muted">{t('shareui.previous.none')}</p> : null}
      <ul className="previous-list">
        {list.map((w, i) => {
          const title = w.scenario.title.trim() || t('shareui.untitled');
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a list read once when the dialog opens
            <li key={i}>
              <div>
                <strong>
                  <Name>{title}</Name>
                </strong>
                <span className="muted">
                  {' '}
                  {t('shareui.previous.summary', { when: when(w.savedAt), exchanges: w.scenario.exchanges.length, queues: w.scenario.queues.length, apps: w.scenario.apps.length })}
                </span>
              </div>
              <button type="button" onClick={() => restore(i)} aria-label={t('shareui.previous.restoreNamed', { title })}>
                {t('shareui.previous.restore')}
              </button>
            </li>
          );
        })}
      </ul>
    </Modal>
  );
}
