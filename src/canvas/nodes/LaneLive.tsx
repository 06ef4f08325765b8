import { memo, type ReactNode, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../../i18n/useLocale';
import type { App, Channel, Connection } from '../../model';
import type { LaneLive } from '../../store/liveLanes';
import { useConnectionLive } from '../../store/liveStagger';
import { useSim } from '../../store/useSim';

/** Room kept between a tooltip and the window's edges. */
const EDGE = 8;
const TIP_WIDTH = 288;

/**
 * A text that explains itself in a sentence on hover and on keyboard focus (a `title` shows on
 * hover only): the sentence is the element's description for screen readers too. The bubble is
 * drawn over everything (in the page's body: a node's clipped line or the next node cannot hide it).
 */
/** The explanation on screen now: one at a time (hovering one while another has the focus swaps them). */
let hideShown: (() => void) | null = null;

export function Explained({ className, tip, label, children }: { className: string; tip: string; label?: string; children: ReactNode }) {
  const id = useId();
  const ref = useRef<HTMLSpanElement>(null);
  const [at, setAt] = useState<{ left: number; top: number } | null>(null);
  const hide = () => {
    setAt(null);
    if (hideShown === hide) hideShown = null;
  };
  const show = () => {
    const r = ref.current?.getBoundingClientRect();
    if (!r) return;
    if (hideShown && hideShown !== hide) hideShown();
    hideShown = hide;
    setAt({ left: Math.max(EDGE, Math.min(r.left, globalThis.innerWidth - TIP_WIDTH - EDGE)), top: r.bottom + 6 });
  };
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: focus shows the explanation, as hover does
    <span ref={ref} className={`${className} has-tip nodrag`} role="note" tabIndex={0} aria-label={label} aria-describedby={id} onMouseEnter={show} onMouseLeave={hide} onFocus={show} onBlur={hide}>
      {children}
      {/* the description lives outside the node's text (a lane head reads "ch 1 prefetch 1 unacked 0") */}
      {createPortal(
        <span id={id} className="sr-only">
          {tip}
        </span>,
        document.body,
      )}
      {at
        ? createPortal(
            <div role="tooltip" className="tip" style={{ left: at.left, top: at.top, width: TIP_WIDTH }}>
              {tip}
            </div>,
            document.body,
          )
        : null}
    </span>
  );
}


/** The head of a connection's cable: "TCP connection 3", as the broker numbers it (the log says the same). */
export const ConnectionHead = memo(function ConnectionHead({ app, conn }: { app: App; conn: Connection; index: number }) {
  const t = useT();
  const live = useConnectionLive(useSim(), app.id, conn.id);
  const n = live?.number ?? null;
  if (n === null) {
    return (
      <div className="app-conn-head is-closed">
        <Explained className="conn-name" tip={t('cable.connectionClosedTip', { app: app.name })} label={t('cable.connectionClosedAria', { app: app.name })}>
          {t('cable.connectionClosed')}
        </Explained>
      </div>
    );
  }
  return (
    <div className="app-conn-head">
      <Explained className="conn-name" tip={t('cable.connectionTip', { n, app: app.name })} label={t('cable.connectionAria', { n, app: app.name })}>
        {t('cable.connection', { n })}
      </Explained>
    </div>
  );
});

/** A channel's lane: its number, and (live) its prefetch and unacked count when it consumes, its confirm mode. */
export const LaneHead = memo(function LaneHead({ app, conn, channel, consuming }: { app: App; conn: Connection; channel: Channel; consuming: boolean }) {
  const t = useT();
  const live = useConnectionLive(useSim(), app.id, conn.id)?.channels[channel.id] as LaneLive | undefined;
  const n = channel.number;
  if (!live?.open) {
    return (
      <div className="lane-head is-closed">
        <Explained className="lane-number" tip={t('cable.laneClosedTip', { n })} label={t('cable.laneAria', { n })}>
          {t('cable.lane', { n })}
        </Explained>
        <span>{t('cable.laneClosed')}</span>
      </div>
    );
  }
  // each consumer's own limit (global=false) and the channel's shared one (global=true): both apply
  const p = live.prefetch;
  const s = live.sharedPrefetch;
  const u = live.unacked;
  const prefetchTip =
    s > 0 && p > 0
      ? t('cable.lanePrefetchBothTip', { p, s, u })
      : s > 0
        ? t('cable.lanePrefetchSharedTip', { p: s, u })
        : p > 0
          ? t('cable.lanePrefetchTip', { p, u })
          : t('cable.laneNoPrefetchTip', { u });
  const tip = [
    t('cable.laneTip', { n }),
    consuming ? prefetchTip : '',
    live.confirm ? t('cable.laneConfirmTip') : '',
  ].filter(Boolean).join(' ');
  return (
    <div className="lane-head">
      <Explained className="lane-number" tip={tip} label={t('cable.laneAria', { n })}>
        {t('cable.lane', { n })}
      </Explained>
      {consuming ? (
        <>
          <span>
            {t('cable.prefetch')} <b className="lane-figure">{p > 0 ? p : s > 0 ? s : '∞'}</b>
            {s > 0 ? (
              <>
                {p > 0 ? (
                  <>
                    {' · '}
                    <b className="lane-figure">{s}</b>
                  </>
                ) : null}{' '}
                {t('cable.prefetchShared')}
              </>
            ) : null}
          </span>
          <span>
            {t('cable.unacked')} <b className="lane-figure">{u}</b>
          </span>
        </>
      ) : null}
      {live.confirm ? <span className="lane-confirm">✓ {t('cable.confirm')}</span> : null}
    </div>
  );
});
