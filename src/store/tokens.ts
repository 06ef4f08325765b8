import { BROKER_NODE_ID, DEFAULT_EXCHANGE_NODE_ID, linkId, type Scenario } from '../model';
import type { WorldEvent } from '../sim';
import { ReplyTokens } from './replyTokens';

/**
 * What the canvas animates, derived from the world's trace: segments (a message travelling from
 * one node to another between two virtual times) and effects (something that happened at a
 * node: an expiry, a drop, an unroutable message). A token's position is
 * (now - t0) / (t1 - t0) along its segment, so pause, step, speed and rewind need no animation
 * state: the picture is a function of virtual time.
 */
export type SegmentKind = 'publish' | 'route' | 'deliver' | 'ack' | 'nack' | 'reject' | 'return' | 'confirm' | 'confirm-nack' | 'dead-letter';

export interface Segment {
  id: number;
  kind: SegmentKind;
  /** the broker's message id (absent while a publish travels to the broker) */
  msgId?: number;
  publisher?: string;
  seq?: number;
  from: string;
  to: string;
  /** the canvas line it follows (deriveLinks ids), when there is one */
  link?: string;
  /** travels its line backwards (acks, returns, confirms) */
  reverse?: boolean;
  t0: number;
  t1: number;
  /** routing key: the token's colour */
  key: string;
  /** delivery mode 2: its token is a square, a transient message's a circle */
  persistent: boolean;
}

export type EffectKind =
  | 'expired' | 'dropped' | 'unroutable' | 'requeued' | 'returned' | 'confirm-nack' | 'error' | 'crashed'
  /** messages lost where they were: a transient queue gone at a restart, an auto-ack consumer stopped */
  | 'lost'
  /** on a connection's cable: it opened, it was closed, it was lost (a crash, the broker going down) */
  | 'connection-opened' | 'connection-closed' | 'connection-lost';

export interface Effect {
  id: number;
  kind: EffectKind;
  /** a node's id, or a connection cable's line id */
  node: string;
  t: number;
  msgId?: number;
  /** short detail: a drop reason, an error text */
  detail?: string;
  /** how many messages it stands for (a lost queue's content is one effect) */
  count: number;
}

/** How long an effect stays visible (virtual ms are scaled by the view; this is a floor). */
export const EFFECT_MS = 1500;

/**
 * Keeps, in place and in order, the items `keep` says to. Not Array.filter: with tens of thousands
 * of tokens in flight, a new array each frame (grown copy by copy as the filter fills it, and
 * grown again by the next frame's pushes) took ~30 ms a frame at 40,000 tokens; this takes well
 * under one. The array stays the same object: the message layer redraws when time moves or the
 * count changes, and every frame that prunes has moved time.
 */
function keepInPlace<T>(items: T[], keep: (x: T) => boolean): void {
  let j = 0;
  for (let i = 0; i < items.length; i++) {
    const x = items[i]!;
    if (keep(x)) items[j++] = x;
  }
  // pop rather than `length = j`, which also gives the array's room back (pushes then grow it again)
  while (items.length > j) items.pop();
}

export class TokenTracker {
  segments: Segment[] = [];
  effects: Effect[] = [];
  private nextId = 1;
  /** message id → routing key (colours for acks and redeliveries), bounded */
  private keys = new Map<number, string>();
  /** ids of the persistent messages among them */
  private durable = new Set<number>();
  /** dead-lettered copies whose DLX is not drawn: where they came from */
  private hiddenDlx = new Map<number, { from: string; t0: number }>();
  /** direct reply-to replies, drawn on the reply line */
  private replies = new ReplyTokens();

  reset(): void {
    this.segments = [];
    this.effects = [];
    this.keys.clear();
    this.durable.clear();
    this.hiddenDlx.clear();
    this.cables.clear();
    this.cableApp.clear();
    this.replies.reset();
  }

  /** Drops what is over (segments that arrived, effects older than EFFECT_MS). */
  prune(now: number): void {
    keepInPlace(this.segments, (s) => s.t1 >= now);
    keepInPlace(this.effects, (e) => e.t + EFFECT_MS >= now);
  }

