import { z } from 'zod';
import { CHANNEL_MAX, PREFETCH_MAX } from '../amq';
import { consumerSchema, publisherSchema } from './clients';
import { idSchema, nonNegativeInt, positionSchema } from './common';

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

export const connectionSchema = z.object({
  id: idSchema,
  channels: z.array(channelSchema).min(1, { error: 'validation.required' }),
});

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
