import fc from 'fast-check';
import type { AmqpBroker } from '../api';
import type { ChannelRef } from '../broker';
import type { Result } from '../errors';
import type { FieldTable } from '../fields';
import type { BasicProperties } from '../message';

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
  | { op: 'restart'; downMs: number };

// ---------------------------------------------------------------- arbitraries

const WORDS = ['a', 'b', 'a', 'b', ''];
const PATTERN_WORDS = ['a', 'b', '*', '#', ''];
const routingKey = fc.array(fc.constantFrom(...WORDS), { maxLength: 2 }).map((w) => w.join('.'));
const bindingKey = fc.array(fc.constantFrom(...PATTERN_WORDS), { maxLength: 2 }).map((w) => w.join('.'));
const headerValue = fc.constantFrom<FieldTable[string]>(1, 2, '1', 'x', true, null, { $type: 'long', value: 1 }, 1.0);
/** `a` one time in `n`, else null */
const sometimes = <T>(a: fc.Arbitrary<T>, n: number) => fc.oneof({ weight: n - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: a });
const headers = fc.dictionary(fc.constantFrom('h1', 'h2', 'x-h'), headerValue, { maxKeys: 3 });

function exchangeArb(i: number, names: string[]): fc.Arbitrary<XSpec> {
  return fc.record({
    name: fc.constant(`x${i}`),
    type: fc.constantFrom('direct', 'fanout', 'topic', 'headers'),
    durable: fc.boolean(),
    autoDelete: fc.constantFrom(false, false, false, false, false, false, true),
    internal: fc.constantFrom(false, false, false, false, true),
    arguments: sometimes(fc.constantFrom(...names, 'missing'), 4).map((ae): FieldTable => (ae === null ? {} : { 'alternate-exchange': ae })),
  });
}

function queueArb(i: number, exchanges: string[]): fc.Arbitrary<QSpec> {
  // most queues are plain: each argument is there one time in three
  const opt = <T>(a: fc.Arbitrary<T>) => sometimes(a, 3);
  return fc
    .record({
      quorum: fc.constantFrom(false, false, false, true),
      durable: fc.constantFrom(false, true, true),
      autoDelete: fc.constantFrom(false, false, false, false, false, false, true),
      exclusive: fc.constantFrom(...Array(14).fill(false), true),
      ttl: opt(fc.integer({ min: 0, max: 300 })),
      expires: sometimes(fc.integer({ min: 200, max: 3000 }), 8),
      maxLength: opt(fc.integer({ min: 0, max: 4 })),
      maxLengthBytes: opt(fc.integer({ min: 1, max: 12 })),
      overflow: opt(fc.constantFrom('drop-head', 'reject-publish', 'reject-publish-dlx')),
      dlx: opt(fc.constantFrom('', ...exchanges, 'missing')),
      dlrk: opt(routingKey),
      maxPriority: opt(fc.integer({ min: 0, max: 4 })),
      sac: fc.constantFrom(false, false, false, true),
      deliveryLimit: opt(fc.integer({ min: 0, max: 2 })),
    })
    .map((r): QSpec => {
      const args: FieldTable = {};
      if (r.quorum) args['x-queue-type'] = 'quorum';
      if (r.ttl !== null) args['x-message-ttl'] = r.ttl;
      if (r.expires !== null) args['x-expires'] = r.expires;
      if (r.maxLength !== null) args['x-max-length'] = r.maxLength;
      if (r.maxLengthBytes !== null) args['x-max-length-bytes'] = r.maxLengthBytes;
      if (r.overflow !== null) args['x-overflow'] = r.overflow;
      if (r.dlx !== null) args['x-dead-letter-exchange'] = r.dlx;
      if (r.dlx !== null && r.dlrk !== null) args['x-dead-letter-routing-key'] = r.dlrk;
      if (r.maxPriority !== null && !r.quorum) args['x-max-priority'] = r.maxPriority;
      if (r.sac) args['x-single-active-consumer'] = true;
      if (r.quorum && r.deliveryLimit !== null) args['x-delivery-limit'] = r.deliveryLimit;
      return { name: `q${i}`, durable: r.quorum || r.durable, autoDelete: !r.quorum && r.autoDelete, exclusive: !r.quorum && r.exclusive, arguments: args };
    });
}

