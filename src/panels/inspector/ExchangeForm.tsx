import { useT } from '../../i18n/useLocale';
import { EXCHANGE_TYPES, type Exchange, type ExchangeType, updateExchange } from '../../model';
import { useEditor } from '../../store/useEditor';
import { NotDeclared } from '../live/NotDeclared';
import { CheckboxField, SelectField, TextField } from '../form/fields';
import { DeleteButton, exchangeOptions, NONE, SectionTitle, useDeleteNode, useRun } from './common';

const TYPE_HINTS = {
  direct: 'hint.exchange.direct',
  fanout: 'hint.exchange.fanout',
  topic: 'hint.exchange.topic',
  headers: 'hint.exchange.headers',
} as const;

/** Every property of an exchange (exchange.declare and its alternate-exchange argument). */
export function ExchangeForm({ exchange: e }: { exchange: Exchange }) {
  const t = useT();
  const run = useRun();
  const doc = useEditor((s) => s.doc);
  const del = useDeleteNode();
  const set = (patch: Partial<Exchange>) => run((d) => updateExchange(d, e.id, patch));
  return (
    <section className="inspector-section" aria-label={`${t('kind.exchange')} ${e.name}`}>
      <SectionTitle kind={t('kind.exchange')} name={e.name} />
      <NotDeclared exchange={e} />
      <TextField label={t('field.name')} value={e.name} onCommit={(name) => set({ name })} />
      <SelectField<ExchangeType>
        label={t('field.exchangeType')}
        hint={t(TYPE_HINTS[e.type])}
        value={e.type}
        options={EXCHANGE_TYPES.map((x) => ({ value: x, label: x }))}
        onCommit={(type) => set({ type })}
      />
      <CheckboxField label={t('field.durable')} hint={t('hint.durableExchange')} checked={e.durable} onCommit={(durable) => set({ durable })} />
      <CheckboxField label={t('field.autoDelete')} hint={t('hint.autoDeleteExchange')} checked={e.autoDelete} onCommit={(autoDelete) => set({ autoDelete })} />
      <CheckboxField label={t('field.internal')} hint={t('hint.internal')} checked={e.internal} onCommit={(internal) => set({ internal })} />
      <SelectField
        label={t('field.alternateExchange')}
        hint={t('hint.alternateExchange')}
        value={e.alternateExchange ?? NONE}
        options={exchangeOptions(doc, t, e.alternateExchange, true)}
        onCommit={(v) => set({ alternateExchange: v === NONE ? undefined : v })}
      />
      <DeleteButton label={t('inspector.deleteExchange')} onDelete={() => del(e.id)} />
    </section>
  );
}
