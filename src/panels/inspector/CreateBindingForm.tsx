import { type FormEvent, useId, useState } from 'react';
import { useT } from '../../i18n/useLocale';
import { applyConnection, checkConnection } from '../../model';
import { useEditor, useEditorApi } from '../../store/useEditor';
import { BindingFields } from '../form/BindingFields';
import { draftToSpec, emptyDraft } from '../form/bindingDraft';
import { useExplain } from '../modelText';

/**
 * The keyboard path for drawing a binding: choose the source exchange and the destination (a queue or
 * another exchange), the key or headers, and create. Same rules and explanations as drawing on the canvas.
 */
export function CreateBindingForm({ preset }: { preset?: string }) {
  const t = useT();
  const explain = useExplain();
  const store = useEditorApi();
  const doc = useEditor((s) => s.doc);
  const id = useId();
  const [source, setSource] = useState(preset && doc.exchanges.some((e) => e.id === preset) ? preset : (doc.exchanges[0]?.id ?? ''));
  const [destination, setDestination] = useState(doc.queues[0]?.id ?? '');
  const [draft, setDraft] = useState(emptyDraft());
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  if (doc.exchanges.length === 0) return <p className="field-hint">{t('createBinding.needExchange')}</p>;
  const type = doc.exchanges.find((e) => e.id === source)?.type ?? 'direct';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const s = store.getState();
    const plan = checkConnection(s.doc, { node: source, handle: 'out' }, { node: destination, handle: 'in' });
    if (plan.action === 'refuse') return setMessage({ error: true, text: explain(plan.reason) });
    const spec = draftToSpec(draft, type);
    if ('error' in spec) return setMessage({ error: true, text: explain(spec.error) });
    const r = s.run((d) => applyConnection(d, plan, spec.spec));
    if (!r.ok) return setMessage({ error: true, text: r.errors.map((x) => explain(x.explanation)).join(' ') });
    setMessage({ error: false, text: t('createBinding.done') });
    setDraft(emptyDraft());
  };
  return (
    <form className="create-binding" aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h3 id={`${id}-title`}>{t('createBinding.title')}</h3>
      <div className="field">
        <label htmlFor={`${id}-source`}>{t('createBinding.source')}</label>
        <select id={`${id}-source`} value={source} onChange={(e) => setSource(e.target.value)}>
          {doc.exchanges.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name} ({x.type})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-destination`}>{t('createBinding.destination')}</label>
        <select id={`${id}-destination`} value={destination} onChange={(e) => setDestination(e.target.value)}>
          <option value="" disabled>
            {t('createBinding.choose')}
          </option>
          <optgroup label={t('createBinding.queues')}>
            {doc.queues.map((q) => (
              <option key={q.id} value={q.id}>
                {q.name}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('createBinding.exchanges')}>
            {doc.exchanges.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <BindingFields type={type} draft={draft} onChange={setDraft} />
      {message ? (
        <p className={message.error ? 'field-error' : 'field-ok'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
      <button type="submit" disabled={!destination}>
        {t('binding.create')}
      </button>
    </form>
  );
}
