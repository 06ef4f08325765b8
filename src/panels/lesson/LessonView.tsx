import { useId } from 'react';
import { useLocaleStore, useT } from '../../i18n/useLocale';
import { type Lesson, textIn } from '../../model/lesson';
import { useLessonProgress, useSidePanel } from '../../store/useLesson';
import { LessonStepList } from './LessonStepList';

/** A lesson being followed: its steps, ticked as their goals are met, the current one highlighted. */
export function LessonView({ lesson }: { lesson: Lesson }) {
  const t = useT();
  const lang = useLocaleStore((s) => s.locale);
  const progress = useLessonProgress((s) => s.progress);
  const restart = useLessonProgress((s) => s.restart);
  const setEditing = useSidePanel((s) => s.setEditing);
  const headingId = useId();
  const total = lesson.steps.length;
  const current = progress?.current ?? 0;
  const complete = total > 0 && (progress?.complete ?? false);
  const title = textIn(lesson.title, lang) || t('lesson.untitled');
  return (
    <section className={`guide-section lesson${complete ? ' is-complete' : ''}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('lesson.heading')}: {title}
      </h3>
      {total === 0 ? <p className="muted">{t('lesson.noSteps')}</p> : null}
      <p className="lesson-progress" aria-live="polite">
        {total === 0 ? null : complete ? t('lesson.complete') : t('lesson.progress', { current: current + 1, total })}
      </p>
      {total > 0 ? <progress className="lesson-bar" max={total} value={progress?.done.filter(Boolean).length ?? 0} aria-hidden="true" /> : null}
      <LessonStepList lesson={lesson} />
      <div className="lesson-complete" role="status">
        {complete ? (
          <>
            <strong>✓ {t('lesson.complete')}</strong> {t('lesson.completeDetail', { n: total })}
          </>
        ) : null}
      </div>
      <div className="button-row">
        <button type="button" onClick={restart}>
          {t('lesson.restart')}
        </button>
        <button type="button" onClick={() => setEditing(true)}>
          {t('lesson.edit')}
        </button>
      </div>
    </section>
  );
}
