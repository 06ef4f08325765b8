import { memo, useMemo } from 'react';
import { useT } from '../../i18n/useLocale';
import type { Queue } from '../../model';
import { type Chip, selectQueueCounts } from '../../store/liveCounts';
import { useNodeLive } from '../../store/liveStagger';
import { whyNotDeclared } from '../../store/queueGone';
import { usePlayback, useSim } from '../../store/useSim';
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
 * How many consumers are subscribed (RabbitMQ's "Consumers"), on the node's title line; its
 * title adds how many wait on standby behind a single active consumer.
 */
export const QueueConsumers = memo(function QueueConsumers({ node, name }: { node: string; name: string }) {
  const t = useT();
  const counts = useNodeLive(useSim(), node, (s) => selectQueueCounts(s, name));
  const title = counts.standby
    ? t('queue.consumersStandbyTitle', { name, n: counts.consumers, standby: counts.standby })
    : t('queue.consumersTitle', { name, n: counts.consumers });
  return (
    <dl className="queue-consumers" title={title}>
      <dt>{t('queue.consumersShort')}</dt>
      <dd>{counts.consumers}</dd>
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

const WHY_KEYS = { exclusive: 'queue.notDeclaredExclusive', restart: 'queue.notDeclaredTransient', other: 'queue.notDeclaredOther' } as const;

/** Shown instead of the buffer when the broker has no such queue now, saying why (from the log). */
export function QueueNotDeclared({ queue }: { queue: Queue }) {
  const t = useT();
  const sim = useSim();
  // mounted when the queue goes: the log holds its deletion by then (a rewind starts a new epoch)
  const epoch = usePlayback((s) => s.epoch);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `epoch` stands for the log being rebuilt
  const why = useMemo(() => whyNotDeclared(sim.log, queue), [sim, queue.name, queue.exclusive, epoch]);
  return (
    <p className="queue-undeclared" role="note">
      <strong>{t('queue.notDeclared')}</strong> {t(WHY_KEYS[why])}
    </p>
  );
}
