import { useT } from '../../i18n/useLocale';
import type { Queue } from '../../model';
import { selectQueueCounts } from '../../store/liveCounts';
import { useLive } from '../../store/useSim';
import { CounterTable } from './CounterTable';
import './live.css';

/**
 * A queue in the running simulation, at the top of its inspector: ready and unacked messages and
 * how many consumers are subscribed (with, on a single-active-consumer queue, how many wait on
 * standby), as RabbitMQ's management UI shows them. Nothing while the broker has no such queue.
 */
export function QueueFigures({ queue: q }: { queue: Queue }) {
  const t = useT();
  const declared = useLive((s) => s.declared[q.name] === true);
  const counts = useLive((s) => selectQueueCounts(s, q.name));
  if (!declared) return null;
  const rows: [string, number][] = [
    [t('queue.ready'), counts.ready],
    [t('queue.unacked'), counts.unacked],
    [t('queue.consumers'), counts.consumers],
  ];
  if (q.arguments.singleActiveConsumer || counts.standby) rows.push([t('live.standby'), counts.standby ?? 0]);
  return (
    <div className="queue-figures">
      <CounterTable caption={t('live.queueFigures')} rows={rows} />
    </div>
  );
}
