import { useT } from '../../i18n/useLocale';
import { OVERFLOW_MODES, type Overflow, type Queue, type QueueArguments, type QueuePatch, QUEUE_TYPES, type QueueType, updateQueue, xArgumentName } from '../../model';
import { useEditor } from '../../store/useEditor';
import { NotDeclared } from '../live/NotDeclared';
import { QueueFigures } from '../live/QueueFigures';
import { CheckboxField, NumberField, SelectField, TextField } from '../form/fields';
import { DeleteButton, exchangeOptions, NONE, SectionTitle, useDeleteNode, useRun } from './common';

/** Every property and x-argument of a queue, each explained, each checked as RabbitMQ would. */
export function QueueForm({ queue: q }: { queue: Queue }) {
  const t = useT();
  const run = useRun();
  const doc = useEditor((s) => s.doc);
  const del = useDeleteNode();
  const a = q.arguments;
  const set = (patch: QueuePatch) => run((d) => updateQueue(d, q.id, patch));
  const arg = (patch: Partial<QueueArguments>) => set({ arguments: patch });
  const quorum = a.queueType === 'quorum';
  const num = (field: 'messageTtl' | 'expires' | 'maxLength' | 'maxLengthBytes' | 'maxPriority' | 'deliveryLimit', label: string, hint: string) => (
    <NumberField label={`${label} (${xArgumentName(field)})`} hint={hint} optional value={a[field]} onCommit={(v) => arg({ [field]: v })} />
  );
  return (
    <section className="inspector-section" aria-label={`${t('kind.queue')} ${q.name}`}>
      <SectionTitle kind={t('kind.queue')} name={q.name} />
      {/* what it holds in the running simulation first, as for a client */}
      <QueueFigures queue={q} />
      <NotDeclared queue={q} />
      <TextField label={t('field.name')} value={q.name} onCommit={(name) => set({ name })} />
      <SelectField<QueueType>
        label={`${t('field.queueType')} (x-queue-type)`}
        hint={t('hint.queueType')}
        value={a.queueType}
        options={QUEUE_TYPES.filter((x) => x !== 'stream' || a.queueType === 'stream').map((x) => ({ value: x, label: x === 'stream' ? t('queue.streamNotSimulated') : x }))}
        onCommit={(queueType) => arg({ queueType })}
      />
      <CheckboxField label={t('field.durable')} hint={t('hint.durableQueue')} checked={q.durable} onCommit={(durable) => set({ durable })} />
      <CheckboxField label={t('field.exclusive')} hint={t('hint.exclusive')} checked={q.exclusive} onCommit={(exclusive) => set({ exclusive })} />
      <CheckboxField label={t('field.autoDelete')} hint={t('hint.autoDeleteQueue')} checked={q.autoDelete} onCommit={(autoDelete) => set({ autoDelete })} />
      <fieldset>
        <legend>{t('inspector.queueArguments')}</legend>
        {num('messageTtl', t('field.messageTtl'), t('hint.messageTtl'))}
        {num('expires', t('field.expires'), t('hint.expires'))}
        {num('maxLength', t('field.maxLength'), t('hint.maxLength'))}
        {num('maxLengthBytes', t('field.maxLengthBytes'), t('hint.maxLengthBytes'))}
        <SelectField<Overflow | typeof NONE>
          label={`${t('field.overflow')} (x-overflow)`}
          hint={t('hint.overflow')}
          value={a.overflow ?? NONE}
          options={[{ value: NONE, label: t('field.defaultOverflow') }, ...OVERFLOW_MODES.map((x) => ({ value: x, label: x }))]}
          onCommit={(v) => arg({ overflow: v === NONE ? undefined : (v as Overflow) })}
        />
        <SelectField
          label={`${t('field.deadLetterExchange')} (x-dead-letter-exchange)`}
          hint={t('hint.deadLetterExchange')}
          value={a.deadLetterExchange ?? NONE}
          options={exchangeOptions(doc, t, a.deadLetterExchange, true)}
          onCommit={(v) => arg(v === NONE ? { deadLetterExchange: undefined, deadLetterRoutingKey: undefined } : { deadLetterExchange: v })}
        />
        <TextField
          label={`${t('field.deadLetterRoutingKey')} (x-dead-letter-routing-key)`}
          hint={t('hint.deadLetterRoutingKey')}
          value={a.deadLetterRoutingKey ?? ''}
          onCommit={(v) => arg({ deadLetterRoutingKey: v === '' ? undefined : v })}
        />
        {quorum ? null : num('maxPriority', t('field.maxPriority'), t('hint.maxPriority'))}
        <CheckboxField
          label={`${t('field.singleActiveConsumer')} (x-single-active-consumer)`}
          hint={t('hint.singleActiveConsumer')}
          checked={a.singleActiveConsumer ?? false}
          onCommit={(v) => arg({ singleActiveConsumer: v ? true : undefined })}
        />
        {quorum ? num('deliveryLimit', t('field.deliveryLimit'), t('hint.deliveryLimit')) : null}
      </fieldset>
      <DeleteButton label={t('inspector.deleteQueue')} onDelete={() => del(q.id)} />
    </section>
  );
}
