import type { Queue } from '../model';
import type { EventLog } from './eventLog';

/** Why a queue of the document is not in the broker now, as the canvas explains it. */
export type NotDeclaredWhy = 'exclusive' | 'restart' | 'other';

/**
 * Why the broker has no such queue now: from the last time the log saw it deleted (an exclusive
 * queue goes with the connection that declared it, a non-durable one with a broker restart), else
 * from what the queue is. A non-durable queue is not assumed to have been lost in a restart.
 */
export function whyNotDeclared(log: EventLog, queue: Pick<Queue, 'name' | 'exclusive'>): NotDeclaredWhy {
  const e = log.findLast((x) => x.type === 'queue-deleted' && x.queue === queue.name);
  if (e?.type !== 'queue-deleted') return queue.exclusive ? 'exclusive' : 'other';
  if (e.reason === 'exclusive-owner-closed' || (queue.exclusive && e.reason === 'broker-restart')) return 'exclusive';
  return e.reason === 'broker-restart' ? 'restart' : 'other';
}
