import { useId } from 'react';
import { useT } from '../../i18n/useLocale';
import { type App, type Consumer, effectivePrefetch, FAIL_OUTCOMES, type FailOutcome, OUTCOMES, type Outcome, removeConsumer, updateConsumer } from '../../model';
import { useEditor } from '../../store/useEditor';
import { CheckboxField, NumberField, SelectField } from '../form/fields';
import { channelOptions } from './AppForm';
import { queueOptions, useRun } from './common';

const OUTCOME_LABELS = {
  ack: 'option.ack',
  'nack-requeue': 'option.nackRequeue',
  'nack-discard': 'option.nackDiscard',
  'reject-requeue': 'option.rejectRequeue',
  'reject-discard': 'option.rejectDiscard',
} as const;

/** A consumer: which queue, prefetch, ack mode, how long it works and what it answers. */
export function ConsumerFields({ app, consumer: c, index }: { app: App; consumer: Consumer; index: number }) {
  const t = useT();
  const run = useRun();
  const doc = useEditor((s) => s.doc);
  const set = (patch: Partial<Consumer>) => run((d) => updateConsumer(d, app.id, c.id, patch));
  return (
    <fieldset className="client-fieldset">
      <legend>{t('app.consumer', { n: index + 1 })}</legend>
      <SelectField label={t('field.channel')} value={c.channelId} options={channelOptions(app, t)} onCommit={(channelId) => set({ channelId })} />
      <SelectField label={t('field.consumeQueue')} value={c.queue} options={queueOptions(doc, t, c.queue)} onCommit={(queue) => set({ queue })} />
      <CheckboxField label={t('field.noAck')} hint={t('hint.noAck')} checked={c.noAck} onCommit={(noAck) => set({ noAck })} />
      <NumberField label={t('field.prefetchCount')} hint={t('hint.prefetchCount')} value={c.prefetchCount} onCommit={(v) => set({ prefetchCount: v })} />
      <PrefetchApplies app={app} consumerId={c.id} />
      <NumberField label={t('field.processingMs')} value={c.processingMs} onCommit={(v) => set({ processingMs: v })} />
      <NumberField label={t('field.msPerDot')} hint={t('hint.msPerDot')} value={c.msPerDot} onCommit={(v) => set({ msPerDot: v })} />
      <NumberField label={t('field.jitterMs')} value={c.jitterMs} onCommit={(v) => set({ jitterMs: v })} />
      {c.noAck ? null : (
        <>
          <SelectField<Outcome> label={t('field.outcome')} value={c.outcome} options={OUTCOMES.map((o) => ({ value: o, label: t(OUTCOME_LABELS[o]) }))} onCommit={(outcome) => set({ outcome })} />
          <NumberField label={t('field.failPercent')} hint={t('hint.failPercent')} value={c.failPercent} onCommit={(v) => set({ failPercent: v })} />
          <SelectField<FailOutcome> label={t('field.failOutcome')} value={c.failOutcome} options={FAIL_OUTCOMES.map((o) => ({ value: o, label: t(OUTCOME_LABELS[o]) }))} onCommit={(failOutcome) => set({ failOutcome })} />
        </>
      )}
      <NumberField label={t('field.consumerPriority')} hint={t('hint.consumerPriority')} value={c.priority} onCommit={(v) => set({ priority: v })} />
      <CheckboxField label={t('field.exclusiveConsumer')} hint={t('hint.exclusiveConsumer')} checked={c.exclusive} onCommit={(exclusive) => set({ exclusive })} />
      <CheckboxField label={t('field.running')} checked={c.running} onCommit={(running) => set({ running })} />
      <CheckboxField label={t('field.replyToRequests')} hint={t('hint.replyToRequests')} checked={c.replyToRequests} onCommit={(replyToRequests) => set({ replyToRequests })} />
      <button type="button" onClick={() => run((d) => removeConsumer(d, app.id, c.id))}>
        {t('app.removeConsumer', { n: index + 1 })}
      </button>
    </fieldset>
  );
}

/**
 * The one limit a student should read: a consumer shows its own prefetch and its channel's, and only
 * RabbitMQ's reading of basic.qos says which applies (model/prefetch.ts).
 */
function PrefetchApplies({ app, consumerId }: { app: App; consumerId: string }) {
  const t = useT();
  const id = useId();
  const p = effectivePrefetch(app, consumerId);
  if (!p) return null;
  const why = p.noAck
    ? [t('prefetch.noAckTip')]
    : p.shared > 0 && p.own > 0
      ? [t('prefetch.bothTip', { own: p.own, shared: p.shared })]
      : p.shared > 0
        ? [t('prefetch.sharedTip', { shared: p.shared })]
        : [p.own > 0 ? t('prefetch.ownTip', { own: p.own }) : t('prefetch.noneTip'), t('prefetch.channelDefaultTip', { n: p.channelDefault })];
  return (
    <div className="prefetch-applies" role="note" aria-labelledby={id}>
      <p className="prefetch-applies-value">
        <span id={id}>{t('prefetch.applies')}</span>: <b>{p.limit > 0 ? p.limit : t('prefetch.none')}</b>
      </p>
      <p className="field-hint">{why.filter(Boolean).join(' ')}</p>
    </div>
  );
}
