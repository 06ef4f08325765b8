import type { Broker } from './broker';
import type { Exchange, Queue } from './entities';
import type { Binding, Routable } from './routing';
import type { RouteHop } from './trace';

export interface RouteResult {
  /** each destination queue once, sorted by name (RabbitMQ's lists:usort) */
  queues: Queue[];
  hops: RouteHop[];
}

/**
 * Where a message published to `x` goes: the exchange's own bindings, exchange-to-exchange
 * bindings followed transitively (each exchange visited once, so cycles end), and an exchange's
 * alternate exchange when that exchange itself matched nothing (rabbit_exchange:route/2).
 * The default exchange "" delivers to the queue named by each routing key.
 */
export function route(b: Broker, x: Exchange, msg: Routable, wantHops: boolean): RouteResult {
  const hops: RouteHop[] = [];
  if (x.name === '') {
    const queues: Queue[] = [];
    for (const key of msg.routingKeys) {
      const q = b.queues.get(key);
      if (q && !queues.includes(q)) {
        queues.push(q);
        if (wantHops) hops.push({ from: '', to: q.name, toType: 'queue', via: 'default' });
      }
    }
    if (queues.length > 1) queues.sort(byName);
    return { queues, hops };
  }

  // Fast path: one exchange whose bindings point only at queues (the common case).
  let single: Queue | undefined;
  let found: Set<Queue> | undefined;
  let work: Exchange[] | undefined;
  let seen: Set<string> | undefined;
  let current: Exchange | undefined = x;
  while (current) {
    const from: Exchange = current;
    let matched = 0;
    from.router.match(msg, (bd: Binding) => {
      matched++;
      if (bd.destinationType === 'queue') {
        const q = b.queues.get(bd.destination);
        if (!q) return;
        if (single === undefined && found === undefined) single = q;
        else if (q !== single) {
          found ??= new Set(single ? [single] : []);
          found.add(q);
        }
        if (wantHops) addHop(hops, from.name, q.name, 'queue', 'binding');
      } else {
        seen ??= new Set([x.name]);
        if (seen.has(bd.destination)) return;
        const dx = b.exchanges.get(bd.destination);
        if (!dx) return;
        seen.add(dx.name);
        (work ??= []).push(dx);
        if (wantHops) addHop(hops, from.name, dx.name, 'exchange', 'binding');
      }
    });
    if (matched === 0) {
      const aeName = from.alternateExchange;
      const ae = aeName === undefined ? undefined : b.exchanges.get(aeName);
      seen ??= new Set([x.name]);
      if (ae && !seen.has(ae.name)) {
        seen.add(ae.name);
        (work ??= []).push(ae);
        if (wantHops) hops.push({ from: from.name, to: ae.name, toType: 'exchange', via: 'alternate-exchange' });
      }
    }
    current = work?.shift();
  }
  if (found) return { queues: [...found].sort(byName), hops };
  return { queues: single ? [single] : [], hops };
}

function addHop(hops: RouteHop[], from: string, to: string, toType: 'queue' | 'exchange', via: RouteHop['via']): void {
  if (!hops.some((h) => h.from === from && h.to === to && h.toType === toType)) hops.push({ from, to, toType, via });
}

function byName(a: Queue, b: Queue): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
