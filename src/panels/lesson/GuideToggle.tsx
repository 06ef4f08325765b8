import { useT } from '../../i18n/useLocale';
import { useGuide } from '../../store/useLesson';
import { GUIDE_ID } from './GuidePanel';

/** The header's "Guide" button: shows or hides the scenario explanation and the lesson. */
export function GuideToggle() {
  const t = useT();
  const open = useGuide((s) => s.open);
  const setOpen = useGuide((s) => s.setOpen);
  return (
    <button type="button" className="header-button" aria-expanded={open} aria-controls={open ? GUIDE_ID : undefined} title={t('guide.toggleTitle')} onClick={() => setOpen(!open)}>
      {t('guide.toggle')}
    </button>
  );
}
