import type { ConformanceRunner } from '../runner';
import type { Op } from '.';

/** wait: time passes; the client reacts to whatever each timer causes, at that time. */
const wait: Op = (r, st) => {
  const target = r.broker.now + (st.ms ?? 0);
  for (let t = r.broker.nextTimerAt(); t <= target; t = r.broker.nextTimerAt()) {
    r.broker.advanceTo(t);
    r.react();
  }
  r.broker.advanceTo(target);
  r.react();
};

const closeChannel: Op = (r, st) => {
  const w = r.chans.get(st.channel!);
  if (w && r.broker.isOpen(w.ref)) r.call(() => r.broker.channelClose(w.ref));
};

const closeConnection: Op = (r, st) => {
  const id = r.conns.get(st.connection!);
  if (id === undefined) return;
  r.call(() => r.broker.connectionClose(id));
  r.conns.delete(st.connection!);
};

const restartBroker: Op = (r, st, rec, keep) => {
  Object.assign(rec, restart(r, st.downMs ?? 0));
  keep();
};

/** The node stops and starts on the same state; the client re-opens what it had open. */
function restart(r: ConformanceRunner, downMs: number): Record<string, unknown> {
  const openConns = [...r.conns.entries()].filter(([, id]) => r.broker.state.connection(id)).map(([n]) => n);
  const openChans = [...r.chans.values()].filter((c) => r.broker.isOpen(c.ref));
  r.restarting = true;
  r.broker.restart({ downMs });
  r.react();
  r.restarting = false;
  for (const list of r.held.values()) list.length = 0;
  r.conns.clear();
  r.chans.clear();
  for (const n of openConns) r.conn(n);
  for (const c of openChans) r.chan(c.name, c.connName);
  const rec = { connectionsClosed: {} as Record<string, number>, queues: {} as Record<string, unknown>, exchanges: {} as Record<string, unknown> };
  for (const n of [...openConns].sort()) rec.connectionsClosed[n] = 320;
  for (const n of r.createdQueues) rec.queues[n] = r.checkQueue(n);
  for (const n of r.createdExchanges) rec.exchanges[n] = r.checkExchange(n);
  return rec;
}

export const LIFECYCLE_OPS: Record<string, Op> = { wait, closeChannel, closeConnection, restartBroker };
