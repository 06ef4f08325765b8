import fc from 'fast-check';
import type { FieldTable } from '../fields';
import type { BSpec, Op, QSpec, Topology, Workload, XSpec } from './workload';

/**
 * fast-check arbitraries for random broker workloads (see workload.ts): topologies with
 * exchanges of every type, queues with random arguments and bindings, and operation mixes.
 */

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
const OP_ARBS: { [K in Op['op']]: fc.Arbitrary<Extract<Op, { op: K }>> } = {
  openChannel: fc.record({ op: fc.constant('openChannel'), conn: pick, newConnection: fc.boolean() }),
  closeChannel: fc.record({ op: fc.constant('closeChannel'), ch: pick }),
  closeConnection: fc.record({ op: fc.constant('closeConnection'), conn: pick }),
  confirm: fc.record({ op: fc.constant('confirm'), ch: pick }),
  qos: fc.record({ op: fc.constant('qos'), ch: pick, count: fc.nat(3), global: fc.boolean() }),
  consume: fc.record({
    op: fc.constant('consume'),
    ch: pick,
    queue: pick,
    noAck: fc.constantFrom(false, false, false, true),
    exclusive: fc.constantFrom(...Array(11).fill(false), true),
    priority: fc.nat(2),
    tag: fc.nat(5),
  }),
  cancel: fc.record({ op: fc.constant('cancel'), ch: pick, pick }),
  publish: fc.record({
    op: fc.constant('publish'),
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
  get: fc.record({ op: fc.constant('get'), ch: pick, queue: pick, noAck: fc.boolean() }),
  settle: fc.record({
    op: fc.constant('settle'),
    ch: pick,
    pick,
    how: fc.constantFrom('ack', 'ack', 'nack', 'reject'),
    multiple: fc.boolean(),
    requeue: fc.boolean(),
    bogus: fc.constantFrom(...Array(24).fill(false), true),
  }),
  recover: fc.record({ op: fc.constant('recover'), ch: pick, requeue: fc.constantFrom(true, true, true, true, true, true, true, false) }),
  advance: fc.record({ op: fc.constant('advance'), ms: fc.integer({ min: 0, max: 500 }) }),
  purge: fc.record({ op: fc.constant('purge'), queue: pick }),
  deleteQueue: fc.record({ op: fc.constant('deleteQueue'), queue: pick, ifUnused: fc.boolean(), ifEmpty: fc.boolean() }),
  declareQueue: fc.record({ op: fc.constant('declareQueue'), queue: pick }),
  bind: fc.record({ op: fc.constant('bind'), binding: pick, unbind: fc.boolean() }),
  deleteExchange: fc.record({ op: fc.constant('deleteExchange'), exchange: pick }),
  declareExchange: fc.record({ op: fc.constant('declareExchange'), exchange: pick }),
  restart: fc.record({ op: fc.constant('restart'), downMs: fc.constantFrom(0, 50, 400) }),
  replyConsume: fc.record({ op: fc.constant('replyConsume'), ch: pick, noAck: fc.constantFrom(true, true, true, true, false), tag: fc.nat(5) }),
  request: fc.record({ op: fc.constant('request'), ch: pick, queue: pick, mandatory: fc.boolean() }),
  reply: fc.record({ op: fc.constant('reply'), ch: pick, pick, cc: fc.constantFrom(false, false, false, true), mandatory: fc.boolean() }),
};

/** How often each operation comes up (relative weights; the restart is rare on purpose). */
export type OpMix = { [K in Op['op']]: number };

/** Everything: topology churn, errors, restarts. */
export const MIXED: OpMix = {
  openChannel: 300,
  closeChannel: 150,
  closeConnection: 150,
  confirm: 150,
  qos: 300,
  consume: 900,
  cancel: 150,
  publish: 1800,
  get: 450,
  settle: 1500,
  recover: 150,
  advance: 750,
  purge: 150,
  deleteQueue: 150,
  declareQueue: 450,
  bind: 150,
  deleteExchange: 150,
  declareExchange: 300,
  restart: 54,
  replyConsume: 150,
  request: 300,
  reply: 300,
};

/** Consumers, prefetch and acknowledgements, on a topology that stays put. */
export const CONSUMERS: OpMix = {
  ...MIXED,
  closeConnection: 50,
  qos: 600,
  consume: 900,
  cancel: 300,
  get: 300,
  settle: 3000,
  recover: 300,
  advance: 300,
  purge: 0,
  deleteQueue: 0,
  declareQueue: 0,
  bind: 0,
  deleteExchange: 0,
  declareExchange: 0,
  restart: 0,
};

/** Direct reply-to in the foreground: clients with reply consumers, requests, replies, cancels and closes. */
export const REPLIES: OpMix = {
  ...CONSUMERS,
  replyConsume: 600,
  request: 1200,
  reply: 1500,
  cancel: 300,
  closeChannel: 200,
  closeConnection: 100,
};

export function opArb(mix: OpMix): fc.Arbitrary<Op> {
  const entries = (Object.keys(mix) as Op['op'][]).filter((k) => mix[k] > 0);
  return fc.oneof(...entries.map((k) => ({ weight: mix[k], arbitrary: OP_ARBS[k] as fc.Arbitrary<Op> })));
}

export function workloadArb(mix: OpMix = MIXED): fc.Arbitrary<Workload> {
  return fc.record({ topology: topologyArb, ops: fc.array(opArb(mix), { minLength: 40, maxLength: 160, size: 'max' }) });
}

