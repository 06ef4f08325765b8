import { BaseEdge, EdgeLabelRenderer, type EdgeProps, type InternalNode, useInternalNode } from '@xyflow/react';
import { memo } from 'react';
import { BROKER_NODE_ID } from '../../model';
import type { AmqpEdgeData, DirectReplyFlowEdge } from '../flowEdges';
import { type Box, cubicPath, directReplyCurve } from './directReplyPath';

function box(n: InternalNode): Box {
  return { ...n.internals.positionAbsolute, width: n.measured.width ?? n.width ?? 0, height: n.measured.height ?? n.height ?? 0 };
}

/**
 * Direct reply-to: the path replies take from an RPC server back to the client channel that
 * consumes amq.rabbitmq.reply-to, under the broker frame, labelled "direct reply-to". A floating
 * edge (its ends are the nodes' bottoms, not handles), drawn on the curve the tokens ride.
 */
export const DirectReplyEdge = memo(function DirectReplyEdge({ id, source, target, markerEnd, data }: EdgeProps<DirectReplyFlowEdge>) {
  const server = useInternalNode(source);
  const client = useInternalNode(target);
  const frame = useInternalNode(BROKER_NODE_ID);
  if (!server || !client) return null;
  const { cubic, label } = directReplyCurve(box(server), box(client), frame ? box(frame) : null);
  const { label: text } = data as AmqpEdgeData;
  return (
    <>
      <BaseEdge id={id} path={cubicPath(cubic)} markerEnd={markerEnd} className="direct-reply-line" />
      <EdgeLabelRenderer>
        <div className="edge-label edge-label-directReply" style={{ transform: `translate(-50%, -50%) translate(${label.x}px, ${label.y}px)` }} title={text}>
          {text}
        </div>
      </EdgeLabelRenderer>
    </>
  );
});