export const topologyArb: fc.Arbitrary<Topology> = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })).chain(([nx, nq]) => {
  const xNames = Array.from({ length: nx }, (_, i) => `x${i}`);
  const sources = [...xNames, 'amq.topic', 'amq.headers'];
  const binding = fc.record({
    source: fc.constantFrom(...sources),
    toExchange: fc.constantFrom(false, false, false, true),
    q: fc.nat(nq - 1),
    x: fc.nat(nx - 1),
    routingKey: bindingKey,
    headers: sometimes(fc.record({ 'x-match': fc.constantFrom('all', 'any', 'all-with-x', 'any-with-x') }).chain((m) => headers.map((h) => ({ ...m, ...h }))), 2),
  });
  return fc.record({
    exchanges: fc.tuple(...xNames.map((_, i) => exchangeArb(i, xNames))),
    queues: fc.tuple(...Array.from({ length: nq }, (_, i) => queueArb(i, xNames))),
    bindings: fc.array(binding, { minLength: 1, maxLength: 10 }).map((bs) =>
      bs.map((b): BSpec => ({ source: b.source, destination: b.toExchange ? `x${b.x}` : `q${b.q}`, toExchange: b.toExchange, routingKey: b.routingKey, arguments: b.headers ?? {} })),
    ),
  });
});

const pick = fc.nat(50);
export const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ op: fc.constant('openChannel' as const), conn: pick, newConnection: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('closeChannel' as const), ch: pick }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('closeConnection' as const), conn: pick }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('confirm' as const), ch: pick }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('qos' as const), ch: pick, count: fc.nat(3), global: fc.boolean() }) },
  { weight: 6, arbitrary: fc.record({ op: fc.constant('consume' as const), ch: pick, queue: pick, noAck: fc.constantFrom(false, false, false, true), exclusive: fc.constantFrom(...Array(11).fill(false), true), priority: fc.nat(2), tag: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cancel' as const), ch: pick, pick }) },
  {
    weight: 12,
    arbitrary: fc.record({
      op: fc.constant('publish' as const),
      ch: pick,
      toQueue: fc.boolean(),
      exchange: pick,
      key: routingKey,
      // sender-selected distribution: more routing keys in the CC and BCC headers
      cc: sometimes(fc.array(routingKey, { minLength: 1, maxLength: 2 }), 6),
      bcc: sometimes(fc.array(routingKey, { minLength: 1, maxLength: 2 }), 8),
      headers: sometimes(headers, 2),
      expiration: sometimes(fc.integer({ min: 0, max: 400 }), 5),
      priority: sometimes(fc.nat(6), 2),
      persistent: fc.boolean(),
      mandatory: fc.boolean(),
      body: fc.constantFrom('', 'm', 'msg', 'ñé', 'long-body!'),
    }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('get' as const), ch: pick, queue: pick, noAck: fc.boolean() }) },
  { weight: 10, arbitrary: fc.record({ op: fc.constant('settle' as const), ch: pick, pick, how: fc.constantFrom('ack', 'ack', 'nack', 'reject'), multiple: fc.boolean(), requeue: fc.boolean(), bogus: fc.constantFrom(...Array(24).fill(false), true) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('recover' as const), ch: pick, requeue: fc.constantFrom(true, true, true, true, true, true, true, false) }) },
  { weight: 5, arbitrary: fc.record({ op: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 500 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('purge' as const), queue: pick }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deleteQueue' as const), queue: pick, ifUnused: fc.boolean(), ifEmpty: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('declareQueue' as const), queue: pick }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('bind' as const), binding: pick, unbind: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deleteExchange' as const), exchange: pick }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('declareExchange' as const), exchange: pick }) },
);

/** Rarer operations that change a lot at once. */
const drasticArb: fc.Arbitrary<Op> = fc.record({ op: fc.constant('restart' as const), downMs: fc.constantFrom(0, 50, 400) });

export const workloadArb = fc.record({
  topology: topologyArb,
  ops: fc.array(fc.oneof({ weight: 150, arbitrary: opArb }, { weight: 1, arbitrary: drasticArb }), { minLength: 40, maxLength: 160, size: 'max' }),
});
export type Workload = { topology: Topology; ops: Op[] };

// ---------------------------------------------------------------- running

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
}

/** consumer tags: mostly server-generated, sometimes a fixed one (that may clash: 530) */
const TAGS = ['c0', 'c1', '', '', '', ''];

export function newClient(): ClientState {
  return { admin: null, channels: [] };
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
    case 'recover': {
      const held = b.inspect.unacked(ch.connection, ch.channel).map((u) => u.deliveryTag);
      hooks.settling?.(ch, held);
      const r = b.basicRecover(ch, { requeue: op.requeue });
      if (r.ok) hooks.settled?.(ch, held);
      return;
    }
  }
}
