import type { Delivered, TraceEvent } from '../trace';
import type { Chan, ConformanceRunner, ConsumerState } from './runner';
import type { Action } from './scenario';

/** A message the client holds unacked (consumer policy or get action "hold"). */
export interface Held {
  id: string;
  tag: number;
  chan: Chan;
}

/**
 * The client's side of the broker's trace: deliveries go to their consumer (whose policy acts at
 * once), returns and confirms are recorded, channel and connection errors too, and an observed
 * publishing channel keeps its confirm and return frames in the order they arrived.
 */
export function onEvent(r: ConformanceRunner, e: TraceEvent): void {
  switch (e.type) {
    case 'delivered':
      if (e.consumerTag !== undefined) onDelivery(r, e);
      break;
    case 'returned': {
      const id = r.bodies.get(e.msgId) ?? '';
      r.out.returns.push({ id, replyCode: e.replyCode, replyText: e.replyText, exchange: e.exchange, routingKey: e.routingKey });
      r.chanByRef(e)?.frames?.push({ return: id });
      break;
    }
    case 'confirmed': {
      const rec = r.pendingPublish.get(e.msgId);
      if (rec) rec.confirm = e.ack ? 'ack' : 'nack';
      r.chanByRef(e)?.frames?.push(e.ack ? { ack: e.publishSeqNo, multiple: !!e.multiple } : { nack: e.publishSeqNo, multiple: !!e.multiple });
      break;
    }
    case 'consumer-cancelled':
      if (e.byServer) {
        for (const c of r.consumers.values()) {
          if (c.name === e.consumerTag && c.chan.ref.connection === e.connection && c.chan.ref.channel === e.channel) c.list.push({ cancelledByServer: true });
        }
      }
      break;
    case 'channel-closed': {
      const c = r.chanByRef(e);
      if (!c) break;
      if (e.error && !r.restarting) r.out.errors.push({ step: r.stepIndex, channel: c.name, code: e.error.code, text: e.error.text });
      forgetHeldOn(r, c);
      break;
    }
    case 'connection-closed': {
      const name = r.connName(e.connection);
      if (name && e.error && !r.restarting) r.out.errors.push({ step: r.stepIndex, connection: name, code: e.error.code, text: e.error.text });
      break;
    }
    default:
      break;
  }
}

function forgetHeldOn(r: ConformanceRunner, c: Chan): void {
  for (const [h, list] of r.held) r.held.set(h, list.filter((x) => x.chan !== c));
}

function onDelivery(r: ConformanceRunner, d: Delivered): void {
  const state = [...r.consumers.values()].find((c) => c.name === d.consumerTag && c.chan.ref.connection === d.connection && c.chan.ref.channel === d.channel);
  if (!state) return;
  if (state.noAck) {
    state.list.push(r.record(d));
    return;
  }
  const action = resolveAction(state, d);
  state.list.push(r.record(d, { action }));
  applyAction(r, state.chan, action, d.body, d.deliveryTag, state.name, false);
}

function resolveAction(state: ConsumerState, d: Delivered): Action {
  const pol = state.policy;
  if (typeof pol === 'string') return pol;
  const id = d.body;
  const byId = pol.byId?.[id];
  if (byId !== undefined) {
    if (typeof byId === 'string') return byId;
    const n = (state.seenById[id] = (state.seenById[id] ?? 0) + 1);
    return byId[Math.min(n, byId.length) - 1]!;
  }
  if (pol.redelivered && d.redelivered) return pol.redelivered;
  if (pol.actions && state.actionIdx < pol.actions.length) return pol.actions[state.actionIdx++]!;
  return pol.then ?? 'ack';
}

/**
 * Settles (or holds) a message received on channel `c`. The method goes out on `on`: normally
 * `c`; a settle step may name another channel, and then the client still holds the message.
 */
export function applyAction(r: ConformanceRunner, c: Chan, action: Action, id: string, tag: number, holder: string, multiple: boolean, on: Chan = c): void {
  if (multiple && action !== 'hold' && on === c) {
    for (const [h, list] of r.held) r.held.set(h, list.filter((x) => !(x.chan === c && x.tag <= tag)));
  }
  const entry: Held = { id, tag, chan: c };
  if (action !== 'hold' && on === c) {
    if (!r.settled.has(holder)) r.settled.set(holder, []);
    r.settled.get(holder)!.push(entry);
  }
  const ref = on.ref;
  const b = r.broker;
  switch (action) {
    case 'ack':
      b.basicAck(ref, { deliveryTag: tag, multiple });
      break;
    case 'nack-requeue':
      b.basicNack(ref, { deliveryTag: tag, multiple, requeue: true });
      break;
    case 'nack-discard':
      b.basicNack(ref, { deliveryTag: tag, multiple, requeue: false });
      break;
    case 'reject-requeue':
      b.basicReject(ref, { deliveryTag: tag, requeue: true });
      break;
    case 'reject-discard':
      b.basicReject(ref, { deliveryTag: tag, requeue: false });
      break;
    case 'hold':
      if (!r.held.has(holder)) r.held.set(holder, []);
      r.held.get(holder)!.push(entry);
      break;
  }
}
