import { useId, useMemo } from 'react';
import { useT } from '../../i18n/useLocale';
import { queueDepthColumns, queueFigures } from '../../store/chartData';
import type { Sample } from '../../store/series';
import { useLive } from '../../store/useSim';
import { formatRate } from '../playback/format';
import { UPlotChart } from './UPlotChart';

export const READY_COLOUR = '#2f6fb5';
export const UNACKED_COLOUR = '#e05a00';

/** Ready and unacked messages of one queue over time, with the figures now as text. */
export function QueueDepthChart({ queue, samples, consumers }: { queue: string; samples: readonly Sample[]; consumers: readonly string[] }) {
  const t = useT();
  const id = useId();
  const columns = useMemo(() => queueDepthColumns(samples, queue), [samples, queue]);
  const lines = useMemo(
    () => [
      { label: t('chart.ready'), stroke: READY_COLOUR },
      { label: t('chart.unacked'), stroke: UNACKED_COLOUR, dash: [6, 3] },
    ],
    [t],
  );
  // the counts now come from the live figures (exact); the rate from the samples
  const now = useLive((s) => s.queues[queue]);
  const consumerKey = consumers.join('|');
  // biome-ignore lint/correctness/useExhaustiveDependencies: consumerKey stands for the list
  const rate = useMemo(() => queueFigures(samples, queue, consumers).deliverRate, [samples, queue, consumerKey]);
  const summary = now
    ? t('chart.queueSummary', { queue, ready: now.ready, unacked: now.unacked, rate: formatRate(rate) })
    : t('chart.queueGone', { queue });
  return (
    <figure className="chart" aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`}>{summary}</figcaption>
      <UPlotChart lines={lines} columns={columns} yLabel={t('chart.messages')} whole />
    </figure>
  );
}
