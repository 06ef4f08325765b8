// Exchanges, queues and bindings declared, checked, purged, deleted during the scenario.

// A declare records a result only when asked ("record": true, or a passive declare, or a
// server-named queue); otherwise only its error, as before.
async function declareQueue(r, st, rec, keep) {
  const res = await r.declareQueue(st);
  if (res.error) { rec.error = res.error.code; keep(); return; }
  if (st.record || st.passive || (st.name === '' && st.as)) {
    Object.assign(rec, { queue: res.ok.queue, messageCount: res.ok.messageCount, consumerCount: res.ok.consumerCount });
    keep();
  }
}

async function declareExchange(r, st, rec, keep) {
  const res = await r.declareExchange(st);
  if (res.error) { rec.error = res.error.code; keep(); }
}

async function check(r, st, rec, keep) {
  rec.queue = r.resolve(st.queue);
  Object.assign(rec, await r.checkQueue(rec.queue));
  keep();
}

async function purge(r, st, rec, keep) {
  const queue = r.resolve(st.queue);
  const res = await r.rpc(r.adminChan(st), (ch) => ch.purgeQueue(queue), st.connection);
  rec.queue = queue;
  if (res.error) rec.error = res.error.code;
  else rec.messageCount = res.ok.messageCount;
  keep();
}

async function deleteQueue(r, st, rec, keep) {
  const queue = r.resolve(st.queue || st.name);
  const res = await r.rpc(r.adminChan(st), (ch) => ch.deleteQueue(queue, { ifUnused: !!st.ifUnused, ifEmpty: !!st.ifEmpty }), st.connection);
  rec.queue = queue;
  if (res.error) rec.error = res.error.code;
  else rec.messageCount = res.ok.messageCount;
  keep();
}

async function deleteExchange(r, st, rec, keep) {
  const res = await r.rpc(r.adminChan(st), (ch) => ch.deleteExchange(st.exchange || st.name, { ifUnused: !!st.ifUnused }), st.connection);
  if (res.error) { rec.error = res.error.code; keep(); }
}

async function bind(r, st, rec, keep) {
  const res = await r.bind(st, st.op === 'unbind');
  if (res.error) { rec.error = res.error.code; keep(); }
}

export const TOPOLOGY_OPS = { declareQueue, declareExchange, check, purge, deleteQueue, deleteExchange, bind, unbind: bind };
