import type { EdgeTypes } from '@xyflow/react';
import { AmqpEdge } from './edges/AmqpEdge';
import { BindingEdge } from './edges/BindingEdge';
import { ConnectionEdge } from './edges/ConnectionEdge';
import { DirectReplyEdge } from './edges/DirectReplyEdge';

/** Edge registry, at module scope (a new object each render would remount every edge). */
export const edgeTypes = {
  amqp: AmqpEdge,
  binding: BindingEdge,
  connection: ConnectionEdge,
  directReply: DirectReplyEdge,
} satisfies EdgeTypes;
