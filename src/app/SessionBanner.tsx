import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { useT } from '../i18n/useLocale';
import { Isolated, isolate } from '../panels/Name';
import { formatTime } from '../panels/playback/format';
import { rescueFocus } from '../panels/focusRescue';
import { ShareErrorText } from '../panels/share/ShareErrorText';
import { loadWithSession } from '../store/lessonStore';
import { openSharedRun } from '../store/shareLink';
import { useEditor } from '../store/useEditor';
import { useLessonContext } from '../store/useLesson';
import type { StorageHealth } from '../store/storageHealth';
import { useWorkSession } from './workSession';

const HEALTHY = createStore<StorageHealth>()(() => ({ problem: null }));

/** A kept scenario (or a shared run) is loaded once, even if React runs the effect twice (StrictMode in development). */
const loaded = new WeakSet<object>();

/**
 * The bar under the header that says whose work is on the canvas: a shared scenario (keep it, or go
 * back to your own work), a scenario just kept (your previous work is one undo away, and on the list of
 * previous work), or a link that could not be opened (why; your work is unchanged). It also starts the
 * session: the shared speed, the kept scenario loaded on top of the person's work.
 */
export function SessionBanner() {
  const t = useT();
  const api = useWorkSession();
  const deps = useLessonContext();
  const title = useEditor((s) => s.doc.title);
  const [keptShown, setKeptShown] = useState(true);
  const session = api?.session;
  // never claim the person's work is saved when their storage refuses it
  const storageProblem = useStore(api?.storageHealth ?? HEALTHY, (s) => s.problem);

  useEffect(() => {
    if (!session) return;
    if (session.kind === 'shared') {
      deps.sim.setSpeed(session.state.speed ?? 1);
      const run = session.state.run;
      if (run && !loaded.has(run)) {
        loaded.add(run);
        openSharedRun(deps.sim, session.state);
      }
      // a shared lesson or gallery scenario opens on its guide, even if the person folded the panel
      const { lesson, galleryId } = deps.lessons.getState();
      if (lesson || galleryId) deps.side.getState().show('guide');
    } else if (session.kept && !loaded.has(session.kept)) {
      const k = session.kept;
      loaded.add(k);
      loadWithSession(deps.editor, deps.lessons, k.doc, k.session);
      deps.sim.setSpeed(k.speed);
      if (k.session.lesson || k.session.galleryId) deps.side.getState().show('guide');
    }
  }, [session, deps]);

  if (!api || !session) return null;
  const name = title.trim() || t('shareui.untitled');

  if (session.kind === 'shared') {
    const keep = () => {
      const { lesson, galleryId } = deps.lessons.getState();
      api.keep({ doc: deps.editor.getState().doc, session: { lesson, galleryId }, speed: deps.sim.ui.getState().speed });
    };
    return (
      <section className="session-banner is-shared" aria-label={t('shareui.sharedView')}>
        <p>
          <strong>
            <Isolated text={t('shareui.sharedViewing', { title: isolate(name) })} />
          </strong> {t(storageProblem === 'blocked' ? 'shareui.sharedDetailNotSaved' : 'shareui.sharedDetail')}
          {session.state.run ? ` ${t('shareui.sharedAt', { time: formatTime(session.state.run.at) })}` : ''}
        </p>
        <div className="button-row">
          <button type="button" className="primary" onClick={keep}>
            {t('shareui.keep')}
          </button>
          <button type="button" onClick={api.back}>
            {t('shareui.back')}
          </button>
        </div>
      </section>
    );
  }

  if (session.linkError) {
    return (
      <section className="session-banner is-error" role="alert" aria-label={t('shareui.linkErrorLabel')}>
        <p>
          <strong>{t('shareui.linkError')}</strong>
        </p>
        <ShareErrorText error={session.linkError} />
        <p>{t('shareui.linkErrorWorkKept')}</p>
        <div className="button-row">
          <button type="button" onClick={api.dismiss}>
            {t('shareui.dismiss')}
          </button>
        </div>
      </section>
    );
  }

  if (session.kept && keptShown) {
    const detail = session.kept.previous === 'saved' ? 'shareui.keptSaved' : session.kept.previous === 'failed' ? 'shareui.keptNotSaved' : 'shareui.keptNothing';
    return (
      // focusable from scripts: "Keep it as my work" puts focus here (Root), the page having been redrawn
      <section className="session-banner is-kept" role="status" aria-label={t('shareui.keptLabel')} tabIndex={-1}>
        <p>
          <strong>
            <Isolated text={t('shareui.kept', { title: isolate(name) })} />
          </strong> {t(detail)}
          {session.kept.evicted > 0 ? ` ${t('shareui.keptEvicted', { n: session.kept.evicted })}` : ''}
        </p>
        <div className="button-row">
          <button
            type="button"
            onClick={() => {
              setKeptShown(false);
              rescueFocus();
            }}
          >
            {t('shareui.dismiss')}
          </button>
        </div>
      </section>
    );
  }
  return null;
}
