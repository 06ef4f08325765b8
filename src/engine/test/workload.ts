import type { AmqpBroker } from '../api';
import type { ChannelRef } from '../broker';
import type { Result } from '../errors';
import type { FieldTable } from '../fields';
import type { BasicProperties } from '../message';
import { REPLY_TO_QUEUE } from '../replyTo';

/**
 * Random broker workloads for property tests: a topology (exchanges of every type, queues with
 * random arguments, bindings) and a sequence of client operations. Operations name things by
 * small numbers that are resolved against the broker's state when they run (the n-th open
 * channel, the n-th unacked delivery), so any sequence is meaningful, and the same sequence on
 * two equal brokers does the same thing.
 */

export interface XSpec {
  name: string;
  type: 'direct' | 'fanout' | 'topic' | 'headers';
  durable: boolean;
  autoDelete: boolean;
  internal: boolean;
  arguments: FieldTable;
}
export interface QSpec {
  name: string;
  durable: boolean;
  autoDelete: boolean;
  exclusive: boolean;
  arguments: FieldTable;
}
export interface BSpec {
  source: string;
  destination: string;
  toExchange: boolean;
  routingKey: string;
  arguments: FieldTable;
}
export interface Topology {
  exchanges: XSpec[];
  queues: QSpec[];
  bindings: BSpec[];
}

export type Op =
  | { op: 'openChannel'; conn: number; newConnection: boolean }
  | { op: 'closeChannel'; ch: number }
  | { op: 'closeConnection'; conn: number }
  | { op: 'confirm'; ch: number }
  | { op: 'qos'; ch: number; count: number; global: boolean }
  | { op: 'consume'; ch: number; queue: number; noAck: boolean; exclusive: boolean; priority: number; tag: number }
  | { op: 'cancel'; ch: number; pick: number }
  | { op: 'publish'; ch: number; toQueue: boolean; exchange: number; key: string; cc: string[] | null; bcc: string[] | null; headers: FieldTable | null; expiration: number | null; priority: number | null; persistent: boolean; mandatory: boolean; body: string }
  | { op: 'get'; ch: number; queue: number; noAck: boolean }
  | { op: 'settle'; ch: number; pick: number; how: 'ack' | 'nack' | 'reject'; multiple: boolean; requeue: boolean; bogus: boolean }
  | { op: 'recover'; ch: number; requeue: boolean }
  | { op: 'advance'; ms: number }
  | { op: 'purge'; queue: number }
  | { op: 'deleteQueue'; queue: number; ifUnused: boolean; ifEmpty: boolean }
  | { op: 'declareQueue'; queue: number }
  | { op: 'bind'; binding: number; unbind: boolean }
  | { op: 'deleteExchange'; exchange: number }
  | { op: 'declareExchange'; exchange: number }
  | { op: 'restart'; downMs: number }
  // direct reply-to: consume the pseudo-queue, send a request, answer one (or a bad address)
  | { op: 'replyConsume'; ch: number; noAck: boolean; tag: number }
  | { op: 'request'; ch: number; queue: number; mandatory: boolean }
  | { op: 'reply'; ch: number; pick: number; cc: boolean; mandatory: boolean };

export type Workload = { topology: Topology; ops: Op[] };

export interface Hooks {
  /** the client is about to settle these deliveries of the channel (ack, nack, reject, recover) */
  settling?(ref: ChannelRef, tags: number[]): void;
  /** ... and the broker said ok */
  settled?(ref: ChannelRef, tags: number[]): void;
}

/**
 * The client side of a workload. Its state is plain data (`structuredClone` it to carry on
 * against a restored copy of the broker).
 */
export interface ClientState {
  admin: ChannelRef | null;
  /** every channel ever opened, in order */
  channels: ChannelRef[];
  /** reply addresses the "server" has seen on requests (the latest few; some are dead by now) */
  replyTos: string[];
}

/** consumer tags: mostly server-generated, sometimes a fixed one (that may clash: 530) */
const TAGS = ['c0', 'c1', '', '', '', ''];

export function newClient(): ClientState {
  return { admin: null, channels: [], replyTos: [] };
}

function adminChannel(b: AmqpBroker, s: ClientState): ChannelRef {
  if (s.admin && b.isOpen(s.admin)) return s.admin;
  s.admin = b.channelOpen(b.connectionOpen('admin'));
  return s.admin;
}

/**
 * The n-th open channel, or (1 time in 25) a closed one, to exercise errors. Like a client that
 * reconnects, it keeps at least two channels open.
 */
