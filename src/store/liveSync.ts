import type { World } from '../sim';
import { CHIP_LIMIT, type Chip, type ConsumerLive, keep, type LiveState, type LiveStore, type PublisherLive, type QueueCounts } from './liveCounts';

/** Copies the world's figures into the live store, keeping unchanged objects (no needless re-renders). */
export function syncLive(live: LiveStore, w: World): void {
  const prev = live.getState();
  const queues: Record<string, QueueCounts> = {};
  const chips: Record<string, Chip[]> = {};
  const declared: Record<string, true> = {};
  for (const q of w.broker.inspect.queues()) {
    declared[q.name] = true;
    queues[q.name] = keep(prev.queues[q.name], { ready: q.ready, unacked: q.unacked, consumers: q.consumers });
    const head: Chip[] = w.broker.inspect.readyMessages(q.name, CHIP_LIMIT).map((m) => ({ msgId: m.msgId, key: m.routingKey, redelivered: m.redelivered }));
    const before = prev.chips[q.name];
    chips[q.name] = before && before.length === head.length && before.every((c, i) => c.msgId === head[i]!.msgId && c.redelivered === head[i]!.redelivered) ? before : head;
  }
  const consumers: Record<string, ConsumerLive> = {};
  for (const c of w.consumers.values()) {
    const holding = [...(c.busy ? [c.busy.msgId] : []), ...c.inbox.map((d) => d.msgId)];
    consumers[c.id] = keep(prev.consumers[c.id], {
      state: c.state,
      received: c.received,
      acked: c.acked,
      nacked: c.nacked,
      rejected: c.rejected,
      redelivered: c.redelivered,
      holding,
      busy: c.busy?.msgId ?? null,
      ...(c.error ? { error: c.error } : {}),
    });
  }
  const publishers: Record<string, PublisherLive> = {};
  for (const p of w.publishers.values()) {
    publishers[p.id] = keep(prev.publishers[p.id], {
      sent: p.sent,
      arrived: p.arrived,
      routed: p.routed,
      unroutable: p.unroutable,
      confirmed: p.confirmed,
      nacked: p.nacked,
      returned: p.returned,
      failed: p.failed,
    });
  }
  const next: LiveState = {
    queues: keep(prev.queues, queues),
    chips: keep(prev.chips, chips),
    consumers: keep(prev.consumers, consumers),
    publishers: keep(prev.publishers, publishers),
    declared: keep(prev.declared, declared),
  };
  if (next.queues !== prev.queues || next.chips !== prev.chips || next.consumers !== prev.consumers || next.publishers !== prev.publishers || next.declared !== prev.declared) {
    live.setState(next, true);
  }
}
