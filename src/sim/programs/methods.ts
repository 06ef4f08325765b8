import { CLIENT_FAILURE } from '../events';
import type { ChannelRef, PublishParams, Result } from '../../engine';
import type { World } from '../world';
import type { ProgramEvent, ProgramRequest, ReplyValue, WireError } from './protocol';
import { forgetChannel, forgetConnection, sendDown, withSyncCause } from './react';
import { chKey, programIds, type ProgramRt } from './state';

/**
 * A program's AMQP methods on the broker. Publishes and acks travel one hop, as the simulated
 * clients' do; the other methods reach the broker at once unless earlier frames of the same
 * connection are still on their way (a connection is one ordered wire each way).
 */

const ASYNC = new Set(['publish', 'settle']);

/** A method leaves the program (part of a turn's output). */
export function issueRequest(w: World, rt: ProgramRt, req: ProgramRequest): void {
  const conn = req.conn;
  if (req.op === 'drain-wanted') {
    sendDown(w, rt, conn, Math.max(0, (rt.wireFreeAt[conn] ?? w.now) - w.now), { type: 'drain', conn, ch: req.ch });
    return;
  }
  if (ASYNC.has(req.op)) {
    const arriveAt = w.now + w.latency;
    rt.wireFreeAt[conn] = Math.max(rt.wireFreeAt[conn] ?? 0, arriveAt);
    announce(w, rt, req, arriveAt);
    w.schedule(arriveAt, { kind: 'program', item: { type: 'method', pid: rt.pid, req } });
    return;
  }
  const busyUntil = rt.wireFreeAt[conn];
  // frames still on the wire (due now or later) go first: this one queues behind them
  if (busyUntil !== undefined && busyUntil >= w.now) w.schedule(busyUntil, { kind: 'program', item: { type: 'method', pid: rt.pid, req } });
  else applyRequest(w, rt, req);
}

/** What the canvas animates and the log shows when a publish or an ack leaves the program. */
function announce(w: World, rt: ProgramRt, req: ProgramRequest, arriveAt: number): void {
  if (req.op === 'publish') {
    const k = `${req.conn}:${req.ch}:${req.exchange}`;
    const line = (rt.publishes[k] ??= { conn: req.conn, ch: req.ch, exchange: req.exchange, keys: [], sent: 0, confirmed: 0, nacked: 0, returned: 0, failed: 0 });
    line.sent++;
    if (!line.keys.includes(req.routingKey)) line.keys = [...line.keys, req.routingKey].slice(-3);
    w.emit({ type: 'publish-sent', t: w.now, arriveAt, app: programIds.app(rt.pid), publisher: programIds.publisher(rt.pid, req.conn, req.ch, req.exchange), seq: line.sent, exchange: req.exchange, routingKey: req.routingKey, body: req.body, deliveryMode: req.properties.deliveryMode === 2 ? 2 : 1 });
  } else if (req.op === 'settle') {
    const list = rt.unsettled[chKey(req.conn, req.ch)] ?? [];
    const action = req.method === 'basic.ack' ? 'ack' : req.method === 'basic.nack' ? 'nack' : 'reject';
    for (const [tag, msgId, queue, consumer] of list) {
      if (!(tag === req.deliveryTag || (req.multiple && (req.deliveryTag === 0 || tag <= req.deliveryTag)))) continue;
      w.emit({ type: 'settle-sent', t: w.now, arriveAt, app: programIds.app(rt.pid), consumer, msgId, queue, deliveryTag: tag, action, requeue: req.requeue });
    }
  }
}

function reply(w: World, rt: ProgramRt, conn: number, rid: number, value: ReplyValue): void {
  sendDown(w, rt, conn, 0, { type: 'reply', rid, value });
}

function refOf(rt: ProgramRt, conn: number, ch: number): ChannelRef | undefined {
  const c = rt.conns[conn];
  return c === null || c === undefined || !rt.channels[chKey(conn, ch)] ? undefined : { connection: c, channel: ch };
}

