import { useT } from '../../i18n/useLocale';
import { LessonSection } from './LessonSection';
import { ScenarioExplanation } from './ScenarioExplanation';
import './lesson.css';

import { GUIDE_ID } from './guideId';

export { GUIDE_ID };

/**
 * The guide: what the loaded gallery scenario shows, and the lesson (to follow or to edit). One tab of
 * the side panel (panels/side), which shows or hides it; it stays mounted while hidden, so a lesson
 * being written or a folded explanation is as the person left it.
 */
export function GuidePanel() {
  const t = useT();
  return (
    <aside id={GUIDE_ID} className="guide" aria-label={t('guide.label')}>
      <LessonSection />
      <ScenarioExplanation />
    </aside>
  );
}