function channelFor(b: AmqpBroker, s: ClientState, n: number): ChannelRef | undefined {
  if (s.channels.length && n % 25 === 24) return s.channels[n % s.channels.length];
  let open = s.channels.filter((c) => b.isOpen(c));
  while (open.length < 2) {
    openChannel(b, s, n, open.length === 0);
    open = s.channels.filter((c) => b.isOpen(c));
  }
  return open[n % open.length];
}

function openChannel(b: AmqpBroker, s: ClientState, n: number, newConnection: boolean): void {
  const open = b.inspect.connections().filter((c) => c.name !== 'admin');
  const conn = newConnection || !open.length ? b.connectionOpen(`c${s.channels.length}`) : open[n % open.length]!.id;
  s.channels.push(b.channelOpen(conn));
}

/** Declares the topology, and opens two client connections with two channels each. */
export function setup(b: AmqpBroker, s: ClientState, t: Topology): void {
  for (const x of t.exchanges) b.exchangeDeclare(adminChannel(b, s), { exchange: x.name, type: x.type, durable: x.durable, autoDelete: x.autoDelete, internal: x.internal, arguments: x.arguments });
  for (const q of t.queues) b.queueDeclare(adminChannel(b, s), { queue: q.name, durable: q.durable, autoDelete: q.autoDelete, exclusive: q.exclusive, arguments: q.arguments });
  for (const bd of t.bindings) bind(b, s, bd, false);
  for (const name of ['client-a', 'client-b']) {
    const conn = b.connectionOpen(name);
    s.channels.push(b.channelOpen(conn), b.channelOpen(conn));
  }
}

function bind(b: AmqpBroker, s: ClientState, bd: BSpec, unbind: boolean): Result<void> {
  const ch = adminChannel(b, s);
  if (bd.toExchange) {
    const p = { source: bd.source, destination: bd.destination, routingKey: bd.routingKey, arguments: bd.arguments };
    return unbind ? b.exchangeUnbind(ch, p) : b.exchangeBind(ch, p);
  }
  const p = { exchange: bd.source, queue: bd.destination, routingKey: bd.routingKey, arguments: bd.arguments };
  return unbind ? b.queueUnbind(ch, p) : b.queueBind(ch, p);
}

