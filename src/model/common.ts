import type { z } from 'zod';
import type { headersSchema, headerValueSchema, positionSchema } from './schemas/common';

/**
 * What the document's entities share: a position on the canvas, AMQP table values. The zod schemas
 * that check them (for anything read from outside, and edits) are in schemas/common.ts: only types
 * come from there, so the first canvas does not load zod.
 */

/**
 * How far from the origin a node may sit. Generous (a canvas of a thousand nodes spans a few tens of
 * thousands), and it keeps a forged link's 1e308 out: fit view would compute NaN from it and show a
 * blank canvas nobody can recover.
 */
export const POSITION_MAX = 1_000_000;
export type Position = z.output<typeof positionSchema>;
export type HeaderValue = z.output<typeof headerValueSchema>;
export type Headers = z.output<typeof headersSchema>;
