// Time, closing channels and connections, restarting the broker node.
import { restartNode } from '../node.mjs';
import { sleep } from '../values.mjs';

async function wait(_r, st) {
  await sleep(st.ms || 0);
}

async function closeChannel(r, st) {
  const w = r.chans.get(st.channel);
  if (w && !w.closed) {
    try { await w.ch.close(); } catch (_e) { /* already closed */ }
    w.closed = true;
  }
}

async function closeConnection(r, st) {
  const c = r.conns.get(st.connection);
  if (c) {
    try { await c.close(); } catch (_e) { /* ignore */ }
    r.conns.delete(st.connection);
  }
  for (const w of r.chans.values()) if (w.connName === st.connection) w.closed = true;
}

// Stop + start the broker on the same state. Every connection is closed by the broker (close code
// recorded per connection); afterwards the connections and channels that were open are re-opened
// (no qos, no consumers: later `consume` steps must re-register), and the step records which of
// the queues/exchanges declared so far survived.
async function restartBroker(r, st, rec, keep) {
  const openConns = [...r.conns.keys()];
  const openChans = [...r.chans.values()].filter((w) => !w.closed).map((w) => ({ name: w.name, connName: w.connName }));
  r.restarting = true;
  r.restartClosed = new Map();
  try {
    await restartNode(st.downMs || 0);
    for (let t = 0; t < 1000 && r.conns.size; t++) await sleep(10); // every old connection has seen its close
  } finally {
    r.restarting = false;
  }
  for (const w of r.chans.values()) w.closed = true;
  for (const list of r.held.values()) list.length = 0;
  for (const n of openConns) await r.conn(n);
  for (const c of openChans) await r.chan(c.name, c.connName);
  Object.assign(rec, { connectionsClosed: {}, queues: {}, exchanges: {} });
  for (const n of [...r.restartClosed.keys()].sort()) rec.connectionsClosed[n] = r.restartClosed.get(n);
  for (const n of r.createdQueues) rec.queues[n] = await r.checkQueue(n);
  for (const n of r.createdExchanges) rec.exchanges[n] = await r.checkExchange(n);
  keep();
}

export const LIFECYCLE_OPS = { wait, closeChannel, closeConnection, restartBroker };
