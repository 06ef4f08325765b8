import { z } from 'zod';
import { isReservedName, MAX_PRIORITY, TTL_MAX } from '../amq';
import { OVERFLOW_MODES, QUEUE_TYPES } from '../queue';
import { idSchema, nonNegativeInt, positionSchema, shortstrSchema } from './common';

/** The arguments a stream takes that Warren's queues model (x-max-age and the segment size are not modelled). */
const STREAM_ARGUMENTS: ReadonlySet<string> = new Set(['queueType', 'maxLengthBytes']);

/** The optional x-arguments of queue.declare, by their meaning. Absent = not set. */
export const queueArgumentsSchema = z.object({
  /** x-message-ttl (ms): messages older than this expire (and are dead-lettered if a DLX is set). */
  messageTtl: nonNegativeInt(TTL_MAX).optional(),
  /** x-expires (ms): the queue is deleted after being unused this long. RabbitMQ refuses 0. */
  expires: nonNegativeInt(TTL_MAX)
    .refine((v) => v > 0, { error: 'validation.expiresPositive' })
    .optional(),
  maxLength: nonNegativeInt().optional(),
  maxLengthBytes: nonNegativeInt().optional(),
  overflow: z.enum(OVERFLOW_MODES, { error: 'validation.oneOf' }).optional(),
  /** x-dead-letter-exchange: an exchange NAME ('' = the default exchange); may not exist yet. */
  deadLetterExchange: shortstrSchema.optional(),
  deadLetterRoutingKey: shortstrSchema.optional(),
  maxPriority: nonNegativeInt(MAX_PRIORITY).optional(),
  singleActiveConsumer: z.boolean().optional(),
  queueType: z.enum(QUEUE_TYPES, { error: 'validation.oneOf' }).default('classic'),
  /** x-delivery-limit: quorum queues dead-letter (or drop) a message redelivered more than this. */
  deliveryLimit: nonNegativeInt().optional(),
});

/**
 * A declared queue. The cross-field rules are those RabbitMQ enforces at queue.declare (it answers
 * 406 PRECONDITION_FAILED), reported on the field the user is most likely to change.
 */
export const queueSchema = z
  .object({
    id: idSchema,
    name: shortstrSchema
      .refine((n) => n !== '', { error: 'validation.nameEmpty' })
      .refine((n) => !isReservedName(n), { error: 'validation.nameReserved' }),
    durable: z.boolean().default(true),
    /** Exclusive queues belong to the connection that declared them and vanish with it. */
    exclusive: z.boolean().default(false),
    autoDelete: z.boolean().default(false),
    arguments: queueArgumentsSchema.default({ queueType: 'classic' }),
    position: positionSchema.default({ x: 0, y: 0 }),
  })
  .superRefine((q, ctx) => {
    const a = q.arguments;
    const fail = (path: (string | number)[], error: string) =>
      ctx.addIssue({ code: 'custom', path, message: error, input: q });
    if (a.queueType === 'quorum') {
      // Quorum queues are replicated Raft logs: always durable, never exclusive or auto-deleted.
      if (!q.durable) fail(['durable'], 'validation.quorumDurable');
      if (q.exclusive) fail(['exclusive'], 'validation.quorumExclusive');
      if (q.autoDelete) fail(['autoDelete'], 'validation.quorumAutoDelete');
      if (a.maxPriority !== undefined) fail(['arguments', 'maxPriority'], 'validation.quorumPriority');
      if (a.overflow === 'reject-publish-dlx') fail(['arguments', 'overflow'], 'validation.quorumOverflow');
    } else if (a.queueType === 'stream') {
      // streams are replicated logs: durable, shared, kept; most classic arguments mean nothing to them
      if (!q.durable) fail(['durable'], 'validation.streamProperties');
      if (q.exclusive) fail(['exclusive'], 'validation.streamProperties');
      if (q.autoDelete) fail(['autoDelete'], 'validation.streamProperties');
      for (const [k, v] of Object.entries(a)) if (v !== undefined && !STREAM_ARGUMENTS.has(k)) fail(['arguments', k], 'validation.streamArgument');
    } else if (a.deliveryLimit !== undefined) {
      fail(['arguments', 'deliveryLimit'], 'validation.deliveryLimitQuorumOnly');
    }
    if (a.deadLetterRoutingKey !== undefined && a.deadLetterExchange === undefined) {
      fail(['arguments', 'deadLetterRoutingKey'], 'validation.dlrkNeedsDlx');
    }
  });
