import { z } from 'zod';
import type { App, Channel } from './app';
import type { Binding } from './binding';
import type { Exchange } from './exchange';
import type { Explanation, ModelMessageKey } from './explanation';
import { IdSource } from './ids';
import { uniqueName } from './names';
import type { Queue } from './queue';
import { emptyScenario, SCENARIO_VERSION, type Scenario } from './scenario';
import { appSchema, channelSchema } from './schemas/app';
import { bindingSchema } from './schemas/binding';
import { consumerSchema, publisherSchema } from './schemas/clients';
import { exchangeSchema } from './schemas/exchange';
import { restorePrograms } from './schemas/program';
import { queueSchema } from './schemas/queue';
import { scenarioShape } from './schemas/scenario';

export interface RestoreResult {
  /** ok: read as is; recovered: some parts could not be read and were left out or fixed; reset: nothing usable. */
  status: 'ok' | 'recovered' | 'reset';
  scenario: Scenario;
  problems: Explanation[];
}

const record = z.record(z.string(), z.unknown());
const nameOf = (x: unknown) => {
  const n = record.safeParse(x);
  return n.success && typeof n.data.name === 'string' ? n.data.name : '?';
};

/**
 * Reads a scenario from untrusted data (localStorage, a link, a file) without ever throwing. What
 * validates is kept, piece by piece; what does not is left out and listed; names and ids that collide
 * are made unique. An older document (no or lower version) is read the same way, missing fields taking
 * their defaults. A document from a newer Warren is not guessed at: it is refused (reset).
 */
export function restoreScenario(input: unknown): RestoreResult {
  const top = record.safeParse(input);
  if (!top.success) return { status: 'reset', scenario: emptyScenario(), problems: [{ key: 'restore.reset' }] };
  const raw = top.data;
  if (typeof raw.version === 'number' && raw.version > SCENARIO_VERSION) {
    return { status: 'reset', scenario: emptyScenario(), problems: [{ key: 'restore.newerVersion', params: { version: raw.version } }] };
  }
  const problems: Explanation[] = [];
  // Each top-level field on its own: a bad title must not cost the user their topology.
  const field = <T>(schema: z.ZodType<T>, value: unknown, fallback: T): T => {
    const r = schema.safeParse(value);
    return r.success ? r.data : fallback;
  };
  const list = (key: string) => (Array.isArray(raw[key]) ? (raw[key] as unknown[]) : []);
  const seenIds = new Set<string>();
  const ids = new IdSource([]);
  const drop = (key: ModelMessageKey, item: unknown) => problems.push({ key, params: { name: nameOf(item) } });

  const named = <T extends { id: string; name: string }>(items: unknown[], schema: z.ZodType<T>, dropKey: ModelMessageKey, idKind: 'exchange' | 'queue' | 'app'): T[] => {
    const names = new Set<string>();
    const out: T[] = [];
    for (const item of items) {
      const r = schema.safeParse(item);
      if (!r.success) {
        drop(dropKey, item);
        continue;
      }
      const value = { ...r.data };
      if (names.has(value.name)) {
        const renamed = uniqueName(value.name, names);
        problems.push({ key: 'restore.renamed', params: { name: value.name, renamed } });
        value.name = renamed;
      }
      names.add(value.name);
      out.push(value);
    }
    return out.map((v) => ({ ...v, id: fresh(v.id, idKind) }));
  };
  // A duplicate id is replaced rather than dropped: the thing itself was fine.
  const fresh = (id: string, kind: Parameters<IdSource['take']>[0]) => {
    if (!seenIds.has(id)) {
      seenIds.add(id);
      return id;
    }
    let next = ids.take(kind);
    while (seenIds.has(next)) next = ids.take(kind);
    seenIds.add(next);
    return next;
  };

  const exchanges = named<Exchange>(list('exchanges'), exchangeSchema, 'restore.droppedExchange', 'exchange');
  const queues = named<Queue>(list('queues'), queueSchema, 'restore.droppedQueue', 'queue');
  const apps = named<App>(list('apps').map((a) => repairApp(a, problems)), appSchema, 'restore.droppedApp', 'app');
  for (const a of apps) {
    const channelIds = new Map<string, string>();
    a.connections = a.connections.map((c) => ({
      id: fresh(c.id, 'connection'),
      channels: c.channels.map((ch) => {
        const id = fresh(ch.id, 'channel');
        channelIds.set(ch.id, id);
        return { ...ch, id };
      }),
    }));
    a.publishers = a.publishers.map((p) => ({ ...p, id: fresh(p.id, 'publisher'), channelId: channelIds.get(p.channelId) ?? p.channelId }));
    a.consumers = a.consumers.map((c) => ({ ...c, id: fresh(c.id, 'consumer'), channelId: channelIds.get(c.channelId) ?? c.channelId }));
  }
  const exchangeIds = new Set(exchanges.map((e) => e.id));
  const queueIds = new Set(queues.map((q) => q.id));
  const bindings: Binding[] = [];
  for (const item of list('bindings')) {
    const r = bindingSchema.safeParse(item);
    const ok =
      r.success &&
      exchangeIds.has(r.data.source) &&
      (r.data.destinationType === 'queue' ? queueIds.has(r.data.destination) : exchangeIds.has(r.data.destination));
    if (!ok || !r.success) {
      problems.push({ key: 'restore.droppedBinding', params: { name: r.success ? r.data.routingKey : '?' } });
      continue;
    }
    bindings.push({ ...r.data, id: fresh(r.data.id, 'binding') });
  }

  const shape = scenarioShape.shape;
  const description = field(shape.description, raw.description, undefined);
  const layout = field(shape.layout, raw.layout, undefined);
  const { programs, dropped } = restorePrograms(raw.programs);
  for (const name of dropped) problems.push({ key: 'restore.droppedProgram', params: { name } });
  const scenario: Scenario = {
    version: SCENARIO_VERSION,
    title: field(shape.title, raw.title, ''),
    ...(description === undefined ? {} : { description }),
    seed: field(shape.seed, raw.seed, 1),
    broker: field(shape.broker, raw.broker, emptyScenario().broker),
    exchanges,
    queues,
    bindings,
    apps,
    ...(layout === undefined ? {} : { layout }),
    ...(programs === undefined ? {} : { programs }),
  };
  if (problems.length === 0) return { status: 'ok', scenario, problems };
  return { status: 'recovered', scenario, problems: [{ key: 'restore.recovered', params: { count: problems.length } }, ...problems] };
}

