import {
  type App, amqpToQueueArguments, DEFAULT_EXCHANGE_NODE_ID, type Binding, type Channel, type Consumer, type Exchange, type Position, type Publisher, type Queue,
  type Scenario,
} from '../model';
import type { tidyLayout as TidyLayout } from '../model/tidy';
import type { World } from '../sim';
import { type ProgramRt, programIds } from '../sim/programs';

/**
 * What programs add to the picture: the exchanges, queues and bindings they declared (whatever the
 * broker has that the document does not), and one app per program with its connections, channels,
 * publish lines and consumers, drawn with the same node and edge kinds as the simulated clients.
 * Pure: built from the world, cached by a signature of what it shows.
 */

export interface ProgramExtras {
  exchanges: Exchange[];
  queues: Queue[];
  bindings: Binding[];
  apps: App[];
  /** the apps that are programs, with their state (the canvas marks them) */
  programs: Record<string, { state: ProgramRt['state']; file: string }>;
  /**
   * The extras are laid out with the document's nodes; where the document's nodes were then (their
   * top-left corner) — they follow the document's nodes when the person moves them.
   */
  anchor: Position | null;
  /** where the default exchange goes when the document shows it but has not placed it (a code scenario) */
  defaultExchange?: Position;
}

export const NO_EXTRAS: ProgramExtras = Object.freeze({ exchanges: [], queues: [], bindings: [], apps: [], programs: {}, anchor: null }) as ProgramExtras;

const ids = {
  exchange: (name: string) => `program-exchange:${name}`,
  queue: (name: string) => `program-queue:${name}`,
  binding: (source: string, destination: string, key: string, n: number) => `program-binding:${source}>${destination}:${key}#${n}`,
};

/** Is this canvas id one of the program overlay's (not in the document: not editable there)? */
export function isProgramNode(id: string, extras: ProgramExtras): boolean {
  return id.startsWith('program-') || extras.programs[id] !== undefined;
}

function signature(doc: Scenario, w: World): string {
  if (w.programs.size === 0) return '';
  // whether the document has placed its default exchange decides what the extras are laid out around
  const placed = doc.broker.showDefaultExchange && doc.layout?.defaultExchange ? 'default exchange placed' : '';
  const parts: string[] = [doc.exchanges.map((e) => e.name).join(','), doc.queues.map((q) => q.name).join(','), doc.bindings.length.toString(), placed];
  for (const p of w.programs.values()) {
    parts.push(p.pid, p.state, JSON.stringify(p.conns), Object.keys(p.channels).join(','));
    for (const [tag, c] of Object.entries(p.consumers)) parts.push(`${tag}:${c.conn}.${c.ch}:${c.queue}:${c.noAck}`);
    for (const [k, l] of Object.entries(p.publishes)) parts.push(`${k}:${l.keys.join('|')}`);
  }
  const b = w.broker.inspect;
  parts.push(b.exchanges().map((x) => `${x.name}:${x.type}`).join(','));
  parts.push(b.queues().map((q) => q.name).join(','));
  parts.push(b.bindings().map((x) => `${x.source}>${x.destination}:${x.routingKey}`).join(','));
  return parts.join('\n');
}

/**
 * The layout the extras are placed with (dagre): a chunk of its own, loaded when the first program
 * runs (a program's first turn is computed in a Web Worker that takes longer to start), not to draw
 * the first canvas.
 */
let layout: typeof TidyLayout | null = null;
let loadingLayout: Promise<void> | null = null;
export function loadProgramLayout(): Promise<void> {
  loadingLayout ??= import('../model/tidy').then((m) => {
    layout = m.tidyLayout;
  });
  return loadingLayout;
}

/** Builds the extras for a world, and remembers them until what they show changes. */
export class ProgramView {
  private sig = '';
  private extras: ProgramExtras = NO_EXTRAS;
  /** positions the person gave overlay nodes by dragging them */
  moved = new Map<string, Position>();

  /** `onLayoutLoaded`: the layout arrived after a build had to wait for it (build again). */
  constructor(private readonly onLayoutLoaded: () => void = () => {}) {}

  build(doc: Scenario, w: World): ProgramExtras {
    const sig = signature(doc, w);
    if (sig === this.sig) return this.extras;
    if (sig !== '' && !layout) {
      // nothing to place the extras with yet: what was shown stays until the layout is here
      void loadProgramLayout().then(this.onLayoutLoaded);
      return this.extras;
    }
    this.sig = sig;
    this.extras = sig === '' ? NO_EXTRAS : extrasOf(doc, w);
    return this.extras;
  }

  /** Forgets what was built (a new run). */
  reset(): void {
    this.sig = '';
    this.extras = NO_EXTRAS;
  }
}

