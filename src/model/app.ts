import { z } from 'zod';
import { CHANNEL_MAX, PREFETCH_MAX } from './amq';
import { consumerSchema, publisherSchema } from './clients';
import { idSchema, nonNegativeInt, type Position, positionSchema } from './common';

export const channelSchema = z.object({
  id: idSchema,
  /** The channel number on its connection (1..65535; 0 is the connection itself). */
  number: z.number({ error: 'validation.number' }).int({ error: 'validation.integer' }).min(1).max(CHANNEL_MAX),
  /**
   * A channel-level basic.qos issued when the channel opens. With prefetchGlobal the limit is shared by
   * all consumers on the channel (RabbitMQ's reading of global=true); without it, it is the per-consumer
   * default that each consumer's own prefetchCount then replaces. See channelQosCalls().
   */
  prefetchCount: nonNegativeInt(PREFETCH_MAX).default(0),
  prefetchGlobal: z.boolean().default(false),
  /** confirm.select was issued: the broker acks or nacks every publish on this channel. */
  confirmSelect: z.boolean().default(false),
});
export type Channel = z.output<typeof channelSchema>;

export const connectionSchema = z.object({
  id: idSchema,
  channels: z.array(channelSchema).min(1, { error: 'validation.required' }),
});
export type Connection = z.output<typeof connectionSchema>;

/**
 * A client application outside the broker. It reaches the broker through connections carrying
 * channels; its publishers and consumers each use one channel. A palette Producer is an app with one
 * publisher, a palette Consumer one with one consumer; an RPC client has both.
 */
export const appSchema = z
  .object({
    id: idSchema,
    name: z
      .string()
      .max(100, { error: 'validation.tooLong' })
      .refine((n) => n.trim() !== '', { error: 'validation.nameEmpty' }),
    position: positionSchema.default({ x: 0, y: 0 }),
    connections: z.array(connectionSchema).min(1, { error: 'validation.required' }),
    publishers: z.array(publisherSchema).default([]),
    consumers: z.array(consumerSchema).default([]),
  })
  .superRefine((app, ctx) => {
    const channelIds = new Set<string>();
    app.connections.forEach((c, ci) => {
      const numbers = new Set<number>();
      c.channels.forEach((ch, chi) => {
        channelIds.add(ch.id);
        if (numbers.has(ch.number)) {
          ctx.addIssue({ code: 'custom', path: ['connections', ci, 'channels', chi, 'number'], message: 'validation.channelNumberTaken', input: ch.number });
        }
        numbers.add(ch.number);
      });
    });
    for (const [list, items] of [['publishers', app.publishers], ['consumers', app.consumers]] as const) {
      items.forEach((item, i) => {
        if (!channelIds.has(item.channelId)) {
          ctx.addIssue({ code: 'custom', path: [list, i, 'channelId'], message: 'validation.oneOf', input: item.channelId });
        }
      });
    }
  });
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
