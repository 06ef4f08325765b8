import { type KeyboardEvent, Suspense, useId, useRef } from 'react';
import { lazyText } from '../../i18n/lazyText';
import { useT } from '../../i18n/useLocale';
import { SIDE_TABS, type SideTab } from '../../store/sidePanel';
import { useLessonContext, useSidePanel } from '../../store/useLesson';
import { nextTab } from '../tabKeys';
import { GuideTabName, useLessonBadge } from './GuideTabName';
import './side.css';

// The inspector's forms and the guide come a moment after the first canvas (chunks of their own):
// the canvas does not wait for them.
const Inspector = lazyText(() => import('../inspector/Inspector').then((m) => ({ default: m.Inspector })));
const GuidePanel = lazyText(() => import('../lesson/GuidePanel').then((m) => ({ default: m.GuidePanel })));

/** The folded panel: a narrow rail that opens it again, on either tab. */
function Rail({ bodyId }: { bodyId: string }) {
  const t = useT();
  const { side } = useLessonContext();
  const tab = useSidePanel((s) => s.tab);
  const badge = useLessonBadge();
  return (
    <div className="side-rail">
      <button type="button" className="side-fold" aria-expanded={false} aria-controls={bodyId} aria-label={t('side.show')} title={t('side.show')} onClick={() => side.getState().setExpanded(true)}>
        <span aria-hidden="true">«</span>
      </button>
      <button type="button" className={`side-rail-tab${tab === 'inspector' ? ' is-current' : ''}`} aria-label={t('side.showInspector')} title={t('side.showInspector')} onClick={() => side.getState().show('inspector')}>
        {t('inspector.label')}
      </button>
      <button
        type="button"
        className={`side-rail-tab${tab === 'guide' ? ' is-current' : ''}`}
        aria-label={badge ? `${t('side.showGuide')} (${badge.spoken})` : t('side.showGuide')}
        title={t('side.showGuide')}
        onClick={() => side.getState().show('guide')}
      >
        {t('guide.label')}
        {badge ? <span className="side-badge">{badge.text}</span> : null}
      </button>
    </div>
  );
}

/**
 * The one panel beside the canvas: the inspector (the form of what is selected) and the guide (the
 * scenario's explanation and the lesson) as two tabs, so the canvas keeps most of the width. Loading
 * a scenario or a lesson brings the guide forward, selecting something the inspector (store/sidePanel);
 * the Guide tab shows the lesson's progress. Folded, the panel is a narrow rail and the canvas gets
 * the whole width. Both tabs stay mounted (hidden when behind), so what was typed is kept.
 */
export function SidePanel() {
  const t = useT();
  const id = useId();
  const { side } = useLessonContext();
  const tab = useSidePanel((s) => s.tab);
  const expanded = useSidePanel((s) => s.expanded);
  const tabs = useRef<Partial<Record<SideTab, HTMLButtonElement | null>>>({});
  const bodyId = `${id}-body`;
  const tabId = (k: SideTab) => `${id}-tab-${k}`;
  const panelId = (k: SideTab) => `${id}-panel-${k}`;
  const onKeyDown = (e: KeyboardEvent) => {
    const next = nextTab(SIDE_TABS, e.key, tab);
    if (!next) return;
    e.preventDefault();
    side.getState().show(next);
    tabs.current[next]?.focus();
  };
  return (
    <div className={`side-panel${expanded ? '' : ' is-folded'}`}>
      {expanded ? (
        <div className="side-bar">
          <div role="tablist" aria-label={t('side.label')} onKeyDown={onKeyDown}>
            {SIDE_TABS.map((k) => (
              <button
                key={k}
                ref={(el) => {
                  tabs.current[k] = el;
                }}
                type="button"
                role="tab"
                id={tabId(k)}
                aria-selected={tab === k}
                aria-controls={panelId(k)}
                tabIndex={tab === k ? 0 : -1}
                onClick={() => side.getState().show(k)}
              >
                {k === 'guide' ? <GuideTabName /> : t('inspector.label')}
              </button>
            ))}
          </div>
          <button type="button" className="side-fold" aria-expanded={true} aria-controls={bodyId} aria-label={t('side.hide')} title={t('side.hide')} onClick={() => side.getState().setExpanded(false)}>
            <span aria-hidden="true">»</span>
          </button>
        </div>
      ) : (
        <Rail bodyId={bodyId} />
      )}
      <div id={bodyId} className="side-body" hidden={!expanded}>
        <div role="tabpanel" id={panelId('inspector')} aria-labelledby={tabId('inspector')} hidden={tab !== 'inspector'}>
          <Suspense fallback={null}>
            <Inspector />
          </Suspense>
        </div>
        <div role="tabpanel" id={panelId('guide')} aria-labelledby={tabId('guide')} hidden={tab !== 'guide'}>
          <Suspense fallback={null}>
            <GuidePanel />
          </Suspense>
        </div>
      </div>
    </div>
  );
}
