import { type AmqpBroker, type FieldValue, plain } from '../../engine';
import { type GoalOf, type GoalType, matchesTopic } from '../../model/lesson';
import type { WorldEvent } from '../../sim';

/** What a checker may look at besides the event: the broker now, and the keys messages were published with. */
export interface GoalContext {
  inspect: AmqpBroker['inspect'];
  /** the routing key a message entered an exchange with (dead-lettered copies included), if it was seen */
  keyOf(msgId: number): string | undefined;
}

/** A goal met by things happening: each matching event counts one, `count` (default 1) of them meet it. */
export interface EventChecker<G> {
  kind: 'event';
  counts(goal: G, e: WorldEvent, ctx: GoalContext): boolean;
}

/** A goal met by how the broker is at the moment it is checked. */
export interface StateChecker<G> {
  kind: 'state';
  holds(goal: G, ctx: GoalContext): boolean;
}

export type GoalChecker<G> = EventChecker<G> | StateChecker<G>;

const within = (n: number, g: { atLeast?: number; atMost?: number }) => (g.atLeast === undefined || n >= g.atLeast) && (g.atMost === undefined || n <= g.atMost);
const same = (want: string | undefined, got: string | undefined) => want === undefined || want === got;

/** The highest x-death count of a message's headers (how often it died in one queue for one reason). */
export function deathCount(headers: Record<string, FieldValue> | undefined): number {
  const deaths = headers?.['x-death'];
  if (!Array.isArray(deaths)) return 0;
  let max = 0;
  for (const d of deaths) {
    const entry = plain(d) as Record<string, unknown> | null;
    const n = entry && typeof entry === 'object' ? Number(entry.count) : 0;
    if (Number.isFinite(n)) max = Math.max(max, n);
  }
  return max;
}

/**
 * One checker per goal type (the registry the lesson tracker uses). Event goals read the world's
 * trace: broker events (enqueued, delivered, acked, dead-lettered, …) and client events (the return
 * or confirm reaching its publisher). State goals ask the broker, as the management UI would.
 */
export const GOAL_CHECKERS: { [T in GoalType]: GoalChecker<GoalOf<T>> } = {
  'message-enqueued': {
    kind: 'event',
    counts: (g, e, ctx) => {
      if (e.type !== 'enqueued' || e.queue !== g.queue) return false;
      if (g.routingKey === undefined) return true;
      const key = ctx.keyOf(e.msgId);
      return key !== undefined && matchesTopic(g.routingKey, key);
    },
  },
  delivered: {
    kind: 'event',
    counts: (g, e) =>
      e.type === 'delivered' && same(g.queue, e.queue) && same(g.consumer, e.consumerTag) && (g.minDeaths === undefined || deathCount(e.properties.headers) >= g.minDeaths),
  },
  acked: { kind: 'event', counts: (g, e) => e.type === 'acked' && same(g.queue, e.queue) && same(g.consumer, e.consumerTag) },
  nacked: {
    kind: 'event',
    counts: (g, e) => e.type === 'nacked' && same(g.queue, e.queue) && same(g.consumer, e.consumerTag) && (g.requeue === undefined || g.requeue === e.requeue),
  },
  redelivered: { kind: 'event', counts: (g, e) => e.type === 'delivered' && e.redelivered && same(g.queue, e.queue) && same(g.consumer, e.consumerTag) },
  'dead-lettered': { kind: 'event', counts: (g, e) => e.type === 'dead-lettered' && same(g.queue, e.queue) && same(g.reason, e.reason) },
  expired: { kind: 'event', counts: (g, e) => e.type === 'expired' && same(g.queue, e.queue) },
  dropped: { kind: 'event', counts: (g, e) => e.type === 'dropped' && same(g.queue, e.queue) && same(g.reason, e.reason) },
  returned: { kind: 'event', counts: (g, e) => e.type === 'return-received' && same(g.publisher, e.publisher) },
  unroutable: { kind: 'event', counts: (g, e) => e.type === 'unroutable' && same(g.exchange, e.exchange) },
  confirmed: { kind: 'event', counts: (g, e) => e.type === 'confirm-received' && same(g.publisher, e.publisher) && e.ack === (g.ack ?? true) },
  'binding-exists': {
    kind: 'state',
    holds: (g, ctx) => ctx.inspect.bindings().some((b) => b.source === g.exchange && b.destinationType === 'queue' && b.destination === g.queue && same(g.key, b.routingKey)),
  },
  'queue-depth': {
    kind: 'state',
    holds: (g, ctx) => {
      const q = ctx.inspect.queue(g.queue);
      return q !== undefined && within(g.of === 'unacked' ? q.unacked : q.ready, g);
    },
  },
  'consumer-count': {
    kind: 'state',
    holds: (g, ctx) => {
      const q = ctx.inspect.queue(g.queue);
      return q !== undefined && within(q.consumers, g);
    },
  },
  'queue-exists': { kind: 'state', holds: (g, ctx) => (ctx.inspect.queue(g.queue) !== undefined) === g.exists },
};

export function checkerFor<T extends GoalType>(type: T): GoalChecker<GoalOf<T>> {
  return GOAL_CHECKERS[type];
}