  /** Segments on their way at `now`. */
  active(now: number): Segment[] {
    // counted first, then filled: an array of the right size at once (see keepInPlace)
    const segs = this.segments;
    let n = 0;
    for (let i = 0; i < segs.length; i++) if (segs[i]!.t0 <= now && segs[i]!.t1 >= now) n++;
    const out = new Array<Segment>(n);
    let j = 0;
    for (let i = 0; i < segs.length; i++) {
      const s = segs[i]!;
      if (s.t0 <= now && s.t1 >= now) out[j++] = s;
    }
    return out;
  }

  /**
   * `connectionOf`: which app's model connection a broker connection number is (the world knows, while
   * it is open): the cables' events are drawn on them.
   */
  ingest(events: readonly WorldEvent[], s: Scenario, latency: number, connectionOf?: (n: number) => { app: string; conn: string } | undefined): void {
    const names = nodeNames(s);
    this.connectionOf = connectionOf;
    for (const e of events) this.one(e, names, latency);
  }

  private connectionOf: ((n: number) => { app: string; conn: string } | undefined) | undefined;
  /** broker connection number → the cable it is drawn as (kept after it closes, for its closing) */
  private cables = new Map<number, string>();
  /** the app each cable belongs to (a crash reported after its connection closed: the cable was lost) */
  private cableApp = new Map<string, string>();

  /**
   * Every segment (and effect) gets the same object shape, optional fields included: the canvas
   * reads thousands of them per frame, and monomorphic property reads are several times faster
   * than reads over the dozen shapes that spreading optional fields would give.
   */
  private seg(x: Omit<Segment, 'id' | 'persistent'> & { persistent?: boolean }): void {
    this.segments.push({
      id: this.nextId++, kind: x.kind, msgId: x.msgId, publisher: x.publisher, seq: x.seq, from: x.from, to: x.to,
      link: x.link, reverse: x.reverse ?? false, t0: x.t0, t1: x.t1, key: x.key,
      persistent: x.persistent ?? (x.msgId !== undefined && this.durable.has(x.msgId)),
    });
  }

  private effect(x: Omit<Effect, 'id' | 'count'> & { count?: number }): void {
    this.effects.push({ id: this.nextId++, kind: x.kind, node: x.node, t: x.t, msgId: x.msgId, detail: x.detail, count: x.count ?? 1 });
  }

  private remember(msgId: number, key: string, persistent = false): void {
    this.keys.set(msgId, key);
    if (persistent) this.durable.add(msgId);
    if (this.keys.size > 50_000) {
      const oldest = this.keys.keys().next().value!;
      this.keys.delete(oldest);
      this.durable.delete(oldest);
    }
  }

