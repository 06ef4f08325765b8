import type { ChannelRef } from '../engine';
import { type AmqpOp, topologyOps } from '../model';
import { subscribe } from './connections';
import { applyOps } from './topology';
import type { World } from './world';

/**
 * "Declare again": a queue or exchange of the document that the broker lost (a non-durable one in a
 * restart, or one deleted) is declared again, as the app that owns it would do when it reconnects,
 * with the bindings whose other end exists. A consumer left in error because its queue was missing
 * subscribes again. Nothing happens for what the broker already has.
 *
 * An exclusive queue belongs to a connection: it is declared on its consumer's connection, and only
 * while that is open (otherwise its app declares it when it starts).
 */
export function redeclare(w: World, kind: 'queue' | 'exchange', name: string): void {
  const s = w.scenario;
  const view = w.broker.inspect;
  const exchangeExists = (x: string) => x === '' || view.exchanges().some((e) => e.name === x);
  const plan = topologyOps(null, s);
  let ops: AmqpOp[];
  let owner: ChannelRef | undefined;
  if (kind === 'exchange') {
    if (!s.exchanges.some((x) => x.name === name) || exchangeExists(name)) return;
    ops = plan.filter(
      (op) =>
        (op.method === 'exchangeDeclare' && op.exchange === name) ||
        (op.method === 'queueBind' && op.exchange === name && view.queue(op.queue) !== undefined) ||
        (op.method === 'exchangeBind' && ((op.source === name && exchangeExists(op.destination)) || (op.destination === name && exchangeExists(op.source)))),
    );
  } else {
    const q = s.queues.find((x) => x.name === name);
    if (!q || view.queue(name)) return;
    if (q.exclusive) {
      owner = exclusiveOwner(w, name);
      if (!owner) return;
    }
    ops = plan.filter((op) => (op.method === 'queueDeclare' && op.queue === name) || (op.method === 'queueBind' && op.queue === name && exchangeExists(op.exchange)));
  }
  applyOps(w, ops, owner);
  w.collect();
  if (kind !== 'queue' || !view.queue(name)) return;
  for (const app of s.apps) {
    for (const con of app.consumers) {
      if (con.queue === name && con.running && w.consumers.get(con.id)?.state === 'error') subscribe(w, app, con);
    }
  }
}

function exclusiveOwner(w: World, queue: string): ChannelRef | undefined {
  for (const app of w.scenario.apps) {
    for (const con of app.consumers) {
      const ref = con.queue === queue ? w.channelRef(app.id, con.channelId) : undefined;
      if (ref) return ref;
    }
  }
  return undefined;
}
