import { type KeyboardEvent, Suspense, useEffect, useId, useRef } from 'react';
import { lazyText } from '../../i18n/lazyText';
import type { MessageKey } from '../../i18n/translate';
import { useT } from '../../i18n/useLocale';
import { useSim } from '../../store/useSim';
import { rescueFocus } from '../focusRescue';
import { nextTab } from '../tabKeys';
import { DOCK_TABS, type DockTab, useDock } from './dockStore';

// Each tab's panel is loaded when first shown: none is needed to draw the first canvas.
const ChartsPanel = lazyText(() => import('../charts/ChartsPanel').then((m) => ({ default: m.ChartsPanel })));
const EventLogPanel = lazyText(() => import('../log/EventLogPanel').then((m) => ({ default: m.EventLogPanel })));
const MessagePanel = lazyText(() => import('../message/MessagePanel').then((m) => ({ default: m.MessagePanel })));
// the Programs panel (and later its editor) loads when its tab is first opened
const ProgramsPanel = lazyText(() => import('../programs/ProgramsPanel'));
import './dock.css';

const TAB_KEYS: Record<DockTab, MessageKey> = { log: 'dock.log', message: 'dock.message', charts: 'dock.charts', programs: 'dock.programs' };

/**
 * The observability panels under the canvas, as tabs (the event log, the message inspector,
 * the charts), foldable to give the canvas the whole height. Selecting a message anywhere (a
 * token, a chip, a log row) brings the message inspector forward.
 */
export function Dock() {
  const t = useT();
  const sim = useSim();
  const id = useId();
  const tab = useDock((s) => s.tab);
  const open = useDock((s) => s.open);
  const show = useDock((s) => s.show);
  const setOpen = useDock((s) => s.setOpen);
  const tabs = useRef<Record<string, HTMLButtonElement | null>>({});
  useEffect(
    () =>
      sim.ui.subscribe((s, prev) => {
        if (!s.selected || s.selected === prev.selected) return;
        useDock.getState().show('message');
        // a log row chosen with the keyboard went away with the log: focus goes to the message shown
        rescueFocus(() => document.querySelector<HTMLElement>('.message-panel'));
      }),
    [sim],
  );
  // folded, the tab bar floats at the right end of the canvas's bottom strip: the strip's zoom controls
  // and legend keep clear of it, however wide the tabs are in the person's language (canvas.css)
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = bar.current;
    const root = document.documentElement;
    if (!el || open) {
      root.style.setProperty('--folded-dock-width', '0px');
      return;
    }
    const put = () => root.style.setProperty('--folded-dock-width', `${Math.ceil(el.getBoundingClientRect().width)}px`);
    put();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(put);
    ro.observe(el);
    return () => ro.disconnect();
  }, [open]);
  // arrow keys move between tabs (WAI-ARIA tabs pattern, automatic activation)
  const onKeyDown = (e: KeyboardEvent) => {
    const next = nextTab(DOCK_TABS, e.key, tab);
    if (!next) return;
    e.preventDefault();
    show(next);
    tabs.current[next]?.focus();
  };
  return (
    <section className={`dock${open ? '' : ' is-folded'}`} aria-label={t('dock.label')}>
      <div className="dock-bar" ref={bar}>
        <div role="tablist" aria-label={t('dock.label')} onKeyDown={onKeyDown}>
          {DOCK_TABS.map((k) => (
            <button
              key={k}
              ref={(el) => {
                tabs.current[k] = el;
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${k}`}
              aria-selected={open && tab === k}
              aria-controls={`${id}-panel`}
              tabIndex={tab === k ? 0 : -1}
              onClick={() => show(k)}
            >
              {t(TAB_KEYS[k])}
            </button>
          ))}
        </div>
        {/* folded, the button is an arrow (its name is still "Show panels"): the canvas's bottom strip keeps room for the legend */}
        <button
          type="button"
          className="dock-fold"
          aria-expanded={open}
          aria-controls={`${id}-panel`}
          onClick={() => setOpen(!open)}
          {...(open ? {} : { 'aria-label': t('dock.show'), title: t('dock.show') })}
        >
          {open ? t('dock.hide') : <span aria-hidden="true">▴</span>}
        </button>
      </div>
      {open ? (
        <div className="dock-panel" role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${tab}`}>
          <Suspense fallback={null}>
            {tab === 'log' ? <EventLogPanel /> : tab === 'message' ? <MessagePanel /> : tab === 'programs' ? <ProgramsPanel /> : <ChartsPanel />}
          </Suspense>
        </div>
      ) : null}
    </section>
  );
}