  private one(e: WorldEvent, n: NodeNames, L: number): void {
    switch (e.type) {
      case 'publish-sent': {
        if (this.replies.sent(e, L, (f) => this.seg({ kind: 'deliver', publisher: e.publisher, seq: e.seq, ...f, key: e.routingKey }))) return;
        const to = n.exchange(e.exchange);
        if (to) {
          this.seg({ kind: 'publish', publisher: e.publisher, seq: e.seq, from: e.app, to, link: linkId.publish(e.publisher), t0: e.t, t1: e.arriveAt, key: e.routingKey, persistent: e.deliveryMode === 2 });
        } else {
          // the default exchange is not drawn: the message goes straight to the queue its key names
          const q = n.queue(e.routingKey);
          const link = q ? linkId.publishViaDefault(e.publisher, q) : undefined;
          this.seg({ kind: 'publish', publisher: e.publisher, seq: e.seq, from: e.app, to: q ?? BROKER_NODE_ID, link, t0: e.t, t1: q ? e.arriveAt + L : e.arriveAt, key: e.routingKey, persistent: e.deliveryMode === 2 });
        }
        return;
      }
      case 'published':
        this.remember(e.msgId, e.routingKey, e.properties?.deliveryMode === 2);
        this.replies.published(e.msgId, e.routingKey);
        return;
      case 'routed': {
        const key = this.keys.get(e.msgId) ?? '';
        const hidden = this.hiddenDlx.get(e.msgId);
        if (hidden) this.hiddenDlx.delete(e.msgId);
        const from = n.exchange(e.exchange);
        if (!from) {
          // routed by an undrawn default exchange: publishes already travel to the queue; dead-letters go there from their queue
          if (hidden) for (const q of e.queues) this.seg({ kind: 'dead-letter', msgId: e.msgId, from: hidden.from, to: n.queue(q) ?? BROKER_NODE_ID, t0: hidden.t0, t1: e.t + L, key });
          return;
        }
        if (!e.hops) {
          for (const q of e.queues) {
            const to = n.queue(q);
            if (to) this.seg({ kind: 'route', msgId: e.msgId, from, to, link: n.bindingLink(from, to), t0: e.t, t1: e.t + L, key });
          }
          return;
        }
        const depth = new Map<string, number>([[from, 0]]);
        for (const h of e.hops) {
          const a = n.exchange(h.from);
          const b = h.toType === 'queue' ? n.queue(h.to) : n.exchange(h.to);
          if (!a || !b) continue;
          const d = depth.get(a) ?? 0;
          if (h.toType === 'exchange' && !depth.has(b)) depth.set(b, d + 1);
          const link = h.via === 'alternate-exchange' ? linkId.alternate(a) : n.bindingLink(a, b);
          this.seg({ kind: 'route', msgId: e.msgId, from: a, to: b, link, t0: e.t + d * L, t1: e.t + (d + 1) * L, key });
        }
        return;
      }
      case 'delivered': {
        // a message published before what this tracker saw (a rewind's checkpoint, a skip's traced
        // tail): its delivery says its key, so that its ack is drawn in its colour
        if (!this.keys.has(e.msgId)) this.remember(e.msgId, e.routingKey, e.properties.deliveryMode === 2);
        if (e.consumerTag === undefined) return;
        this.replies.delivered(e, n.consumerApp(e.consumerTag), L, (f) => this.seg({ kind: 'deliver', msgId: e.msgId, ...f, key: e.routingKey }));
        const app = n.consumerApp(e.consumerTag);
        const from = n.queue(e.queue);
        if (app && from) this.seg({ kind: 'deliver', msgId: e.msgId, from, to: app, link: linkId.subscribe(e.consumerTag), t0: e.t, t1: e.t + L, key: e.routingKey });
        return;
      }
      case 'settle-sent': {
        const to = n.queue(e.queue);
        if (to) this.seg({ kind: e.action, msgId: e.msgId, from: e.app, to, link: linkId.subscribe(e.consumer), reverse: true, t0: e.t, t1: e.arriveAt, key: this.keys.get(e.msgId) ?? '' });
        return;
      }
      case 'reply-in-flight': {
        const from = n.exchange(e.exchange) ?? BROKER_NODE_ID;
        const kind = e.kind === 'return' ? 'return' : e.kind === 'confirm-ack' ? 'confirm' : 'confirm-nack';
        this.seg({ kind, msgId: e.msgId, publisher: e.publisher, from, to: e.app, link: linkId.publish(e.publisher), reverse: true, t0: e.t, t1: e.arriveAt, key: this.keys.get(e.msgId) ?? '' });
        return;
      }
      case 'dead-lettered': {
        const from = n.queue(e.queue);
        if (!from) return;
        const dlx = n.exchange(e.exchange);
        // the dead-lettered copy keeps the original's properties, its delivery mode included
        this.remember(e.newMsgId, e.routingKeys[0] ?? '', this.durable.has(e.msgId));
        if (dlx) this.seg({ kind: 'dead-letter', msgId: e.newMsgId, from, to: dlx, link: linkId.deadLetter(from), t0: e.t, t1: e.t + L, key: e.routingKeys[0] ?? '' });
        else this.hiddenDlx.set(e.newMsgId, { from, t0: e.t });
        return;
      }
      case 'expired':
        this.at('expired', n.queue(e.queue), e.t, e.msgId);
        return;
      case 'requeued':
        this.at('requeued', n.queue(e.queue), e.t, e.msgId, e.reason);
        return;
      case 'dropped':
        this.at('dropped', e.queue === undefined ? BROKER_NODE_ID : n.queue(e.queue), e.t, e.msgId, e.reason);
        return;
      case 'unroutable':
        this.replies.unroutable(e.msgId);
        this.at('unroutable', n.exchange(e.exchange) ?? BROKER_NODE_ID, e.t, e.msgId);
        return;
      case 'return-received':
        this.at('returned', e.app, e.t, e.msgId, e.replyText);
        return;
      case 'confirm-received':
        if (!e.ack) this.at('confirm-nack', e.app, e.t, e.msgId);
        return;
      case 'publish-failed':
        // refused by the broker: the channel's closing (client-error) is the badge; one per failure
        if (e.code === undefined) this.at('error', e.app, e.t, e.msgId, e.reason);
        return;
      case 'client-error':
        this.at('error', e.app ?? BROKER_NODE_ID, e.t, undefined, e.text);
        return;
      case 'client-state':
        if (e.consumer !== undefined && e.state !== 'running') this.replies.stopped(e.consumer);
        if (e.state === 'crashed') {
          this.at('crashed', e.app, e.t);
          // its connection was closed a moment ago in the same instant: it was lost, not closed
          for (let i = this.effects.length - 1; i >= 0 && this.effects[i]!.t === e.t; i--) {
            const ef = this.effects[i]!;
            if (ef.kind === 'connection-closed' && this.cableApp.get(ef.node) === e.app) ef.kind = 'connection-lost';
          }
        }
        if (e.lost) this.effect({ kind: 'lost', node: e.app, t: e.t, detail: 'auto-ack', count: e.lost });
        return;
      case 'queue-deleted': {
        // a queue deleted with messages in it (a transient queue at a restart): they are lost with it
        const q = n.queue(e.queue);
        if (q && e.messageCount > 0) this.effect({ kind: 'lost', node: q, t: e.t, detail: e.reason, count: e.messageCount });
        return;
      }
      case 'connection-opened': {
        const owner = this.connectionOf?.(e.connection);
        if (!owner) return;
        const cable = linkId.connection(owner.conn);
        this.cables.set(e.connection, cable);
        this.cableApp.set(cable, owner.app);
        this.at('connection-opened', cable, e.t);
        return;
      }
      case 'connection-closed': {
        const cable = this.cables.get(e.connection);
        if (!cable) return;
        this.cables.delete(e.connection);
        this.at(e.error ? 'connection-lost' : 'connection-closed', cable, e.t, undefined, e.error?.text);
        return;
      }
      default:
        return;
    }
  }

