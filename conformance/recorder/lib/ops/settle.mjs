// settle, get, drain, recover: what a client does with the messages it received.
import defs from 'amqplib/lib/defs.js';

async function settle(r, st, rec, keep) {
  const holder = st.holder || st.consumer;
  // repeat=true re-settles a message that was already settled (protocol error case)
  const list = st.repeat ? [...(r.settled.get(holder) || [])] : r.held.get(holder) || [];
  const ids = st.ids || list.map((h) => h.id);
  // "channel": the method goes out on that channel, with the message's delivery tag
  const on = st.channel ? await r.chan(st.channel, st.connection) : undefined;
  for (const id of ids) {
    const idx = list.findIndex((h) => h.id === id);
    if (idx < 0) { rec.missing = (rec.missing || []).concat(id); continue; }
    const h = on ? list[idx] : list.splice(idx, 1)[0];
    try { r.applyAction(h.chan, st.action, h.msg, holder, !!st.multiple, on || h.chan); } catch (_e) { /* ignore */ }
  }
  if (rec.missing) keep();
}

async function get(r, st, rec, keep) {
  const chName = st.channel || '__get';
  const noAck = st.noAck !== undefined ? !!st.noAck : !st.action;
  const queue = r.resolve(st.queue);
  const res = await r.rpc(chName, (ch) => ch.get(queue, { noAck }), st.connection);
  rec.queue = queue;
  if (res.error) { rec.error = res.error.code; keep(); return; }
  const msg = res.ok;
  if (!msg) { rec.result = null; keep(); return; }
  rec.result = r.msgRecord(msg, { messageCount: msg.fields.messageCount });
  if (!noAck) {
    r.applyAction(r.chans.get(chName), st.action, msg, st.as || chName);
    rec.result.action = st.action;
  }
  keep();
}

async function drain(r, st, rec, keep) {
  rec.queue = r.resolve(st.queue);
  rec.messages = await r.drainQueue(rec.queue, st.channel || '__get');
  keep();
}

// basic.recover on a channel: requeue=true (default) requeues every unacked message of the channel
async function recover(r, st, rec, keep) {
  const requeue = st.requeue !== undefined ? !!st.requeue : true;
  const w = await r.chan(st.channel, st.connection);
  const before = new Set();
  for (const list of r.held.values()) for (const h of list) if (h.chan === w) before.add(h);
  const res = await r.rpc(st.channel, (ch) => ch.rpc(defs.BasicRecover, { requeue }, defs.BasicRecoverOk), st.connection);
  if (res.error) { rec.error = res.error.code; keep(); return; }
  // the recovered deliveries' tags are void now (redeliveries received meanwhile stay held)
  for (const [holder, list] of r.held) r.held.set(holder, list.filter((h) => !before.has(h)));
}

export const SETTLE_OPS = { settle, get, drain, recover };
