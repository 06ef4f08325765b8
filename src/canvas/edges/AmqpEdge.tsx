import { BaseEdge, EdgeLabelRenderer, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { AmqpEdgeData, AmqpFlowEdge } from '../flowEdges';
import { useRoute } from '../geometry/useRoute';

/**
 * Publish, delivery, dead-letter, alternate-exchange and implicit default-exchange lines, on their
 * shared routes (geometry/: through the channel's lane in the connection's cable; around the nodes
 * for a loop). Their look comes from CSS by kind (edge-deadLetter and edge-alternate are dashed,
 * defaultBinding dotted).
 */
export const AmqpEdge = memo(function AmqpEdge(props: EdgeProps<AmqpFlowEdge>) {
  const route = useRoute(props.id);
  const data = props.data as AmqpEdgeData;
  if (!route) return null;
  return (
    <>
      <BaseEdge id={props.id} path={route.svg} markerEnd={props.markerEnd} interactionWidth={16} />
      {data.label && route.labelAt ? (
        <EdgeLabelRenderer>
          <div className={`edge-label edge-label-${data.link.kind}`} style={{ transform: `translate(-50%, -50%) translate(${route.labelAt.x}px, ${route.labelAt.y}px)` }} title={data.label}>
            {data.label}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
});
