import { allChannels, type App, type Channel, findChannel } from '../app';
import type { Consumer, Publisher } from '../clients';
import { consumerSchema, publisherSchema } from '../schemas/clients';
import { IdSource } from '../ids';
import type { Scenario } from '../scenario';
import { check } from '../zodIssues';
import { defaultConsumer, defaultPublisher } from './add';
import { type OpResult, refuse, replaceById } from './result';
import { replaceApp } from './update';

/**
 * Operations on the inside of an app: its connections and channels, and the publishers and consumers
 * that use them. All go through replaceApp, which validates the whole app.
 */

type AppEdit = (app: App, ids: IdSource) => App | { error: OpResult & { ok: false } };

function editApp(s: Scenario, appId: string, edit: AppEdit): OpResult<{ createdId?: string }> {
  const app = s.apps.find((a) => a.id === appId);
  if (!app) return refuse(['appId'], { key: 'op.notFound' });
  const ids = IdSource.for(s);
  const next = edit(app, ids);
  if ('error' in next) return next.error;
  return replaceApp(s, next);
}

function freeChannelNumber(channels: Channel[]): number {
  let n = 1;
  while (channels.some((c) => c.number === n)) n++;
  return n;
}

/** Opens another channel on a connection (the first one by default). */
export function addChannel(s: Scenario, appId: string, connectionId?: string): OpResult<{ createdId?: string }> {
  let createdId: string | undefined;
  const r = editApp(s, appId, (app, ids) => {
    const conn = app.connections.find((c) => c.id === connectionId) ?? app.connections[0]!;
    createdId = ids.take('channel');
    const channel: Channel = { id: createdId, number: freeChannelNumber(conn.channels), prefetchCount: 0, prefetchGlobal: false, confirmSelect: false };
    return { ...app, connections: replaceById(app.connections, conn.id, { ...conn, channels: [...conn.channels, channel] }) };
  });
  return r.ok ? { ...r, createdId } : r;
}

/** Opens another connection with one channel. */
export function addConnection(s: Scenario, appId: string): OpResult<{ createdId?: string }> {
  let createdId: string | undefined;
  const r = editApp(s, appId, (app, ids) => {
    createdId = ids.take('connection');
    const channel: Channel = { id: ids.take('channel'), number: 1, prefetchCount: 0, prefetchGlobal: false, confirmSelect: false };
    return { ...app, connections: [...app.connections, { id: createdId, channels: [channel] }] };
  });
  return r.ok ? { ...r, createdId } : r;
}

/**
 * Closes a channel: as in AMQP, its consumers are cancelled and its publishers stop (they are removed;
 * undo brings them back). An app keeps at least one channel.
 */
export function removeChannel(s: Scenario, appId: string, channelId: string): OpResult {
  return editApp(s, appId, (app) => {
    if (allChannels(app).length <= 1) return { error: refuse(['channels'], { key: 'op.lastChannel' }) };
    const connections = app.connections
      .map((c) => ({ ...c, channels: c.channels.filter((ch) => ch.id !== channelId) }))
      .filter((c) => c.channels.length > 0);
    return {
      ...app,
      connections,
      publishers: app.publishers.filter((p) => p.channelId !== channelId),
      consumers: app.consumers.filter((c) => c.channelId !== channelId),
    };
  });
}

/** Edits a channel. Leaving confirm mode is impossible in AMQP, so turning it off here also turns off its publishers' confirms. */
export function updateChannel(s: Scenario, appId: string, channelId: string, patch: Partial<Omit<Channel, 'id'>>): OpResult {
  return editApp(s, appId, (app) => {
    if (!findChannel(app, channelId)) return { error: refuse(['channelId'], { key: 'op.notFound' }) };
    const connections = app.connections.map((c) => ({
      ...c,
      channels: c.channels.map((ch) => (ch.id === channelId ? { ...ch, ...patch } : ch)),
    }));
    const publishers = patch.confirmSelect === false
      ? app.publishers.map((p) => (p.channelId === channelId ? { ...p, confirms: false } : p))
      : app.publishers;
    return { ...app, connections, publishers };
  });
}

/** Adds a publisher (gives a consumer app the producer role too, e.g. an RPC server replying). */
export function addPublisher(s: Scenario, appId: string, channelId?: string, body?: string): OpResult<{ createdId?: string }> {
  let createdId: string | undefined;
  const r = editApp(s, appId, (app, ids) => {
    createdId = ids.take('publisher');
    const ch = channelId ?? allChannels(app)[0]!.channel.id;
    return { ...app, publishers: [...app.publishers, defaultPublisher(createdId, ch, body)] };
  });
  return r.ok ? { ...r, createdId } : r;
}

/** Adds a consumer (an RPC client consumes its replies on the same app). */
export function addConsumer(s: Scenario, appId: string, channelId?: string, queue = ''): OpResult<{ createdId?: string }> {
  let createdId: string | undefined;
  const r = editApp(s, appId, (app, ids) => {
    createdId = ids.take('consumer');
    const ch = channelId ?? allChannels(app)[0]!.channel.id;
    return { ...app, consumers: [...app.consumers, defaultConsumer(createdId, ch, queue)] };
  });
  return r.ok ? { ...r, createdId } : r;
}

export function removePublisher(s: Scenario, appId: string, publisherId: string): OpResult {
  return editApp(s, appId, (app) => ({ ...app, publishers: app.publishers.filter((p) => p.id !== publisherId) }));
}

export function removeConsumer(s: Scenario, appId: string, consumerId: string): OpResult {
  return editApp(s, appId, (app) => ({ ...app, consumers: app.consumers.filter((c) => c.id !== consumerId) }));
}

/**
 * Edits a publisher (a `message` in the patch replaces the whole message template). Asking for confirms
 * puts its channel in confirm mode (confirm.select), since a publisher can only get confirms there.
 */
export function updatePublisher(s: Scenario, appId: string, publisherId: string, patch: Partial<Omit<Publisher, 'id'>>): OpResult {
  const app = s.apps.find((a) => a.id === appId);
  const old = app?.publishers.find((p) => p.id === publisherId);
  if (!app || !old) return refuse(['publisherId'], { key: 'op.notFound' });
  const r = check(publisherSchema, { ...old, ...patch });
  if (!r.ok) return r;
  const next = r.value;
  let connections = app.connections;
  if (next.confirms) {
    connections = connections.map((c) => ({
      ...c,
      channels: c.channels.map((ch) => (ch.id === next.channelId ? { ...ch, confirmSelect: true } : ch)),
    }));
  }
  return replaceApp(s, { ...app, connections, publishers: replaceById(app.publishers, publisherId, next) });
}

export function updateConsumer(s: Scenario, appId: string, consumerId: string, patch: Partial<Omit<Consumer, 'id'>>): OpResult {
  const app = s.apps.find((a) => a.id === appId);
  const old = app?.consumers.find((c) => c.id === consumerId);
  if (!app || !old) return refuse(['consumerId'], { key: 'op.notFound' });
  const r = check(consumerSchema, { ...old, ...patch });
  if (!r.ok) return r;
  return replaceApp(s, { ...app, consumers: replaceById(app.consumers, consumerId, r.value) });
}
