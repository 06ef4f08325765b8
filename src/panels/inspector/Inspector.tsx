import { useLayoutEffect, useRef } from 'react';
import { useT } from '../../i18n/useLocale';
import { appRole, deriveLinks, type Link, type Scenario } from '../../model';
import { useEditor, useEditorApi } from '../../store/useEditor';
import { AppForm } from './AppForm';
import { BindingForm } from './BindingForm';
import { BrokerForm } from './BrokerForm';
import { CreateBindingForm } from './CreateBindingForm';
import { ExchangeForm } from './ExchangeForm';
import { QueueForm } from './QueueForm';
import { ScenarioForm } from './ScenarioForm';

const KIND_KEYS = { producer: 'kind.producer', consumer: 'kind.consumer', both: 'kind.rpcApp', none: 'kind.app' } as const;

/** Which entity a selected line is about: a binding itself, else the thing that owns the setting. */
function ownerOfLink(link: Link): string | null {
  switch (link.kind) {
    case 'binding':
      return link.bindingId;
    case 'publish':
    case 'publishViaDefault':
    case 'subscribe':
      return link.appId;
    case 'deadLetter':
      return link.queueId;
    case 'alternate':
      return link.exchangeId;
    default:
      return null;
  }
}

function Editor({ doc, id }: { doc: Scenario; id: string }) {
  const t = useT();
  const e = doc.exchanges.find((x) => x.id === id);
  if (e) return <ExchangeForm key={id} exchange={e} />;
  const q = doc.queues.find((x) => x.id === id);
  if (q) return <QueueForm key={id} queue={q} />;
  const a = doc.apps.find((x) => x.id === id);
  if (a) return <AppForm key={id} app={a} kindLabel={t(KIND_KEYS[appRole(a)])} />;
  const b = doc.bindings.find((x) => x.id === id);
  if (b) return <BindingForm key={`${id}-${b.routingKey}-${JSON.stringify(b.arguments)}`} binding={b} />;
  return null;
}

/** The right-hand panel: the form of what is selected, or the scenario's and broker's settings; always the binding form. */
export function Inspector() {
  const t = useT();
  const store = useEditorApi();
  const doc = useEditor((s) => s.doc);
  const selection = useEditor((s) => s.selection);
  const count = selection.nodes.length + selection.edges.length;
  let target: string | null = null;
  if (selection.nodes.length === 1 && selection.edges.length === 0) target = selection.nodes[0]!;
  else if (selection.edges.length === 1 && selection.nodes.length === 0) {
    const link = deriveLinks(doc).find((l) => l.id === selection.edges[0]);
    target = link ? ownerOfLink(link) : null;
  }
  // another node's form starts at its top (the panel keeps no scroll position from the previous one)
  const aside = useRef<HTMLElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the selected node changes
  useLayoutEffect(() => {
    for (let el = aside.current?.parentElement ?? null; el; el = el.parentElement) {
      if (el.scrollTop > 0) el.scrollTop = 0;
    }
    if (aside.current) aside.current.scrollTop = 0;
  }, [target]);
  return (
    <aside ref={aside} className="inspector" aria-label={t('inspector.label')}>
      {count === 0 ? (
        <>
          <ScenarioForm />
          <BrokerForm />
        </>
      ) : null}
      {target ? <Editor doc={doc} id={target} /> : null}
      {count > 1 ? (
        <section className="inspector-section">
          <h2 className="inspector-title">{t('inspector.multi', { n: count })}</h2>
          <button type="button" className="danger" onClick={() => store.getState().deleteSelection()}>
            {t('inspector.deleteSelection')}
          </button>
        </section>
      ) : null}
      {/* bindings join exchanges and queues: offered for the broker as a whole or one of its nodes, not under an app */}
      {target === null || doc.exchanges.some((e) => e.id === target) || doc.queues.some((q) => q.id === target) ? (
        <CreateBindingForm key={target ?? 'none'} preset={target ?? undefined} />
      ) : null}
    </aside>
  );
}