/**
 * Keeps what can be kept of an app: readable channels (renumbered if two share a number), and the
 * publishers and consumers that validate (moved to the first channel if theirs is gone).
 */
function repairApp(input: unknown, problems: Explanation[]): unknown {
  const r = record.safeParse(input);
  if (!r.success) return input;
  const app = r.data;
  const connections = (Array.isArray(app.connections) ? app.connections : [])
    .map((c) => record.safeParse(c))
    .filter((c) => c.success)
    .map((c) => {
      const numbers = new Set<number>();
      const channels: Channel[] = [];
      for (const ch of Array.isArray(c.data.channels) ? c.data.channels : []) {
        const parsed = channelSchema.safeParse(ch);
        if (!parsed.success) continue;
        const channel = { ...parsed.data };
        if (numbers.has(channel.number)) {
          let n = 1;
          while (numbers.has(n)) n++;
          problems.push({ key: 'restore.renumberedChannel', params: { name: nameOf(app), from: channel.number, to: n } });
          channel.number = n;
        }
        numbers.add(channel.number);
        channels.push(channel);
      }
      return { id: c.data.id, channels };
    })
    .filter((c) => c.channels.length > 0);
  const channelIds = new Set(connections.flatMap((c) => c.channels.map((ch) => ch.id)));
  const firstChannel = connections[0]?.channels[0]?.id;
  const clients = <S extends typeof publisherSchema | typeof consumerSchema>(items: unknown, schema: S) =>
    (Array.isArray(items) ? items : []).flatMap((item) => {
      const parsed = schema.safeParse(item);
      if (!parsed.success || !firstChannel) {
        problems.push({ key: 'restore.droppedClient', params: { name: nameOf(app) } });
        return [];
      }
      return [{ ...parsed.data, channelId: channelIds.has(parsed.data.channelId) ? parsed.data.channelId : firstChannel }];
    });
  return { ...app, connections, publishers: clients(app.publishers, publisherSchema), consumers: clients(app.consumers, consumerSchema) };
}
