import { useCallback } from 'react';
import type { Translate } from '../../i18n/translate';
import { useT } from '../../i18n/useLocale';
import { DIRECT_REPLY_TO, type FieldIssue, type OpResult, PREDECLARED_EXCHANGES, type Scenario } from '../../model';
import { useEditorApi } from '../../store/useEditor';
import type { Option } from '../form/fields';
import { Name } from '../Name';

/** Runs a model operation as one undoable edit; returns its errors for the field that asked. */
export function useRun() {
  const store = useEditorApi();
  return useCallback(
    (op: (doc: Scenario) => OpResult<object>): FieldIssue[] | null => {
      const r = store.getState().run(op);
      return r.ok ? null : r.errors;
    },
    [store],
  );
}

/** Value used in selects for "not set" (exchange names can be anything, including ""). */
export const NONE = '\u0000none';

/**
 * Exchange names to choose from: the declared ones, the default exchange ("") and the predeclared
 * amq.* ones; a name that no longer exists stays listed (marked missing) so the field shows the truth.
 */
export function exchangeOptions(doc: Scenario, t: Translate, current: string | undefined, withNone: boolean): Option<string>[] {
  const opts: Option<string>[] = withNone ? [{ value: NONE, label: t('field.none') }] : [];
  opts.push({ value: '', label: t('node.defaultExchangeName') });
  for (const e of doc.exchanges) opts.push({ value: e.name, label: e.name });
  for (const e of PREDECLARED_EXCHANGES) opts.push({ value: e.name, label: e.name });
  if (current !== undefined && !opts.some((o) => o.value === current)) opts.push({ value: current, label: t('field.missing', { name: current }) });
  return opts;
}

export function queueOptions(doc: Scenario, t: Translate, current: string): Option<string>[] {
  const opts: Option<string>[] = [{ value: '', label: t('field.notSubscribed') }, ...doc.queues.map((q) => ({ value: q.name, label: q.name }))];
  // direct reply-to: the pseudo-queue an RPC client consumes its replies from (no queue to declare)
  opts.push({ value: DIRECT_REPLY_TO, label: t('field.directReplyTo') });
  if (current !== '' && current !== DIRECT_REPLY_TO && !doc.queues.some((q) => q.name === current)) opts.push({ value: current, label: t('field.missing', { name: current }) });
  return opts;
}

/** The delete button of an inspector section. */
export function DeleteButton({ label, onDelete }: { label: string; onDelete: () => void }) {
  return (
    <button type="button" className="danger" onClick={onDelete}>
      {label}
    </button>
  );
}

export function useDeleteNode() {
  const store = useEditorApi();
  return useCallback((id: string) => store.getState().deleteElements([id], []), [store]);
}

export function SectionTitle({ kind, name }: { kind: string; name: string }) {
  const t = useT();
  return (
    <h2 className="inspector-title">
      <span className="inspector-kind">{kind}</span> <Name>{name || t('node.defaultExchangeName')}</Name>
    </h2>
  );
}
