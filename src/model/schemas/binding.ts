import { z } from 'zod';
import { type BindingValue, X_MATCH_VALUES } from '../binding';
import { headerValueSchema, idSchema, shortstrSchema } from './common';

/**
 * Binding values nest (a headers binding may match a header whose value is a list or a table, compared
 * whole, as RabbitMQ does); the JSON depth of anything read from outside is capped before it gets here.
 */
export const bindingValueSchema: z.ZodType<BindingValue> = z.lazy(() => z.union([headerValueSchema, z.array(bindingValueSchema), z.record(z.string(), bindingValueSchema)]));

/**
 * Binding arguments (queue.bind / exchange.bind). For a headers exchange they are the headers to match,
 * plus `x-match`. Values keep their type: headers matching compares typed values (1 is not "1").
 */
export const bindingArgumentsSchema = z
  .record(z.string(), bindingValueSchema)
  .superRefine((args, ctx) => {
    if (Object.keys(args).some((k) => k.trim() === '')) {
      ctx.addIssue({ code: 'custom', message: 'validation.headerKeyEmpty', input: args });
    }
    const m = args['x-match'];
    if (m !== undefined && !(X_MATCH_VALUES as readonly unknown[]).includes(m)) {
      ctx.addIssue({ code: 'custom', path: ['x-match'], message: 'validation.xMatch', input: args });
    }
  });

export const bindingSchema = z.object({
  id: idSchema,
  /** The source exchange's id (bindings follow renames). */
  source: idSchema,
  /** The destination queue's or exchange's id. */
  destination: idSchema,
  destinationType: z.enum(['queue', 'exchange']),
  routingKey: shortstrSchema.default(''),
  arguments: bindingArgumentsSchema.default({}),
});
