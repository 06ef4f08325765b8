import { useEffect, useId, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { MessageKey } from '../../i18n/messages.en';
import { useT } from '../../i18n/useLocale';
import type { PlaybackState } from '../../store/simController';
import { SKIP_SPANS } from '../../store/skipAhead';
import { usePlayback, useSim } from '../../store/useSim';
import { formatTime } from './format';

const SPAN_LABEL: Record<(typeof SKIP_SPANS)[number], MessageKey> = { 60000: 'skip.span.1m', 600000: 'skip.span.10m', 3600000: 'skip.span.1h' };

/**
 * "Skip ahead" 1 minute, 10 minutes or 1 hour of virtual time: the simulation runs that far in a
 * worker without being drawn (store/skipAhead.ts), with a progress bar and Cancel, then the app
 * shows the moment reached. A disclosure in the playback bar, like the broker's menu.
 */
export function SkipAhead() {
  const t = useT();
  const sim = useSim();
  const skip = usePlayback((s) => s.skip);
  const stopped = usePlayback((s) => s.skipStopped);
  const catchingUp = usePlayback((s) => s.catchUpTo !== null);
  // programs' turns are computed by the page's runtime, which a skip does not have (re-read when the
  // programs on the canvas change, or the run is rewound or reset)
  usePlayback((s) => s.epoch);
  useStore(sim.extras, (s) => s.extras);
  const programs = sim.programsInRun;
  const menu = useRef<HTMLDetailsElement>(null);
  const opener = useRef<HTMLElement>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const start = (ms: number) => {
    if (menu.current) menu.current.open = false;
    setFailed(null);
    sim.skipAhead(ms).catch((e: unknown) => setFailed(e instanceof Error ? e.message : String(e)));
  };
  return (
    <>
      <details className="broker-menu skip-menu" ref={menu}>
        <summary ref={opener} title={t('skip.menuTitle')}>
          {t('skip.menu')}
        </summary>
        <div className="broker-menu-body skip-menu-body">
          <p className="field-hint">{t('skip.hint')}</p>
          {programs ? <p className="field-hint">{t('skip.programs')}</p> : null}
          <div className="skip-spans">
            {SKIP_SPANS.map((ms) => (
              <button key={ms} type="button" disabled={skip !== null || catchingUp || programs} onClick={() => start(ms)}>
                {t('skip.by', { span: t(SPAN_LABEL[ms]) })}
              </button>
            ))}
          </div>
        </div>
      </details>
      {failed ? (
        <p className="skip-failed" role="alert">
          {t('skip.failed', { message: failed })}
        </p>
      ) : null}
      {stopped && !failed ? (
        <p className="skip-failed" role="alert">
          {t('skip.stopped', { time: formatTime(stopped.at), count: stopped.messages })}
        </p>
      ) : null}
      {skip ? <SkipProgress skip={skip} onCancel={() => sim.cancelSkip()} returnFocus={opener} /> : null}
    </>
  );
}

/**
 * While a skip runs: a modal dialog (the run must not change under it) with the virtual time
 * reached as a progress bar, and Cancel (also Escape). Focus goes back to the menu afterwards.
 */
function SkipProgress({ skip, onCancel, returnFocus }: { skip: NonNullable<PlaybackState['skip']>; onCancel: () => void; returnFocus: React.RefObject<HTMLElement | null> }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    cancel.current?.focus();
    return () => {
      d?.close();
      if (returnFocus.current?.isConnected) returnFocus.current.focus();
    };
  }, [returnFocus]);
  const span = skip.to - skip.from;
  const done = skip.at - skip.from;
  const percent = span > 0 ? Math.floor((100 * done) / span) : 100;
  return (
    <dialog
      ref={ref}
      className="share-dialog skip-dialog"
      aria-labelledby={titleId}
      // biome-ignore lint/a11y/noRedundantRoles: the playback keys (usePlaybackKeys) leave the keyboard to [role="dialog"][aria-modal="true"]
      role="dialog"
      aria-modal="true"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{t('skip.title')}</h2>
      <p>{t('skip.progress', { from: formatTime(skip.from), to: formatTime(skip.to) })}</p>
      <progress max={span} value={done} aria-label={t('skip.progressLabel')} aria-valuetext={t('skip.progressValue', { percent, time: formatTime(skip.at) })} />
      <p className="skip-percent" aria-hidden="true">
        {t('skip.progressValue', { percent, time: formatTime(skip.at) })}
      </p>
      <button type="button" ref={cancel} onClick={onCancel}>
        {t('skip.cancel')}
      </button>
    </dialog>
  );
}
