import { useT } from '../../i18n/useLocale';
import { useLessonProgress, useLessonState } from '../../store/useLesson';

/**
 * How far the lesson is, for the Guide tab's label: "2/4" (the current step of all), "4/4 ✓" when
 * complete; null without a lesson with steps.
 */
export function useLessonBadge(): { text: string; spoken: string } | null {
  const t = useT();
  const total = useLessonState((s) => s.lesson?.steps.length ?? 0);
  const current = useLessonProgress((s) => s.progress?.current ?? 0);
  const complete = useLessonProgress((s) => s.progress?.complete ?? false);
  if (total === 0) return null;
  if (complete) return { text: `${total}/${total} ✓`, spoken: t('side.lessonComplete') };
  const step = Math.min(current + 1, total);
  return { text: `${step}/${total}`, spoken: t('side.lessonStep', { current: step, total }) };
}

/** The Guide tab's label: "Guide" and the lesson's progress (read as "Guide (step 2 of 4)"). */
export function GuideTabName() {
  const t = useT();
  const badge = useLessonBadge();
  return (
    <>
      {t('guide.label')}
      {badge ? (
        <>
          <span className="side-badge" aria-hidden="true">
            {badge.text}
          </span>
          <span className="sr-only"> ({badge.spoken})</span>
        </>
      ) : null}
    </>
  );
}
