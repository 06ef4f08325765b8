import { useT } from '../../i18n/useLocale';
import { useGuide } from '../../store/useLesson';
import { LessonSection } from './LessonSection';
import { ScenarioExplanation } from './ScenarioExplanation';
import './lesson.css';

export const GUIDE_ID = 'warren-guide';

/** The guide beside the canvas: what the loaded gallery scenario shows, and the lesson (to follow or to edit). */
export function GuidePanel() {
  const t = useT();
  const open = useGuide((s) => s.open);
  const setOpen = useGuide((s) => s.setOpen);
  if (!open) return null;
  return (
    <aside id={GUIDE_ID} className="guide" aria-label={t('guide.label')}>
      <div className="guide-head">
        <h2>{t('guide.label')}</h2>
        <button type="button" className="icon-button" aria-label={t('guide.close')} title={t('guide.close')} onClick={() => setOpen(false)}>
          ×
        </button>
      </div>
      <LessonSection />
      <ScenarioExplanation />
    </aside>
  );
}
