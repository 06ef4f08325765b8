import { useLocaleStore, useT } from '../../i18n/useLocale';
import { type Lesson, textIn } from '../../model/lesson';
import { goalTarget } from '../../scenarios/goals/tracker';
import { useEditor } from '../../store/useEditor';
import { useLessonProgress } from '../../store/useLesson';
import { describeGoal } from './goalText';

/**
 * A lesson's steps as a student follows them: ticked as their goals are met, the current one
 * highlighted (with its count when the goal asks for several), a reading step marked done by
 * hand. Shared by the guide panel and the embedded player.
 */
export function LessonStepList({ lesson }: { lesson: Lesson }) {
  const t = useT();
  const lang = useLocaleStore((s) => s.locale);
  const doc = useEditor((s) => s.doc);
  const progress = useLessonProgress((s) => s.progress);
  const markDone = useLessonProgress((s) => s.markDone);
  const complete = lesson.steps.length > 0 && (progress?.complete ?? false);
  const current = progress?.current ?? 0;
  return (
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
  );
}
