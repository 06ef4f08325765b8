import { useId } from 'react';
import { useLocaleStore, useT } from '../../i18n/useLocale';
import { type Lesson, textIn } from '../../model/lesson';
import { goalTarget } from '../../scenarios/goals/tracker';
import { useEditor } from '../../store/useEditor';
import { useSidePanel, useLessonProgress } from '../../store/useLesson';
import { describeGoal } from './goalText';

/** A lesson being followed: its steps, ticked as their goals are met, the current one highlighted. */
export function LessonView({ lesson }: { lesson: Lesson }) {
  const t = useT();
  const lang = useLocaleStore((s) => s.locale);
  const doc = useEditor((s) => s.doc);
  const progress = useLessonProgress((s) => s.progress);
  const markDone = useLessonProgress((s) => s.markDone);
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
      <ol className="lesson-steps">
        {lesson.steps.map((step, i) => {
          const done = progress?.done[i] ?? false;
          const isCurrent = !complete && i === current;
          const state = done ? 'done' : isCurrent ? 'current' : 'todo';
          const target = goalTarget(step.goal);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: steps are positional
            <li key={i} className={`lesson-step is-${state}`} aria-current={isCurrent ? 'step' : undefined}>
              <span className="step-mark" aria-hidden="true">
                {done ? '✓' : isCurrent ? '▶' : '○'}
              </span>
              <div className="step-body">
                <span className="sr-only">{t(done ? 'lesson.stepDone' : isCurrent ? 'lesson.stepCurrent' : 'lesson.stepTodo')}: </span>
                <p className="step-text">{textIn(step.text, lang)}</p>
                {step.goal ? <p className="step-goal">{t('lesson.goal', { goal: describeGoal(t, step.goal, doc) })}</p> : null}
                {isCurrent && step.goal && target > 1 ? <p className="step-count">{t('lesson.counted', { n: progress?.counts[i] ?? 0, target })}</p> : null}
                {isCurrent && !step.goal ? (
                  <button type="button" onClick={() => markDone(i)}>
                    {t('lesson.markDone')}
                  </button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
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
