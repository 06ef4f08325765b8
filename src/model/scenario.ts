import { z } from 'zod';
import { type App, appSchema } from './app';
import { type Binding, bindingSchema } from './binding';
import { POSITION_MAX, positionSchema } from './common';
import { type Programs, programsSchema } from './program';
import { type Exchange, exchangeSchema } from './exchange';
import { type Queue, queueSchema } from './queue';

export const SCENARIO_VERSION = 1;

export const brokerSettingsSchema = z.object({
  /** Draw the default exchange "" (with its implicit binding to every queue). */
  showDefaultExchange: z.boolean().default(false),
  /** Simulated time a message takes for one hop (client -> exchange -> queue -> client). */
  hopLatencyMs: z.number({ error: 'validation.number' }).min(0).max(60_000).default(300),
});
export type BrokerSettings = z.output<typeof brokerSettingsSchema>;

/** The zoom a saved view may have: the canvas allows 0.2 to 2; a little room either way for other screens. */
export const ZOOM_MIN = 0.01;
export const ZOOM_MAX = 10;
/** The view's translation: a position times the zoom. */
const viewportOffset = z.number().finite().min(-POSITION_MAX * ZOOM_MAX).max(POSITION_MAX * ZOOM_MAX);
export const viewportSchema = z.object({ x: viewportOffset, y: viewportOffset, zoom: z.number().min(ZOOM_MIN).max(ZOOM_MAX) });
export type Viewport = z.output<typeof viewportSchema>;

/** Positions of what is not an entity of the document, and the view the user last had. */
export const layoutSchema = z.object({
  defaultExchange: positionSchema.optional(),
  viewport: viewportSchema.optional(),
});
export type Layout = z.output<typeof layoutSchema>;

/** Longest title and description a scenario may have (characters). */
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 10_000;
export const SEED_MAX = 0xffffffff;

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

export interface Scenario {
  version: typeof SCENARIO_VERSION;
  title: string;
  description?: string;
  seed: number;
  broker: BrokerSettings;
  exchanges: Exchange[];
  queues: Queue[];
  bindings: Binding[];
  apps: App[];
  layout?: Layout;
  programs?: Programs;
}

export function emptyScenario(seed = 1): Scenario {
  return {
    version: SCENARIO_VERSION,
    title: '',
    seed,
    broker: { showDefaultExchange: false, hopLatencyMs: 300 },
    exchanges: [],
    queues: [],
    bindings: [],
    apps: [],
  };
}

/** Every id in the document (nodes, bindings, connections, channels, clients): they share one namespace. */
export function allIds(s: Scenario): string[] {
  const ids: string[] = [];
  for (const e of s.exchanges) ids.push(e.id);
  for (const q of s.queues) ids.push(q.id);
  for (const b of s.bindings) ids.push(b.id);
  for (const a of s.apps) {
    ids.push(a.id);
    for (const c of a.connections) {
      ids.push(c.id);
      for (const ch of c.channels) ids.push(ch.id);
    }
    for (const p of a.publishers) ids.push(p.id);
    for (const c of a.consumers) ids.push(c.id);
  }
  return ids;
}

export const findExchange = (s: Scenario, id: string) => s.exchanges.find((e) => e.id === id);
export const findQueue = (s: Scenario, id: string) => s.queues.find((q) => q.id === id);
export const findApp = (s: Scenario, id: string) => s.apps.find((a) => a.id === id);
export const exchangeByName = (s: Scenario, name: string) => s.exchanges.find((e) => e.name === name);
export const queueByName = (s: Scenario, name: string) => s.queues.find((q) => q.name === name);
