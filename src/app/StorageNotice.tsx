import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { useT } from '../i18n/useLocale';
import { useSaveScenarioFile } from '../panels/share/useSaveScenarioFile';
import type { StorageHealth } from '../store/storageHealth';
import { useWorkSession } from './workSession';

const HEALTHY = createStore<StorageHealth>()(() => ({ problem: null }));

const DETAIL = { blocked: 'storage.blocked', full: 'storage.full', error: 'storage.error' } as const;

/**
 * Says at once, and for as long as it lasts, that the person's work is not being saved (storage
 * blocked, full, or refusing), with "Save as file" right there. It goes away by itself when an
 * autosave succeeds again. A shared view says it in its own banner (SessionBanner).
 */
export function StorageNotice() {
  const t = useT();
  const api = useWorkSession();
  const problem = useStore(api?.storageHealth ?? HEALTHY, (s) => s.problem);
  const save = useSaveScenarioFile();
  if (api?.session.kind !== 'own' || problem === null) return null;
  return (
    <section className="session-banner is-error storage-notice" role="alert" aria-label={t('storage.label')}>
      <p>
        <strong>{t('storage.notSaved')}</strong> {t(DETAIL[problem])}
      </p>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => void save()}>
          {t('storage.saveFile')}
        </button>
      </div>
    </section>
  );
}
