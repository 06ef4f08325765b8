import type { App, Consumer, Publisher, Scenario } from '../model';

/**
 * Finds model entities by id. The index is rebuilt only when the scenario object changes (the
 * world replaces it on every edit, never mutates it), so lookups on the hot path are one Map get.
 */
interface Index {
  scenario: Scenario;
  publishers: Map<string, { app: App; pub: Publisher }>;
  consumers: Map<string, { app: App; con: Consumer }>;
}

let cache: Index | undefined;

function index(s: Scenario): Index {
  if (cache?.scenario === s) return cache;
  const publishers = new Map<string, { app: App; pub: Publisher }>();
  const consumers = new Map<string, { app: App; con: Consumer }>();
  for (const app of s.apps) {
    for (const pub of app.publishers) publishers.set(pub.id, { app, pub });
    for (const con of app.consumers) consumers.set(con.id, { app, con });
  }
  cache = { scenario: s, publishers, consumers };
  return cache;
}

export function findPublisher(s: Scenario, id: string): { app: App; pub: Publisher } | undefined {
  return index(s).publishers.get(id);
}

export function findConsumer(s: Scenario, id: string): { app: App; con: Consumer } | undefined {
  return index(s).consumers.get(id);
}

export function exchangeName(s: Scenario, id: string): string | undefined {
  return s.exchanges.find((e) => e.id === id)?.name;
}

export function queueName(s: Scenario, id: string): string | undefined {
  return s.queues.find((q) => q.id === id)?.name;
}
