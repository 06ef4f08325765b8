// consume, cancel, qos: consumers and their limits.
import defs from 'amqplib/lib/defs.js';
import { toAmqp } from '../values.mjs';

const MAX_DELIVERIES = 500; // safety valve against requeue loops

async function consume(r, st, rec, keep) {
  const chName = st.channel || st.consumer;
  const w = await r.chan(chName, st.connection);
  if (st.prefetch !== undefined) await r.rpc(chName, (ch) => ch.prefetch(st.prefetch, !!st.prefetchGlobal));
  const state = { name: st.consumer, policy: st.policy || 'ack', actionIdx: 0, seenById: {}, count: 0, chanName: chName, tag: st.consumer };
  r.consumers.set(st.consumer, state);
  if (!r.out.deliveries[st.consumer]) r.out.deliveries[st.consumer] = [];
  const list = r.out.deliveries[st.consumer];
  const opts = { consumerTag: st.consumer, noAck: !!st.noAck, exclusive: !!st.exclusive, noLocal: !!st.noLocal };
  if (st.priority !== undefined) opts.priority = st.priority;
  if (st.arguments) opts.arguments = toAmqp(st.arguments);
  const res = await r.rpc(chName, (ch) => ch.consume(r.resolve(st.queue), (msg) => {
    r.touch();
    if (r.frozen) return;
    if (msg === null) { list.push({ cancelledByServer: true }); return; }
    state.count++;
    if (state.count > MAX_DELIVERIES) return; // runaway requeue loop
    if (st.noAck) { list.push(r.msgRecord(msg)); return; }
    const action = r.resolveAction(state, msg);
    list.push(r.msgRecord(msg, { action }));
    try { r.applyAction(w, action, msg, st.consumer); } catch (_e) { /* channel gone */ }
  }, opts), st.connection);
  if (res.error) { rec.error = res.error.code; keep(); }
}

// basic.cancel of a consumer of the scenario ("consumer"), or of any tag on a channel ("tag").
async function cancel(r, st, rec, keep) {
  const state = st.consumer !== undefined ? r.consumers.get(st.consumer) : undefined;
  const chName = st.channel || state?.chanName;
  const tag = st.tag !== undefined ? st.tag : state.tag;
  const res = await r.rpc(chName, (ch) => ch.cancel(tag), st.connection);
  if (res.error) { rec.error = res.error.code; keep(); }
}

// basic.qos on a channel, with a prefetch size if asked (amqplib's prefetch() always sends 0).
async function qos(r, st, rec, keep) {
  const fields = { prefetchSize: st.prefetchSize || 0, prefetchCount: st.prefetch || 0, global: !!st.global };
  const res = await r.rpc(st.channel, (ch) => ch.rpc(defs.BasicQos, fields, defs.BasicQosOk), st.connection);
  if (res.error) { rec.error = res.error.code; keep(); }
}

export const CONSUME_OPS = { consume, cancel, qos };
