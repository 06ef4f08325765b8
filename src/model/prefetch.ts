import { type App, findChannel } from './app';

/**
 * Which prefetch limits a consumer, in RabbitMQ's reading of basic.qos: a global=false qos sets the
 * limit of each consumer created after it on the channel (the simulated client sends its consumer's
 * own just before basic.consume, so the channel's global=false qos at open is only a default that
 * every consumer here replaces); a global=true qos is one limit shared by all the channel's
 * consumers, on top of each one's own. 0 means no limit; an auto-ack consumer has none at all (the
 * broker waits for no ack, so nothing counts as unacked).
 */
export interface EffectivePrefetch {
  /** the limit on this consumer's unacked deliveries that applies first; 0: none */
  limit: number;
  /** its own basic.qos(prefetchCount, global=false) */
  own: number;
  /** the channel's basic.qos(prefetchCount, global=true), shared by its consumers; 0: none */
  shared: number;
  /** the channel's basic.qos(global=false) at open: a default the consumer's own replaced */
  channelDefault: number;
  noAck: boolean;
}

export function effectivePrefetch(app: App, consumerId: string): EffectivePrefetch | null {
  const c = app.consumers.find((x) => x.id === consumerId);
  const ch = c ? findChannel(app, c.channelId)?.channel : undefined;
  if (!c || !ch) return null;
  const shared = ch.prefetchGlobal ? ch.prefetchCount : 0;
  const channelDefault = ch.prefetchGlobal ? 0 : ch.prefetchCount;
  const own = c.prefetchCount;
  const limits = [own, shared].filter((n) => n > 0);
  return { limit: c.noAck || limits.length === 0 ? 0 : Math.min(...limits), own, shared, channelDefault, noAck: c.noAck };
}
