import type { z } from 'zod';
import type { Position } from './common';
import type { appSchema, channelSchema, connectionSchema } from './schemas/app';

/**
 * A client application outside the broker, its connections and channels (the rules they obey:
 * schemas/app.ts), and what is derived from them.
 */
export type Channel = z.output<typeof channelSchema>;
export type Connection = z.output<typeof connectionSchema>;
export type App = z.output<typeof appSchema>;

export type AppRole = 'producer' | 'consumer' | 'both' | 'none';

/** What the app does, for its label ("Producer app1") and its handles. */
export function appRole(app: Pick<App, 'publishers' | 'consumers'>): AppRole {
  const p = app.publishers.length > 0;
  const c = app.consumers.length > 0;
  return p && c ? 'both' : p ? 'producer' : c ? 'consumer' : 'none';
}

/**
 * Whether the broker has a consumer on this channel: one of the app's consumers is subscribed to a
 * queue (its basic.qos and basic.consume are sent then). A consumer not subscribed yet sends nothing, so
 * its channel has no prefetch to show.
 */
export function channelConsumes(app: Pick<App, 'consumers'>, channelId: string): boolean {
  return app.consumers.some((c) => c.channelId === channelId && c.queue !== '');
}

export function allChannels(app: App): { connection: Connection; channel: Channel }[] {
  return app.connections.flatMap((connection) => connection.channels.map((channel) => ({ connection, channel })));
}

export function findChannel(app: App, channelId: string): { connection: Connection; channel: Channel } | undefined {
  return allChannels(app).find((c) => c.channel.id === channelId);
}

export function newApp(id: string, name: string, position: Position, connectionId: string, channelId: string): App {
  return {
    id,
    name,
    position,
    connections: [{ id: connectionId, channels: [{ id: channelId, number: 1, prefetchCount: 0, prefetchGlobal: false, confirmSelect: false }] }],
    publishers: [],
    consumers: [],
  };
}

export interface QosCall {
  prefetchCount: number;
  global: boolean;
}

/**
 * The basic.qos calls the simulated client makes on a channel, in order, before each consumer's
 * basic.consume: the channel's own qos when it opens, then each consumer's per-consumer limit.
 * (RabbitMQ applies a global=false limit to consumers created after it, so each consumer gets its own.)
 */
export function channelQosCalls(app: App, channelId: string): { atOpen: QosCall | null; perConsumer: Record<string, QosCall> } {
  const found = findChannel(app, channelId);
  const ch = found?.channel;
  const atOpen = ch && (ch.prefetchCount > 0 || ch.prefetchGlobal) ? { prefetchCount: ch.prefetchCount, global: ch.prefetchGlobal } : null;
  const perConsumer: Record<string, QosCall> = {};
  for (const c of app.consumers) {
    if (c.channelId === channelId) perConsumer[c.id] = { prefetchCount: c.prefetchCount, global: false };
  }
  return { atOpen, perConsumer };
}
