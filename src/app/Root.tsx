import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { lazyText } from '../i18n/lazyText';
import { rescueFocus } from '../panels/focusRescue';
import { writeShareHash } from '../share/url';
import type { KeyValueStorage } from '../store/persistence';
import { watchStorage } from '../store/storageHealth';
import { App } from './App';
import type { Opening } from './boot';
import { linkInHash } from './firstLoad';
import { type WorkSession, type WorkSessionApi, WorkSessionContext } from './workSession';

// Reading a link (decoding, validating, the shared view's storage) and the embedded player are chunks
// of their own: the person's own work opens without them (main.tsx fetches them alongside the app
// when the page was opened with a link).
const Player = lazyText(() => import('./Player').then((m) => ({ default: m.Player })));
const PlayerError = lazyText(() => import('./Player').then((m) => ({ default: m.PlayerError })));
const sharedWork = () => import('../store/sharedWork');

function browserStorage(): KeyValueStorage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // storage disabled (sandboxed iframe, privacy settings): work without autosave
  }
}

type View = { kind: 'editor'; session: WorkSession } | { kind: 'player'; opening: Extract<Opening, { kind: 'embed' | 'error' }> };

const ownWork = (real: KeyValueStorage | undefined): View => ({ kind: 'editor', session: { kind: 'own', storage: real } });

/** What the page's link opens (the own work when it has none). */
async function viewFromLink(real: KeyValueStorage | undefined): Promise<View> {
  if (!linkInHash()) return ownWork(real);
  const opening = (await import('./boot')).openingFrom();
  switch (opening.kind) {
    case 'embed':
      return { kind: 'player', opening };
    case 'error':
      return opening.embed ? { kind: 'player', opening } : { kind: 'editor', session: { kind: 'own', storage: real, linkError: opening.error } };
    case 'shared':
      return { kind: 'editor', session: { kind: 'shared', storage: (await sharedWork()).viewStorage(real, opening.state), state: opening.state } };
    default:
      return ownWork(real);
  }
}

/**
 * Chooses what the page shows from its link: the editor on the person's own work, the editor on a
 * shared scenario (a shared view: their work stays saved and untouched until they choose), or the
 * embedded player. A link pasted into the address bar of an open Warren opens too (hashchange).
 * Each session gets fresh stores (`key`), so nothing of a shared view leaks into the person's work.
 */
export function Root() {
  // every write to the person's storage is watched: a refused autosave is said at once (StorageNotice)
  const [{ storage: real, health }] = useState(() => watchStorage(browserStorage()));
  // null while a link is being read (its chunks were fetched with the app's: a moment)
  const [state, setState] = useState<{ id: number; view: View | null }>(() => ({ id: 0, view: linkInHash() ? null : ownWork(real) }));
  const show = useCallback((view: View, remount = true) => setState((s) => ({ id: remount ? s.id + 1 : s.id, view })), []);

  useEffect(() => {
    let live = true;
    if (linkInHash()) void viewFromLink(real).then((view) => live && setState((s) => ({ id: s.id + 1, view })));
    // a link pasted into the address bar opens; a link removed from it goes back to the own work
    const onHash = () => {
      // a link is being opened: what was shown goes at once, while the link is read (a moment: its
      // chunks may still be loading), so that no key or click meant for the link's view reaches it
      if (linkInHash()) setState((s) => ({ id: s.id + 1, view: null }));
      void viewFromLink(real).then((view) => {
        if (!live) return;
        setState((s) => {
          const own = s.view?.kind === 'editor' && s.view.session.kind === 'own' && !s.view.session.linkError;
          const toOwn = view.kind === 'editor' && view.session.kind === 'own' && !view.session.linkError;
          return toOwn && own ? s : { id: s.id + 1, view };
        });
      });
    };
    window.addEventListener('hashchange', onHash);
    return () => {
      live = false;
      window.removeEventListener('hashchange', onHash);
    };
  }, [real]);

  const session = state.view?.kind === 'editor' ? state.view.session : null;
  const api = useMemo<WorkSessionApi | null>(
    () =>
      session && {
        session,
        realStorage: real,
        storageHealth: health,
        keep(work) {
          // what was saved until now goes on the list of previous work first: nothing is ever lost
          void sharedWork().then(({ pushPreviousWork, readSavedWork }) => {
            const pushed = pushPreviousWork(real, readSavedWork(real), Date.now());
            writeShareHash(null);
            show({ kind: 'editor', session: { kind: 'own', storage: real, kept: { ...work, previous: pushed.status, evicted: pushed.evicted } } });
            // the page is drawn anew: focus goes to the banner that says what happened
            rescueFocus(() => document.querySelector<HTMLElement>('.session-banner.is-kept'));
          });
        },
        back() {
          writeShareHash(null);
          show({ kind: 'editor', session: { kind: 'own', storage: real } });
          rescueFocus();
        },
        dismiss() {
          if (session.kind !== 'own') return;
          if (session.linkError) writeShareHash(null);
          show({ kind: 'editor', session: { kind: 'own', storage: session.storage, ...(session.kept ? { kept: session.kept } : {}) } }, false);
          rescueFocus();
        },
      },
    [session, real, health, show],
  );

  if (!state.view) return null;
  if (state.view.kind === 'player') {
    const o = state.view.opening;
    return <Suspense fallback={null}>{o.kind === 'embed' ? <Player key={state.id} state={o.state} data={o.data} /> : <PlayerError key={state.id} error={o.error} />}</Suspense>;
  }
  return (
    <WorkSessionContext.Provider value={api}>
      <App key={state.id} session={state.view.session} />
    </WorkSessionContext.Provider>
  );
}
