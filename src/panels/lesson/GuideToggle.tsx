import { useT } from '../../i18n/useLocale';
import { guideVisible } from '../../store/sidePanel';
import { useLessonContext, useSidePanel } from '../../store/useLesson';
import { GUIDE_ID } from './guideId';

/**
 * The header's "Guide" button: brings the guide (scenario explanation and lesson) forward in the side
 * panel, opening the panel if it was folded; when the guide is already shown, folds the panel away.
 */
export function GuideToggle() {
  const t = useT();
  const { side } = useLessonContext();
  const open = useSidePanel(guideVisible);
  return (
    <button
      type="button"
      className="header-button"
      aria-expanded={open}
      aria-controls={open ? GUIDE_ID : undefined}
      title={t('guide.toggleTitle')}
      onClick={() => (open ? side.getState().setExpanded(false) : side.getState().show('guide'))}
    >
      {t('guide.toggle')}
    </button>
  );
}
