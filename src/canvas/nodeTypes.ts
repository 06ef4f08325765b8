import type { NodeTypes } from '@xyflow/react';
import { AppNode } from './nodes/AppNode';
import { BrokerFrameNode } from './nodes/BrokerFrameNode';
import { ExchangeNode } from './nodes/ExchangeNode';
import { QueueNode } from './nodes/QueueNode';

/** Node registry, at module scope so React Flow never sees a new object (which would remount nodes). */
export const nodeTypes = {
  broker: BrokerFrameNode,
  exchange: ExchangeNode,
  queue: QueueNode,
  app: AppNode,
} satisfies NodeTypes;
