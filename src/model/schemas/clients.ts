import { z } from 'zod';
import { MAX_PRIORITY, PREFETCH_MAX, TTL_MAX } from '../amq';
import { CONFIRM_WAITS, DEFAULT_CONSUMER_PREFETCH, type FailOutcome, FAIL_OUTCOMES, KEY_ORDERS, OUTCOMES, PUBLISH_MODES } from '../clients';
import { headersSchema, idSchema, nonNegativeInt, shortstrSchema } from './common';

/** Per-message TTL. In AMQP it is a string holding a whole number of milliseconds. */
export const expirationSchema = z.string().refine((s) => /^\d+$/.test(s) && Number(s) <= TTL_MAX, { error: 'validation.expiration' });

export const messageTemplateSchema = z.object({
  body: z.string().default(''),
  contentType: shortstrSchema.optional(),
  /** 1 = transient, 2 = persistent (survives a broker restart in a durable queue). */
  deliveryMode: z.union([z.literal(1), z.literal(2)], { error: 'validation.oneOf' }).default(2),
  priority: nonNegativeInt(MAX_PRIORITY).optional(),
  expiration: expirationSchema.optional(),
  headers: headersSchema.default({}),
  messageId: shortstrSchema.optional(),
  correlationId: shortstrSchema.optional(),
  replyTo: shortstrSchema.optional(),
});

export const publisherSchema = z.object({
  id: idSchema,
  channelId: idSchema,
  /** The exchange NAME given to basic.publish; '' is the default exchange. */
  exchange: shortstrSchema.default(''),
  /** Keys used in turn (or at random, from the seeded PRNG). Never empty: [''] publishes with key ''. */
  routingKeys: z.array(shortstrSchema).min(1, { error: 'validation.required' }).default(['']),
  keyOrder: z.enum(KEY_ORDERS, { error: 'validation.oneOf' }).default('round-robin'),
  mode: z.enum(PUBLISH_MODES, { error: 'validation.oneOf' }).default('manual'),
  ratePerSec: z.number({ error: 'validation.number' }).positive({ error: 'validation.min' }).max(10000).default(1),
  burstCount: z.number({ error: 'validation.number' }).int({ error: 'validation.integer' }).min(1).max(100000).default(10),
  message: messageTemplateSchema.default({ body: '', deliveryMode: 2, headers: {} }),
  /** basic.publish mandatory flag: unroutable messages come back (basic.return 312 NO_ROUTE). */
  mandatory: z.boolean().default(false),
  /** Track publisher confirms (needs the channel in confirm mode). */
  confirms: z.boolean().default(false),
  /** With confirms: publish on without waiting ('no'), or block until the last message ('each') or batch ('batch') is confirmed. */
  waitForConfirms: z.enum(CONFIRM_WAITS, { error: 'validation.oneOf' }).default('no'),
  confirmBatchSize: z.number({ error: 'validation.number' }).int({ error: 'validation.integer' }).min(1).max(10000).default(100),
});

export const consumerSchema = z
  .object({
    id: idSchema,
    channelId: idSchema,
    /** The queue NAME given to basic.consume. '' = not subscribed. */
    queue: shortstrSchema.default(''),
    /** basic.consume no-ack: the broker forgets a message as soon as it is sent (auto-ack). */
    noAck: z.boolean().default(false),
    /** basic.qos(prefetchCount, global=false) issued before this consumer's basic.consume; 0 = no limit. */
    prefetchCount: nonNegativeInt(PREFETCH_MAX).default(DEFAULT_CONSUMER_PREFETCH),
    processingMs: nonNegativeInt(3_600_000).default(500),
    /** more work per '.' in the body, as the work queues tutorial's worker sleeps a second per dot */
    msPerDot: nonNegativeInt(600_000).default(0),
    jitterMs: nonNegativeInt(3_600_000).default(0),
    outcome: z.enum(OUTCOMES, { error: 'validation.oneOf' }).default('ack'),
    failPercent: z.number({ error: 'validation.number' }).min(0).max(100).default(0),
    failOutcome: z.enum(FAIL_OUTCOMES as [FailOutcome, ...FailOutcome[]], { error: 'validation.failOutcome' }).default('nack-requeue'),
    /** x-priority consumer argument: higher-priority consumers get messages first. */
    priority: z.number({ error: 'validation.number' }).int({ error: 'validation.integer' }).min(-2147483648).max(2147483647).default(0),
    exclusive: z.boolean().default(false),
    running: z.boolean().default(true),
    /**
     * RPC server: after acking a request that has a reply-to, publish a reply to the default
     * exchange with the reply-to as routing key and the request's correlation-id.
     */
    replyToRequests: z.boolean().default(false),
  });
