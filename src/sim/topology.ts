import type { ChannelRef, Result } from '../engine';
import { type AmqpOp, type App, topologyOps } from '../model';
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

/**
 * What a client does each time it connects, as the tutorial's receive_logs does: it declares the
 * exclusive queues its consumers on that connection use, and binds them, before they subscribe.
 * The broker deleted them when its previous connection closed (or the broker restarted), so they
 * come back fresh and empty. Same plan as at the start of the run (topologyOps), restricted to
 * those queues; a queue the broker still has is left alone (another connection may own it).
 */
export function declareOwnQueues(w: World, app: App, connId: string): void {
  const channels = new Set(app.connections.find((c) => c.id === connId)?.channels.map((ch) => ch.id));
  const owners = new Map<string, ChannelRef>();
  for (const con of app.consumers) {
    const q = w.scenario.queues.find((x) => x.name === con.queue);
    const ref = w.channelRef(app.id, con.channelId);
    if (!q?.exclusive || !channels.has(con.channelId) || !ref || owners.has(q.name) || w.broker.inspect.queue(q.name)) continue;
    owners.set(q.name, ref);
  }
  if (owners.size === 0) return;
  const plan = topologyOps(null, w.scenario);
  for (const [queue, ref] of owners) {
    applyOps(w, plan.filter((op) => (op.method === 'queueDeclare' || op.method === 'queueBind') && op.queue === queue), ref);
  }
  // a refused binding closes the channel: let the client see it before its consumers subscribe
  w.collect();
}

/**
 * Issues the operations in order; a refused one is reported as a client error, the rest still run.
 * `owner`: the channel queue operations go on (by default, that of the queue's first consumer).
 */
export function applyOps(w: World, ops: AmqpOp[], owner?: ChannelRef): void {
  for (const op of ops) {
    const r = run(w, op, owner);
    if (!r.ok) w.emit({ type: 'client-error', t: w.now, text: `${describeOp(op)}: ${r.error.text}`, code: r.error.code });
  }
}

function run(w: World, op: AmqpOp, owner: ChannelRef | undefined): Result<unknown> {
  const b = w.broker;
  const queueChannel = (queue: string, exclusive: boolean) => owner ?? ownerChannel(w, queue, exclusive);
  switch (op.method) {
    case 'exchangeDeclare':
      return b.exchangeDeclare(adminChannel(w), { exchange: op.exchange, type: op.type, durable: op.durable, autoDelete: op.autoDelete, internal: op.internal, arguments: op.arguments });
    case 'exchangeDelete':
      return b.exchangeDelete(adminChannel(w), { exchange: op.exchange });
    case 'queueDeclare':
      return b.queueDeclare(queueChannel(op.queue, op.exclusive), { queue: op.queue, durable: op.durable, exclusive: op.exclusive, autoDelete: op.autoDelete, arguments: op.arguments });
    case 'queueDelete':
      return b.queueDelete(queueChannel(op.queue, true), { queue: op.queue });
    case 'queueBind':
    case 'queueUnbind': {
      const p = { queue: op.queue, exchange: op.exchange, routingKey: op.routingKey, arguments: op.arguments };
      return op.method === 'queueBind' ? b.queueBind(queueChannel(op.queue, true), p) : b.queueUnbind(queueChannel(op.queue, true), p);
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
