import { z } from 'zod';
import { POSITION_MAX } from '../common';
import { DESCRIPTION_MAX, SCENARIO_VERSION, SEED_MAX, TITLE_MAX, ZOOM_MAX, ZOOM_MIN } from '../scenario';
import { appSchema } from './app';
import { bindingSchema } from './binding';
import { positionSchema } from './common';
import { exchangeSchema } from './exchange';
import { programsSchema } from './program';
import { queueSchema } from './queue';

export const brokerSettingsSchema = z.object({
  /** Draw the default exchange "" (with its implicit binding to every queue). */
  showDefaultExchange: z.boolean().default(false),
  /** Simulated time a message takes for one hop (client -> exchange -> queue -> client). */
  hopLatencyMs: z.number({ error: 'validation.number' }).min(0).max(60_000).default(300),
});

/** The view's translation: a position times the zoom. */
const viewportOffset = z.number().finite().min(-POSITION_MAX * ZOOM_MAX).max(POSITION_MAX * ZOOM_MAX);
export const viewportSchema = z.object({ x: viewportOffset, y: viewportOffset, zoom: z.number().min(ZOOM_MIN).max(ZOOM_MAX) });

/** Positions of what is not an entity of the document, and the view the user last had. */
export const layoutSchema = z.object({
  defaultExchange: positionSchema.optional(),
  viewport: viewportSchema.optional(),
});

/** The fields of a scenario, without the rules that relate entities to each other. */
export const scenarioShape = z.object({
  version: z.literal(SCENARIO_VERSION),
  title: z.string().max(TITLE_MAX).default(''),
  description: z.string().max(DESCRIPTION_MAX).optional(),
  /** Seed of the simulation's PRNG: same seed and same inputs give the same run. */
  seed: z.number({ error: 'validation.number' }).int().min(0).max(SEED_MAX).default(1),
  broker: brokerSettingsSchema.default({ showDefaultExchange: false, hopLatencyMs: 300 }),
  exchanges: z.array(exchangeSchema).default([]),
  queues: z.array(queueSchema).default([]),
  bindings: z.array(bindingSchema).default([]),
  apps: z.array(appSchema).default([]),
  layout: layoutSchema.optional(),
  /** client programs the person runs against the broker (issue 13) */
  programs: programsSchema.optional(),
});
