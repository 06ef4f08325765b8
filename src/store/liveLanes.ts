import type { ConnectionView } from '../engine';
import type { World } from '../sim';
import { keep } from './liveCounts';

/**
 * What the canvas draws on a connection's cable and its channels' lanes, read from the running
 * broker (the client side only says which broker connection and channel each model one is): the
 * connection's number as the broker numbers it (as in the event log, "connection 3"), or null while
 * it is closed; per channel whether it is open, its unacked deliveries, the prefetch that limits
 * them and whether it is in confirm mode.
 */
export interface LaneLive {
  open: boolean;
  unacked: number;
  /** the limit on unacked deliveries: the channel's global qos, else its consumers' own (0 = none) */
  prefetch: number;
  /** the limit is shared by the channel's consumers (basic.qos global) */
  shared: boolean;
  confirm: boolean;
}

export interface ConnectionLive {
  /** the broker's number for the connection; null while it is closed */
  number: number | null;
  channels: Record<string, LaneLive>;
}

const CLOSED_LANE: LaneLive = Object.freeze({ open: false, unacked: 0, prefetch: 0, shared: false, confirm: false });

/** Model connection id → its live state, keeping unchanged objects (components re-render only on change). */
export function liveConnections(w: World, prev: Record<string, ConnectionLive>): Record<string, ConnectionLive> {
  let byId: Map<number, ConnectionView> | null = null;
  const out: Record<string, ConnectionLive> = {};
  for (const app of w.apps.values()) {
    for (const [connId, number] of Object.entries(app.conns)) {
      const channels: Record<string, LaneLive> = {};
      const view = number === null ? undefined : (byId ??= new Map(w.broker.inspect.connections().map((c) => [c.id, c]))).get(number);
      for (const [chId, ch] of Object.entries(app.channels)) {
        if (ch.conn !== connId) continue;
        const b = ch.open ? view?.channels.find((x) => x.number === ch.number) : undefined;
        const lane: LaneLive = b
          ? {
              open: true,
              unacked: b.unacked,
              prefetch: b.globalPrefetchCount > 0 ? b.globalPrefetchCount : b.consumers.reduce((m, c) => Math.max(m, c.prefetchCount), b.consumers.length ? 0 : b.prefetchCount),
              shared: b.globalPrefetchCount > 0,
              confirm: b.confirm,
            }
          : CLOSED_LANE;
        channels[chId] = keep(prev[connId]?.channels[chId], lane);
      }
      const before = prev[connId];
      const next = { number, channels: before ? keep(before.channels, channels) : channels };
      out[connId] = before && before.number === number && before.channels === next.channels ? before : next;
    }
  }
  return out;
}
