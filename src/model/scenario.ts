import type { z } from 'zod';
import type { App } from './app';
import type { Binding } from './binding';
import type { Exchange } from './exchange';
import type { Programs } from './program';
import type { Queue } from './queue';
import type { brokerSettingsSchema, layoutSchema, viewportSchema } from './schemas/scenario';

/** The whole document (its schema, for what is read from outside: schemas/scenario.ts). */
export const SCENARIO_VERSION = 1;

export type BrokerSettings = z.output<typeof brokerSettingsSchema>;

/** The zoom a saved view may have: the canvas allows 0.2 to 2; a little room either way for other screens. */
export const ZOOM_MIN = 0.01;
export const ZOOM_MAX = 10;
export type Viewport = z.output<typeof viewportSchema>;
export type Layout = z.output<typeof layoutSchema>;

/** Longest title and description a scenario may have (characters). */
export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 10_000;
export const SEED_MAX = 0xffffffff;

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