/** The method reaches the broker now. */
export function applyRequest(w: World, rt: ProgramRt, req: ProgramRequest): void {
  switch (req.op) {
    case 'connection.open':
      openConnection(w, rt, req);
      return;
    case 'connection.close':
    case 'connection.drop': {
      const id = rt.conns[req.conn];
      if (id === null || id === undefined) return;
      withSyncCause(() => {
        w.broker.connectionClose(id);
        if (req.op === 'connection.close') reply(w, rt, req.conn, req.rid, {});
        w.collect();
      });
      forgetConnection(w, rt, req.conn);
      return;
    }
    case 'channel.open': {
      const id = rt.conns[req.conn];
      if (id === null || id === undefined || !w.broker.inspect.connections().some((c) => c.id === id)) return;
      const ref = w.broker.channelOpen(id, req.ch);
      rt.channels[chKey(req.conn, ref.channel)] = { conn: req.conn, ch: ref.channel, confirm: false };
      reply(w, rt, req.conn, req.rid, {});
      w.collect();
      return;
    }
    case 'channel.close': {
      const ref = refOf(rt, req.conn, req.ch);
      if (!ref) return;
      withSyncCause(() => {
        w.broker.channelClose(ref);
        reply(w, rt, req.conn, req.rid, {});
        w.collect();
      });
      forgetChannel(rt, req.conn, req.ch);
      return;
    }
    case 'rpc':
      rpc(w, rt, req);
      return;
    case 'publish':
      publish(w, rt, req);
      return;
    case 'settle':
      settle(w, rt, req);
      return;
    case 'drain-wanted':
      return;
    default: {
      const never: never = req;
      throw new Error(`unknown program request ${JSON.stringify(never)}`);
    }
  }
}

/**
 * The connection handshake. Warren's broker has one vhost, "/", and the guest user (password
 * "guest"), as a fresh RabbitMQ; while it restarts nothing listens on its port.
 */
function openConnection(w: World, rt: ProgramRt, req: Extract<ProgramRequest, { op: 'connection.open' }>): void {
  const refusal: WireError | null =
    w.now < w.brokerDownUntil
      ? { code: 0, name: 'ECONNREFUSED', text: 'connect ECONNREFUSED 127.0.0.1:5672', method: 'connection.open' }
      : req.user !== 'guest' || req.password !== 'guest'
        ? { code: 403, name: 'ACCESS_REFUSED', text: 'ACCESS_REFUSED - Login was refused using authentication mechanism PLAIN. For details see the broker logfile.', method: 'connection.start-ok' }
        : req.vhost !== '/'
          ? { code: 530, name: 'NOT_ALLOWED', text: `NOT_ALLOWED - vhost ${req.vhost} not found`, method: 'connection.open' }
          : null;
  if (refusal) {
    sendDown(w, rt, req.conn, 0, { type: 'reply-error', rid: req.rid, error: refusal });
    return;
  }
  const id = w.broker.connectionOpen(req.name);
  rt.conns[req.conn] = id;
  w.programConns.set(id, { pid: rt.pid, conn: req.conn });
  reply(w, rt, req.conn, req.rid, {});
  w.collect();
}

type RpcReq = Extract<ProgramRequest, { op: 'rpc' }>;

function rpc(w: World, rt: ProgramRt, req: RpcReq): void {
  const ref = refOf(rt, req.conn, req.ch);
  // the broker closed this channel (or connection) meanwhile: the program learns it from that close
  if (!ref) return;
  withSyncCause(() => {
    const r = call(w.broker, rt, ref, req);
    if (r.ok) reply(w, rt, req.conn, req.rid, r.value);
    w.collect();
  });
}

