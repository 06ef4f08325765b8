import { z } from 'zod';
import { EXCHANGE_TYPES, isReservedName, predeclaredExchange } from '../amq';
import { idSchema, positionSchema, shortstrSchema } from './common';

/**
 * A declared exchange (exchange.declare) with where it sits on the canvas. "amq." names are reserved
 * (403 ACCESS_REFUSED), except the predeclared exchanges themselves, drawn with their own properties.
 */
export const exchangeSchema = z
  .object({
    id: idSchema,
    name: shortstrSchema
      .refine((n) => n !== '', { error: 'validation.nameEmpty' })
      .refine((n) => !isReservedName(n) || predeclaredExchange(n) !== undefined, { error: 'validation.nameReserved' }),
    type: z.enum(EXCHANGE_TYPES, { error: 'validation.oneOf' }),
    durable: z.boolean().default(true),
    autoDelete: z.boolean().default(false),
    /** Internal exchanges cannot be published to by clients, only reached through exchange bindings. */
    internal: z.boolean().default(false),
    /**
     * The `alternate-exchange` argument: an exchange NAME that receives what this exchange cannot route.
     * As in AMQP it may name an exchange that does not exist (then unroutable messages are dropped).
     */
    alternateExchange: shortstrSchema.optional(),
    position: positionSchema.default({ x: 0, y: 0 }),
  })
  .superRefine((e, ctx) => {
    const pre = predeclaredExchange(e.name);
    if (!pre) return;
    // exchange.declare on an existing exchange must be equivalent, or it fails with 406 PRECONDITION_FAILED
    const fail = (path: string) => ctx.addIssue({ code: 'custom', path: [path], message: 'validation.predeclaredExchange', params: { name: pre.name, type: pre.type }, input: e });
    if (e.type !== pre.type) fail('type');
    if (!e.durable) fail('durable');
    if (e.autoDelete) fail('autoDelete');
    if (e.internal) fail('internal');
    if (e.alternateExchange !== undefined) fail('alternateExchange');
  });
