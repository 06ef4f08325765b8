import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { useT } from '../../i18n/useLocale';
import { PORT } from '../../model';
import type { ExchangeFlowNode } from '../flowNodes';
import { useNodeLive } from '../../store/liveStagger';
import { useSim } from '../../store/useSim';
import { Name } from '../../panels/Name';
import { Explained } from './LaneLive';
import { Badge, Warnings } from './Warnings';

/** An exchange (or the default exchange, when `data.exchange` is null). */
export const ExchangeNode = memo(function ExchangeNode({ id, data, selected }: NodeProps<ExchangeFlowNode>) {
  const t = useT();
  const e = data.exchange;
  const name = e ? e.name : t('node.defaultExchangeName');
  // the broker may not have it at this moment of the run (deleted then, or a rewind to before it came back)
  const sim = useSim();
  const declared = useNodeLive(sim, id, (s) => e === null || s.exchanges[e.name] === true);
  // what it routed to no queue so far: RabbitMQ drops it without a word, Warren must not
  const lost = useNodeLive(sim, id, (s) => s.unroutable[e?.name ?? '']);
  return (
    <div className={`node node-exchange${e ? '' : ' node-default-exchange'}${selected ? ' is-selected' : ''}${declared ? '' : ' is-undeclared'}`}>
      <Handle type="target" position={Position.Left} id={PORT.in} role="img" aria-label={t('handle.exchangeIn', { name })} />
      <div className="node-head">
        <span className="node-kind">
          {t('kind.exchange')} · <span className={`exchange-type type-${e?.type ?? 'direct'}`}>{e?.type ?? 'direct'}</span>
        </span>
        <Warnings issues={data.warnings} />
      </div>
      <div className="node-name">
        <Name>{name}</Name>
      </div>
      <div className="badges">
        {declared ? null : <Badge label={t('exchange.notDeclared')} title={t('exchange.notDeclaredTitle')} tone="accent" />}
        {e === null ? <Badge label={t('badge.implicit')} title={t('badge.implicitTitle')} tone="muted" /> : null}
        {e?.durable ? <Badge label="D" title={t('badge.durable')} /> : null}
        {e?.autoDelete ? <Badge label="AD" title={t('badge.autoDeleteExchange')} /> : null}
        {e?.internal ? <Badge label="I" title={t('badge.internal')} /> : null}
        {e?.alternateExchange !== undefined ? (
          <Badge label={`AE → ${e.alternateExchange || t('node.defaultExchangeName')}`} title={t('badge.alternate')} tone="accent" />
        ) : null}
        {lost ? (
          <Explained
            className="badge badge-loss"
            label={t('exchange.unroutableAria', { n: lost.count, exchange: name })}
            tip={[
              t('exchange.unroutableTip', { exchange: name, n: lost.count, key: lost.key }),
              lost.count > lost.returned ? t('exchange.unroutableDroppedTip', { dropped: lost.count - lost.returned }) : '',
              lost.returned ? t('exchange.unroutableReturnedTip', { returned: lost.returned }) : '',
            ].filter(Boolean).join(' ')}
          >
            {t('exchange.unroutableBadge', { n: lost.count })}
          </Explained>
        ) : null}
      </div>
      <Handle type="source" position={Position.Right} id={PORT.out} role="img" aria-label={t('handle.exchangeOut', { name })} />
      {e ? (
        <Handle type="source" position={Position.Bottom} id={PORT.alternate} className="handle-ae" role="img" aria-label={t('handle.alternate', { name })} title={t('handle.alternate', { name })} />
      ) : null}
    </div>
  );
});
