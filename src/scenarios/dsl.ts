import {
  type App, type Binding, type BindingArguments, type Channel, type Consumer, defaultConsumer, defaultPublisher, type Exchange, type ExchangeType,
  emptyScenario, type Publisher, type Queue, type QueueArguments, type Scenario,
} from '../model';
import { tidyLayout } from '../model/tidy';

/**
 * A small vocabulary for writing gallery scenarios as plain model documents: every function returns
 * plain data with every field set (what the editor's own operations produce), ids derived from
 * names, and scenario() lays the result out left to right with the editor's tidy layout: producers,
 * the broker's exchanges and queues, consumers.
 */
const slug = (s: string) => s.replace(/[^\w.:-]/g, '-').slice(0, 40) || '_';

export function exchange(name: string, type: ExchangeType, extra: Partial<Omit<Exchange, 'id' | 'name' | 'type'>> = {}): Exchange {
  return { id: `x-${slug(name)}`, name, type, durable: true, autoDelete: false, internal: false, position: { x: 0, y: 0 }, ...extra };
}

export function queue(name: string, args: Partial<QueueArguments> = {}, extra: Partial<Pick<Queue, 'durable' | 'exclusive' | 'autoDelete'>> = {}): Queue {
  return { id: `q-${slug(name)}`, name, durable: true, exclusive: false, autoDelete: false, arguments: { queueType: 'classic', ...args }, position: { x: 0, y: 0 }, ...extra };
}

const isExchange = (x: Exchange | Queue): x is Exchange => 'type' in x;

export function bind(source: Exchange, destination: Exchange | Queue, routingKey = '', args: BindingArguments = {}): Binding {
  const kind = isExchange(destination) ? 'exchange' : 'queue';
  const suffix = Object.entries(args)
    .filter(([k]) => k !== 'x-match')
    .map(([k]) => k)
    .join('.');
  return {
    id: `b-${slug(source.name)}-${slug(destination.name)}-${slug(routingKey || suffix || '_')}`.slice(0, 64),
    source: source.id,
    destination: destination.id,
    destinationType: kind,
    routingKey,
    arguments: args,
  };
}

function channel(appId: string, extra: Partial<Channel>): Channel {
  return { id: `${appId}-ch`, number: 1, prefetchCount: 0, prefetchGlobal: false, confirmSelect: false, ...extra };
}

function app(name: string, ch: Partial<Channel>): App {
  const id = `app-${slug(name)}`;
  return { id, name, position: { x: 0, y: 0 }, connections: [{ id: `${id}-conn`, channels: [channel(id, ch)] }], publishers: [], consumers: [] };
}

type PublisherSpec = Partial<Omit<Publisher, 'message'>> & { message?: Partial<Publisher['message']> };

function publisher(a: App, spec: PublisherSpec): Publisher {
  const base = defaultPublisher(`${a.id}-pub`, `${a.id}-ch`);
  return { ...base, ...spec, message: { ...base.message, body: '{key} #{n}', ...spec.message } };
}

/** An app with one publisher (its channel in confirm mode when the publisher tracks confirms). */
export function producer(name: string, spec: PublisherSpec, ch: Partial<Channel> = {}): App {
  const a = app(name, { confirmSelect: spec.confirms === true, ...ch });
  return { ...a, publishers: [publisher(a, spec)] };
}

/** An app with one consumer on `queue`. */
export function consumer(name: string, queueName: string, spec: Partial<Consumer> = {}, ch: Partial<Channel> = {}): App {
  const a = app(name, ch);
  return { ...a, consumers: [{ ...defaultConsumer(`${a.id}-sub`, `${a.id}-ch`, queueName), ...spec }] };
}

/** An app that publishes and consumes on one channel (an RPC client and its reply queue). */
export function producerConsumer(name: string, pub: PublisherSpec, queueName: string, con: Partial<Consumer> = {}): App {
  const a = app(name, {});
  return { ...a, publishers: [publisher(a, pub)], consumers: [{ ...defaultConsumer(`${a.id}-sub`, `${a.id}-ch`, queueName), ...con }] };
}

export const consumerId = (a: App): string => a.consumers[0]!.id;
export const publisherId = (a: App): string => a.publishers[0]!.id;

export interface ScenarioParts {
  title: string;
  seed?: number;
  hopLatencyMs?: number;
  showDefaultExchange?: boolean;
  exchanges?: Exchange[];
  queues?: Queue[];
  bindings?: Binding[];
  /**
   * Bindings the student is meant to create: the layout places their queues as if they existed
   * (after the exchange, not beside the producers), but they are not in the document.
   */
  layoutBindings?: Binding[];
  apps: App[];
}

/** The document, laid out by the editor's tidy layout. */
export function scenario(p: ScenarioParts): Scenario {
  const s: Scenario = {
    ...emptyScenario(p.seed ?? 1),
    title: p.title,
    broker: { showDefaultExchange: p.showDefaultExchange ?? false, hopLatencyMs: p.hopLatencyMs ?? 300 },
    exchanges: p.exchanges ?? [],
    queues: p.queues ?? [],
    bindings: p.bindings ?? [],
    apps: p.apps,
  };
  if (!p.layoutBindings?.length) return tidyLayout(s);
  const laidOut = tidyLayout({ ...s, bindings: [...s.bindings, ...p.layoutBindings] });
  return { ...laidOut, bindings: s.bindings };
}
