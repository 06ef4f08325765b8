import { type ChangeEvent, type RefObject, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useT } from '../../i18n/useLocale';
import { checkedShareLinks, shareSourceOf, shareStateOf } from '../../store/shareLink';
import { useLessonContext } from '../../store/useLesson';
import { usePlayback } from '../../store/useSim';
import { formatTime } from '../playback/format';
import { type CopyState, useCopy } from './clipboard';
import { LinkBudget } from './LinkBudget';
import { Modal } from './Modal';
import { ShareErrorText } from './ShareErrorText';
import { useSaveScenarioFile } from './useSaveScenarioFile';

function CopyStatus({ state, copied, refused }: { state: CopyState | undefined; copied: string; refused: string }) {
  return (
    <p className={`copy-status${state === 'refused' ? ' is-refused' : ''}`} role="status">
      {state === 'copied' ? `✓ ${copied}` : state === 'refused' ? refused : ''}
    </p>
  );
}

/**
 * "Share": a link whose fragment holds the whole scenario as it is now (topology, positions, client
 * settings, seed, speed, lesson), copied at once; and the embed code of the player. When the browser
 * refuses the clipboard, the link is selected in its field to copy by hand.
 */
export function ShareDialog({ onClose, returnFocus }: { onClose: () => void; returnFocus?: RefObject<HTMLElement | null> }) {
  const t = useT();
  const { editor, sim, lessons } = useLessonContext();
  // the run so far goes along only when asked: by default a link starts the scenario from the beginning
  const [withRun, setWithRun] = useState(false);
  // a link is offered only if opening it would work (the same limits and validation as opening)
  const checked = useMemo(() => {
    const src = shareSourceOf(editor.getState().doc, sim, lessons, withRun);
    return { src, result: checkedShareLinks(src, t('shareui.embedDefaultTitle')) };
  }, [editor, sim, lessons, withRun, t]);
  const links = checked.result.ok ? { src: checked.src, ...checked.result.value } : null;
  const saveFile = useSaveScenarioFile();
  const runId = useId();
  // the link opens at the moment on screen: a playing simulation stops there
  const includeRun = (e: ChangeEvent<HTMLInputElement>) => {
    if (e.target.checked) sim.pause();
    setWithRun(e.target.checked);
  };
  const linkId = useId();
  const embedId = useId();
  const linkRef = useRef<HTMLInputElement>(null);
  const embedRef = useRef<HTMLTextAreaElement>(null);
  const [copied, copy] = useCopy();
  // the click that opened the dialog lets the page write to the clipboard: the link is copied at once,
  // and the dialog says so (a bare "copied" read as if something had been done behind one's back)
  const link = links?.link;
  const [why, setWhy] = useState<'open' | 'changed' | 'click'>('open');
  const opened = useRef(false);
  useEffect(() => {
    if (link === undefined) return;
    setWhy(opened.current ? 'changed' : 'open');
    opened.current = true;
    void copy('link', link, linkRef.current);
  }, [copy, link]);
  const copiedText = why === 'open' ? t('shareui.share.copiedOnOpen') : why === 'changed' ? t('shareui.share.copiedChanged') : t('shareui.share.copied');

  const { doc, speed, lesson, run } = checked.src;
  // while the simulation plays, the offer follows the clock (ticking the box stops it there)
  const now = usePlayback((st) => st.time);
  const runAt = run?.at ?? now;
  const runAvailable = now > 0 || sim.inputCount > 0;
  const actions = run?.inputs.length ?? sim.inputCount;
  return (
    <Modal title={t('shareui.share.title')} onClose={onClose} returnFocus={returnFocus} className="share-link-dialog">
      <p>{t('shareui.share.intro')}</p>
      {links ? (
        <div className="field">
          <label htmlFor={linkId}>{t('shareui.share.link')}</label>
          <div className="copy-row">
            <input id={linkId} ref={linkRef} type="text" readOnly value={links.link} onFocus={(e) => e.target.select()} />
            <button
              type="button"
              onClick={() => {
                setWhy('click');
                void copy('link', links.link, linkRef.current);
              }}
            >
              {copied.link === 'copied' ? t('shareui.share.copyAgain') : t('shareui.share.copyLink')}
            </button>
          </div>
          <CopyStatus state={copied.link} copied={copiedText} refused={t('shareui.copyRefused')} />
          <p className="field-hint">
            {t('shareui.share.contents', { n: links.link.length, seed: doc.seed, speed })}
            {lesson ? ` ${t('shareui.share.withLesson')}` : ''}
            {run ? ` ${t('shareui.share.withRun', { time: formatTime(run.at), n: run.inputs.length })}` : ''}
          </p>
          <LinkBudget length={links.link.length} state={shareStateOf(links.src)} />
        </div>
      ) : (
        <div role="alert" className="share-too-big">
          <ShareErrorText error={checked.result.ok ? { key: 'share.error.empty' } : checked.result.error} />
          <div className="button-row">
            <button type="button" className="primary" onClick={saveFile}>
              {t('shareui.files.save')}
            </button>
          </div>
        </div>
      )}
      <div className="field field-inline share-run">
        <input id={runId} type="checkbox" checked={withRun} disabled={!runAvailable} aria-describedby={`${runId}-hint`} onChange={includeRun} />
        <label htmlFor={runId}>{t('shareui.share.includeRun', { time: formatTime(runAt) })}</label>
        <p id={`${runId}-hint`} className="field-hint">
          {runAvailable ? t('shareui.share.includeRunHint', { n: actions }) : t('shareui.share.noRunYet')}
        </p>
      </div>
      {links ? (
        <>
          <h3>{t('shareui.embed.heading')}</h3>
          <p>{t('shareui.embed.intro')}</p>
          <div className="field">
            <label htmlFor={embedId}>{t('shareui.embed.code')}</label>
            <textarea id={embedId} ref={embedRef} readOnly rows={4} value={links.embedSnippet} onFocus={(e) => e.target.select()} />
            <div className="button-row">
              <button type="button" onClick={() => copy('embed', links.embedSnippet, embedRef.current)}>
                {t('shareui.embed.copy')}
              </button>
              <a href={links.embedLink} target="_blank" rel="noopener noreferrer">
                {t('shareui.embed.preview')}
              </a>
            </div>
            <CopyStatus state={copied.embed} copied={t('shareui.embed.copied')} refused={t('shareui.copyRefused')} />
          </div>
        </>
      ) : null}
    </Modal>
  );
}
