import type { z } from 'zod';
import type { consumerSchema, messageTemplateSchema, publisherSchema } from './schemas/clients';

/**
 * What the simulated clients (src/sim/, issue 5) do. Publishers and consumers live on a channel of an
 * app; they refer to exchanges and queues by NAME, as AMQP methods do.
 */

export const KEY_ORDERS = ['round-robin', 'random'] as const;
export const PUBLISH_MODES = ['manual', 'rate', 'burst'] as const;
/**
 * How a publisher with confirms waits for them (the three strategies of RabbitMQ's tutorial 7): not
 * at all (it handles them asynchronously, as they come), after each message (waitForConfirms), or
 * after each batch of confirmBatchSize messages.
 */
export const CONFIRM_WAITS = ['no', 'each', 'batch'] as const;
export type ConfirmWait = (typeof CONFIRM_WAITS)[number];
export const OUTCOMES = ['ack', 'nack-requeue', 'nack-discard', 'reject-requeue', 'reject-discard'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** What a failed delivery gets: anything but ack. */
export const FAIL_OUTCOMES = OUTCOMES.filter((o): o is Exclude<Outcome, 'ack'> => o !== 'ack');
export type FailOutcome = (typeof FAIL_OUTCOMES)[number];

export type MessageTemplate = z.output<typeof messageTemplateSchema>;
export type Publisher = z.output<typeof publisherSchema>;

/**
 * The prefetch every new consumer starts with, however it is created (palette, inspector, a line to a
 * queue, a file without one). A real client that never sends basic.qos has no limit (0), and the broker
 * pushes it everything; Warren starts at 10 on purpose, so that a student sees a consumer's buffer fill
 * and the queue keep the rest, and sets 0 to see the unlimited case. (Links leave out a consumer's
 * prefetch when it is 10: share/wireShapes.ts keeps that 10 whatever this says.)
 */
export const DEFAULT_CONSUMER_PREFETCH = 10;
export type Consumer = z.output<typeof consumerSchema>;
