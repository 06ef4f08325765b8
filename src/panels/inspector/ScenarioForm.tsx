import { useT } from '../../i18n/useLocale';
import { type ScenarioInfoPatch, updateScenarioInfo } from '../../model';
import { useEditor } from '../../store/useEditor';
import { NumberField, TextField } from '../form/fields';
import { useRun } from './common';

/**
 * The scenario itself, shown when nothing is selected: its title (what a shared link, the embedded
 * player and generated code call it), its description and the seed of its run. Each change is one
 * undoable edit, saved like any other.
 */
export function ScenarioForm() {
  const t = useT();
  const run = useRun();
  const title = useEditor((s) => s.doc.title);
  const description = useEditor((s) => s.doc.description);
  const seed = useEditor((s) => s.doc.seed);
  const set = (patch: ScenarioInfoPatch) => run((d) => updateScenarioInfo(d, patch));
  return (
    <section className="inspector-section" aria-label={t('inspector.scenario')}>
      <h2 className="inspector-title">{t('inspector.scenario')}</h2>
      <p className="field-hint">{t('inspector.nothingSelected')}</p>
      <TextField label={t('field.title')} hint={t('hint.scenarioTitle')} placeholder={t('shareui.untitled')} value={title} onCommit={(v) => set({ title: v })} />
      <TextField label={t('field.description')} hint={t('hint.scenarioDescription')} multiline value={description ?? ''} onCommit={(v) => set({ description: v })} />
      <NumberField label={t('field.seed')} hint={t('hint.seed')} value={seed} onCommit={(v) => set({ seed: v })} />
    </section>
  );
}
