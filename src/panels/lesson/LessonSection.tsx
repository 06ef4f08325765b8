import { useT } from '../../i18n/useLocale';
import { emptyLesson } from '../../model/lesson';
import { useSidePanel, useLessonContext, useLessonState } from '../../store/useLesson';
import { LessonEditor } from './LessonEditor';
import { LessonView } from './LessonView';

/** The lesson of the document: followed step by step, edited by a teacher, or offered to be written. */
export function LessonSection() {
  const t = useT();
  const { lessons } = useLessonContext();
  const lesson = useLessonState((s) => s.lesson);
  const editing = useSidePanel((s) => s.editing);
  const setEditing = useSidePanel((s) => s.setEditing);
  if (editing && lesson) return <LessonEditor lesson={lesson} />;
  if (lesson) return <LessonView lesson={lesson} />;
  return (
    <section className="guide-section" aria-label={t('lesson.heading')}>
      <h3>{t('lesson.heading')}</h3>
      <p className="muted">{t('lesson.none')}</p>
      <button
        type="button"
        onClick={() => {
          lessons.getState().setLesson({ ...emptyLesson(), steps: [{ text: '' }] });
          setEditing(true);
        }}
      >
        {t('lesson.write')}
      </button>
    </section>
  );
}
