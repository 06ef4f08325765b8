import { BaseEdge, type EdgeProps, useInternalNode } from '@xyflow/react';
import { memo } from 'react';
import { BROKER_NODE_ID } from '../../model';
import type { ConnectionFlowEdge } from '../flowEdges';

/**
 * An AMQP connection: a thick line from the app to the nearest point of the broker frame's border
 * (a "floating" edge: the frame has no handles, the end point is computed here).
 */
export const ConnectionEdge = memo(function ConnectionEdge({ id, source }: EdgeProps<ConnectionFlowEdge>) {
  const app = useInternalNode(source);
  const frame = useInternalNode(BROKER_NODE_ID);
  if (!app || !frame) return null;
  const a = app.internals.positionAbsolute;
  const aw = app.measured.width ?? 0;
  const ah = app.measured.height ?? 0;
  const f = frame.internals.positionAbsolute;
  const fw = frame.measured.width ?? frame.width ?? 0;
  const fh = frame.measured.height ?? frame.height ?? 0;
  const cy = a.y + ah / 2;
  const onLeft = a.x + aw / 2 < f.x + fw / 2;
  const sx = onLeft ? a.x + aw : a.x;
  const tx = onLeft ? f.x : f.x + fw;
  const ty = Math.min(Math.max(cy, f.y + 12), f.y + fh - 12);
  return <BaseEdge id={id} path={`M ${sx},${cy} L ${tx},${ty}`} className="connection-line" />;
});
