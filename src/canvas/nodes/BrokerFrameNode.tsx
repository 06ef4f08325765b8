import { Handle, type NodeProps, Position } from '@xyflow/react';
import { PORT } from '../../model';
import { memo } from 'react';
import { useT } from '../../i18n/useLocale';
import type { BrokerFlowNode } from '../flowNodes';

/**
 * The broker: a frame behind the exchanges and queues. Its size is derived from what it holds, so it
 * grows when something is dragged to its edge; apps are kept outside it. Connection lines end on it.
 */
export const BrokerFrameNode = memo(function BrokerFrameNode({ data }: NodeProps<BrokerFlowNode>) {
  const t = useT();
  return (
    <div className="broker-frame">
      <div className="broker-title">{t('node.brokerTitle')}</div>
      {data.empty ? <div className="broker-empty">{t('node.brokerEmpty')}</div> : null}
      <Handle type="target" id={PORT.connection} position={Position.Left} className="hidden-handle" isConnectable={false} />
    </div>
  );
});
