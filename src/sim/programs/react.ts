import type { AmqpError, TraceEvent } from '../../engine';
import { describeClose } from '../../engine';
import type { World } from '../world';
import type { ProgramEvent, WireError } from './protocol';
import { chKey, programIds, type ProgramRt } from './state';

/**
 * What the broker sends to programs, read from its trace: deliveries, returns, confirms, consumer
 * cancels and closes. Everything the broker sends on a connection arrives in order (one wire): a
 * reply to a method is never overtaken by, and never overtakes, a delivery sent before it.
 */

/** Set while the broker runs a program's synchronous method: a close it causes is its reply (no hop). */
let syncCause = false;

export function withSyncCause(f: () => void): void {
  const before = syncCause;
  syncCause = true;
  try {
    f();
  } finally {
    syncCause = before;
  }
}

/** An event travels from the broker to the program over the connection `conn` (after `delay`, in order). */
export function sendDown(w: World, rt: ProgramRt, conn: number, delay: number, event: ProgramEvent): void {
  const at = Math.max(w.now + delay, rt.downFreeAt[conn] ?? 0);
  rt.downFreeAt[conn] = at;
  w.schedule(at, { kind: 'program', item: { type: 'turn', pid: rt.pid, event } });
}

export function wireError(e: AmqpError): WireError {
  return { code: e.code, name: e.name, text: e.text, method: e.method };
}

/** A channel is gone: its consumers, unsettled deliveries and publish lines with it. */
export function forgetChannel(rt: ProgramRt, conn: number, ch: number): void {
  const k = chKey(conn, ch);
  delete rt.channels[k];
  delete rt.unsettled[k];
  for (const [tag, c] of Object.entries(rt.consumers)) if (c.conn === conn && c.ch === ch) delete rt.consumers[tag];
  for (const [key, p] of Object.entries(rt.publishes)) if (p.conn === conn && p.ch === ch) delete rt.publishes[key];
  for (const [id, f] of Object.entries(rt.inflight)) if (f.conn === conn && f.ch === ch) delete rt.inflight[Number(id)];
}

export function forgetConnection(w: World, rt: ProgramRt, conn: number): void {
  const id = rt.conns[conn];
  if (id !== null && id !== undefined) w.programConns.delete(id);
  rt.conns[conn] = null;
  for (const c of Object.values(rt.channels)) if (c.conn === conn) forgetChannel(rt, conn, c.ch);
}

export function reactPrograms(w: World, e: TraceEvent): void {
  if (!('connection' in e) || e.connection === undefined) return;
  const owner = w.programConns.get(e.connection);
  if (!owner) return;
  const rt = w.programs.get(owner.pid);
  if (!rt) return;
  const conn = owner.conn;
  const L = w.latency;
  switch (e.type) {
    case 'delivered': {
      const k = chKey(conn, e.channel);
      if (!rt.channels[k]) return;
      if (e.consumerTag === undefined) {
        // basic.get: the message goes back with get-ok (the reply); only its settling is tracked here
        if (!e.noAck) (rt.unsettled[k] ??= []).push([e.deliveryTag, e.msgId, e.queue, '']);
        return;
      }
      if (!rt.consumers[e.consumerTag]) return;
      if (!e.noAck) (rt.unsettled[k] ??= []).push([e.deliveryTag, e.msgId, e.queue, e.consumerTag]);
      sendDown(w, rt, conn, L, { type: 'deliver', conn, ch: e.channel, consumerTag: e.consumerTag, deliveryTag: e.deliveryTag, redelivered: e.redelivered, exchange: e.exchange, routingKey: e.routingKey, body: e.body, properties: e.properties });
      return;
    }
    case 'consumer-added': {
      const c = rt.consumers[e.consumerTag];
      if (c) c.queue = e.queue;
      return;
    }
    case 'returned': {
      const f = rt.inflight[e.msgId];
      const m = f?.message;
      if (!f || !m) return;
      const at = Math.max(w.now + L, rt.downFreeAt[conn] ?? 0);
      w.emit({ type: 'reply-in-flight', t: w.now, arriveAt: at, app: programIds.app(rt.pid), publisher: programIds.publisher(rt.pid, f.conn, f.ch, f.exchange), msgId: e.msgId, exchange: f.exchange, kind: 'return' });
      sendDown(w, rt, conn, L, { type: 'return', conn, ch: e.channel, replyCode: e.replyCode, replyText: e.replyText, exchange: e.exchange, routingKey: e.routingKey, body: m.body, properties: m.properties });
      return;
    }
    case 'confirmed': {
      const f = rt.inflight[e.msgId];
      delete rt.inflight[e.msgId];
      const at = Math.max(w.now + L, rt.downFreeAt[conn] ?? 0);
      if (f) w.emit({ type: 'reply-in-flight', t: w.now, arriveAt: at, app: programIds.app(rt.pid), publisher: programIds.publisher(rt.pid, f.conn, f.ch, f.exchange), msgId: e.msgId, exchange: f.exchange, kind: e.ack ? 'confirm-ack' : 'confirm-nack' });
      sendDown(w, rt, conn, L, { type: 'confirm', conn, ch: e.channel, deliveryTag: e.publishSeqNo, ack: e.ack, exchange: f?.exchange ?? '' });
      return;
    }
    case 'consumer-cancelled':
      if (!e.byServer) return;
      delete rt.consumers[e.consumerTag];
      sendDown(w, rt, conn, L, { type: 'cancel', conn, ch: e.channel, consumerTag: e.consumerTag });
      return;
    case 'channel-closed':
      if (e.error) {
        w.emit({ type: 'client-error', t: w.now, app: programIds.app(rt.pid), text: describeClose(e.error, e.channel), code: e.error.code });
        // a connection-level error closes the connection too: the program hears of that instead
        if (e.error.scope === 'channel') sendDown(w, rt, conn, syncCause ? 0 : L, { type: 'channel-closed', conn, ch: e.channel, error: wireError(e.error) });
      }
      forgetChannel(rt, conn, e.channel);
      return;
    case 'connection-closed':
      if (e.error) {
        if (e.error.code !== 320) w.emit({ type: 'client-error', t: w.now, app: programIds.app(rt.pid), text: describeClose(e.error), code: e.error.code });
        sendDown(w, rt, conn, syncCause ? 0 : L, { type: 'connection-closed', conn, error: wireError(e.error) });
      }
      forgetConnection(w, rt, conn);
      return;
    default:
      return;
  }
}
