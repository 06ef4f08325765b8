import type { DeathReason, DropReason } from '../engine';
import type { WorldEvent } from '../sim';
import type { LogEntry } from './eventLog';

/**
 * A message's story, read from the event log: which messages belong to its dead-letter
 * lineage, which events are about them, and what became of each copy (one per queue it was
 * routed to). Pure: the message inspector adds what the broker holds right now on top.
 */

/** What became of one copy of a message (one queue's copy), as far as the log tells. */
export type CopyFate =
  | { state: 'travelling'; queue: string }
  | { state: 'ready'; queue: string }
  | { state: 'unacked'; queue: string; consumer?: string; deliveryTag: number; connection: number; channel: number }
  | { state: 'acked'; queue: string; consumer?: string }
  | { state: 'auto-acked'; queue: string; consumer?: string }
  | { state: 'rejected'; queue: string; consumer?: string }
  | { state: 'expired'; queue: string }
  | { state: 'dead-lettered'; queue: string; reason: DeathReason; exchange: string; newMsgId: number }
  | { state: 'dropped'; queue: string; reason: DropReason }
  | { state: 'purged'; queue: string };

/** The message as a whole, before and outside queues. */
export type MessageStage = 'unknown' | 'in-broker' | 'unroutable' | 'returned' | 'failed' | 'dropped';

export interface MessageStory {
  msgId: number;
  /** dead-letter ancestors, oldest first (the message it was a copy of, and so on) */
  ancestors: number[];
  /** dead-lettered copies made from it (direct children) */
  children: number[];
  stage: MessageStage;
  /** a drop that concerned the message as a whole (a dead-letter that routed nowhere) */
  dropReason?: DropReason;
  /** copies by queue, in the order they appeared */
  copies: CopyFate[];
  /** the events of the message and of its lineage, in log order */
  route: LogEntry[];
  /** the log no longer holds the start of the story (the ring buffer wrapped) */
  truncated: boolean;
}

/** Every message id an event is about (a dead-lettering is about the old and the new message). */
export function msgIdsOf(e: WorldEvent): number[] {
  switch (e.type) {
    case 'dead-lettered':
      return [e.msgId, e.newMsgId];
    case 'purged':
      return e.msgIds;
    default:
      return 'msgId' in e && typeof e.msgId === 'number' ? [e.msgId] : [];
  }
}

/** parent → children and child → parent links of dead-lettering, from the log. */
function lineageLinks(entries: readonly LogEntry[]) {
  const parent = new Map<number, number>();
  const children = new Map<number, number[]>();
  for (const { e } of entries) {
    let from: number | undefined;
    let to: number | undefined;
    if (e.type === 'dead-lettered') [from, to] = [e.msgId, e.newMsgId];
    else if (e.type === 'published' && e.deadLetteredFrom !== undefined) [from, to] = [e.deadLetteredFrom, e.msgId];
    if (from === undefined || to === undefined || parent.has(to)) continue;
    parent.set(to, from);
    children.set(from, [...(children.get(from) ?? []), to]);
  }
  return { parent, children };
}

/** The fate of each copy of `msgId`, following its events in order. */
function copyFates(entries: readonly LogEntry[], msgId: number): { copies: Map<string, CopyFate>; stage: MessageStage; dropReason?: DropReason } {
  const copies = new Map<string, CopyFate>();
  let stage: MessageStage = 'unknown';
  let dropReason: DropReason | undefined;
  for (const { e } of entries) {
    if (!msgIdsOf(e).includes(msgId)) continue;
    switch (e.type) {
      case 'published':
        stage = 'in-broker';
        break;
      case 'routed':
        for (const q of e.queues) if (!copies.has(q)) copies.set(q, { state: 'travelling', queue: q });
        break;
      case 'unroutable':
        stage = 'unroutable';
        break;
      case 'returned':
        stage = 'returned';
        break;
      case 'publish-failed':
        stage = 'failed';
        break;
      case 'enqueued':
      case 'requeued':
        copies.set(e.queue, { state: 'ready', queue: e.queue });
        break;
      case 'delivered':
        copies.set(
          e.queue,
          e.noAck
            ? { state: 'auto-acked', queue: e.queue, consumer: e.consumerTag }
            : { state: 'unacked', queue: e.queue, consumer: e.consumerTag, deliveryTag: e.deliveryTag, connection: e.connection, channel: e.channel },
        );
        break;
      case 'acked':
        copies.set(e.queue, { state: 'acked', queue: e.queue, consumer: e.consumerTag });
        break;
      case 'nacked':
        if (!e.requeue) copies.set(e.queue, { state: 'rejected', queue: e.queue, consumer: e.consumerTag });
        break;
      case 'expired':
        copies.set(e.queue, { state: 'expired', queue: e.queue });
        break;
      case 'dead-lettered':
        if (e.msgId === msgId) copies.set(e.queue, { state: 'dead-lettered', queue: e.queue, reason: e.reason, exchange: e.exchange, newMsgId: e.newMsgId });
        break;
      case 'dropped':
        if (e.queue === undefined) {
          stage = 'dropped';
          dropReason = e.reason;
        } else copies.set(e.queue, { state: 'dropped', queue: e.queue, reason: e.reason });
        break;
      case 'purged':
        copies.set(e.queue, { state: 'purged', queue: e.queue });
        break;
      default:
        break;
    }
  }
  return { copies, stage, dropReason };
}

