import { useLocaleStore, useT } from '../../i18n/useLocale';
import { LOCALE_NAMES } from '../../i18n/translate';
import type { FieldIssue } from '../../model';
import { addStep, defaultGoal, type GoalType, type Lesson, LESSON_TEXT_MAX, lessonIssues, moveStep, removeStep, textIn, updateStep, withTextIn } from '../../model/lesson';
import { GOAL_TYPES } from '../../model/schemas/lesson';
import { useEditor } from '../../store/useEditor';
import { useSidePanel, useLessonContext } from '../../store/useLesson';
import { SelectField, TextField } from '../form/fields';
import { explainLesson, goalTypeLabel } from './goalText';
import { GoalFields } from './GoalFields';

/**
 * The teacher's lesson editor: title and step texts in the language in use (the other language's
 * text is kept), a goal per step chosen from dropdowns filled with the topology's names, steps added,
 * removed and reordered. Every change is kept with the document at once (autosaved, shared in links).
 */
export function LessonEditor({ lesson }: { lesson: Lesson }) {
  const t = useT();
  const lang = useLocaleStore((s) => s.locale);
  const doc = useEditor((s) => s.doc);
  const { lessons } = useLessonContext();
  const setEditing = useSidePanel((s) => s.setEditing);
  const save = (next: Lesson) => {
    lessons.getState().setLesson(next);
    return null;
  };
  // the limit a link or a file holds a lesson text to: refused here, not when someone opens the link
  const tooLong = (v: string): FieldIssue[] | null => (v.length > LESSON_TEXT_MAX ? [{ path: [], explanation: { key: 'validation.textTooLong', params: { max: LESSON_TEXT_MAX } } }] : null);
  // An empty text is obvious while writing it; saying so would also move the buttons below as the
  // text is committed (on blur, i.e. on the press of the next button), making that click miss.
  const issues = lessonIssues(lesson, doc).filter((x) => x.explanation.key !== 'lesson.issue.emptyText');
  const language = LOCALE_NAMES[lang];
  const goalOptions = [{ value: 'none' as const, label: goalTypeLabel(t, 'none') }, ...GOAL_TYPES.map((g) => ({ value: g, label: goalTypeLabel(t, g) }))];
  return (
    <section className="guide-section lesson-editor" aria-label={t('lessonEditor.title')}>
      <h3>{t('lessonEditor.title')}</h3>
      <p className="field-hint">{t('lessonEditor.hint', { lang: language })}</p>
      <TextField label={t('lessonEditor.lessonTitle', { lang: language })} value={textIn(lesson.title, lang)} onCommit={(v) => tooLong(v) ?? save({ ...lesson, title: withTextIn(lesson.title, lang, v) })} />
      {lesson.steps.length === 0 ? <p className="muted">{t('lessonEditor.empty')}</p> : null}
      <ol className="editor-steps">
        {lesson.steps.map((step, i) => {
          const n = i + 1;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: steps are positional; drafts are committed before a move
            <li key={i}>
              <fieldset className="editor-step">
                <legend>{t('lessonEditor.step', { n })}</legend>
                <TextField label={t('lessonEditor.text', { lang: language })} multiline value={textIn(step.text, lang)} onCommit={(v) => tooLong(v) ?? save(updateStep(lesson, i, { text: withTextIn(step.text, lang, v) }))} />
                <SelectField<GoalType | 'none'>
                  label={t('lessonEditor.goal')}
                  hint={step.goal ? undefined : t('lessonEditor.goalNone')}
                  value={step.goal?.type ?? 'none'}
                  options={goalOptions}
                  onCommit={(type) => save(updateStep(lesson, i, { goal: type === 'none' ? undefined : defaultGoal(type, doc) }))}
                />
                {step.goal ? <GoalFields goal={step.goal} doc={doc} onChange={(goal) => save(updateStep(lesson, i, { goal }))} /> : null}
                {issues
                  .filter((x) => x.step === i)
                  .map((x) => (
                    <p key={x.explanation.key} className="field-error">
                      {explainLesson(t, x.explanation)}
                    </p>
                  ))}
                <div className="button-row">
                  <button type="button" disabled={i === 0} onClick={() => save(moveStep(lesson, i, -1))}>
                    {t('lessonEditor.up', { n })}
                  </button>
                  <button type="button" disabled={i === lesson.steps.length - 1} onClick={() => save(moveStep(lesson, i, 1))}>
                    {t('lessonEditor.down', { n })}
                  </button>
                  <button type="button" className="danger" onClick={() => save(removeStep(lesson, i))}>
                    {t('lessonEditor.remove', { n })}
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="button-row">
        <button type="button" onClick={() => save(addStep(lesson))}>
          {t('lessonEditor.addStep')}
        </button>
        <button type="button" className="primary" onClick={() => setEditing(false)}>
          {t('lessonEditor.done')}
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            setEditing(false);
            lessons.getState().setLesson(null);
          }}
        >
          {t('lessonEditor.delete')}
        </button>
      </div>
    </section>
  );
}
