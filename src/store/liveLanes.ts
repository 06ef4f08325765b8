import type { ConnectionView } from '../engine';
import type { World } from '../sim';
import { programIds } from '../sim/programs';
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
  /**
   * the limit on each consumer's unacked deliveries: its own basic.qos (global=false, the highest when
   * they differ); with no consumer, the channel's qos (0 = none)
   */
  prefetch: number;
  /** the channel's basic.qos global=true: one limit shared by all its consumers, on top of their own (0 = none) */
  sharedPrefetch: number;
  /** the channel has a shared limit (sharedPrefetch > 0) */
  shared: boolean;
  confirm: boolean;
}

export interface ConnectionLive {
  /** the broker's number for the connection; null while it is closed */
  number: number | null;
  channels: Record<string, LaneLive>;
}

const CLOSED_LANE: LaneLive = Object.freeze({ open: false, unacked: 0, prefetch: 0, sharedPrefetch: 0, shared: false, confirm: false });

/** One channel as the broker has it now (closed when the client side says it is not open). */
function laneOf(view: ConnectionView | undefined, open: boolean, number: number): LaneLive {
  const b = open ? view?.channels.find((x) => x.number === number) : undefined;
  return b
    ? {
        open: true,
        unacked: b.unacked,
        prefetch: b.consumers.length ? b.consumers.reduce((m, c) => Math.max(m, c.prefetchCount), 0) : b.globalPrefetchCount > 0 ? 0 : b.prefetchCount,
        sharedPrefetch: b.globalPrefetchCount,
        shared: b.globalPrefetchCount > 0,
        confirm: b.confirm,
      }
    : CLOSED_LANE;
}

/**
 * Model connection id → its live state, keeping unchanged objects (components re-render only on
 * change): the simulated clients' connections, and those of the programs running in the page (their
 * apps are drawn with cables and lanes too, under the ids of store/programView.ts).
 */
export function liveConnections(w: World, prev: Record<string, ConnectionLive>): Record<string, ConnectionLive> {
  let byId: Map<number, ConnectionView> | null = null;
  const viewOf = (number: number | null) => (number === null ? undefined : (byId ??= new Map(w.broker.inspect.connections().map((c) => [c.id, c]))).get(number));
  const out: Record<string, ConnectionLive> = {};
  const put = (connId: string, number: number | null, lanes: [string, LaneLive][]) => {
    const channels: Record<string, LaneLive> = {};
    for (const [chId, lane] of lanes) channels[chId] = keep(prev[connId]?.channels[chId], lane);
    const before = prev[connId];
    const next = { number, channels: before ? keep(before.channels, channels) : channels };
    out[connId] = before && before.number === number && before.channels === next.channels ? before : next;
  };
  for (const app of w.apps.values()) {
    for (const [connId, number] of Object.entries(app.conns)) {
      const view = viewOf(number);
      put(
        connId,
        number,
        Object.entries(app.channels)
          .filter(([, ch]) => ch.conn === connId)
          .map(([chId, ch]) => [chId, laneOf(view, ch.open, ch.number)]),
      );
    }
  }
  for (const p of w.programs.values()) {
    if (p.state !== 'running') continue;
    for (const [key, number] of Object.entries(p.conns)) {
      const conn = Number(key);
      const view = viewOf(number);
      put(
        programIds.connection(p.pid, conn),
        number,
        Object.values(p.channels)
          .filter((c) => c.conn === conn)
          .map((c) => [programIds.channel(p.pid, conn, c.ch), laneOf(view, true, c.ch)]),
      );
    }
  }
  return out;
}

/** The app and model connection of a broker connection a running program opened (for badges on its cable). */
export function programConnection(w: World, number: number): { app: string; conn: string } | undefined {
  for (const p of w.programs.values()) {
    for (const [key, id] of Object.entries(p.conns)) if (id === number) return { app: programIds.app(p.pid), conn: programIds.connection(p.pid, Number(key)) };
  }
  return undefined;
}
