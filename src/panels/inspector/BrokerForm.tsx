import { useT } from '../../i18n/useLocale';
import { updateBroker } from '../../model';
import { useEditor } from '../../store/useEditor';
import { CheckboxField, NumberField } from '../form/fields';
import { useRun } from './common';

/** Broker-wide settings, shown when nothing is selected. */
export function BrokerForm() {
  const t = useT();
  const run = useRun();
  const broker = useEditor((s) => s.doc.broker);
  return (
    <section className="inspector-section" aria-label={t('inspector.broker')}>
      <h2 className="inspector-title">{t('inspector.broker')}</h2>
      <CheckboxField
        label={t('toolbar.defaultExchange')}
        hint={t('toolbar.defaultExchangeTitle')}
        checked={broker.showDefaultExchange}
        onCommit={(v) => run((d) => updateBroker(d, { showDefaultExchange: v }))}
      />
      <NumberField label={t('field.hopLatency')} hint={t('hint.hopLatency')} value={broker.hopLatencyMs} onCommit={(v) => run((d) => updateBroker(d, { hopLatencyMs: v }))} />
    </section>
  );
}
