import type { BasicProperties, MessageLocation } from '../engine';
import type { ClientEvent, World } from '../sim';
import type { LogEntry } from './eventLog';
import type { ConsumerLive } from './liveCounts';
import { type MessageStory, messageStory, resolvePublish } from './messageStory';
import type { MessageRef } from './simController';

/**
 * Everything the message inspector shows about one message: its content (properties, headers,
 * body), where it is now and its story. The content is read from the broker while the message
 * is there (ready in a queue or unacked on a channel), else from the last delivery of it in the
 * log (basic.deliver carries properties and headers, x-death included), else from what the
 * inspector saw earlier (the cache).
 */
export interface MessageContent {
  exchange: string;
  routingKey: string;
  body: string;
  properties: BasicProperties;
  redelivered?: boolean;
  /**
   * where it was read: a queue's buffer, a channel's unacked table, the broker's transit table, a
   * delivery, the message as the broker received it (basic.publish, or a dead-lettered copy as it was
   * republished: headers and x-death included), or the client's publish before the broker had it
   * (only the body and the key are known then)
   */
  source: 'queue' | 'channel' | 'transit' | 'delivery' | 'received' | 'publish';
}

/** A consumer application holding the message: being processed, or waiting in its prefetch buffer. */
export interface Holder {
  consumer: string;
  busy: boolean;
}

export type PublishSent = Extract<ClientEvent, { type: 'publish-sent' }>;

export interface MessageDetails {
  ref: MessageRef;
  /** the broker's id, once it reached the broker */
  msgId?: number;
  /** the client's basic.publish, when the message was selected by its publisher's counter */
  sent?: PublishSent;
  content?: MessageContent;
  story?: MessageStory;
  /** where the broker holds it right now */
  locations: MessageLocation[];
  holders: Holder[];
}

export interface DetailsSource {
  entries: readonly LogEntry[];
  world: World;
  consumers: Record<string, ConsumerLive>;
}

/** A long queue is not copied to find one message deep in it: past this position, the log is used. */
const MAX_READ_POSITION = 5000;

function liveContent(world: World, loc: MessageLocation, msgId: number): MessageContent | undefined {
  const inspect = world.broker.inspect;
  if (loc.where === 'ready') {
    if (loc.position >= MAX_READ_POSITION) return undefined;
    const m = inspect.readyMessages(loc.queue, loc.position + 1)[loc.position];
    return m && m.msgId === msgId ? { exchange: m.exchange, routingKey: m.routingKey, body: m.body, properties: m.properties, redelivered: m.redelivered, source: 'queue' } : undefined;
  }
  const u = inspect.unacked(loc.connection, loc.channel).find((x) => x.deliveryTag === loc.deliveryTag);
  const m = u?.message;
  return m && m.msgId === msgId ? { exchange: m.exchange, routingKey: m.routingKey, body: m.body, properties: m.properties, redelivered: m.redelivered, source: 'channel' } : undefined;
}

/**
 * A message travelling inside the broker (exchange → queue, queue → dead-letter exchange) is in
 * no queue yet, so `inspect.locate` does not see it: its content comes from the transit view.
 */
function transitContent(world: World, msgId: number): MessageContent | undefined {
  const m = world.broker.inspect.inTransit().find((x) => x.msgId === msgId);
  return m && { exchange: m.exchange, routingKey: m.routingKey, body: m.body, properties: m.properties, source: 'transit' };
}

/** basic.publish (or a dead-letter republish) as the broker received it: the content at the start. */
function publishedContent(entries: readonly LogEntry[], msgId: number): MessageContent | undefined {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!.e;
    if (e.type === 'published' && e.msgId === msgId && e.properties) {
      return { exchange: e.exchange, routingKey: e.routingKey, body: e.body ?? '', properties: e.properties, source: 'received' };
    }
  }
  return undefined;
}

function deliveredContent(entries: readonly LogEntry[], msgId: number): MessageContent | undefined {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!.e;
    if (e.type === 'delivered' && e.msgId === msgId) {
      return { exchange: e.exchange, routingKey: e.routingKey, body: e.body, properties: e.properties, redelivered: e.redelivered, source: 'delivery' };
    }
  }
  return undefined;
}

/** The publisher's channel right now, to tell its publishes from others arriving at the same instant. */
function publisherChannel(world: World, publisher: string) {
  for (const app of world.scenario.apps) {
    const p = app.publishers.find((x) => x.id === publisher);
    if (p) return world.channelRef(app.id, p.channelId);
  }
  return undefined;
}

/**
 * Details of the message `ref`. `cache` keeps the content seen while the message was in the
 * broker, so that it can still be shown after it left (the caller clears it on reset).
 */
export function messageDetails(src: DetailsSource, ref: MessageRef, cache: Map<number, MessageContent>): MessageDetails {
  const { entries, world } = src;
  let sent: PublishSent | undefined;
  let msgId: number | undefined;
  if ('msgId' in ref) msgId = ref.msgId;
  else {
    for (const { e } of entries) if (e.type === 'publish-sent' && e.publisher === ref.publisher && e.seq === ref.seq) sent = e;
    msgId = resolvePublish(entries, ref.publisher, ref.seq, publisherChannel(world, ref.publisher));
  }
  if (msgId === undefined) {
    const content: MessageContent | undefined = sent && { exchange: sent.exchange, routingKey: sent.routingKey, body: sent.body, properties: {}, source: 'publish' };
    return { ref, ...(sent ? { sent } : {}), ...(content ? { content } : {}), locations: [], holders: [] };
  }
  const locations = world.broker.inspect.locate(msgId);
  let content: MessageContent | undefined;
  for (const loc of locations) if (!content) content = liveContent(world, loc, msgId);
  content ??= transitContent(world, msgId) ?? deliveredContent(entries, msgId) ?? cache.get(msgId) ?? publishedContent(entries, msgId);
  if (content && content.source !== 'publish') cache.set(msgId, content);
  if (!content && sent) content = { exchange: sent.exchange, routingKey: sent.routingKey, body: sent.body, properties: {}, source: 'publish' };
  const holders: Holder[] = [];
  for (const [consumer, c] of Object.entries(src.consumers)) {
    if (c.holding.includes(msgId)) holders.push({ consumer, busy: c.busy === msgId });
  }
  return { ref, msgId, ...(sent ? { sent } : {}), ...(content ? { content } : {}), story: messageStory(entries, msgId), locations, holders };
}
