import { type App, type Channel, type Connection, type Scenario, topologyOps } from '../model';
import { closeConnection, openApp, openChannel, openConnection, subscribe, wantsConfirms } from './connections';
import { sendSettle } from './consuming';
import { deepEqual, sameFields } from './equal';
import type { ReopenReason } from './events';
import { MethodLog } from './methodLog';
import { startPublisher } from './publishing';
import { type AppRt, newPublisherRt } from './runtime';
import { applyOps, declareOwnQueues } from './topology';
import type { World } from './world';

/**
 * An edit of the scenario while the simulation runs is a set of AMQP operations on the running
 * broker, as an operator would issue them: what was added is declared, what was removed is
 * deleted (a deleted queue loses its messages), an unbinding stops routing at once. AMQP cannot
 * change an exchange's type or a queue's arguments in place: those are deleted and declared
 * again (and their bindings re-created), exactly as you would have to on a real RabbitMQ.
 *
 * The apps change the way a real client program would, and only in what the edit names: a new
 * channel is a channel.open on the live connection, a channel's prefetch a basic.qos on the live
 * channel, a consumer's new settings a basic.cancel and a basic.consume (after its basic.qos).
 * A channel is closed and opened again only where AMQP cannot change it in place (confirm mode
 * cannot be turned off), and the log says why. What each edit sent is logged per app
 * ('edit-applied').
 */
function byId<T extends { id: string }>(xs: readonly T[]): Map<string, T> {
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
  const na = byId(next.apps);
  for (const app of prev.apps) {
    if (na.has(app.id)) continue;
    const log = new MethodLog(w, app, w.apps.get(app.id));
    for (const conn of app.connections) closeConnection(w, app.id, conn.id);
    w.apps.delete(app.id);
    for (const p of app.publishers) w.publishers.delete(p.id);
    for (const c of app.consumers) w.consumers.delete(c.id);
    report(w, app.id, log);
  }
  const pa = byId(prev.apps);
  for (const app of next.apps) {
    const old = pa.get(app.id);
    const log = new MethodLog(w, app, undefined);
    const rt = w.apps.get(app.id);
    if (!old || !rt) {
      openApp(w, app);
      for (const con of app.consumers) if (con.running) subscribe(w, app, con);
      syncPublishers(w, app, old, true);
      report(w, app.id, log);
      continue;
    }
    const reopened = reconcileApp(w, old, app, rt, redeclared, log);
    report(w, app.id, log, reopened);
  }
}

function report(w: World, app: string, log: MethodLog, reopened: { channel: number; reason: ReopenReason }[] = []): void {
  const methods = log.summary();
  if (methods.length === 0) return;
  w.emit({ type: 'edit-applied', t: w.now, app, methods, ...(reopened.length ? { reopened } : {}) });
}

const CONSUMER_AMQP = ['channelId', 'queue', 'noAck', 'prefetchCount', 'priority', 'exclusive', 'running'] as const;
const PUBLISHER_SCHEDULE = ['mode', 'ratePerSec'] as const;

function reconcileApp(w: World, old: App, app: App, rt: AppRt, redeclared: Set<string>, log: MethodLog): { channel: number; reason: ReopenReason }[] {
  const nextChannels = new Set(app.connections.flatMap((c) => c.channels.map((ch) => ch.id)));
  const nc = byId(app.consumers);
  // a removed consumer: basic.cancel, and what it held goes back (its handler is gone); on a channel
  // that is itself closing, the channel.close does both
  for (const con of old.consumers) if (!nc.has(con.id) && nextChannels.has(con.channelId)) retire(w, app, con.id);

  const resubscribe = new Set<string>();
  const reopened: { channel: number; reason: ReopenReason }[] = [];
  const oldConns = byId(old.connections);
  const newConns = byId(app.connections);
  for (const conn of old.connections) {
    if (newConns.has(conn.id)) continue;
    closeConnection(w, app.id, conn.id);
    delete rt.conns[conn.id];
    for (const ch of conn.channels) delete rt.channels[ch.id];
  }
  for (const conn of app.connections) {
    const before = oldConns.get(conn.id);
    if (!before) {
      openConnection(w, app, rt, conn.id);
      declareOwnQueues(w, app, conn.id);
      continue;
    }
    reconcileChannels(w, old, app, rt, before, conn, log, resubscribe, reopened);
  }

  const oc = byId(old.consumers);
  for (const con of app.consumers) {
    const before = oc.get(con.id);
    const c = w.consumers.get(con.id);
    const lostQueue = redeclared.has(con.queue) && c?.state !== 'running';
    const channelBack = resubscribe.has(con.channelId) && c?.state !== 'running';
    if (before && sameFields(con, before, CONSUMER_AMQP) && !lostQueue && !channelBack) continue;
    if (before && c?.state === 'running') cancel(w, app, c.id, before.channelId);
    if (con.running) subscribe(w, app, con);
    else if (c) c.state = 'stopped';
  }
  syncPublishers(w, app, old, false);
  return reopened;
}

