import { memo } from 'react';
import { useT } from '../../i18n/useLocale';
import type { Queue } from '../../model';
import { type Chip, selectQueueCounts } from '../../store/liveCounts';
import { useNodeLive } from '../../store/liveStagger';
import { useSim } from '../../store/useSim';
import { ChipList } from './Chips';
import './live.css';

const NO_CHIPS: Chip[] = [];

/** Whether the running broker has this queue now (a transient queue is gone after a restart). */
export function useQueueDeclared(node: string, name: string): boolean {
  return useNodeLive(useSim(), node, (s) => s.declared[name] === true);
}

/** Ready and Unacked, as RabbitMQ's management UI names them. */
export const QueueCounts = memo(function QueueCounts({ node, name }: { node: string; name: string }) {
  const t = useT();
  const counts = useNodeLive(useSim(), node, (s) => selectQueueCounts(s, name));
  return (
    <dl className="queue-counts">
      <div>
        <dt>{t('queue.ready')}</dt>
        <dd>{counts.ready}</dd>
      </div>
      <div>
        <dt>{t('queue.unacked')}</dt>
        <dd>{counts.unacked}</dd>
      </div>
    </dl>
  );
});

/**
 * A queue's buffer: its first ready messages as chips in their key's colour (the head on the
 * left: the next one a consumer gets), then "+N" for the rest.
 */
export const QueueBuffer = memo(function QueueBuffer({ node, name }: { node: string; name: string }) {
  const t = useT();
  const sim = useSim();
  const chips = useNodeLive(sim, node, (s) => s.chips[name]) ?? NO_CHIPS;
  const ready = useNodeLive(sim, node, (s) => s.queues[name]?.ready ?? 0);
  return (
    <div className="queue-buffer">
      <ChipList items={chips} more={Math.max(0, ready - chips.length)} label={t('queue.buffer', { name })} />
      {chips.length === 0 ? <span className="chip-empty">{t('queue.bufferEmpty')}</span> : null}
    </div>
  );
});

/** Shown instead of the buffer when the broker has no such queue now, saying why that may be. */
export function QueueNotDeclared({ queue }: { queue: Queue }) {
  const t = useT();
  return (
    <p className="queue-undeclared" role="note">
      <strong>{t('queue.notDeclared')}</strong> {queue.durable ? t('queue.notDeclaredOther') : t('queue.notDeclaredTransient')}
    </p>
  );
}
