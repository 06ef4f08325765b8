import { Isolated } from '../Name';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/useLocale';
import type { WorldEvent } from '../../sim';
import type { LogEntry } from '../../store/eventLog';
import type { MessageRef } from '../../store/simController';
import { formatTime } from '../playback/format';
import { severity } from './sentence';

// 24 px: each row is a click target, and WCAG 2.5.8 asks targets of at least 24 × 24 CSS px
const ROW_HEIGHT = 24;

/** The message a row is about, for "click a row to inspect its message". */
export function refOf(e: WorldEvent): MessageRef | null {
  if (e.type === 'publish-sent') return { publisher: e.publisher, seq: e.seq };
  if (e.type === 'publish-failed' && e.msgId === undefined) return { publisher: e.publisher, seq: e.seq };
  if (e.type === 'dead-lettered') return { msgId: e.msgId };
  return 'msgId' in e && typeof e.msgId === 'number' ? { msgId: e.msgId } : null;
}

function sameRef(a: MessageRef | null, b: MessageRef | null): boolean {
  if (!a || !b) return false;
  if ('msgId' in a) return 'msgId' in b && a.msgId === b.msgId;
  return 'publisher' in b && a.publisher === b.publisher && a.seq === b.seq;
}

/**
 * The rows, virtualised: only the visible ones are in the page, so thousands of events scroll
 * smoothly. Newest at the bottom; the list follows new events until the person scrolls up, and
 * offers to jump back to the latest.
 */
export function LogList({ rows, text, selected, onSelect }: { rows: readonly LogEntry[]; text: (e: WorldEvent) => string; selected: MessageRef | null; onSelect: (ref: MessageRef) => void }) {
  const t = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const [follow, setFollow] = useState(true);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  useLayoutEffect(() => {
    if (follow && rows.length > 0) virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
  }, [follow, rows, virtualizer]);
  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    // following stops when the person scrolls up, and starts again at the bottom
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < ROW_HEIGHT;
    if (atBottom !== follow) setFollow(atBottom);
  };
  return (
    <div className="log-list-wrap">
      <div className="log-list" ref={scroller} onScroll={onScroll}>
        <ol aria-label={t('log.rows')} className="log-rows" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const { seq, e } = rows[item.index]!;
            const ref = refOf(e);
            const line = text(e);
            const content = (
              <>
                <span className="log-time">{formatTime(e.t)}</span> <span className="log-text">
                  <Isolated text={line} />
                </span>
              </>
            );
            return (
              <li
                key={seq}
                aria-setsize={rows.length}
                aria-posinset={item.index + 1}
                className={`log-row is-${severity(e)}${sameRef(ref, selected) ? ' is-selected' : ''}`}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                title={line}
              >
                {ref ? (
                  <button type="button" className="log-row-button" onClick={() => onSelect(ref)}>
                    {content}
                  </button>
                ) : (
                  <span className="log-row-plain">{content}</span>
                )}
              </li>
            );
          })}
        </ol>
      </div>
      {follow ? null : (
        <button type="button" className="log-jump" onClick={() => setFollow(true)}>
          {t('log.jumpToLatest')}
        </button>
      )}
    </div>
  );
}
