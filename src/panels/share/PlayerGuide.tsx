import { useLocaleStore, useT } from '../../i18n/useLocale';
import { textIn } from '../../model/lesson';
import { useEditor } from '../../store/useEditor';
import { useLessonProgress, useLessonState } from '../../store/useLesson';
import { LessonStepList } from '../lesson/LessonStepList';
import { ScenarioExplanation } from '../lesson/ScenarioExplanation';

/** The lesson's steps as the player shows them: followed and ticked, not edited. */
function LessonSteps() {
  const t = useT();
  const lang = useLocaleStore((s) => s.locale);
  const lesson = useLessonState((s) => s.lesson);
  const progress = useLessonProgress((s) => s.progress);
  if (!lesson) return null;
  const total = lesson.steps.length;
  const complete = total > 0 && (progress?.complete ?? false);
  const current = progress?.current ?? 0;
  return (
    <section className="guide-section lesson" aria-label={t('lesson.heading')}>
      <h3>
        {t('lesson.heading')}: {textIn(lesson.title, lang) || t('lesson.untitled')}
      </h3>
      <p className="lesson-progress" aria-live="polite">
        {total === 0 ? null : complete ? t('lesson.complete') : t('lesson.progress', { current: current + 1, total })}
      </p>
      <LessonStepList lesson={lesson} />
    </section>
  );
}

/** Beside the player's canvas: the scenario's title and description, its gallery explanation, its lesson. */
export function PlayerGuide() {
  const t = useT();
  const title = useEditor((s) => s.doc.title);
  const description = useEditor((s) => s.doc.description);
  return (
    <aside className="guide player-guide" aria-label={t('shareui.player.explanation')}>
      <h2 className="player-scenario-title">{title.trim() || t('shareui.untitled')}</h2>
      {description ? <p className="player-description">{description}</p> : null}
      <ScenarioExplanation />
      <LessonSteps />
    </aside>
  );
}
