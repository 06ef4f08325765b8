import type { Held } from '../react';
import type { MessageRecord } from '../scenario';
import type { Op } from '.';

/** settle: acts on held messages; with `channel` the method goes out on that channel instead. */
const settle: Op = (r, st, rec, keep) => {
  const holder: string = st.holder ?? st.consumer!;
  const list = st.repeat ? [...(r.settled.get(holder) ?? [])] : (r.held.get(holder) ?? []);
  const ids: string[] = st.ids ?? list.map((h) => h.id);
  const on = st.channel !== undefined ? r.chan(st.channel, st.connection) : undefined;
  for (const id of ids) {
    const idx = list.findIndex((h) => h.id === id);
    if (idx < 0) {
      rec.missing = [...((rec.missing as string[] | undefined) ?? []), id];
      continue;
    }
    const h: Held = on ? list[idx]! : list.splice(idx, 1)[0]!;
    r.settle(h.chan, st.action!, h.id, h.tag, holder, !!st.multiple, on ?? h.chan);
    r.react();
  }
  if (rec.missing) keep();
};

const get: Op = (r, st, rec, keep) => {
  const chName: string = st.channel ?? '__get';
  const noAck = st.noAck !== undefined ? !!st.noAck : !st.action;
  const c = r.chan(chName, st.connection);
  const queue = r.names.resolve(st.queue ?? '');
  const res = r.call(() => r.broker.basicGet(c.ref, { queue, noAck }));
  rec.queue = queue;
  if (res.error !== undefined) {
    rec.error = res.error;
    keep();
    return;
  }
  const msg = res.value;
  if (!msg) {
    rec.result = null;
    keep();
    return;
  }
  const result: MessageRecord = r.record(msg, { messageCount: msg.messageCount });
  rec.result = result;
  if (!noAck) {
    r.settle(c, st.action!, msg.body, msg.deliveryTag, st.as ?? chName, false);
    r.react();
    result.action = st.action;
  }
  keep();
};

const drain: Op = (r, st, rec, keep) => {
  rec.queue = r.names.resolve(st.queue ?? '');
  rec.messages = r.drainQueue(rec.queue as string, st.channel ?? '__get');
  keep();
};

/** basic.recover: requeue=true (default) requeues every unacked message of the channel. */
const recover: Op = (r, st, rec, keep) => {
  const c = r.chan(st.channel!, st.connection);
  const before = new Set<Held>();
  for (const list of r.held.values()) for (const h of list) if (h.chan === c) before.add(h);
  const res = r.call(() => r.broker.basicRecover(c.ref, { requeue: st.requeue !== undefined ? !!st.requeue : true }));
  if (res.error !== undefined) {
    rec.error = res.error;
    keep();
    return;
  }
  for (const [h, list] of r.held) r.held.set(h, list.filter((x) => !before.has(x)));
};

export const SETTLE_OPS: Record<string, Op> = { settle, get, drain, recover };
