import { predeclaredExchange } from './amq';
import type { Binding } from './binding';
import { type Exchange, exchangeArgumentsToAmqp } from './exchange';
import { isSimulatedQueue, type Queue } from './queue';
import { type AmqpTable, queueArgumentsToAmqp } from './queueArguments';
import type { Scenario } from './scenario';

/**
 * The canvas -> broker mapping: what is drawn is what is declared. These are the AMQP methods (named
 * as in the protocol) that turn the broker declared from `prev` into the one declared from `next`.
 * The live simulation applies them to the running engine after each edit, so deleting a queue deletes
 * its messages and removing a binding stops routing at once.
 *
 * AMQP cannot change an entity in place: redeclaring with other properties fails (406
 * PRECONDITION_FAILED) and there is no rename. So a changed or renamed exchange or queue is deleted
 * and declared again (a queue loses its messages, as it would on a real broker), and its bindings are
 * made again.
 */
export type AmqpOp =
  | { method: 'exchangeDeclare'; exchange: string; type: Exchange['type']; durable: boolean; autoDelete: boolean; internal: boolean; arguments: AmqpTable }
  | { method: 'exchangeDelete'; exchange: string }
  | { method: 'queueDeclare'; queue: string; durable: boolean; exclusive: boolean; autoDelete: boolean; arguments: AmqpTable }
  | { method: 'queueDelete'; queue: string }
  | { method: 'queueBind' | 'queueUnbind'; queue: string; exchange: string; routingKey: string; arguments: AmqpTable }
  | { method: 'exchangeBind' | 'exchangeUnbind'; destination: string; source: string; routingKey: string; arguments: AmqpTable };

const declareExchange = (e: Exchange): AmqpOp => ({
  method: 'exchangeDeclare', exchange: e.name, type: e.type, durable: e.durable, autoDelete: e.autoDelete, internal: e.internal, arguments: exchangeArgumentsToAmqp(e),
});

const declareQueue = (q: Queue): AmqpOp => ({
  method: 'queueDeclare', queue: q.name, durable: q.durable, exclusive: q.exclusive, autoDelete: q.autoDelete, arguments: queueArgumentsToAmqp(q),
});

/** Same declaration (nothing AMQP would refuse to redeclare)? Positions do not matter. */
function sameExchange(a: Exchange, b: Exchange): boolean {
  return JSON.stringify(declareExchange(a)) === JSON.stringify(declareExchange(b));
}
function sameQueue(a: Queue, b: Queue): boolean {
  return JSON.stringify(declareQueue(a)) === JSON.stringify(declareQueue(b));
}

function bindOp(s: Scenario, b: Binding, unbind: boolean): AmqpOp | null {
  const source = s.exchanges.find((e) => e.id === b.source)?.name;
  const destination = (b.destinationType === 'queue' ? s.queues : s.exchanges).find((x) => x.id === b.destination)?.name;
  if (source === undefined || destination === undefined) return null;
  if (b.destinationType === 'queue') {
    return { method: unbind ? 'queueUnbind' : 'queueBind', queue: destination, exchange: source, routingKey: b.routingKey, arguments: b.arguments };
  }
  return { method: unbind ? 'exchangeUnbind' : 'exchangeBind', destination, source, routingKey: b.routingKey, arguments: b.arguments };
}

/** A binding as the broker sees it (by names, key and arguments). */
function bindingKey(s: Scenario, b: Binding): string {
  return JSON.stringify(bindOp(s, b, false));
}

/**
 * The operations from `prev` to `next` (from nothing when `prev` is null), in a safe order: unbind,
 * delete, declare exchanges, declare queues, bind.
 */
export function topologyOps(prevDoc: Scenario | null, nextDoc: Scenario): AmqpOp[] {
  // Streams are drawn, not simulated: left out, their bindings with them (bindOp finds no destination).
  const simulated = (s: Scenario): Scenario => (s.queues.every(isSimulatedQueue) ? s : { ...s, queues: s.queues.filter(isSimulatedQueue) });
  const prev = prevDoc && simulated(prevDoc);
  const next = simulated(nextDoc);
  const before = prev ?? { ...next, exchanges: [], queues: [], bindings: [] };
  const ops: AmqpOp[] = [];
  const oldEx = new Map(before.exchanges.map((e) => [e.id, e]));
  const oldQ = new Map(before.queues.map((q) => [q.id, q]));
  const newEx = new Map(next.exchanges.map((e) => [e.id, e]));
  const newQ = new Map(next.queues.map((q) => [q.id, q]));
  const redoneEx = new Set(next.exchanges.filter((e) => !oldEx.has(e.id) || !sameExchange(oldEx.get(e.id)!, e)).map((e) => e.id));
  const redoneQ = new Set(next.queues.filter((q) => !oldQ.has(q.id) || !sameQueue(oldQ.get(q.id)!, q)).map((q) => q.id));
  const goneEx = before.exchanges.filter((e) => !newEx.has(e.id) || redoneEx.has(e.id));
  const goneQ = before.queues.filter((q) => !newQ.has(q.id) || redoneQ.has(q.id));
  const touched = (b: Binding) => [b.source, b.destination].some((id) => redoneEx.has(id) || redoneQ.has(id));

  const nextKeys = new Set(next.bindings.filter((b) => !touched(b)).map((b) => bindingKey(next, b)));
  // A predeclared exchange (amq.topic...) taken off the canvas stays on the broker: never deleted.
  const deletedEx = goneEx.filter((e) => !predeclaredExchange(e.name));
  // Bindings of deleted entities vanish with them; only the others are unbound explicitly.
  const goneIds = new Set([...deletedEx, ...goneQ].map((x) => x.id));
  for (const b of before.bindings) {
    if (goneIds.has(b.source) || goneIds.has(b.destination)) continue;
    if (!nextKeys.has(bindingKey(before, b))) {
      const op = bindOp(before, b, true);
      if (op) ops.push(op);
    }
  }
  for (const q of goneQ) ops.push({ method: 'queueDelete', queue: q.name });
  for (const e of deletedEx) ops.push({ method: 'exchangeDelete', exchange: e.name });
  for (const e of next.exchanges) if (redoneEx.has(e.id)) ops.push(declareExchange(e));
  for (const q of next.queues) if (redoneQ.has(q.id)) ops.push(declareQueue(q));
  const prevKeys = new Set(before.bindings.map((b) => bindingKey(before, b)));
  for (const b of next.bindings) {
    if (touched(b) || !prevKeys.has(bindingKey(next, b)) || goneIds.has(b.source) || goneIds.has(b.destination)) {
      const op = bindOp(next, b, false);
      if (op) ops.push(op);
    }
  }
  return ops;
}
