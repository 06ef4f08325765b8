import type { QueueView } from '../engine';
import type { World } from '../sim';
import { chKey, programIds } from '../sim/programs';
import { CHIP_LIMIT, type Chip, type ConsumerLive, keep, type LiveState, type LiveStore, type PublisherLive, type QueueCounts, type UnroutableLive } from './liveCounts';
import { liveConnections } from './liveLanes';

/** Copies the world's figures into the live store, keeping unchanged objects (no needless re-renders). */
export function syncLive(live: LiveStore, w: World): void {
  const prev = live.getState();
  const queues: Record<string, QueueCounts> = {};
  const chips: Record<string, Chip[]> = {};
  const declared: Record<string, true> = {};
  const all = w.broker.inspect.queues();
  const waiting = standbys(w, all);
  for (const q of all) {
    declared[q.name] = true;
    const standby = waiting.perQueue.get(q.name);
    queues[q.name] = keep(prev.queues[q.name], { ready: q.ready, unacked: q.unacked, consumers: q.consumers, ...(standby ? { standby } : {}) });
    const head: Chip[] = w.broker.inspect.readyMessages(q.name, CHIP_LIMIT).map((m) => ({ msgId: m.msgId, key: m.routingKey, redelivered: m.redelivered, persistent: m.properties.deliveryMode === 2 }));
    const before = prev.chips[q.name];
    chips[q.name] = before && before.length === head.length && before.every((c, i) => c.msgId === head[i]!.msgId && c.redelivered === head[i]!.redelivered) ? before : head;
  }
  const exchanges: Record<string, true> = {};
  for (const x of w.broker.inspect.exchanges()) exchanges[x.name] = true;
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
      ...(c.state === 'running' && waiting.consumers.has(c.id) ? { standby: true as const } : {}),
    });
  }
  programConsumers(w, prev, consumers);
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
      keyIndex: p.keyIndex,
    });
  }
  programPublishers(w, prev, publishers);
  const unroutable: Record<string, UnroutableLive> = {};
  for (const [name, u] of Object.entries(w.unroutable)) unroutable[name] = keep(prev.unroutable[name], { count: u.count, returned: u.returned, key: u.key });
  const next: LiveState = {
    queues: keep(prev.queues, queues),
    chips: keep(prev.chips, chips),
    consumers: keep(prev.consumers, consumers),
    publishers: keep(prev.publishers, publishers),
    declared: keep(prev.declared, declared),
    exchanges: keep(prev.exchanges, exchanges),
    connections: keep(prev.connections, liveConnections(w, prev.connections)),
    unroutable: keep(prev.unroutable, unroutable),
  };
  if (
    next.queues !== prev.queues || next.chips !== prev.chips || next.consumers !== prev.consumers || next.publishers !== prev.publishers ||
    next.declared !== prev.declared || next.exchanges !== prev.exchanges || next.connections !== prev.connections ||
    next.unroutable !== prev.unroutable
  ) {
    live.setState(next, true);
  }
}

/**
 * Who waits on a single-active-consumer queue: the consumers the broker holds registered there but
 * not active (by consumer tag, which is the simulated consumer's id), and how many per queue. Only
 * looked up when some queue has x-single-active-consumer.
 */
export function standbys(w: World, queues: QueueView[]): { consumers: Set<string>; perQueue: Map<string, number> } {
  const consumers = new Set<string>();
  const perQueue = new Map<string, number>();
  if (!queues.some((q) => q.settings.singleActiveConsumer)) return { consumers, perQueue };
  for (const conn of w.broker.inspect.connections()) {
    for (const ch of conn.channels) {
      for (const c of ch.consumers) {
        if (c.active) continue;
        const sim = w.consumers.get(c.consumerTag);
        if (sim?.on?.connection === ch.connection && sim.on.channel === ch.number) consumers.add(sim.id);
        perQueue.set(c.queue, (perQueue.get(c.queue) ?? 0) + 1);
      }
    }
  }
  return { consumers, perQueue };
}

/** Programs' consumers and publish lines, by the ids their apps have on the canvas (see programView.ts). */
function programConsumers(w: World, prev: LiveState, out: Record<string, ConsumerLive>): void {
  for (const p of w.programs.values()) {
    if (p.state !== 'running') continue;
    for (const [tag, c] of Object.entries(p.consumers)) {
      const holding = (p.unsettled[chKey(c.conn, c.ch)] ?? []).filter((u) => u[3] === tag).map((u) => u[1]);
      out[tag] = keep(prev.consumers[tag], { state: 'running', received: c.received, acked: c.acked, nacked: c.nacked, rejected: c.rejected, redelivered: c.redelivered, holding, busy: null });
    }
  }
}

function programPublishers(w: World, prev: LiveState, out: Record<string, PublisherLive>): void {
  for (const p of w.programs.values()) {
    if (p.state !== 'running') continue;
    for (const l of Object.values(p.publishes)) {
      const id = programIds.publisher(p.pid, l.conn, l.ch, l.exchange);
      out[id] = keep(prev.publishers[id], { sent: l.sent, arrived: l.sent, routed: 0, unroutable: 0, confirmed: l.confirmed, nacked: l.nacked, returned: l.returned, failed: l.failed });
    }
  }
}
