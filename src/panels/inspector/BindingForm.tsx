import { useState } from 'react';
import { useT } from '../../i18n/useLocale';
import { type Binding, updateBinding } from '../../model';
import { useEditor, useEditorApi } from '../../store/useEditor';
import { BindingFields } from '../form/BindingFields';
import { draftFromBinding, draftToSpec } from '../form/bindingDraft';
import { useExplain } from '../modelText';
import { SectionTitle, useRun } from './common';

/** A binding's key or headers arguments, and its deletion (queue.unbind / exchange.unbind). */
export function BindingForm({ binding: b }: { binding: Binding }) {
  const t = useT();
  const explain = useExplain();
  const run = useRun();
  const store = useEditorApi();
  const doc = useEditor((s) => s.doc);
  const [draft, setDraft] = useState(() => draftFromBinding(b));
  const [error, setError] = useState<string | null>(null);
  const source = doc.exchanges.find((e) => e.id === b.source);
  const dest = (b.destinationType === 'queue' ? doc.queues : doc.exchanges).find((x) => x.id === b.destination);
  const type = source?.type ?? 'direct';
  const save = () => {
    const r = draftToSpec(draft, type);
    if ('error' in r) return setError(explain(r.error));
    const errors = run((d) => updateBinding(d, b.id, r.spec));
    setError(errors ? errors.map((e) => explain(e.explanation)).join(' ') : null);
  };
  return (
    <section className="inspector-section" aria-label={t('kind.binding')}>
      <SectionTitle kind={t('kind.binding')} name={`${source?.name ?? '?'} → ${dest?.name ?? '?'}`} />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <BindingFields type={type} draft={draft} onChange={setDraft} />
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        {type === 'fanout' ? null : <button type="submit">{t('binding.save')}</button>}
      </form>
      <button type="button" className="danger" onClick={() => store.getState().deleteElements([], [b.id])}>
        {t('inspector.deleteBinding')}
      </button>
    </section>
  );
}
