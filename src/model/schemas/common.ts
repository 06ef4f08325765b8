import { z } from 'zod';
import { SHORTSTR_MAX_BYTES, utf8Length } from '../amq';
import { POSITION_MAX } from '../common';

/**
 * Building blocks shared by the document's schemas. Error messages are i18n keys (see explanation.ts);
 * zodIssues.ts turns zod's issues into explanations with parameters.
 */

const coordinate = z.number().finite().min(-POSITION_MAX).max(POSITION_MAX);
export const positionSchema = z.object({ x: coordinate, y: coordinate });

/** An id: non-empty, and safe as a React Flow node/edge id and a DOM attribute. */
export const idSchema = z
  .string()
  .min(1, { error: 'validation.required' })
  .max(64, { error: 'validation.tooLong' })
  .regex(/^[\w.:-]+$/, { error: 'validation.invalid' });

/** A short string (name or routing key) as AMQP carries it: at most 255 bytes. */
export const shortstrSchema = z
  .string()
  .refine((s) => utf8Length(s) <= SHORTSTR_MAX_BYTES, { error: 'validation.tooLong' });

export const nonNegativeInt = (max?: number) => {
  const base = z.number({ error: 'validation.number' }).int({ error: 'validation.integer' }).min(0);
  return max === undefined ? base : base.max(max);
};

/** A value in an AMQP table (headers, binding arguments): typed, because headers matching is typed. */
export const headerValueSchema = z.union([z.string(), z.number().finite(), z.boolean()]);

export const headersSchema = z
  .record(z.string(), headerValueSchema)
  .refine((h) => !Object.keys(h).some((k) => k.trim() === ''), {
    error: 'validation.headerKeyEmpty',
  });
