import type { ChannelRef } from '../engine';
import type { App, Consumer } from '../model';
import type { AppRt, ConsumerRt } from './runtime';
import { newConsumerRt } from './runtime';
import type { World } from './world';

/**
 * Client connections and channels: what a real AMQP client library does when an application
 * starts (connect, open channels, confirm.select, basic.qos, basic.consume) and stops.
 */
export function openApp(w: World, app: App): void {
  let rt = w.apps.get(app.id);
  if (!rt) {
    rt = { id: app.id, conns: {}, channels: {} };
    w.apps.set(app.id, rt);
  }
  for (const conn of app.connections) openConnection(w, app, rt, conn.id);
}

export function openConnection(w: World, app: App, rt: AppRt, connId: string): void {
  const conn = app.connections.find((c) => c.id === connId);
  if (!conn || (rt.conns[connId] ?? null) !== null) return;
  const id = w.broker.connectionOpen(app.name);
  rt.conns[connId] = id;
  w.connIndex.set(id, { app: app.id, conn: connId });
  for (const ch of conn.channels) {
    rt.channels[ch.id] = { conn: connId, number: ch.number, open: false, instance: 0 };
    openChannel(w, app, rt, ch.id);
  }
}

/** Opens (or re-opens) a model channel on its connection, with its confirm mode and channel qos. */
export function openChannel(w: World, app: App, rt: AppRt, channelId: string): boolean {
  const chRt = rt.channels[channelId];
  const brokerConn = chRt ? rt.conns[chRt.conn] : null;
  if (!chRt || brokerConn === null || brokerConn === undefined) return false;
  if (chRt.open) return true;
  const model = app.connections.flatMap((c) => c.channels).find((c) => c.id === channelId);
  if (!model) return false;
  const ref = w.broker.channelOpen(brokerConn, model.number);
  chRt.number = ref.channel;
  chRt.open = true;
  chRt.instance = ++w.seq;
  if (wantsConfirms(app, channelId)) w.broker.confirmSelect(ref);
  if (model.prefetchCount > 0 || model.prefetchGlobal) w.broker.basicQos(ref, { prefetchCount: model.prefetchCount, global: model.prefetchGlobal });
  return true;
}

/** confirm.select goes on a channel when it is set to confirm mode or one of its publishers wants confirms. */
export function wantsConfirms(app: App, channelId: string): boolean {
  return app.connections.some((c) => c.channels.some((ch) => ch.id === channelId && ch.confirmSelect)) || app.publishers.some((p) => p.channelId === channelId && p.confirms);
}

/** The broker channel of one opening of a model channel (ChannelRt.instance), while it is still open. */
export function channelByInstance(w: World, appId: string, instance: number): ChannelRef | undefined {
  const rt = w.apps.get(appId);
  if (!rt) return undefined;
  // for…in, not Object.values: this runs for every delivery and every ack, and the array it built was
  // a twentieth of a busy run's time; the ref is the world's cached one for that channel (read only)
  const channels = rt.channels;
  for (const id in channels) {
    const ch = channels[id]!;
    if (ch.instance === instance && ch.open) return w.channelRef(appId, id);
  }
  return undefined;
}

export function consumerRt(w: World, app: App, con: Consumer): ConsumerRt {
  let c = w.consumers.get(con.id);
  if (!c) {
    c = newConsumerRt(con.id, app.id, con.id);
    // a consumer deleted and added again (Undo) must not take over the old one's work in flight
    c.gen = ++w.seq;
    w.consumers.set(con.id, c);
  }
  return c;
}

/**
 * basic.qos then basic.consume for one consumer. The per-consumer qos comes first and the
 * channel's global limit (if any) is issued again after it: in RabbitMQ 3.10 a per-consumer qos
 * lifts an earlier global one, but both hold in this order.
 */
export function subscribe(w: World, app: App, con: Consumer): boolean {
  const c = consumerRt(w, app, con);
  if (con.queue === '') {
    c.state = 'stopped';
    return false;
  }
  const rt = w.apps.get(app.id);
  if (!rt || !openChannel(w, app, rt, con.channelId)) return false;
  const ref = w.channelRef(app.id, con.channelId)!;
  const model = app.connections.flatMap((x) => x.channels).find((x) => x.id === con.channelId)!;
  w.broker.basicQos(ref, { prefetchCount: con.prefetchCount, global: false });
  if (model.prefetchGlobal && model.prefetchCount > 0) w.broker.basicQos(ref, { prefetchCount: model.prefetchCount, global: true });
  // what it still holds (after a basic.cancel, or from another channel of the app that is still open)
  // it keeps working on, and settles on the channel each delivery came from
  c.error = undefined;
  c.state = 'running';
  // register before consuming: deliveries start inside basic.consume
  c.on = { connection: ref.connection, channel: ref.channel, instance: rt.channels[con.channelId]!.instance };
  const r = w.broker.basicConsume(ref, { queue: con.queue, consumerTag: c.tag, noAck: con.noAck, exclusive: con.exclusive, arguments: con.priority !== 0 ? { 'x-priority': con.priority } : {} });
  if (!r.ok) {
    c.on = null;
    c.state = 'error';
    c.error = r.error.text;
    return false;
  }
  w.emit({ type: 'client-state', t: w.now, app: app.id, consumer: con.id, state: 'running' });
  return true;
}

/** Closes one connection of an app (its consumers stop; the broker requeues what they held). */
export function closeConnection(w: World, appId: string, connId: string): void {
  const rt = w.apps.get(appId);
  const id = rt?.conns[connId];
  if (!rt || id === null || id === undefined) return;
  w.broker.connectionClose(id);
  w.collect();
  rt.conns[connId] = null;
  for (const ch of Object.values(rt.channels)) if (ch.conn === connId) ch.open = false;
}

/** The admin channel Warren declares the topology on (re-opened after an error or a restart). */
export function adminChannel(w: World): { connection: number; channel: number } {
  if (w.admin.conn === null) {
    w.admin.conn = w.broker.connectionOpen('warren-admin');
    w.admin.channel = null;
  }
  if (w.admin.channel === null || !w.broker.isOpen({ connection: w.admin.conn, channel: w.admin.channel })) {
    w.admin.channel = w.broker.channelOpen(w.admin.conn).channel;
  }
  return { connection: w.admin.conn, channel: w.admin.channel };
}
