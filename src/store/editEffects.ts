import type { WorldEvent } from '../sim';

/**
 * Queues deleted and declared again by one edit, with the ready messages each held: AMQP cannot
 * change a queue's arguments in place, so the editor says what the edit cost.
 */
export function redeclaredQueues(events: readonly WorldEvent[]): { queue: string; lost: number }[] {
  const declared = new Set(events.flatMap((e) => (e.type === 'queue-declared' ? [e.queue] : [])));
  return events.flatMap((e) => (e.type === 'queue-deleted' && e.reason === 'deleted' && declared.has(e.queue) ? [{ queue: e.queue, lost: e.messageCount }] : []));
}
