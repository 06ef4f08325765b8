import type { Broker } from './broker';
import type { Exchange, Queue } from './entities';
import type { Binding, Routable } from './routing';
import type { RouteHop } from './trace';

export interface RouteResult {
  /** each destination queue once, sorted by name (RabbitMQ's lists:usort); read only (it may be shared) */
  readonly queues: readonly Queue[];
  /**
   * The hops taken, when the route went through more than one exchange (exchange-to-exchange
   * bindings, alternate exchanges). Absent for a one-exchange route: its hops are simply
   * exchange → each queue.
   */
  hops?: RouteHop[];
}

// Matches are collected into this array (no callback closures on the hot path). route() never
// re-enters itself while it is using it.
const matches: Binding[] = [];

/**
 * Where a message published to `x` goes: the exchange's own bindings, exchange-to-exchange
 * bindings followed transitively (each exchange visited once, so cycles end), and an exchange's
 * alternate exchange when that exchange itself matched nothing (rabbit_exchange:route/2).
 * The default exchange "" delivers to the queue named by each routing key.
 */
export function route(b: Broker, x: Exchange, msg: Routable, wantHops: boolean): RouteResult {
  if (x.name === '') return routeDefault(b, msg);
  matches.length = 0;
  x.router.match(msg, matches);
  // fast path: the exchange matched only queues (or nothing, with no alternate exchange)
  let onlyQueues = matches.length > 0 || x.alternateExchange === undefined;
  for (let i = 0; onlyQueues && i < matches.length; i++) if (matches[i]!.destinationType !== 'queue') onlyQueues = false;
  if (onlyQueues) {
    if (matches.length === 1) return alone(b.queues.get(matches[0]!.destination));
    if (matches.length > 16) {
      const set = new Set<Queue>();
      for (const bd of matches) {
        const q = b.queues.get(bd.destination);
        if (q) set.add(q);
      }
      return { queues: [...set].sort(byName) };
    }
    const queues: Queue[] = [];
    for (const bd of matches) {
      const q = b.queues.get(bd.destination);
      if (q && !queues.includes(q)) queues.push(q);
    }
    return { queues: queues.length > 1 ? queues.sort(byName) : queues };
  }
  return routeChain(b, x, msg, wantHops);
}

/** The general case: exchange-to-exchange bindings and alternate exchanges. */
function routeChain(b: Broker, x: Exchange, msg: Routable, wantHops: boolean): RouteResult {
  const found = new Set<Queue>();
  const seen = new Set<string>([x.name]);
  const hops: RouteHop[] = [];
  const work: Exchange[] = [x];
  for (let from = work.shift(); from; from = work.shift()) {
    matches.length = 0;
    from.router.match(msg, matches);
    for (const bd of matches) {
      if (bd.destinationType === 'queue') {
        const q = b.queues.get(bd.destination);
        if (!q) continue;
        found.add(q);
        if (wantHops) addHop(hops, { from: from.name, to: q.name, toType: 'queue', via: 'binding' });
      } else {
        const dx = b.exchanges.get(bd.destination);
        if (!dx || seen.has(dx.name)) continue;
        seen.add(dx.name);
        work.push(dx);
        if (wantHops) addHop(hops, { from: from.name, to: dx.name, toType: 'exchange', via: 'binding' });
      }
    }
    if (matches.length === 0 && from.alternateExchange !== undefined) {
      const ae = b.exchanges.get(from.alternateExchange);
      if (ae && !seen.has(ae.name)) {
        seen.add(ae.name);
        work.push(ae);
        if (wantHops) addHop(hops, { from: from.name, to: ae.name, toType: 'exchange', via: 'alternate-exchange' });
      }
    }
  }
  const queues = [...found].sort(byName);
  return wantHops ? { queues, hops } : { queues };
}

function addHop(hops: RouteHop[], h: RouteHop): void {
  if (!hops.some((o) => o.from === h.from && o.to === h.to && o.toType === h.toType)) hops.push(h);
}

function routeDefault(b: Broker, msg: Routable): RouteResult {
  const q = b.queues.get(msg.routingKey);
  if (!msg.ccKeys) return alone(q);
  const queues: Queue[] = q ? [q] : [];
  for (const key of msg.ccKeys) {
    const more = b.queues.get(key);
    if (more && !queues.includes(more)) queues.push(more);
  }
  return { queues: queues.sort(byName) };
}

const NOWHERE: RouteResult = { queues: [] };

/** The result for one queue or none, shared (see Queue.routedAlone). */
function alone(q: Queue | undefined): RouteResult {
  return q ? q.routedAlone : NOWHERE;
}

function byName(a: Queue, b: Queue): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
