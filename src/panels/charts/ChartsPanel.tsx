import { useMemo, useState } from 'react';
import { useT } from '../../i18n/useLocale';
import { seriesNames } from '../../store/chartData';
import { useEditor } from '../../store/useEditor';
import { clientNames } from '../clientNames';
import { ConsumerRates } from './ConsumerRates';
import { QueueDepthChart } from './QueueDepthChart';
import { useSeries } from './useSeries';
import './charts.css';

/**
 * Charts like RabbitMQ's management UI: queue depth (ready / unacked) over time, one chart per
 * chosen queue, and per-consumer deliveries and acks with their rates. Drawn from the samples
 * the simulation takes every 250 virtual ms, so a rewind redraws the same curves.
 */
export function ChartsPanel() {
  const t = useT();
  const samples = useSeries();
  const doc = useEditor((s) => s.doc);
  const names = useMemo(() => clientNames(doc, t), [doc, t]);
  const seen = useMemo(() => seriesNames(samples), [samples]);
  // queues of the document first (their order), then any the run has that the document lost
  const queues = useMemo(() => [...new Set([...doc.queues.map((q) => q.name), ...seen.queues])], [doc.queues, seen.queues]);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const consumersOf = (queue: string) => doc.apps.flatMap((a) => a.consumers.filter((c) => c.queue === queue).map((c) => c.id));
  const shown = queues.filter((q) => !hidden.has(q));
  const toggle = (q: string, on: boolean) => {
    const next = new Set(hidden);
    if (on) next.delete(q);
    else next.add(q);
    setHidden(next);
  };
  return (
    <section className="charts-panel" aria-label={t('chart.label')}>
      {queues.length === 0 ? (
        <p className="field-hint">{t('chart.noQueues')}</p>
      ) : (
        <fieldset className="chart-pick">
          <legend>{t('chart.queues')}</legend>
          {queues.map((q) => (
            <label key={q}>
              <input type="checkbox" checked={!hidden.has(q)} onChange={(e) => toggle(q, e.target.checked)} />
              {q}
            </label>
          ))}
        </fieldset>
      )}
      <div className="chart-grid">
        {shown.map((q) => (
          <QueueDepthChart key={q} queue={q} samples={samples} consumers={consumersOf(q)} />
        ))}
      </div>
      <ConsumerRates samples={samples} names={names} ids={[...new Set([...doc.apps.flatMap((a) => a.consumers.map((c) => c.id)), ...seen.consumers])]} />
    </section>
  );
}
