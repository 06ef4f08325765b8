import type { Op } from '.';

/** declareQueue: records its error, or its declare-ok when asked (record, passive, server-named). */
const declareQueue: Op = (r, st, rec, keep) => {
  const res = r.declareQueue(st);
  if (res.error !== undefined) {
    rec.error = res.error;
    keep();
    return;
  }
  if (st.record || st.passive || (st.name === '' && st.as)) {
    Object.assign(rec, res.value);
    keep();
  }
};

const declareExchange: Op = (r, st, rec, keep) => {
  const err = r.declareExchange(st);
  if (err !== undefined) {
    rec.error = err;
    keep();
  }
};

const check: Op = (r, st, rec, keep) => {
  rec.queue = r.names.resolve(st.queue ?? '');
  Object.assign(rec, r.checkQueue(rec.queue as string));
  keep();
};

const purge: Op = (r, st, rec, keep) => {
  const c = r.adminChan(st);
  const queue = r.names.resolve(st.queue ?? '');
  const res = r.call(() => r.broker.queuePurge(c.ref, { queue }));
  rec.queue = queue;
  if (res.error !== undefined) rec.error = res.error;
  else rec.messageCount = res.value!.messageCount;
  keep();
};

const deleteQueue: Op = (r, st, rec, keep) => {
  const c = r.adminChan(st);
  // as the recorder: `queue || name`, and an empty name (the shortcut) is not recorded
  const queue = r.names.resolve(st.queue || st.name || '');
  const res = r.call(() => r.broker.queueDelete(c.ref, { queue, ifUnused: !!st.ifUnused, ifEmpty: !!st.ifEmpty }));
  if (queue !== '') rec.queue = queue;
  if (res.error !== undefined) rec.error = res.error;
  else rec.messageCount = res.value!.messageCount;
  keep();
};

const deleteExchange: Op = (r, st, rec, keep) => {
  const c = r.adminChan(st);
  const res = r.call(() => r.broker.exchangeDelete(c.ref, { exchange: st.exchange ?? r.names.resolve(st.name ?? ''), ifUnused: !!st.ifUnused }));
  if (res.error !== undefined) {
    rec.error = res.error;
    keep();
  }
};

const bind: Op = (r, st, rec, keep) => {
  const err = r.bind(st, st.op === 'unbind');
  if (err !== undefined) {
    rec.error = err;
    keep();
  }
};

export const TOPOLOGY_OPS: Record<string, Op> = { declareQueue, declareExchange, check, purge, deleteQueue, deleteExchange, bind, unbind: bind };