function extrasOf(doc: Scenario, w: World): ProgramExtras {
  const b = w.broker.inspect;
  const inDoc = { x: new Set(doc.exchanges.map((e) => e.name)), q: new Set(doc.queues.map((q) => q.name)) };
  const published = new Set([...w.programs.values()].flatMap((p) => Object.values(p.publishes).map((l) => l.exchange)));
  const brokerBindings = b.bindings();
  const bound = new Set(brokerBindings.flatMap((x) => [x.source, ...(x.destinationType === 'exchange' ? [x.destination] : [])]));
  const exchanges: Exchange[] = b
    .exchanges()
    // the predeclared exchanges appear only when a program uses them
    .filter((x) => x.name !== '' && !inDoc.x.has(x.name) && (!x.name.startsWith('amq.') || published.has(x.name) || bound.has(x.name)))
    .map((x) => ({
      id: ids.exchange(x.name),
      name: x.name,
      type: x.type,
      durable: x.durable,
      autoDelete: x.autoDelete,
      internal: x.internal,
      ...(x.alternateExchange ? { alternateExchange: x.alternateExchange } : {}),
      position: { x: 0, y: 0 },
    }));
  const queues: Queue[] = b
    .queues()
    .filter((q) => !inDoc.q.has(q.name))
    .map((q) => ({ id: ids.queue(q.name), name: q.name, durable: q.durable, exclusive: q.exclusive, autoDelete: q.autoDelete, arguments: amqpToQueueArguments(q.arguments).arguments, position: { x: 0, y: 0 } }));
  const exchangeId = (name: string) => doc.exchanges.find((e) => e.name === name)?.id ?? (exchanges.some((e) => e.name === name) ? ids.exchange(name) : undefined);
  const queueId = (name: string) => doc.queues.find((q) => q.name === name)?.id ?? (queues.some((q) => q.name === name) ? ids.queue(name) : undefined);
  const docBindings = new Set(doc.bindings.map((x) => `${x.source}>${x.destination}:${x.routingKey}`));
  const bindings: Binding[] = [];
  const count = new Map<string, number>();
  for (const x of brokerBindings) {
    const source = exchangeId(x.source);
    const destination = x.destinationType === 'queue' ? queueId(x.destination) : exchangeId(x.destination);
    if (!source || !destination || docBindings.has(`${source}>${destination}:${x.routingKey}`)) continue;
    const n = (count.get(`${source}>${destination}:${x.routingKey}`) ?? 0) + 1;
    count.set(`${source}>${destination}:${x.routingKey}`, n);
    bindings.push({ id: ids.binding(x.source, x.destination, x.routingKey, n), source, destination, destinationType: x.destinationType, routingKey: x.routingKey, arguments: { ...(x.arguments as Binding['arguments']) } });
  }
  const apps: App[] = [];
  const programs: ProgramExtras['programs'] = {};
  const prefetch = new Map<string, number>();
  for (const c of b.connections()) for (const ch of c.channels) for (const x of ch.consumers) prefetch.set(`${c.id}:${ch.number}:${x.consumerTag}`, x.prefetchCount);
  for (const p of w.programs.values()) {
    if (p.state !== 'running') continue;
    apps.push(programApp(p, (conn, ch, tag) => prefetch.get(`${p.conns[conn]}:${ch}:${tag}`) ?? 0));
    programs[programIds.app(p.pid)] = { state: p.state, file: p.spec.file };
  }
  return place(doc, { exchanges, queues, bindings, apps, programs });
}

const CHANNEL_DEFAULTS = { prefetchCount: 0, prefetchGlobal: false };

