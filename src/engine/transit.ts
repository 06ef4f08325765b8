import type { Broker } from './broker';
import type { Message } from './message';
import type { RouteHop } from './trace';

/**
 * Messages travelling inside the broker when a hop latency is set: from an exchange to the
 * queues it routed them to, and from a queue to its dead-letter exchange. While travelling a
 * message is in no queue yet (depth does not count it); it arrives on the virtual clock, in
 * order. With hopLatencyMs = 0 nothing travels and routing is instantaneous.
 */
export type Transit =
  | { id: number; kind: 'to-queue'; msg: Message; queue: string; pending?: number; enqueuer?: string }
  | { id: number; kind: 'dead-letter-route'; msg: Message; fromQueue: string; dlx: string; reason: import('./trace').DeathReason };

export interface PendingConfirm {
  id: number;
  connection: number;
  channel: number;
  publishSeqNo: number;
  msgId: number;
  remaining: number;
  rejected: boolean;
}

/** Hops from the publishing exchange to each queue (1 for a direct route, more through exchange chains). */
export function hopDepths(origin: string, hops: RouteHop[] | undefined): ReadonlyMap<string, number> {
  // no hops recorded (the default exchange, or tracing off): every queue is one hop away, and a
  // shared empty map saves building one per message
  if (!hops) return NO_DEPTHS;
  const depth = new Map<string, number>();
  const exchangeDepth = new Map<string, number>([[origin, 0]]);
  // hops are recorded breadth-first, so a source's depth is known before its hops are seen
  for (const h of hops) {
    const d = (exchangeDepth.get(h.from) ?? 0) + 1;
    if (h.toType === 'exchange') {
      if (!exchangeDepth.has(h.to)) exchangeDepth.set(h.to, d);
    } else if (!depth.has(h.to)) depth.set(h.to, d);
  }
  return depth;
}

const NO_DEPTHS: ReadonlyMap<string, number> = new Map();

/**
 * Starts a message travelling. Callers pass a fresh literal with `id: 0` as its last field, and it
 * gets its id in place: neither a copy with a spread (a copy per message travelling was a tenth
 * of a busy simulation's time) nor a field added afterwards (which grows the object a second
 * store, one more allocation per message).
 */
export function schedule(b: Broker, tr: Transit, hops = 1): void {
  const id = b.nextTransitId++;
  tr.id = id;
  b.transits.set(id, tr);
  b.schedule.add(b.now + b.hopLatencyMs * hops, 'transit', '', id);
}
