import { PageProgramTurns } from '../programs/host/programTurns';
import { startRuns } from '../store/programRuns';
import { ReactFlowProvider } from '@xyflow/react';
import { useState } from 'react';
import { CanvasArea } from '../canvas/CanvasArea';
import { PresentLeave, usePresentClass } from '../canvas/PresentButton';
import { useT } from '../i18n/useLocale';
import { LiveAnnouncer } from '../panels/announce/LiveAnnouncer';
import { PlayerControls } from '../panels/share/PlayerControls';
import { PlayerGuide } from '../panels/share/PlayerGuide';
import { ShareErrorText } from '../panels/share/ShareErrorText';
import { pageUrl, type ShareError, type ShareState, shareUrl } from '../share';
import { createEditorStore } from '../store/editorStore';
import { openSharedRun } from '../store/shareLink';
import { viewStorage } from '../store/sharedWork';
import { SimController } from '../store/simController';
import { EditorProvider } from '../store/useEditor';
import { LessonProvider, useLessonSetup } from '../store/useLesson';
import { SimProvider, useSimDriver } from '../store/useSim';
import { LanguageSwitch } from './LanguageSwitch';
import { useDocumentLang } from './useDocumentLang';
import '../panels/share/share.css';

/** Below this width the player's canvas takes the whole width; its explanation opens with "About". */
const ROOM_FOR_GUIDE = 1280;

/**
 * The embedded player (`embed=1`): the shared scenario on a read-only canvas, the playback controls
 * and the explanation, for slides and course pages. It keeps everything in memory: it never reads or
 * writes the visitor's own saved work (an iframe may not even have storage).
 */
export function Player({ state, data }: { state: ShareState; data: string }) {
  const t = useT();
  const [storage] = useState(() => viewStorage(undefined, state));
  const [store] = useState(() => createEditorStore({ storage }));
  const [sim] = useState(() => {
    const s = new SimController(store.getState().doc);
    s.attachPrograms(new PageProgramTurns());
    s.setSpeed(state.speed ?? 1);
    // the run the teacher shared: the player opens paused where they were, and can rewind it
    openSharedRun(s, state);
    // a scenario of programs without a recorded run: its programs start at time 0, as the gallery
    // starts them (the player has no Programs panel to run them from); Play sets them going
    if (!state.run) startRuns(s, store.getState().doc);
    return s;
  });
  useSimDriver(sim);
  const lesson = useLessonSetup(store, sim, storage);
  useDocumentLang();
  const presenting = usePresentClass();
  // the explanation beside the canvas: shown where there is room for both, else one click away
  const [about, setAbout] = useState(() => (globalThis.innerWidth ?? 1280) >= ROOM_FOR_GUIDE);
  return (
    <SimProvider controller={sim}>
      <EditorProvider store={store} live={sim.live}>
        <LessonProvider value={lesson}>
          <ReactFlowProvider>
            <div className={`app player${presenting}`}>
              <header className="app-header player-header">
                <h1 className="app-title">{t('app.title')}</h1>
                <PlayerControls />
                <PresentLeave />
                <button type="button" className="header-button player-about" aria-expanded={about} title={t('chrome.aboutTitle')} onClick={() => setAbout(!about)}>
                  {t('chrome.about')}
                </button>
                <a className="header-button player-open" href={shareUrl(data)} target="_blank" rel="noopener noreferrer">
                  {t('shareui.player.open')}
                </a>
                <LanguageSwitch />
              </header>
              <main className="app-main">
                <CanvasArea readOnly />
                {about ? <PlayerGuide /> : null}
              </main>
              <LiveAnnouncer />
            </div>
          </ReactFlowProvider>
        </LessonProvider>
      </EditorProvider>
    </SimProvider>
  );
}

/** An embed link that cannot be read: why, and a way to Warren itself. */
export function PlayerError({ error }: { error: ShareError }) {
  const t = useT();
  useDocumentLang();
  return (
    <div className="app player">
      <header className="app-header player-header">
        <h1 className="app-title">{t('app.title')}</h1>
        <LanguageSwitch />
      </header>
      <main className="player-error" role="alert">
        <p>
          <strong>{t('shareui.linkError')}</strong>
        </p>
        <ShareErrorText error={error} />
        <p>
          <a href={pageUrl()} target="_blank" rel="noopener noreferrer">
            {t('shareui.player.openWarren')}
          </a>
        </p>
      </main>
    </div>
  );
}
