import type { EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useStore } from 'zustand';
import { useT } from '../../i18n/useLocale';
import { useSim } from '../../store/useSim';
import type { AmqpEdgeData, ConnectionFlowEdge } from '../flowEdges';
import { cableRun } from '../geometry/cable';
import { svgOf } from '../geometry/pieces';
import { useRoute } from '../geometry/useRoute';

/**
 * An AMQP connection as a cable from its app to the broker frame (geometry/cable.ts): a band with a
 * lane per channel, in which that channel's publishes and deliveries travel (their own lines run
 * through the lane, and the tokens with them). A closed connection is drawn dashed and faded; its
 * opening, closing and failure are badges on it (the message layer's effects). Hovering it says what
 * it is.
 */
export const ConnectionEdge = memo(function ConnectionEdge({ id, data }: EdgeProps<ConnectionFlowEdge>) {
  const t = useT();
  const route = useRoute(id);
  const link = (data as AmqpEdgeData).link;
  const connId = link.kind === 'connection' ? link.connectionId : '';
  const number = useStore(useSim().live, (s) => s.connections[connId]?.number ?? null);
  const cable = route?.cable;
  if (!cable) return null;
  const mid = (cable.top + cable.bottom) / 2;
  const app = (data as AmqpEdgeData).appName ?? '';
  return (
    <g className={`cable${number === null ? ' is-closed' : ''}`}>
      <title>{number === null ? t('cable.connectionClosedTip', { app }) : t('cable.connectionTip', { n: number, app })}</title>
      <path className="cable-outline" d={svgOf([cableRun(cable, mid)])} strokeWidth={cable.bottom - cable.top + 4} />
      <path className="cable-body" d={svgOf([cableRun(cable, mid)])} strokeWidth={cable.bottom - cable.top} />
      {cable.lanes.map((l) => (
        <path key={l.channelId} className="cable-lane" d={svgOf([cableRun(cable, (l.top + l.bottom) / 2)])} strokeWidth={l.bottom - l.top - 2} />
      ))}
    </g>
  );
});
