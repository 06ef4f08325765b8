import type { ChannelRef } from '../engine';
import { type Binding, exchangeArgumentsToAmqp, type Exchange, type Queue, queueArgumentsToAmqp, type Scenario } from '../model';
import { adminChannel, openApp, subscribe } from './connections';
import { exchangeName, queueName } from './lookup';
import { startPublisher } from './publishing';
import { newPublisherRt } from './runtime';
import type { World } from './world';

/**
 * Declaring the scenario's topology on the broker, as an application (or an operator) would:
 * exchange.declare, queue.declare with the x-arguments, queue.bind / exchange.bind.
 */
export function buildWorld(w: World): void {
  const s = w.scenario;
  // apps connect first: an exclusive queue belongs to the connection of the app that consumes it
  for (const app of s.apps) openApp(w, app);
  for (const x of s.exchanges) declareExchange(w, x);
  for (const q of s.queues) declareQueue(w, q);
  for (const b of s.bindings) bind(w, b, false);
  for (const app of s.apps) {
    for (const con of app.consumers) if (con.running) subscribe(w, app, con);
    for (const pub of app.publishers) {
      w.publishers.set(pub.id, newPublisherRt(pub.id, app.id));
      startPublisher(w, pub.id);
    }
  }
}

/** Reports a failed declaration where the user sees client errors. */
function check(w: World, what: string, r: { ok: boolean; error?: { text: string; code: number } }): boolean {
  if (!r.ok && r.error) w.emit({ type: 'client-error', t: w.now, text: `${what}: ${r.error.text}`, code: r.error.code });
  return r.ok;
}

export function declareExchange(w: World, x: Exchange): boolean {
  return check(
    w,
    `exchange.declare '${x.name}'`,
    w.broker.exchangeDeclare(adminChannel(w), { exchange: x.name, type: x.type, durable: x.durable, autoDelete: x.autoDelete, internal: x.internal, arguments: exchangeArgumentsToAmqp(x) }),
  );
}

/** The channel a queue is declared on: an exclusive queue belongs to its first consumer's connection. */
function ownerChannel(w: World, q: Queue): ChannelRef {
  if (q.exclusive) {
    for (const app of w.scenario.apps) {
      for (const con of app.consumers) {
        if (con.queue !== q.name) continue;
        const ref = w.channelRef(app.id, con.channelId);
        if (ref) return ref;
      }
    }
  }
  return adminChannel(w);
}

export function declareQueue(w: World, q: Queue): boolean {
  return check(
    w,
    `queue.declare '${q.name}'`,
    w.broker.queueDeclare(ownerChannel(w, q), { queue: q.name, durable: q.durable, exclusive: q.exclusive, autoDelete: q.autoDelete, arguments: queueArgumentsToAmqp(q) }),
  );
}

export function deleteQueue(w: World, name: string): void {
  check(w, `queue.delete '${name}'`, w.broker.queueDelete(adminChannel(w), { queue: name }));
}

export function deleteExchange(w: World, name: string): void {
  check(w, `exchange.delete '${name}'`, w.broker.exchangeDelete(adminChannel(w), { exchange: name }));
}

/** queue.bind / exchange.bind (or unbind) of a model binding, resolved to names in `s`. */
export function bind(w: World, b: Binding, unbind: boolean, s: Scenario = w.scenario): boolean {
  const source = exchangeName(s, b.source);
  const dest = b.destinationType === 'queue' ? queueName(s, b.destination) : exchangeName(s, b.destination);
  if (source === undefined || dest === undefined) return false;
  const ch = adminChannel(w);
  const args = b.arguments;
  const what = `${b.destinationType}.${unbind ? 'unbind' : 'bind'} '${source}' → '${dest}'`;
  if (b.destinationType === 'queue') {
    const p = { queue: dest, exchange: source, routingKey: b.routingKey, arguments: args };
    return check(w, what, unbind ? w.broker.queueUnbind(ch, p) : w.broker.queueBind(ch, p));
  }
  const p = { source, destination: dest, routingKey: b.routingKey, arguments: args };
  return check(w, what, unbind ? w.broker.exchangeUnbind(ch, p) : w.broker.exchangeBind(ch, p));
}
