import type { ChannelRef, Result } from '../engine';
import { type AmqpOp, topologyOps } from '../model';
import { adminChannel, openApp, subscribe } from './connections';
import { startPublisher } from './publishing';
import { newPublisherRt } from './runtime';
import type { World } from './world';

/**
 * Declaring the scenario's topology on the broker, as an application (or an operator) would.
 * What to declare is the model's plan (topologyOps: what is drawn is what is declared); this
 * module issues those AMQP methods on the running broker and reports what fails.
 */
export function buildWorld(w: World): void {
  const s = w.scenario;
  // apps connect first: an exclusive queue belongs to the connection of the app that consumes it
  for (const app of s.apps) openApp(w, app);
  applyOps(w, topologyOps(null, s));
  for (const app of s.apps) {
    for (const con of app.consumers) if (con.running) subscribe(w, app, con);
    for (const pub of app.publishers) {
      w.publishers.set(pub.id, newPublisherRt(pub.id, app.id));
      startPublisher(w, pub.id);
    }
  }
}

/** The channel a queue is declared on: an exclusive queue belongs to its first consumer's connection. */
function ownerChannel(w: World, queue: string, exclusive: boolean): ChannelRef {
  if (exclusive) {
    for (const app of w.scenario.apps) {
      for (const con of app.consumers) {
        if (con.queue !== queue) continue;
        const ref = w.channelRef(app.id, con.channelId);
        if (ref) return ref;
      }
    }
  }
  return adminChannel(w);
}

/** Issues the operations in order; a refused one is reported as a client error, the rest still run. */
export function applyOps(w: World, ops: AmqpOp[]): void {
  for (const op of ops) {
    const r = run(w, op);
    if (!r.ok) w.emit({ type: 'client-error', t: w.now, text: `${describeOp(op)}: ${r.error.text}`, code: r.error.code });
  }
}

function run(w: World, op: AmqpOp): Result<unknown> {
  const b = w.broker;
  switch (op.method) {
    case 'exchangeDeclare':
      return b.exchangeDeclare(adminChannel(w), { exchange: op.exchange, type: op.type, durable: op.durable, autoDelete: op.autoDelete, internal: op.internal, arguments: op.arguments });
    case 'exchangeDelete':
      return b.exchangeDelete(adminChannel(w), { exchange: op.exchange });
    case 'queueDeclare':
      return b.queueDeclare(ownerChannel(w, op.queue, op.exclusive), { queue: op.queue, durable: op.durable, exclusive: op.exclusive, autoDelete: op.autoDelete, arguments: op.arguments });
    case 'queueDelete':
      return b.queueDelete(ownerChannel(w, op.queue, true), { queue: op.queue });
    case 'queueBind':
    case 'queueUnbind': {
      const p = { queue: op.queue, exchange: op.exchange, routingKey: op.routingKey, arguments: op.arguments };
      return op.method === 'queueBind' ? b.queueBind(ownerChannel(w, op.queue, true), p) : b.queueUnbind(ownerChannel(w, op.queue, true), p);
    }
    case 'exchangeBind':
    case 'exchangeUnbind': {
      const p = { source: op.source, destination: op.destination, routingKey: op.routingKey, arguments: op.arguments };
      return op.method === 'exchangeBind' ? b.exchangeBind(adminChannel(w), p) : b.exchangeUnbind(adminChannel(w), p);
    }
    default: {
      const never: never = op;
      throw new Error(`unknown operation ${JSON.stringify(never)}`);
    }
  }
}

function describeOp(op: AmqpOp): string {
  switch (op.method) {
    case 'exchangeDeclare':
    case 'exchangeDelete':
      return `${op.method} '${op.exchange}'`;
    case 'queueDeclare':
    case 'queueDelete':
      return `${op.method} '${op.queue}'`;
    case 'queueBind':
    case 'queueUnbind':
      return `${op.method} '${op.exchange}' → '${op.queue}'`;
    default:
      return `${op.method} '${op.source}' → '${op.destination}'`;
  }
}
