import type { WorldEvent } from '../sim';
import type { EventLog } from './eventLog';

/**
 * The routing key of a message by its broker id, read from the event log (published, delivered
 * and dead-lettered events carry it): the canvas colours a consumer's unacked messages and the
 * token of an expired message by key, and the live figures give only ids. Also whether it is
 * persistent (delivery mode 2, from its publish; a dead-lettered copy keeps its original's), for
 * the shape of its chip. Kept up to date lazily (on read, from the log entries added since),
 * bounded to the most recent ids.
 */
export const MESSAGE_KEYS_LIMIT = 50_000;

export class MessageKeys {
  private keys = new Map<number, string>();
  private durable = new Set<number>();
  private seen = 0;

  constructor(private readonly log: EventLog) {}

  /** The message's routing key, if it was seen in the log. */
  get(msgId: number): string | undefined {
    this.sync();
    return this.keys.get(msgId);
  }

  /** Whether the message is persistent; undefined when it was not seen in the log. */
  persistent(msgId: number): boolean | undefined {
    this.sync();
    return this.keys.has(msgId) ? this.durable.has(msgId) : undefined;
  }

  private sync(): void {
    const total = this.log.total;
    if (total === this.seen) return;
    // the log was cleared (reset): a fresh world numbers its messages from the start again
    if (total < this.seen) {
      this.keys.clear();
      this.durable.clear();
      this.seen = 0;
    }
    const fresh = total - this.seen;
    const entries = this.log.entries();
    for (let i = Math.max(0, entries.length - fresh); i < entries.length; i++) this.learn(entries[i]!.e);
    this.seen = total;
  }

  private learn(e: WorldEvent): void {
    switch (e.type) {
      case 'published':
        if (e.properties?.deliveryMode === 2) this.durable.add(e.msgId);
        this.set(e.msgId, e.routingKey);
        return;
      case 'delivered':
        this.set(e.msgId, e.routingKey);
        return;
      case 'dead-lettered':
        if (this.durable.has(e.msgId)) this.durable.add(e.newMsgId);
        this.set(e.newMsgId, e.routingKeys[0] ?? '');
        return;
      default:
        return;
    }
  }

  private set(msgId: number, key: string): void {
    this.keys.delete(msgId);
    this.keys.set(msgId, key);
    if (this.keys.size > MESSAGE_KEYS_LIMIT) {
      const oldest = this.keys.keys().next().value!;
      this.keys.delete(oldest);
      this.durable.delete(oldest);
    }
  }
}

const byLog = new WeakMap<EventLog, MessageKeys>();

/** The one index of a log (a simulation's log lives as long as its controller). */
export function messageKeysOf(log: EventLog): MessageKeys {
  let k = byLog.get(log);
  if (!k) {
    k = new MessageKeys(log);
    byLog.set(log, k);
  }
  return k;
}
