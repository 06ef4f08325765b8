import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n/useLocale';
import type { Scenario } from '../model';
import type { PendingBinding } from '../store/editorStore';
import { useEditor, useEditorApi } from '../store/useEditor';
import { BindingFields } from './form/BindingFields';
import { type BindingDraft, draftToSpec, emptyDraft } from './form/bindingDraft';
import { useExplain } from './modelText';

function endName(doc: Scenario, id: string): string {
  return doc.exchanges.find((e) => e.id === id)?.name ?? doc.queues.find((q) => q.id === id)?.name ?? id;
}

/** The node a binding was drawn from, on the canvas (focus goes back there when nothing else had it). */
function canvasNode(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
}

/** A direct binding to a queue usually uses the queue's name as key (as the default exchange does). */
function initialDraft(doc: Scenario, plan: PendingBinding): BindingDraft {
  const type = doc.exchanges.find((e) => e.id === plan.source)?.type;
  return emptyDraft(type === 'direct' && plan.destinationType === 'queue' ? endName(doc, plan.destination) : '');
}

/** Asks for the binding key (or headers) of a binding that was just drawn, before it is created. */
export function BindingDialog() {
  const pending = useEditor((s) => s.pendingBinding);
  if (!pending) return null;
  return <BindingDialogContent key={`${pending.source}-${pending.destination}`} plan={pending} />;
}

function BindingDialogContent({ plan }: { plan: PendingBinding }) {
  const t = useT();
  const explain = useExplain();
  const store = useEditorApi();
  const doc = useEditor((s) => s.doc);
  const titleId = useId();
  const ref = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState(() => initialDraft(doc, plan));
  const [error, setError] = useState<string | null>(null);
  const type = doc.exchanges.find((e) => e.id === plan.source)?.type ?? 'direct';
  useEffect(() => {
    // what had focus when the line was drawn (a node, the canvas) gets it back when the dialog closes
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    const first = ref.current?.querySelector<HTMLElement>('input, select, button');
    first?.focus();
    // a prefilled key is selected: typing replaces it
    if (first instanceof HTMLInputElement) first.select();
    return () => {
      const back = opener?.isConnected ? opener : canvasNode(plan.source);
      back?.focus();
    };
  }, [plan.source]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = draftToSpec(draft, type);
    if ('error' in r) return setError(explain(r.error));
    const errors = await store.getState().confirmBinding(r.spec);
    setError(errors ? errors.map((x) => explain(x.explanation)).join(' ') : null);
  };
  return (
    <div className="dialog-backdrop">
      <form
        ref={ref}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onSubmit={submit}
        onKeyDown={(e) => e.key === 'Escape' && store.getState().cancelBinding()}
      >
        <h2 id={titleId}>{t('binding.dialogTitle')}</h2>
        <p>
          {t(plan.destinationType === 'queue' ? 'binding.dialogQueue' : 'binding.dialogExchange', {
            source: endName(doc, plan.source),
            destination: endName(doc, plan.destination),
            type,
          })}
        </p>
        <BindingFields type={type} draft={draft} onChange={setDraft} />
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="submit">{t('binding.create')}</button>
          <button type="button" onClick={() => store.getState().cancelBinding()}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
