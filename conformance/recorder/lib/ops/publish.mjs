// publish: one message per id, each confirm awaited before the next (or all at once: "pipeline").
import { REPLY_TO } from '../names.mjs';
import { toAmqp } from '../values.mjs';

function properties(r, st) {
  const opts = { mandatory: !!st.mandatory, deliveryMode: st.persistent ? 2 : 1 };
  if (st.headers) opts.headers = toAmqp(st.headers);
  if (st.priority !== undefined) opts.priority = st.priority;
  if (st.expiration !== undefined) opts.expiration = String(st.expiration);
  if (st.replyTo !== undefined) opts.replyTo = r.resolve(st.replyTo);
  if (st.correlationId !== undefined) opts.correlationId = st.correlationId;
  return opts;
}

// Sends one message; the promise settles with its confirm (or when the channel closes).
function send(r, w, st, id) {
  const rec = { id, confirm: null };
  r.out.publishes.push(rec);
  const opts = properties(r, st);
  if (opts.replyTo === REPLY_TO) r.names.requestPublished(id, w.name);
  return new Promise((resolve) => {
    try {
      // If the channel gets closed (e.g. 404 exchange) the callback fires with an error.
      w.ch.publish(r.resolve(st.exchange || ''), r.resolve(st.routingKey || ''), Buffer.from(id), opts, (err) => {
        rec.confirm = !err ? 'ack' : /nacked/.test(err.message) ? 'nack' : 'channel-closed';
        r.touch();
        resolve();
      });
    } catch (_e) {
      rec.confirm = 'channel-closed';
      resolve();
    }
  });
}

async function publish(r, st, rec, keep) {
  const w = await r.chan(st.channel || 'pub', st.connection);
  if (st.observe) w.frames = [];
  const ids = st.ids || [st.id];
  if (st.pipeline) await Promise.all(ids.map((id) => send(r, w, st, id)));
  else for (const id of ids) await send(r, w, st, id);
  if (!st.observe) return;
  await r.quiesce();
  rec.frames = w.frames;
  w.frames = null;
  keep();
}

export const PUBLISH_OPS = { publish };
