import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { useT } from '../../i18n/useLocale';
import { formatMs, PORT } from '../../model';
import type { QueueFlowNode } from '../flowNodes';
import { QueueBuffer, QueueConsumers, QueueCounts, QueueNotDeclared, useQueueDeclared } from './QueueLive';
import { Name } from '../../panels/Name';
import { Badge, Warnings } from './Warnings';

/** A queue with its feature badges, its live Ready / Unacked / Consumers counts and its buffer of ready messages. */
export const QueueNode = memo(function QueueNode({ data, selected }: NodeProps<QueueFlowNode>) {
  const t = useT();
  const q = data.queue;
  const a = q.arguments;
  const dlx = a.deadLetterExchange;
  const declared = useQueueDeclared(q.id, q.name);
  return (
    <div className={`node node-queue${selected ? ' is-selected' : ''}${a.queueType === 'quorum' ? ' is-quorum' : ''}${declared ? '' : ' is-undeclared'}`}>
      <Handle type="target" position={Position.Left} id={PORT.in} role="img" aria-label={t('handle.queueIn', { name: q.name })} />
      <div className="node-head queue-head">
        <span className="node-kind">{t('kind.queue')}</span>
        {q.durable ? <Badge label="D" title={t('badge.durable')} /> : null}
        <QueueConsumers node={q.id} name={q.name} />
        <Warnings issues={data.warnings} />
      </div>
      <div className="node-name">
        <Name>{q.name}</Name>
      </div>
      <QueueCounts node={q.id} name={q.name} />
      {declared ? <QueueBuffer node={q.id} name={q.name} /> : <QueueNotDeclared queue={q} />}
      <div className="badges">
        {q.exclusive ? <Badge label="Excl" title={t('badge.exclusive')} /> : null}
        {q.autoDelete ? <Badge label="AD" title={t('badge.autoDeleteQueue')} /> : null}
        {a.queueType === 'quorum' ? <Badge label={t('badge.quorumLabel')} title={t('badge.quorum')} tone="accent" /> : null}
        {a.messageTtl !== undefined ? <Badge label={`TTL ${formatMs(a.messageTtl)}`} title={t('badge.ttl', { ms: a.messageTtl })} /> : null}
        {a.expires !== undefined ? <Badge label={`exp ${formatMs(a.expires)}`} title={t('badge.expires', { ms: a.expires })} /> : null}
        {dlx !== undefined ? <Badge label={`DLX ${dlx || t('node.defaultExchangeName')}`} title={t('badge.dlx')} tone="accent" /> : null}
        {a.maxLength !== undefined ? <Badge label={`max-len ${a.maxLength}`} title={t('badge.maxLength', { overflow: a.overflow ?? 'drop-head' })} /> : null}
        {a.maxLengthBytes !== undefined ? <Badge label={`max-bytes ${a.maxLengthBytes}`} title={t('badge.maxLengthBytes', { overflow: a.overflow ?? 'drop-head' })} /> : null}
        {a.maxPriority !== undefined ? <Badge label={`prio ${a.maxPriority}`} title={t('badge.priority')} /> : null}
        {a.singleActiveConsumer ? <Badge label="SAC" title={t('badge.sac')} /> : null}
        {a.deliveryLimit !== undefined ? <Badge label={`limit ${a.deliveryLimit}`} title={t('badge.deliveryLimit')} /> : null}
      </div>
      <Handle type="source" position={Position.Right} id={PORT.out} role="img" aria-label={t('handle.queueOut', { name: q.name })} />
    </div>
  );
});
