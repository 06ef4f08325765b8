import { Fragment, useCallback, useEffect, useMemo, useRef } from 'react';
import { useT } from '../../i18n/useLocale';
import type { WorldEvent } from '../../sim';
import { type MessageContent, messageDetails } from '../../store/messageDetails';
import { useEditor } from '../../store/useEditor';
import { usePlayback, useSim } from '../../store/useSim';
import { clientNames } from '../clientNames';
import { sentence } from '../log/sentence';
import { rescueFocus } from '../focusRescue';
import { useLogVersion } from '../useLogVersion';
import { MessageHeadersAndBody, MessageProperties } from './MessageContentView';
import { MessageRoute } from './MessageRoute';
import { whereNow } from './whereNow';
import './message.css';

/**
 * The message inspector: for the selected message (a token, a chip or a log row), its
 * properties and headers, its body, where it is now and its route so far.
 */
export function MessagePanel() {
  const t = useT();
  const sim = useSim();
  const selected = usePlayback((s) => s.selected);
  const epoch = usePlayback((s) => s.epoch);
  const version = useLogVersion();
  const doc = useEditor((s) => s.doc);
  // content seen while the message was in the broker, kept after it left; ids restart on reset
  const cache = useRef(new Map<number, MessageContent>());
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new epoch (reset, rewind) starts over
  useEffect(() => cache.current.clear(), [epoch]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` and the live figures say when the run moved
  const entries = useMemo(() => sim.log.entries(), [sim, version]);
  const names = useMemo(() => clientNames(doc, t, entries), [doc, t, entries]);
  const text = useCallback((e: WorldEvent) => sentence(e, t, names), [t, names]);
  // recomputed when the log moved (at most a few times a second), not on every frame
  const details = useMemo(() => (selected ? messageDetails({ entries, world: sim.world, consumers: sim.live.getState().consumers }, selected, cache.current) : null), [selected, entries, sim]);
  if (!selected || !details) {
    return (
      <section className="message-panel" aria-label={t('msg.label')} tabIndex={-1}>
        <p className="field-hint">{t('msg.none')}</p>
      </section>
    );
  }
  const title = details.msgId !== undefined ? t('msg.title', { id: details.msgId }) : t('msg.titlePending', { publisher: names.publisher(details.sent?.publisher ?? ''), seq: 'seq' in selected ? selected.seq : 0 });
  const story = details.story;
  return (
    <section className="message-panel" aria-label={t('msg.label')} tabIndex={-1}>
      <div className="msg-head">
        <h3>{title}</h3>
        <button
          type="button"
          onClick={() => {
            // the button goes away with the message: focus goes to the panel's tab, moved there before
            // the button leaves so that it is never lost, not even for a frame
            const tab = () => document.querySelector<HTMLElement>('.dock [role="tab"][aria-selected="true"]');
            tab()?.focus();
            sim.select(null);
            rescueFocus(tab);
          }}
        >
          {t('msg.close')}
        </button>
      </div>
      {story && (story.ancestors.length > 0 || story.children.length > 0) ? (
        <p className="msg-lineage">
          {story.ancestors.length > 0 ? (
            <>
              {t('msg.copyOf')}{' '}
              <MessageLinks ids={story.ancestors} onSelect={(id) => sim.select({ msgId: id })} />
            </>
          ) : null}
          {story.children.length > 0 ? (
            <>
              {' '}
              {t('msg.copiedAs')}{' '}
              <MessageLinks ids={story.children} onSelect={(id) => sim.select({ msgId: id })} />
            </>
          ) : null}
        </p>
      ) : null}
      <div className="msg-columns">
        <div className="msg-col">
          <h4>{t('msg.where')}</h4>
          <ul className="msg-where">
            {whereNow(details, t, names).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {story ? <MessageRoute story={story} text={text} /> : null}
        </div>
        <div className="msg-col">{details.content ? <MessageProperties content={details.content} names={names} /> : <p className="field-hint">{t('msg.noContent')}</p>}</div>
      </div>
      {details.content ? <MessageHeadersAndBody content={details.content} /> : null}
    </section>
  );
}

/** Links to other messages (m12, m15), separated as a list is. */
function MessageLinks({ ids, onSelect }: { ids: readonly number[]; onSelect: (id: number) => void }) {
  return ids.map((id, i) => (
    <Fragment key={id}>
      {i > 0 ? ', ' : null}
      <button type="button" className="link-button" onClick={() => onSelect(id)}>
        m{id}
      </button>
    </Fragment>
  ));
}
