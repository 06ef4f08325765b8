import { type App, type Scenario, topologyOps } from '../model';
import { closeConnection, openApp, subscribe } from './connections';
import { deepEqual, sameFields } from './equal';
import { startPublisher } from './publishing';
import { newPublisherRt } from './runtime';
import { applyOps, declareOwnQueues } from './topology';
import type { World } from './world';

/**
 * An edit of the scenario while the simulation runs is a set of AMQP operations on the running
 * broker, as an operator would issue them: what was added is declared, what was removed is
 * deleted (a deleted queue loses its messages), an unbinding stops routing at once. AMQP cannot
 * change an exchange's type or a queue's arguments in place: those are deleted and declared
 * again (and their bindings re-created), exactly as you would have to on a real RabbitMQ.
 */
function byId<T extends { id: string }>(xs: T[]): Map<string, T> {
  return new Map(xs.map((x) => [x.id, x]));
}

export function reconcile(w: World, next: Scenario): void {
  const prev = w.scenario;
  if (prev.broker.hopLatencyMs !== next.broker.hopLatencyMs) w.broker.setHopLatency(next.broker.hopLatencyMs);
  const ops = topologyOps(prev, next);
  // unbind and delete while the old names still resolve, declare and bind with the new ones
  w.scenario = next;
  applyOps(w, ops);
  // let the clients see what those operations did (a deleted queue cancels its consumers) before
  // deciding which consumers must subscribe again
  w.collect();
  const redeclared = new Set(ops.flatMap((op) => (op.method === 'queueDeclare' ? [op.queue] : [])));
  reconcileApps(w, prev, next, redeclared);
}

const APP_STRUCTURE = ['connections'] as const satisfies readonly (keyof App)[];
const CONSUMER_AMQP = ['channelId', 'queue', 'noAck', 'prefetchCount', 'priority', 'exclusive'] as const;
const PUBLISHER_SCHEDULE = ['mode', 'ratePerSec'] as const;

function reconcileApps(w: World, prev: Scenario, next: Scenario, redeclared: Set<string>): void {
  const pa = byId(prev.apps);
  const na = byId(next.apps);
  for (const app of prev.apps) {
    if (na.has(app.id)) continue;
    for (const conn of app.connections) closeConnection(w, app.id, conn.id);
    w.apps.delete(app.id);
    for (const p of app.publishers) w.publishers.delete(p.id);
    for (const c of app.consumers) w.consumers.delete(c.id);
  }
  for (const app of next.apps) {
    const old = pa.get(app.id);
    if (!old || !sameFields(app, old, APP_STRUCTURE)) {
      // new app, or its connections/channels changed: (re)connect it from scratch
      if (old) for (const conn of old.connections) closeConnection(w, app.id, conn.id);
      w.apps.delete(app.id);
      openApp(w, app);
      // its old connections took their exclusive queues with them: the client declares them again
      if (old) for (const conn of app.connections) declareOwnQueues(w, app, conn.id);
      for (const con of app.consumers) if (con.running) subscribe(w, app, con);
      syncPublishers(w, app, old, true);
      continue;
    }
    const oc = byId(old.consumers);
    const ncIds = new Set(app.consumers.map((c) => c.id));
    for (const c of old.consumers) if (!ncIds.has(c.id)) cancel(w, app, c.id, c.channelId);
    for (const con of app.consumers) {
      const before = oc.get(con.id);
      const rt = w.consumers.get(con.id);
      const lostQueue = redeclared.has(con.queue) && rt?.state !== 'running';
      if (!before || !sameFields(con, before, CONSUMER_AMQP) || before.running !== con.running || lostQueue) {
        if (before) cancel(w, app, con.id, before.channelId);
        if (con.running) subscribe(w, app, con, { keepHeld: true });
        else if (rt) rt.state = 'stopped';
      }
    }
    syncPublishers(w, app, old, false);
  }
}

function cancel(w: World, app: App, consumerId: string, channelId: string): void {
  const rt = w.consumers.get(consumerId);
  const ref = w.channelRef(app.id, channelId);
  if (rt && ref && rt.state === 'running') {
    // basic.cancel: the client still holds (and will settle) what it received
    w.broker.basicCancel(ref, { consumerTag: rt.tag });
  }
  if (rt) rt.state = 'stopped';
}

function syncPublishers(w: World, app: App, old: App | undefined, fresh: boolean): void {
  const op = byId(old?.publishers ?? []);
  for (const p of old?.publishers ?? []) if (!app.publishers.some((x) => x.id === p.id)) w.publishers.delete(p.id);
  for (const pub of app.publishers) {
    const before = op.get(pub.id);
    if (!w.publishers.has(pub.id)) w.publishers.set(pub.id, newPublisherRt(pub.id, app.id));
    // a new publisher starts; a changed schedule restarts (a burst only fires when asked to)
    if (!before) startPublisher(w, pub.id);
    else if ((fresh || !deepEqual(PUBLISHER_SCHEDULE.map((f) => pub[f]), PUBLISHER_SCHEDULE.map((f) => before[f]))) && pub.mode === 'rate') startPublisher(w, pub.id);
    else if (pub.mode !== 'rate') w.publishers.get(pub.id)!.tickGen++;
  }
}
