import { useId, useMemo } from 'react';
import { useT } from '../../i18n/useLocale';
import { consumerFigures, rateSeries } from '../../store/chartData';
import type { Sample } from '../../store/series';
import { useLive } from '../../store/useSim';
import type { Names } from '../clientNames';
import { formatRate } from '../playback/format';
import { UPlotChart } from './UPlotChart';

const PALETTE = ['#2f6fb5', '#e05a00', '#2a8a4a', '#8e44ad', '#b8860b', '#c0392b', '#16a085', '#7f8c8d'];

/**
 * Per consumer: a chart of deliveries per second (solid), acks per second (dashed) and redeliveries
 * per second (dotted: messages coming back after a nack, a reject or a lost channel), and a table
 * of counts and current rates. Load balancing shows here: two consumers of one queue
 * with the same speed split the flow; a slow one with a big prefetch hoards.
 */
export function ConsumerRates({ samples, names, ids }: { samples: readonly Sample[]; names: Names; ids: readonly string[] }) {
  const t = useT();
  const id = useId();
  const live = useLive((s) => s.consumers);
  const key = ids.join('|');
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for ids
  const lines = useMemo(
    () =>
      ids.flatMap((c, i) => [
        { label: t('chart.deliveredBy', { name: names.consumer(c) }), stroke: PALETTE[i % PALETTE.length]! },
        { label: t('chart.ackedBy', { name: names.consumer(c) }), stroke: PALETTE[i % PALETTE.length]!, dash: [5, 4] },
        { label: t('chart.redeliveredBy', { name: names.consumer(c) }), stroke: PALETTE[i % PALETTE.length]!, dash: [1, 3] },
      ]),
    [key, names, t],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for ids
  const columns = useMemo(
    () => ({
      t: samples.map((s) => s.t / 1000),
      lines: ids.flatMap((c) => [rateSeries(samples, (s) => s.consumers[c]?.received), rateSeries(samples, (s) => s.consumers[c]?.acked), rateSeries(samples, (s) => s.consumers[c]?.redelivered)]),
    }),
    [samples, key],
  );
  if (ids.length === 0) return <p className="field-hint">{t('chart.noConsumers')}</p>;
  return (
    <div className="consumer-rates">
      <figure className="chart chart-wide" aria-labelledby={`${id}-cap`}>
        <figcaption id={`${id}-cap`}>{t('chart.consumersCaption')}</figcaption>
        <UPlotChart lines={lines} columns={columns} yLabel={t('chart.perSecond')} />
      </figure>
      <table className="consumer-table">
        <caption>{t('chart.consumersTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chart.consumer')}</th>
            <th scope="col">{t('chart.delivered')}</th>
            <th scope="col">{t('chart.acked')}</th>
            <th scope="col">{t('chart.nacked')}</th>
            <th scope="col">{t('chart.redelivered')}</th>
            <th scope="col">{t('chart.deliverRate')}</th>
            <th scope="col">{t('chart.ackRate')}</th>
          </tr>
        </thead>
        <tbody>
          {ids.map((c) => {
            const f = consumerFigures(samples, c);
            const l = live[c];
            return (
              <tr key={c}>
                <th scope="row">{names.consumer(c)}</th>
                <td>{l?.received ?? f.received}</td>
                <td>{l?.acked ?? f.acked}</td>
                <td>{l ? l.nacked + l.rejected : f.nacked}</td>
                <td>{l?.redelivered ?? f.redelivered}</td>
                <td>{formatRate(f.receivedRate)}</td>
                <td>{formatRate(f.ackedRate)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