/** A program as an app of the document's shape: what it has open, publishes on and consumes from. */
function programApp(p: ProgramRt, prefetchOf: (conn: number, ch: number, tag: string) => number): App {
  const connections: App['connections'] = [];
  for (const [key, id] of Object.entries(p.conns)) {
    if (id === null) continue;
    const conn = Number(key);
    const channels: Channel[] = Object.values(p.channels)
      .filter((c) => c.conn === conn)
      .sort((a, b) => a.ch - b.ch)
      .map((c) => ({ id: programIds.channel(p.pid, conn, c.ch), number: c.ch, ...CHANNEL_DEFAULTS, confirmSelect: c.confirm }));
    connections.push({ id: programIds.connection(p.pid, conn), channels });
  }
  const publishers: Publisher[] = Object.values(p.publishes).map((l) => ({
    id: programIds.publisher(p.pid, l.conn, l.ch, l.exchange),
    channelId: programIds.channel(p.pid, l.conn, l.ch),
    exchange: l.exchange,
    routingKeys: l.keys.length ? l.keys : [''],
    keyOrder: 'round-robin',
    mode: 'manual',
    ratePerSec: 1,
    burstCount: 1,
    message: { body: '', deliveryMode: 1, headers: {} },
    mandatory: false,
    confirms: p.channels[`${l.conn}:${l.ch}`]?.confirm ?? false,
    // a program waits (or not) in its own code: the drawing only needs the defaults
    waitForConfirms: 'no',
    confirmBatchSize: 100,
  }));
  const consumers: Consumer[] = Object.entries(p.consumers).map(([tag, c]) => ({
    id: tag,
    channelId: programIds.channel(p.pid, c.conn, c.ch),
    queue: c.queue,
    noAck: c.noAck,
    prefetchCount: prefetchOf(c.conn, c.ch, tag),
    msPerDot: 0,
    processingMs: 0,
    jitterMs: 0,
    outcome: 'ack',
    failPercent: 0,
    failOutcome: 'nack-requeue',
    priority: 0,
    exclusive: false,
    running: true,
    replyToRequests: false,
  }));
  return { id: programIds.app(p.pid), name: p.pid, position: { x: 0, y: 0 }, connections, publishers, consumers };
}

/**
 * Positions for the extras: a tidy layout of the document and the extras together, moved so that the
 * document's own nodes line up with where the person has them (only the extras take its positions).
 */
function place(doc: Scenario, extras: Omit<ProgramExtras, 'anchor'>): ProgramExtras {
  const merged: Scenario = { ...doc, exchanges: [...doc.exchanges, ...extras.exchanges], queues: [...doc.queues, ...extras.queues], bindings: [...doc.bindings, ...extras.bindings], apps: [...doc.apps, ...extras.apps] };
  const laid = layout!(merged);
  const own = ownNodes(doc);
  const pos = new Map([...laid.exchanges, ...laid.queues, ...laid.apps].map((n) => [n.id, n.position]));
  const laidDefault = laid.broker.showDefaultExchange ? laid.layout?.defaultExchange : undefined;
  if (laidDefault) pos.set(DEFAULT_EXCHANGE_NODE_ID, laidDefault);
  const anchor = own.length ? topLeft(own.map((n) => pos.get(n.id)!)) : null;
  const at = <T extends { id: string; position: Position }>(list: T[]) => list.map((n) => ({ ...n, position: pos.get(n.id)! }));
  return { ...extras, exchanges: at(extras.exchanges), queues: at(extras.queues), apps: at(extras.apps), anchor, ...(laidDefault && !doc.layout?.defaultExchange ? { defaultExchange: laidDefault } : {}) };
}

/**
 * The document's own nodes, the default exchange included once the document has placed it (a tidy
 * layout does): the extras keep their places relative to these.
 */
const ownNodes = (doc: Scenario) => [
  ...doc.exchanges,
  ...doc.queues,
  ...doc.apps,
  ...(doc.broker.showDefaultExchange && doc.layout?.defaultExchange ? [{ id: DEFAULT_EXCHANGE_NODE_ID, position: doc.layout.defaultExchange }] : []),
];
const topLeft = (ps: Position[]): Position => ({ x: Math.min(...ps.map((p) => p.x)), y: Math.min(...ps.map((p) => p.y)) });

/** The document with the extras: what the canvas draws and the message layer animates. */
export function withExtras(doc: Scenario, extras: ProgramExtras, moved?: ReadonlyMap<string, Position>): Scenario {
  if (extras === NO_EXTRAS) return doc;
  const own = ownNodes(doc);
  const now = extras.anchor && own.length ? topLeft(own.map((n) => n.position)) : null;
  const dx = now && extras.anchor ? now.x - extras.anchor.x : 0;
  const dy = now && extras.anchor ? now.y - extras.anchor.y : 0;
  const m = <T extends { id: string; position: Position }>(n: T): T => {
    const p = moved?.get(n.id);
    return { ...n, position: p ?? { x: n.position.x + dx, y: n.position.y + dy } };
  };
  // a default exchange the document has not placed goes where the layout with the extras put it
  const layout = doc.broker.showDefaultExchange && !doc.layout?.defaultExchange && extras.defaultExchange ? { layout: { ...doc.layout, defaultExchange: extras.defaultExchange } } : {};
  return {
    ...doc,
    ...layout,
    exchanges: [...doc.exchanges, ...extras.exchanges.map(m)],
    queues: [...doc.queues, ...extras.queues.map(m)],
    bindings: [...doc.bindings, ...extras.bindings],
    apps: [...doc.apps, ...extras.apps.map(m)],
  };
}