/** The channels of a connection that stays: closed, opened, or changed in place where AMQP allows. */
function reconcileChannels(
  w: World, old: App, app: App, rt: AppRt, before: Connection, conn: Connection, log: MethodLog,
  resubscribe: Set<string>, reopened: { channel: number; reason: ReopenReason }[],
): void {
  const live = rt.conns[conn.id] !== null && rt.conns[conn.id] !== undefined;
  const prevCh = byId(before.channels);
  const nextCh = byId(conn.channels);
  for (const ch of before.channels) {
    if (nextCh.has(ch.id)) continue;
    closeChannel(w, app, rt, ch.id);
    delete rt.channels[ch.id];
  }
  for (const ch of conn.channels) {
    const was = prevCh.get(ch.id);
    if (!was || !rt.channels[ch.id]) {
      rt.channels[ch.id] = { conn: conn.id, number: ch.number, open: false, instance: 0 };
      if (live) openChannel(w, app, rt, ch.id);
      continue;
    }
    if (!live || !rt.channels[ch.id]!.open) {
      rt.channels[ch.id]!.number = ch.number;
      continue;
    }
    const reason: ReopenReason | null = was.number !== ch.number ? 'number' : wantsConfirms(old, ch.id) && !wantsConfirms(app, ch.id) ? 'confirm-off' : null;
    if (reason) {
      // AMQP cannot renumber a channel or take it out of confirm mode: close it and open it again
      reopened.push({ channel: ch.number, reason });
      closeChannel(w, app, rt, ch.id);
      rt.channels[ch.id]!.number = ch.number;
      openChannel(w, app, rt, ch.id);
      resubscribe.add(ch.id);
      continue;
    }
    const ref = w.channelRef(app.id, ch.id)!;
    if (!wantsConfirms(old, ch.id) && wantsConfirms(app, ch.id)) {
      w.broker.confirmSelect(ref);
      log.add('confirm.select');
    }
    if (!sameFields(ch, was, ['prefetchCount', 'prefetchGlobal'] satisfies (keyof Channel)[])) {
      // a shared (global) limit is lifted with basic.qos(0, global); the new one replaces it
      if (was.prefetchGlobal && !ch.prefetchGlobal) w.broker.basicQos(ref, { prefetchCount: 0, global: true });
      if (ch.prefetchCount > 0 || ch.prefetchGlobal) w.broker.basicQos(ref, { prefetchCount: ch.prefetchCount, global: ch.prefetchGlobal });
    }
  }
}

/** channel.close from the client: the broker requeues what the channel held; its consumers stop. */
function closeChannel(w: World, app: App, rt: AppRt, channelId: string): void {
  const ch = rt.channels[channelId];
  const ref = w.channelRef(app.id, channelId);
  if (!ch || !ref) return;
  w.broker.channelClose(ref);
  w.collect();
  ch.open = false;
}

/** basic.cancel: the client still holds (and will settle) what it received. */
function cancel(w: World, app: App, consumerId: string, channelId: string): void {
  const c = w.consumers.get(consumerId);
  const ref = w.channelRef(app.id, channelId);
  if (c && ref && c.state === 'running') w.broker.basicCancel(ref, { consumerTag: c.tag });
  if (c) {
    c.state = 'stopped';
    c.on = null;
  }
}

/** A consumer taken out of a running app: basic.cancel, then basic.nack(requeue) for each message it held. */
function retire(w: World, app: App, consumerId: string): void {
  const c = w.consumers.get(consumerId);
  if (!c || c.app !== app.id) return;
  const was = c.on;
  if (was && c.state === 'running') {
    const ref = { connection: was.connection, channel: was.channel };
    if (w.broker.isOpen(ref)) w.broker.basicCancel(ref, { consumerTag: c.tag });
    w.collect();
  }
  const held = [...(c.busy ? [c.busy] : []), ...c.inbox].filter((d) => !d.noAck);
  c.busy = null;
  c.inbox = [];
  c.gen = ++w.seq;
  c.on = null;
  c.state = 'stopped';
  for (const d of held) sendSettle(w, c, d, 'nack', true);
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