function call(b: World['broker'], rt: ProgramRt, ref: ChannelRef, req: RpcReq): Result<ReplyValue> {
  const empty = (r: Result<unknown>): Result<ReplyValue> => (r.ok ? { ok: true, value: {} } : r);
  switch (req.method) {
    case 'exchange.declare':
      return empty(b.exchangeDeclare(ref, req.args));
    case 'exchange.delete':
      return empty(b.exchangeDelete(ref, req.args));
    case 'exchange.bind':
      return empty(b.exchangeBind(ref, req.args));
    case 'exchange.unbind':
      return empty(b.exchangeUnbind(ref, req.args));
    case 'queue.declare':
      return b.queueDeclare(ref, req.args);
    case 'queue.bind':
      return empty(b.queueBind(ref, req.args));
    case 'queue.unbind':
      return empty(b.queueUnbind(ref, req.args));
    case 'queue.purge':
      return b.queuePurge(ref, req.args);
    case 'queue.delete':
      return b.queueDelete(ref, req.args);
    case 'basic.qos':
      return empty(b.basicQos(ref, req.args));
    case 'basic.consume': {
      const r = b.basicConsume(ref, req.args);
      // ("" is the channel's last declared queue: its name comes with the broker's consumer-added)
      if (r.ok) rt.consumers[r.value.consumerTag] = { conn: req.conn, ch: req.ch, queue: req.args.queue, noAck: req.args.noAck, received: 0, redelivered: 0, acked: 0, nacked: 0, rejected: 0 };
      return r;
    }
    case 'basic.cancel': {
      const r = b.basicCancel(ref, req.args);
      if (r.ok) delete rt.consumers[req.args.consumerTag];
      return r.ok ? { ok: true, value: { consumerTag: req.args.consumerTag } } : r;
    }
    case 'basic.get': {
      const r = b.basicGet(ref, req.args);
      if (!r.ok) return r;
      const g = r.value;
      if (g === null) return { ok: true, value: null };
      return { ok: true, value: { deliveryTag: g.deliveryTag, redelivered: g.redelivered, messageCount: g.messageCount, exchange: g.exchange, routingKey: g.routingKey, body: g.body, properties: g.properties } };
    }
    case 'basic.recover': {
      const r = b.basicRecover(ref, req.args);
      if (r.ok) rt.unsettled[chKey(req.conn, req.ch)] = [];
      return empty(r);
    }
    case 'confirm.select': {
      const r = b.confirmSelect(ref);
      const c = rt.channels[chKey(req.conn, req.ch)];
      if (r.ok && c) c.confirm = true;
      return empty(r);
    }
    default: {
      const never: never = req;
      throw new Error(`unknown rpc ${JSON.stringify(never)}`);
    }
  }
}

function publish(w: World, rt: ProgramRt, req: Extract<ProgramRequest, { op: 'publish' }>): void {
  const ref = refOf(rt, req.conn, req.ch);
  const publisher = programIds.publisher(rt.pid, req.conn, req.ch, req.exchange);
  const seq = rt.publishes[`${req.conn}:${req.ch}:${req.exchange}`]?.sent ?? 0;
  const line = rt.publishes[`${req.conn}:${req.ch}:${req.exchange}`];
  if (!ref) {
    if (line) line.failed++;
    w.emit({ type: 'publish-failed', t: w.now, app: programIds.app(rt.pid), publisher, seq, reason: CLIENT_FAILURE.channelClosed });
    return;
  }
  const params: PublishParams = { exchange: req.exchange, routingKey: req.routingKey, mandatory: req.mandatory, body: req.body, properties: req.properties };
  const confirm = rt.channels[chKey(req.conn, req.ch)]?.confirm ?? false;
  const r = w.broker.basicPublish(ref, params);
  if (!r.ok) {
    if (line) line.failed++;
    w.emit({ type: 'publish-failed', t: w.now, app: programIds.app(rt.pid), publisher, seq, reason: r.error.text, code: r.error.code });
    w.collect();
    return;
  }
  if (confirm || req.mandatory) rt.inflight[r.value.msgId] = { conn: req.conn, ch: req.ch, exchange: req.exchange, ...(req.mandatory ? { message: { exchange: req.exchange, routingKey: req.routingKey, body: req.body, properties: req.properties } } : {}) };
  // a return is sent during basic.publish itself
  w.collect();
  if (!confirm) delete rt.inflight[r.value.msgId];
}

function settle(w: World, rt: ProgramRt, req: Extract<ProgramRequest, { op: 'settle' }>): void {
  const ref = refOf(rt, req.conn, req.ch);
  if (!ref) return;
  const b = w.broker;
  const r =
    req.method === 'basic.ack'
      ? b.basicAck(ref, { deliveryTag: req.deliveryTag, multiple: req.multiple })
      : req.method === 'basic.nack'
        ? b.basicNack(ref, { deliveryTag: req.deliveryTag, multiple: req.multiple, requeue: req.requeue })
        : b.basicReject(ref, { deliveryTag: req.deliveryTag, requeue: req.requeue });
  if (r.ok) {
    const k = chKey(req.conn, req.ch);
    const kept: typeof rt.unsettled[string] = [];
    for (const u of rt.unsettled[k] ?? []) {
      const [tag, , , consumer] = u;
      const hit = tag === req.deliveryTag || (req.multiple && (req.deliveryTag === 0 || tag <= req.deliveryTag));
      if (!hit) {
        kept.push(u);
        continue;
      }
      const c = rt.consumers[consumer];
      if (c) c[req.method === 'basic.ack' ? 'acked' : req.method === 'basic.nack' ? 'nacked' : 'rejected']++;
    }
    rt.unsettled[k] = kept;
  }
  w.collect();
}

export type { ProgramEvent };
