import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { AmqpEdgeData, DirectReplyFlowEdge } from '../flowEdges';
import { useRoute } from '../geometry/useRoute';

/**
 * Direct reply-to: the path replies take from an RPC server back to the client channel that
 * consumes amq.rabbitmq.reply-to: out through the server's lane, across the broker under its
 * exchanges and queues, in through the client's lane (geometry/routes.ts, directReplyRoute), labelled
 * "direct reply-to". The reply tokens ride the same route.
 */
export const DirectReplyEdge = memo(function DirectReplyEdge({ id, markerEnd, data }: EdgeProps<DirectReplyFlowEdge>) {
  const route = useRoute(id);
  if (!route) return null;
  const { label: text } = data as AmqpEdgeData;
  return (
    <>
      <BaseEdge id={id} path={route.svg} markerEnd={markerEnd} className="direct-reply-line" />
      {route.labelAt ? (
        <EdgeLabelRenderer>
          <div className="edge-label edge-label-directReply" style={{ transform: `translate(-50%, -50%) translate(${route.labelAt.x}px, ${route.labelAt.y}px)` }} title={text}>
            {text}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
});
