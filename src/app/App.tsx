import { ReactFlowProvider } from '@xyflow/react';
import { PresentLeave, usePresentClass } from '../canvas/PresentButton';
import { Suspense, useEffect, useState } from 'react';
import { lazyText } from '../i18n/lazyText';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import { useT } from '../i18n/useLocale';
import { LiveAnnouncer } from '../panels/announce/LiveAnnouncer';
import { GalleryButton } from '../panels/gallery/GalleryButton';
import { GuideToggle } from '../panels/lesson/GuideToggle';
import { formatTime } from '../panels/playback/format';
import { PlaybackBar } from '../panels/playback/PlaybackBar';
import { ShareToolbar } from '../panels/share/ShareToolbar';
import { SidePanel } from '../panels/side/SidePanel';
import { createEditorStore } from '../store/editorStore';
import { PageProgramTurns } from '../programs/host/programTurns';
import { SimController } from '../store/simController';
import type { StorageHealth } from '../store/storageHealth';
import { EditorProvider, useEditor } from '../store/useEditor';
import { LessonProvider, useLessonSetup } from '../store/useLesson';
import { SimProvider, useSimDriver } from '../store/useSim';
import { LanguageSwitch } from './LanguageSwitch';
import { useDocumentLang } from './useDocumentLang';
import { useWorkSession, type WorkSession } from './workSession';
import { Workspace } from './Workspace';

// Loaded when they are needed, not to draw the first canvas: the banner of a shared view, a kept
// scenario or an unreadable link, and the dialog that completes a binding drawn on the canvas.
const SessionBanner = lazyText(() => import('./SessionBanner').then((m) => ({ default: m.SessionBanner })));
const BindingDialog = lazyText(() => import('../panels/BindingDialog').then((m) => ({ default: m.BindingDialog })));
// ...and the notice that the work is not being saved (with its "Save as file"), when storage refuses
const StorageNotice = lazyText(() => import('./StorageNotice').then((m) => ({ default: m.StorageNotice })));

function StorageProblem({ health }: { health: StoreApi<StorageHealth> }) {
  const problem = useStore(health, (s) => s.problem);
  return problem !== null ? (
    <Suspense fallback={null}>
      <StorageNotice />
    </Suspense>
  ) : null;
}

function PendingBinding() {
  const pending = useEditor((s) => s.pendingBinding !== null);
  return pending ? (
    <Suspense fallback={null}>
      <BindingDialog />
    </Suspense>
  ) : null;
}

/**
 * The shell: header with the playback controls, then palette | canvas over the panels dock | side
 * panel (the inspector and the guide as tabs).
 * `session` (from Root) says whose work it edits: the person's own, or a shared scenario in a view
 * whose storage keeps their own work untouched.
 */
export function App({ session }: { session: WorkSession }) {
  const t = useT();
  const [store] = useState(() => createEditorStore({ storage: session.storage }));
  const [sim] = useState(() => {
    const s = new SimController(store.getState().doc);
    s.attachPrograms(new PageProgramTurns());
    return s;
  });
  useEffect(() => () => sim.programTurns?.clear(), [sim]);
  // every edit of the document reaches the running simulation (as AMQP operations)
  useEffect(
    () =>
      store.subscribe((s, prev) => {
        if (s.doc === prev.doc) return;
        // an edit that had to delete and redeclare a queue lost its messages: say so, and why
        const lost = sim.setDocument(s.doc).filter((r) => r.lost > 0);
        for (const r of lost) store.getState().notify({ tone: 'warning', message: { key: 'op.queueRedeclared', params: { queue: r.queue, count: r.lost } } });
        // an edit made back in the run replaced the recorded future: say so (Undo brings it back)
        const dropped = sim.droppedByLastEdit;
        if (dropped) {
          const params = { at: formatTime(dropped.at), until: formatTime(dropped.until), count: dropped.inputs };
          store.getState().notify({ tone: 'info', message: { key: 'op.futureDropped', params }, undo: true });
        }
      }),
    [store, sim],
  );
  // a new producer sends a greeting in the person's language
  useEffect(() => store.getState().setDefaultBody(t('default.messageBody')), [store, t]);
  useSimDriver(sim);
  // the lesson kept with the document, its progress on the running simulation, the side panel
  // (whose open or folded state is a preference of the person, kept in their own storage)
  const work = useWorkSession();
  const prefs = work?.realStorage;
  const lesson = useLessonSetup(store, sim, session.storage, prefs);
  useDocumentLang();
  const presenting = usePresentClass();
  return (
    <SimProvider controller={sim}>
      <EditorProvider store={store} live={sim.live}>
        <LessonProvider value={lesson}>
        <ReactFlowProvider>
          <div className={`app${presenting}`}>
            <header className="app-header">
              <h1 className="app-title" title={t('app.tagline')}>
                {t('app.title')}
              </h1>
              <p className="app-tagline">{t('app.tagline')}</p>
              <GalleryButton />
              <GuideToggle />
              <PlaybackBar />
              <PresentLeave />
              <ShareToolbar ownStorage={session.kind === 'own' ? session.storage : undefined} />
              <LanguageSwitch />
            </header>
            {session.kind === 'shared' || session.kept || session.linkError ? (
              <Suspense fallback={null}>
                <SessionBanner />
              </Suspense>
            ) : null}
            {work && session.kind === 'own' ? <StorageProblem health={work.storageHealth} /> : null}
            <main className="app-main">
              <Workspace />
              <SidePanel />
            </main>
            <PendingBinding />
            <LiveAnnouncer />
          </div>
        </ReactFlowProvider>
        </LessonProvider>
      </EditorProvider>
    </SimProvider>
  );
}
