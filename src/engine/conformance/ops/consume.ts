import type { FieldTable } from '../../fields';
import type { ConsumerState } from '../runner';
import type { Op } from '.';

/** consume: basic.qos first if the step has a prefetch, then basic.consume with the step's flags. */
const consume: Op = (r, st, rec, keep) => {
  const chName = st.channel ?? st.consumer!;
  const c = r.chan(chName, st.connection);
  if (st.prefetch !== undefined) r.call(() => r.broker.basicQos(c.ref, { prefetchCount: st.prefetch!, global: !!st.prefetchGlobal }));
  const list = (r.out.deliveries[st.consumer!] ??= []);
  const state: ConsumerState = { name: st.consumer!, policy: st.policy ?? 'ack', actionIdx: 0, seenById: {}, chan: r.chan(chName, st.connection), noAck: !!st.noAck, list };
  r.consumers.set(st.consumer!, state);
  const args: FieldTable = { ...(st.arguments ?? {}) };
  if (st.priority !== undefined) args['x-priority'] = st.priority;
  const queue = r.names.resolve(st.queue ?? '');
  const res = r.call(() => r.broker.basicConsume(state.chan.ref, { queue, consumerTag: st.consumer, noAck: !!st.noAck, noLocal: !!st.noLocal, exclusive: !!st.exclusive, arguments: args }));
  if (res.error !== undefined) {
    rec.error = res.error;
    keep();
  }
};

/** cancel: basic.cancel of a scenario consumer (`consumer`), or of any `tag` on a `channel`. */
const cancel: Op = (r, st, rec, keep) => {
  const state = st.consumer !== undefined ? r.consumers.get(st.consumer) : undefined;
  const c = st.channel !== undefined ? r.chan(st.channel, st.connection) : r.chan(state!.chan.name, state!.chan.connName);
  const tag = st.tag ?? state!.name;
  const res = r.call(() => r.broker.basicCancel(c.ref, { consumerTag: tag }));
  if (res.error !== undefined) {
    rec.error = res.error;
    keep();
  }
};

/** qos: basic.qos on a channel, prefetch size included. */
const qos: Op = (r, st, rec, keep) => {
  const c = r.chan(st.channel!, st.connection);
  const res = r.call(() => r.broker.basicQos(c.ref, { prefetchSize: st.prefetchSize ?? 0, prefetchCount: st.prefetch ?? 0, global: !!st.global }));
  if (res.error !== undefined) {
    rec.error = res.error;
    keep();
  }
};

export const CONSUME_OPS: Record<string, Op> = { consume, cancel, qos };