export function runOp(b: AmqpBroker, s: ClientState, t: Topology, op: Op, hooks: Hooks = {}): void {
  const queueName = (n: number) => (n % 25 === 24 ? 'nope' : t.queues[n % t.queues.length]!.name);
  const exchanges = [...t.exchanges.map((x) => x.name), 'amq.topic', 'amq.headers', '', 'amq.fanout'];
  const exchangeName = (n: number) => (n % 25 === 24 ? 'nope' : exchanges[n % exchanges.length]!);
  switch (op.op) {
    case 'openChannel':
      openChannel(b, s, op.conn, op.newConnection);
      return;
    case 'advance':
      b.advanceTo(b.now + op.ms);
      return;
    case 'restart':
      b.restart({ downMs: op.downMs });
      return;
    case 'closeConnection': {
      const open = b.inspect.connections();
      if (open.length) b.connectionClose(open[op.conn % open.length]!.id);
      return;
    }
    case 'purge':
      b.queuePurge(adminChannel(b, s), { queue: queueName(op.queue) });
      return;
    case 'deleteQueue':
      b.queueDelete(adminChannel(b, s), { queue: queueName(op.queue), ifUnused: op.ifUnused, ifEmpty: op.ifEmpty });
      return;
    case 'declareQueue': {
      const q = t.queues[op.queue % t.queues.length]!;
      b.queueDeclare(adminChannel(b, s), { queue: q.name, durable: q.durable, autoDelete: q.autoDelete, exclusive: q.exclusive, arguments: q.arguments });
      return;
    }
    case 'bind':
      if (t.bindings.length) bind(b, s, t.bindings[op.binding % t.bindings.length]!, op.unbind);
      return;
    case 'deleteExchange':
      b.exchangeDelete(adminChannel(b, s), { exchange: t.exchanges[op.exchange % t.exchanges.length]!.name });
      return;
    case 'declareExchange': {
      const x = t.exchanges[op.exchange % t.exchanges.length]!;
      b.exchangeDeclare(adminChannel(b, s), { exchange: x.name, type: x.type, durable: x.durable, autoDelete: x.autoDelete, internal: x.internal, arguments: x.arguments });
      return;
    }
    default:
      break;
  }
  const ch = channelFor(b, s, op.ch);
  if (!ch) return;
  switch (op.op) {
    case 'closeChannel':
      b.channelClose(ch);
      return;
    case 'confirm':
      b.confirmSelect(ch);
      return;
    case 'qos':
      b.basicQos(ch, { prefetchCount: op.count, global: op.global });
      return;
    case 'consume':
      b.basicConsume(ch, { queue: queueName(op.queue), consumerTag: TAGS[op.tag], noAck: op.noAck, exclusive: op.exclusive, arguments: op.priority ? { 'x-priority': op.priority } : {} });
      return;
    case 'cancel': {
      const consumers = b.inspect.connections().find((c) => c.id === ch.connection)?.channels.find((c) => c.number === ch.channel)?.consumers ?? [];
      b.basicCancel(ch, { consumerTag: consumers.length ? consumers[op.pick % consumers.length]!.consumerTag : 'c0' });
      return;
    }
    case 'publish': {
      const properties: BasicProperties = { deliveryMode: op.persistent ? 2 : 1 };
      if (op.headers || op.cc || op.bcc) properties.headers = { ...op.headers, ...(op.cc ? { CC: op.cc } : {}), ...(op.bcc ? { BCC: op.bcc } : {}) };
      if (op.expiration !== null) properties.expiration = String(op.expiration);
      if (op.priority !== null) properties.priority = op.priority;
      // half of the messages go straight to a queue through the default exchange
      const exchange = op.toQueue ? '' : exchangeName(op.exchange);
      const key = op.toQueue ? queueName(op.exchange) : op.key;
      b.basicPublish(ch, { exchange, routingKey: key, mandatory: op.mandatory, body: op.body, properties });
      return;
    }
    case 'get':
      b.basicGet(ch, { queue: queueName(op.queue), noAck: op.noAck });
      return;
    case 'settle': {
      const held = b.inspect.unacked(ch.connection, ch.channel).map((u) => u.deliveryTag);
      // a bogus tag (never delivered, or tag 0 without multiple) closes the channel with 406
      if (!held.length && !op.bogus) return;
      const tag = op.bogus ? (op.pick % 2 ? 1000 + op.pick : 0) : held[op.pick % held.length]!;
      const multiple = op.how !== 'reject' && op.multiple;
      const tags = multiple ? held.filter((t) => tag === 0 || t <= tag) : [tag];
      hooks.settling?.(ch, tags);
      const r =
        op.how === 'ack'
          ? b.basicAck(ch, { deliveryTag: tag, multiple })
          : op.how === 'nack'
            ? b.basicNack(ch, { deliveryTag: tag, multiple, requeue: op.requeue })
            : b.basicReject(ch, { deliveryTag: tag, requeue: op.requeue });
      if (r.ok) hooks.settled?.(ch, tags);
      return;
    }
    case 'replyConsume':
      b.basicConsume(ch, { queue: REPLY_TO_QUEUE, consumerTag: TAGS[op.tag], noAck: op.noAck });
      return;
    case 'request': {
      const queue = queueName(op.queue);
      const r = b.basicPublish(ch, { exchange: '', routingKey: queue, mandatory: op.mandatory, body: 'req', properties: { replyTo: REPLY_TO_QUEUE } });
      // the rewritten reply_to, as a server would read it on the request
      const view = b.inspect.connections().find((c) => c.id === ch.connection)?.channels.find((c) => c.number === ch.channel);
      const to = r.ok ? view?.replyAddress : undefined;
      if (to && !s.replyTos.includes(to)) s.replyTos = [...s.replyTos.slice(-5), to];
      return;
    }
    case 'reply': {
      // one time in five a bad address (dropped); a CC copy to a second address sometimes
      const known = s.replyTos.length && op.pick % 5 !== 4 ? s.replyTos[op.pick % s.replyTos.length]! : `${REPLY_TO_QUEUE}.bogus`;
      const other = s.replyTos[(op.pick + 1) % Math.max(1, s.replyTos.length)];
      const properties: BasicProperties = op.cc && other ? { headers: { CC: [other] } } : {};
      b.basicPublish(ch, { exchange: '', routingKey: known, mandatory: op.mandatory, body: 'rep', properties });
      return;
    }
    case 'recover': {
      const held = b.inspect.unacked(ch.connection, ch.channel).map((u) => u.deliveryTag);
      hooks.settling?.(ch, held);
      const r = b.basicRecover(ch, { requeue: op.requeue });
      if (r.ok) hooks.settled?.(ch, held);
      return;
    }
  }
}