type PublishSent = Extract<WorldEvent, { type: 'publish-sent' }>;

/**
 * The client's basic.publish of a message that reached the broker: the publishes arriving at
 * that instant with the same exchange and key, matched in order with the broker's `published`
 * events. Undefined when that is ambiguous (a failure or another channel in between).
 */
function sentOf(entries: readonly LogEntry[], msgId: number): LogEntry | undefined {
  const p = entries.find(({ e }) => e.type === 'published' && e.msgId === msgId)?.e;
  if (p?.type !== 'published' || p.deadLetteredFrom !== undefined) return undefined;
  const same = (e: PublishSent) => e.arriveAt === p.t && e.exchange === p.exchange && e.routingKey === p.routingKey;
  const sent = entries.filter(({ e }) => e.type === 'publish-sent' && same(e));
  const failed = entries.some(({ e }) => e.type === 'publish-failed' && e.t === p.t);
  const arrived = entries.filter(({ e }) => e.type === 'published' && e.t === p.t && e.deadLetteredFrom === undefined && e.exchange === p.exchange && e.routingKey === p.routingKey);
  if (failed || sent.length !== arrived.length) return undefined;
  return sent[arrived.findIndex(({ e }) => e === p)];
}

/** The story of message `msgId` as the log tells it. */
export function messageStory(entries: readonly LogEntry[], msgId: number): MessageStory {
  const { parent, children } = lineageLinks(entries);
  const ancestors: number[] = [];
  for (let p = parent.get(msgId); p !== undefined && !ancestors.includes(p); p = parent.get(p)) ancestors.unshift(p);
  // the whole family: ancestors, the message, and every copy dead-lettered from it (recursively)
  const family = new Set<number>([...ancestors, msgId]);
  const todo = [msgId];
  while (todo.length) {
    for (const c of children.get(todo.pop()!) ?? []) {
      if (family.has(c)) continue;
      family.add(c);
      todo.push(c);
    }
  }
  const root = ancestors[0] ?? msgId;
  // the story starts at the client, before the broker gave the message an id
  const sent = sentOf(entries, root);
  const route = entries.filter((x) => x === sent || msgIdsOf(x.e).some((id) => family.has(id)));
  const { copies, stage, dropReason } = copyFates(entries, msgId);
  // the story is complete if the log still holds the root's publication
  const truncated = !route.some(({ e }) => e.type === 'published' && e.msgId === root);
  return { msgId, ancestors, children: children.get(msgId) ?? [], stage, ...(dropReason ? { dropReason } : {}), copies: [...copies.values()], route, truncated };
}

/**
 * The broker's id of the n-th message a publisher sent, once it reached the broker. A publish
 * travels one hop and the broker numbers messages as they arrive, in the order they were sent:
 * among the publishes of this publisher arriving at the same instant with the same exchange and
 * key, the k-th sent is the k-th `published` with them (on its channel, when that is known).
 */
export function resolvePublish(entries: readonly LogEntry[], publisher: string, seq: number, channel?: { connection: number; channel: number }): number | undefined {
  let sent: Extract<WorldEvent, { type: 'publish-sent' }> | undefined;
  const failed = new Set<number>();
  for (const { e } of entries) {
    if (e.type === 'publish-sent' && e.publisher === publisher && e.seq === seq) sent = e;
    if (e.type === 'publish-failed' && e.publisher === publisher) {
      if (e.seq === seq) return e.msgId;
      failed.add(e.seq);
    }
  }
  if (!sent) return undefined;
  const { arriveAt, exchange, routingKey } = sent;
  const rank = entries.filter(
    ({ e }) => e.type === 'publish-sent' && e.publisher === publisher && e.arriveAt === arriveAt && e.exchange === exchange && e.routingKey === routingKey && e.seq < seq && !failed.has(e.seq),
  ).length;
  const pool = entries.filter(
    ({ e }) =>
      e.type === 'published' &&
      e.t === arriveAt &&
      e.deadLetteredFrom === undefined &&
      e.exchange === exchange &&
      e.routingKey === routingKey &&
      (!channel || (e.connection === channel.connection && e.channel === channel.channel)),
  );
  const hit = pool[rank]?.e;
  return hit && hit.type === 'published' ? hit.msgId : undefined;
}
