import type { WorldEvent } from '../sim';
import type { EventLog } from './eventLog';

/**
 * The routing key of a message by its broker id, read from the event log (published, delivered
 * and dead-lettered events carry it): the canvas colours a consumer's unacked messages and the
 * token of an expired message by key, and the live figures give only ids. Kept up to date
 * lazily (on read, from the log entries added since), bounded to the most recent ids.
 */
export const MESSAGE_KEYS_LIMIT = 50_000;

export class MessageKeys {
  private keys = new Map<number, string>();
  private seen = 0;

  constructor(private readonly log: EventLog) {}

  /** The message's routing key, if it was seen in the log. */
  get(msgId: number): string | undefined {
    this.sync();
    return this.keys.get(msgId);
  }

  private sync(): void {
    const total = this.log.total;
    if (total === this.seen) return;
    // the log was cleared (reset): a fresh world numbers its messages from the start again
    if (total < this.seen) {
      this.keys.clear();
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
      case 'delivered':
        this.set(e.msgId, e.routingKey);
        return;
      case 'dead-lettered':
        this.set(e.newMsgId, e.routingKeys[0] ?? '');
        return;
      default:
        return;
    }
  }

  private set(msgId: number, key: string): void {
    this.keys.delete(msgId);
    this.keys.set(msgId, key);
    if (this.keys.size > MESSAGE_KEYS_LIMIT) this.keys.delete(this.keys.keys().next().value!);
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
