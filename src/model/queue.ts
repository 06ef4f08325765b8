import type { z } from 'zod';
import type { Position } from './common';
import type { queueArgumentsSchema, queueSchema } from './schemas/queue';

/** A declared queue and its x-arguments (the rules RabbitMQ enforces on them: schemas/queue.ts). */

export const OVERFLOW_MODES = ['drop-head', 'reject-publish', 'reject-publish-dlx'] as const;
export type Overflow = (typeof OVERFLOW_MODES)[number];
/**
 * 'stream': imported from RabbitMQ definitions so the topology stays recognisable, but not simulated
 * yet: it is drawn, never declared on the simulated broker (topologyOps leaves it and its bindings
 * out), and the editor does not offer it (SIMULATED_QUEUE_TYPES).
 */
export const QUEUE_TYPES = ['classic', 'quorum', 'stream'] as const;
export type QueueType = (typeof QUEUE_TYPES)[number];
export const SIMULATED_QUEUE_TYPES = ['classic', 'quorum'] as const satisfies readonly QueueType[];

/** Is this queue on the simulated broker? (Streams are drawn, not simulated yet.) */
export const isSimulatedQueue = (q: Pick<Queue, 'arguments'>): boolean => q.arguments.queueType !== 'stream';

export type QueueArguments = z.output<typeof queueArgumentsSchema>;

export type Queue = z.output<typeof queueSchema>;

export function newQueue(id: string, name: string, position: Position): Queue {
  return {
    id,
    name,
    durable: true,
    exclusive: false,
    autoDelete: false,
    arguments: { queueType: 'classic' },
    position,
  };
}