  private at(kind: EffectKind, node: string | undefined, t: number, msgId?: number, detail?: string): void {
    if (node) this.effect({ kind, node, t, msgId, detail });
  }
}

interface NodeNames {
  exchange(name: string): string | undefined;
  queue(name: string): string | undefined;
  consumerApp(consumerId: string): string | undefined;
  bindingLink(from: string, to: string): string | undefined;
}

/**
 * Node ids by AMQP name for one scenario, built once per scenario document (documents are replaced
 * on every edit, never changed, as sim/lookup.ts relies on too): the tracker ingests every frame,
 * and rebuilding these maps for a 200-node topology each time was a few percent of a busy frame.
 */
const namesOf = new WeakMap<Scenario, NodeNames>();

function nodeNames(s: Scenario): NodeNames {
  let names = namesOf.get(s);
  if (!names) {
    names = buildNodeNames(s);
    namesOf.set(s, names);
  }
  return names;
}

function buildNodeNames(s: Scenario): NodeNames {
  const exchanges = new Map(s.exchanges.map((x) => [x.name, x.id]));
  const queues = new Map(s.queues.map((q) => [q.name, q.id]));
  const consumers = new Map(s.apps.flatMap((a) => a.consumers.map((c) => [c.id, a.id] as const)));
  const bindings = new Map<string, string>();
  for (const b of s.bindings) if (!bindings.has(`${b.source}>${b.destination}`)) bindings.set(`${b.source}>${b.destination}`, b.id);
  return {
    exchange: (name) => (name === '' ? (s.broker.showDefaultExchange ? DEFAULT_EXCHANGE_NODE_ID : undefined) : exchanges.get(name)),
    queue: (name) => queues.get(name),
    consumerApp: (id) => consumers.get(id),
    bindingLink: (from, to) => (from === DEFAULT_EXCHANGE_NODE_ID ? linkId.defaultBinding(to) : bindings.get(`${from}>${to}`)),
  };
}
