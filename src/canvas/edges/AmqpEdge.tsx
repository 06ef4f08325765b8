import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo } from 'react';
import type { AmqpEdgeData, AmqpFlowEdge } from '../flowEdges';

/**
 * Publish, subscribe, dead-letter, alternate-exchange and implicit default-exchange lines. Their look
 * comes from CSS by kind (edge-deadLetter and edge-alternate are dashed, defaultBinding dotted).
 */
export const AmqpEdge = memo(function AmqpEdge(props: EdgeProps<AmqpFlowEdge>) {
  const [path, labelX, labelY] = getBezierPath(props);
  const data = props.data as AmqpEdgeData;
  return (
    <>
      <BaseEdge id={props.id} path={path} markerEnd={props.markerEnd} interactionWidth={16} />
      {data.label ? (
        <EdgeLabelRenderer>
          <div className={`edge-label edge-label-${data.link.kind}`} style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }} title={data.label}>
            {data.label}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
});
