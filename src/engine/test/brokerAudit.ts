import type { AmqpBroker } from '../api';
import { REPLY_TO_QUEUE } from '../replyTo';
import { type Chan, type Copy, chanKey, copyKey, fail } from './traceModel';

/**
 * The trace model (live copies, channels) against what the broker itself reports through
 * `inspect`: ready messages as sets and in order, unacked counts, what each channel holds, its
 * consumers and their counters — and that no queue keeps a message waiting while one of its
 * active consumers has room for it.
 */
export function auditAgainstBroker(live: ReadonlyMap<string, Copy>, chans: ReadonlyMap<string, Chan>, broker: AmqpBroker): void {
  // queues: ready and unacked copies, as sets and as counts
  const i = broker.inspect;
  const queues = i.queues();
  const byQueue = new Map<string, { ready: number[]; unacked: number }>();
  for (const c of live.values()) {
    const q = byQueue.get(c.queue) ?? { ready: [], unacked: 0 };
    if (c.state === 'ready') q.ready.push(c.msgId);
    else q.unacked++;
    byQueue.set(c.queue, q);
  }
  for (const q of queues) {
    const model = byQueue.get(q.name) ?? { ready: [], unacked: 0 };
    byQueue.delete(q.name);
    const messages = i.readyMessages(q.name, Number.POSITIVE_INFINITY);
    const ids = messages.map((m) => m.msgId);
    if (q.type === 'classic') {
      // FIFO, requeued messages back in their place; with x-max-priority, highest (capped) priority first
      const max = q.settings.maxPriority ?? 0;
      const rank = messages.map((m) => [max > 0 ? Math.min(m.properties.priority ?? 0, max) : 0, live.get(copyKey(m.msgId, q.name))?.seq ?? 0] as const);
      for (let k = 1; k < rank.length; k++) {
        const [pa, sa] = rank[k - 1]!;
        const [pb, sb] = rank[k]!;
        if (pa < pb || (pa === pb && sa > sb)) fail(`queue '${q.name}': ready messages out of order ${JSON.stringify(ids)}`);
      }
    }
    if (q.ready !== ids.length) fail(`queue '${q.name}': ready counter ${q.ready} but ${ids.length} messages`);
    if (JSON.stringify([...ids].sort((a, b) => a - b)) !== JSON.stringify(model.ready.sort((a, b) => a - b))) {
      fail(`queue '${q.name}': ready ${JSON.stringify(ids)} but the trace says ${JSON.stringify(model.ready)}`);
    }
    if (q.unacked !== model.unacked) fail(`queue '${q.name}': unacked counter ${q.unacked} but the trace says ${model.unacked}`);
  }
  for (const [name, q] of byQueue) fail(`trace has ${q.ready.length} ready / ${q.unacked} unacked copies in '${name}', which does not exist`);

  // channels: what each holds, its consumers and their counters
  const open = new Set<string>();
  for (const conn of i.connections()) {
    for (const v of conn.channels) {
      const ch = chans.get(chanKey(conn.id, v.number));
      if (!ch?.open) fail(`channel ${conn.id}/${v.number} is open but the trace says it is not`);
      open.add(ch.key);
      const held = i.unacked(conn.id, v.number).map((u) => `${u.deliveryTag}:${u.message.msgId}@${u.queue}`);
      const model = [...ch.held.values()].sort((a, b) => a.tag - b.tag).map((h) => `${h.tag}:${h.copy.msgId}@${h.copy.queue}`);
      if (JSON.stringify(held) !== JSON.stringify(model)) fail(`channel ${ch.key} holds ${JSON.stringify(held)} but the trace says ${JSON.stringify(model)}`);
      if (v.prefetchCount !== ch.prefetch || v.globalPrefetchCount !== ch.globalPrefetch) fail(`channel ${ch.key} qos differs`);
      const replyTag = v.consumers.find((c) => c.queue === REPLY_TO_QUEUE)?.consumerTag;
      if (replyTag !== ch.reply?.tag) fail(`channel ${ch.key} reply consumer ${replyTag} but the trace says ${ch.reply?.tag}`);
      const ordinary = v.consumers.filter((c) => c.queue !== REPLY_TO_QUEUE);
      const consumers = ordinary.map((c) => `${c.consumerTag}@${c.queue}:${c.unacked}`).sort();
      const modelConsumers = [...ch.consumers.values()].map((c) => `${c.tag}@${c.queue}:${c.unacked}`).sort();
      if (JSON.stringify(consumers) !== JSON.stringify(modelConsumers)) fail(`channel ${ch.key} consumers ${JSON.stringify(consumers)} but the trace says ${JSON.stringify(modelConsumers)}`);
      // nothing waits in a queue while one of its (active) consumers has room for it
      for (const view of ordinary) {
        const c = ch.consumers.get(view.consumerTag)!;
        const room = c.noAck || ((c.prefetch === 0 || c.unacked < c.prefetch) && (ch.globalPrefetch === 0 || ch.globalUnacked < ch.globalPrefetch));
        if (view.active && room && (i.queue(c.queue)?.ready ?? 0) > 0) fail(`queue '${c.queue}' has ready messages while consumer ${ch.key}/${c.tag} has room`);
      }
    }
  }
  for (const ch of chans.values()) {
    if (ch.open && !open.has(ch.key)) fail(`channel ${ch.key} is closed but the trace says it is open`);
    if (!ch.open) {
      if (ch.consumers.size || ch.reply) fail(`closed channel ${ch.key} still has consumers ${[...ch.consumers.keys()]} ${ch.reply?.tag ?? ''}`);
      for (const h of ch.held.values()) if (h.copy.state !== 'lost') fail(`closed channel ${ch.key} still holds message ${h.copy.msgId}`);
      ch.held.clear();
    }
  }
}
