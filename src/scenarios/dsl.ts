import {
  APP_GAP, type App, type Binding, type BindingArguments, type Channel, type Consumer, DEFAULT_EXCHANGE, defaultConsumer, defaultPublisher, type Exchange, type ExchangeType,
  emptyScenario, FRAME_PADDING, nominalApp, nominalExchange, nominalFirstHandle, nominalQueue, type Position, type Publisher, type Queue, type QueueArguments,
  type Scenario, type Size,
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
  /** a compact layout drawn by hand (see place); without it, the editor's tidy layout */
  placement?: Placement;
}

/** The document, laid out by hand (`placement`) or by the editor's tidy layout. */
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
  if (p.placement) return place(s, p.placement);
  if (!p.layoutBindings?.length) return tidyLayout(s);
  const laidOut = tidyLayout({ ...s, bindings: [...s.bindings, ...p.layoutBindings] });
  return { ...laidOut, bindings: s.bindings };
}

/**
 * A compact layout by hand, so that a scenario opens big enough to read on a 1280×720 projector
 * and in a 960×540 embed: the broker's exchanges and queues on columns, each node at a height
 * (by name; "" is the default exchange), `gap` between the columns (room for the binding labels).
 * The apps are placed beside the broker: producers on the left, each at the height of the node it
 * publishes to, consumers on the right at the height of the queue they consume from (several that
 * want the same height are stacked around it, never overlapping); `apps` places one by hand.
 */
export interface Placement {
  columns: Record<string, number>[];
  gap?: number;
  apps?: Record<string, number>;
}

/** Apps are drawn this wide (model nominalApp). */
const APP_WIDTH = 250;
/** Vertical room between two apps stacked beside the broker. */
const APP_STACK_GAP = 8;

export function place(s: Scenario, p: Placement): Scenario {
  const gap = p.gap ?? 110;
  const exchangeByName = new Map(s.exchanges.map((e) => [e.name, e]));
  const queueByName = new Map(s.queues.map((q) => [q.name, q]));
  // "x:work" and "q:work" tell an exchange and a queue of the same name apart
  const sizeOf = (key: string): Size => {
    if (key === DEFAULT_EXCHANGE) return nominalExchange(null);
    const e = key.startsWith('q:') ? undefined : exchangeByName.get(key.replace(/^x:/, ''));
    if (e) return nominalExchange(e);
    const q = key.startsWith('x:') ? undefined : queueByName.get(key.replace(/^q:/, ''));
    if (q) return nominalQueue(q);
    throw new Error(`place: no exchange or queue named "${key}"`);
  };
  const boxes = new Map<string, Position & Size>();
  let x = APP_WIDTH + APP_GAP + FRAME_PADDING;
  for (const column of p.columns) {
    const width = Math.max(...Object.keys(column).map((n) => sizeOf(n).width));
    for (const [name, y] of Object.entries(column)) boxes.set(name, { x, y, ...sizeOf(name) });
    x += width + gap;
  }
  const rightX = x - gap + FRAME_PADDING + APP_GAP;
  const exchangeBox = (name: string) => boxes.get(`x:${name}`) ?? boxes.get(name);
  const queueBox = (name: string) => boxes.get(`q:${name}`) ?? boxes.get(name);
  for (const e of s.exchanges) if (!exchangeBox(e.name)) throw new Error(`place: exchange "${e.name}" has no place`);
  for (const q of s.queues) if (!queueBox(q.name)) throw new Error(`place: queue "${q.name}" has no place`);
  const middle = (b: (Position & Size) | undefined) => (b ? b.y + b.height / 2 : 0);
  const left: Stacked[] = [];
  const right: Stacked[] = [];
  for (const a of s.apps) {
    const h = nominalApp(a).height;
    const handle = nominalFirstHandle(a);
    if (a.publishers.length) {
      const pub = a.publishers[0]!;
      // to the default exchange when it is drawn; else straight to the queue its key names
      const target = pub.exchange === DEFAULT_EXCHANGE ? (s.broker.showDefaultExchange ? boxes.get(DEFAULT_EXCHANGE) : queueBox(pub.routingKeys[0] ?? '')) : exchangeBox(pub.exchange);
      left.push({ id: a.id, desired: p.apps?.[a.name] ?? middle(target) - handle, height: h });
    } else right.push({ id: a.id, desired: p.apps?.[a.name] ?? middle(queueBox(a.consumers[0]?.queue ?? '')) - handle, height: h });
  }
  const tops = new Map([...stack(left), ...stack(right)]);
  const isLeft = new Set(left.map((l) => l.id));
  const pos = (b: Position) => ({ x: Math.round(b.x), y: Math.round(b.y) });
  const def = boxes.get(DEFAULT_EXCHANGE);
  return {
    ...s,
    exchanges: s.exchanges.map((e) => ({ ...e, position: pos(exchangeBox(e.name)!) })),
    queues: s.queues.map((q) => ({ ...q, position: pos(queueBox(q.name)!) })),
    apps: s.apps.map((a) => ({ ...a, position: pos({ x: isLeft.has(a.id) ? 0 : rightX, y: tops.get(a.id)! }) })),
    ...(def ? { layout: { ...s.layout, defaultExchange: pos(def) } } : {}),
  };
}

interface Stacked {
  id: string;
  desired: number;
  height: number;
}

/**
 * Tops for items that each want a height, without overlaps: items that would overlap are merged
 * into a cluster centred where its members want to be on average (the usual 1-D label placement).
 */
function stack(items: Stacked[]): Map<string, number> {
  const sorted = [...items].sort((a, b) => a.desired - b.desired);
  const clusters: { items: Stacked[]; top: number; height: number }[] = [];
  for (const it of sorted) {
    clusters.push({ items: [it], top: it.desired, height: it.height });
    while (clusters.length > 1) {
      const cur = clusters[clusters.length - 1]!;
      const prev = clusters[clusters.length - 2]!;
      if (prev.top + prev.height + APP_STACK_GAP <= cur.top) break;
      const merged = [...prev.items, ...cur.items];
      let offset = 0;
      let sum = 0;
      for (const m of merged) {
        sum += m.desired - offset;
        offset += m.height + APP_STACK_GAP;
      }
      clusters.splice(-2, 2, { items: merged, top: sum / merged.length, height: offset - APP_STACK_GAP });
    }
  }
  const out = new Map<string, number>();
  for (const c of clusters) {
    let y = c.top;
    for (const m of c.items) {
      out.set(m.id, y);
      y += m.height + APP_STACK_GAP;
    }
  }
  return out;
}
