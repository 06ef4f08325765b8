import type { BasicProperties } from '../../message';
import { REPLY_TO } from '../names';
import type { ConformanceRunner } from '../runner';
import type { Outcome, Step } from '../scenario';
import type { Op } from '.';

/**
 * publish: one message per id. The recorder awaits each confirm before the next publish, or (with
 * `pipeline`) sends them all first; the engine runs every publish to completion either way, which
 * is what RabbitMQ does for messages it confirms as soon as it has routed them.
 */
const publish: Op = (r, st, rec, keep) => {
  const c = r.chan(st.channel ?? 'pub', st.connection);
  if (st.observe) c.frames = [];
  for (const id of st.ids ?? [st.id!]) publishOne(r, st, id);
  if (!st.observe) return;
  rec.frames = c.frames;
  c.frames = null;
  keep();
};

function publishOne(r: ConformanceRunner, st: Step, id: string): void {
  const c = r.chan(st.channel ?? 'pub', st.connection);
  const properties: BasicProperties = { deliveryMode: st.persistent ? 2 : 1 };
  if (st.headers !== undefined) properties.headers = st.headers;
  if (st.priority !== undefined) properties.priority = st.priority;
  if (st.expiration !== undefined) properties.expiration = String(st.expiration);
  if (st.replyTo !== undefined) properties.replyTo = r.names.resolve(st.replyTo);
  if (st.correlationId !== undefined) properties.correlationId = st.correlationId;
  if (properties.replyTo === REPLY_TO) r.names.requestPublished(id, c.name);
  const rec: Outcome['publishes'][number] = { id, confirm: null };
  r.out.publishes.push(rec);
  const routingKey = r.names.resolve(st.routingKey ?? '');
  const res = r.broker.basicPublish(c.ref, { exchange: st.exchange ?? '', routingKey, mandatory: !!st.mandatory, body: id, properties });
  if (res.ok) {
    r.bodies.set(res.value.msgId, id);
    r.pendingPublish.set(res.value.msgId, rec);
  } else rec.confirm = 'channel-closed';
  r.react();
}

export const PUBLISH_OPS: Record<string, Op> = { publish };
