// npm run bench:engine — prints a table of engine figures, then one JSON line with them.
// Figures: direct-exchange throughput, topic routing cost with 10 vs 10,000 bindings, one hour of
// virtual time of a 1,000 msg/s work queue, heap per 100,000 queued messages.
import { AmqpBroker, type ChannelRef } from '../src/engine/index';

const now = () => performance.now();

function setup(trace: boolean) {
  const b = new AmqpBroker({ seed: 7, trace });
  const conn = b.connectionOpen('bench');
  const ch = b.channelOpen(conn);
  return { b, conn, ch };
}

/** publish → route → enqueue on a direct exchange (no consumer: the queue grows). */
function directEnqueue(n: number, trace: boolean): number {
  const { b, ch } = setup(trace);
  b.exchangeDeclare(ch, { exchange: 'orders', type: 'direct' });
  b.queueDeclare(ch, { queue: 'q' });
  b.queueBind(ch, { queue: 'q', exchange: 'orders', routingKey: 'new' });
  const t0 = now();
  for (let i = 0; i < n; i++) {
    b.basicPublish(ch, { exchange: 'orders', routingKey: 'new', body: 'x' });
    if ((i & 4095) === 0) b.drainTrace();
  }
  const dt = now() - t0;
  if (b.inspect.queue('q')!.ready !== n) throw new Error('lost messages');
  return (n / dt) * 1000;
}

/** publish → route → enqueue → deliver → ack, one consumer acking every delivery. */
function directFullCycle(n: number, trace: boolean): number {
  const { b, conn, ch } = setup(trace);
  const cch = b.channelOpen(conn);
  b.exchangeDeclare(ch, { exchange: 'orders', type: 'direct' });
  b.queueDeclare(ch, { queue: 'q' });
  b.queueBind(ch, { queue: 'q', exchange: 'orders', routingKey: 'new' });
  b.basicQos(cch, { prefetchCount: 100 });
  b.basicConsume(cch, { queue: 'q', consumerTag: 'c' });
  // a consumer channel acks in batches of its prefetch window: deliveryTag n acks 1..n
  let delivered = 0;
  const t0 = now();
  for (let i = 0; i < n; i++) {
    b.basicPublish(ch, { exchange: 'orders', routingKey: 'new', body: 'x' });
    delivered++;
    if (delivered % 50 === 0) b.basicAck(cch, { deliveryTag: delivered, multiple: true });
    if ((i & 4095) === 0) b.drainTrace();
  }
  b.basicAck(cch, { deliveryTag: 0, multiple: true });
  const dt = now() - t0;
  const q = b.inspect.queue('q')!;
  if (q.ready !== 0 || q.unacked !== 0 || q.stats.acked !== n) throw new Error(`bad end state ${JSON.stringify(q)}`);
  return (n / dt) * 1000;
}

/** Time per published message on a topic exchange with `bindings` bindings (patterns like a.k17.*). */
function topicCost(bindings: number, n: number): number {
  const { b, ch } = setup(false);
  b.exchangeDeclare(ch, { exchange: 'tx', type: 'topic' });
  b.queueDeclare(ch, { queue: 'hit' });
  b.queueDeclare(ch, { queue: 'sink' });
  for (let i = 0; i < bindings; i++) {
    const key = i % 3 === 0 ? `region${i}.*.created` : i % 3 === 1 ? `region${i}.#` : `region${i}.orders.${i}`;
    b.queueBind(ch, { queue: 'sink', exchange: 'tx', routingKey: key });
  }
  b.queueBind(ch, { queue: 'hit', exchange: 'tx', routingKey: 'eu.*.created' });
  b.queueBind(ch, { queue: 'hit', exchange: 'tx', routingKey: 'eu.#' });
  for (let i = 0; i < 2000; i++) b.basicPublish(ch, { exchange: 'tx', routingKey: 'eu.orders.created', body: 'x' }); // warm up
  b.queuePurge(ch, { queue: 'hit' });
  const t0 = now();
  for (let i = 0; i < n; i++) b.basicPublish(ch, { exchange: 'tx', routingKey: 'eu.orders.created', body: 'x' });
  const dt = now() - t0;
  if (b.inspect.queue('hit')!.ready !== n) throw new Error('topic routing lost messages');
  return (dt * 1e6) / n; // ns per message
}

/**
 * One hour of virtual time: a producer publishing 1,000 msg/s (one every millisecond) to a work
 * queue with 4 consumers (prefetch 10, manual ack, 3.5 ms processing each). The trace is on and
 * drained every virtual second, as the app's driver does.
 */
function hourOfWorkQueue(): { seconds: number; published: number; acked: number } {
  const { b, conn, ch } = setup(true);
  b.queueDeclare(ch, { queue: 'work', durable: true });
  const consumers: { ref: ChannelRef; busyUntil: number; pending: number[] }[] = [];
  for (let i = 0; i < 4; i++) {
    const ref = b.channelOpen(conn);
    b.basicQos(ref, { prefetchCount: 10 });
    b.basicConsume(ref, { queue: 'work', consumerTag: `w${i}` });
    consumers.push({ ref, busyUntil: 0, pending: [] });
  }
  const byChannel = new Map(consumers.map((c) => [c.ref.channel, c]));
  const processMs = 3.5;
  const hour = 3600_000;
  let published = 0;
  let acked = 0;
  const t0 = now();
  for (let t = 0; t < hour; t++) {
    b.advanceTo(t);
    // each consumer finishes the deliveries whose processing time is over
    for (const c of consumers) {
      while (c.pending.length && c.busyUntil <= t) {
        const tag = c.pending.shift()!;
        b.basicAck(c.ref, { deliveryTag: tag });
        acked++;
        c.busyUntil = Math.max(c.busyUntil, t) + processMs;
      }
    }
    b.basicPublish(ch, { exchange: '', routingKey: 'work', body: `job ${t}` });
    published++;
    for (const e of b.drainTrace()) {
      if (e.type === 'delivered' && e.consumerTag) byChannel.get(e.channel)!.pending.push(e.deliveryTag);
    }
  }
  const seconds = (now() - t0) / 1000;
  return { seconds, published, acked };
}

function heapPer100k(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return Number.NaN;
  const { b, ch } = setup(false);
  b.queueDeclare(ch, { queue: 'q' });
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < 100_000; i++) b.basicPublish(ch, { exchange: '', routingKey: 'q', body: `message ${i}` });
  gc();
  const after = process.memoryUsage().heapUsed;
  if (b.inspect.queue('q')!.ready !== 100_000) throw new Error('lost messages');
  return after - before;
}

function best(f: () => number, runs = 3, higherIsBetter = true): number {
  const xs = Array.from({ length: runs }, f);
  return higherIsBetter ? Math.max(...xs) : Math.min(...xs);
}

const directMsgsPerSec = best(() => directEnqueue(1_000_000, true));
const directNoTrace = best(() => directEnqueue(1_000_000, false));
const fullCycle = best(() => directFullCycle(500_000, true));
const topic10 = best(() => topicCost(10, 200_000), 3, false);
const topic10k = best(() => topicCost(10_000, 200_000), 3, false);
const hour = hourOfWorkQueue();
const heap = heapPer100k();

const rows: [string, string][] = [
  ['direct: publish→route→enqueue, trace on', `${Math.round(directMsgsPerSec).toLocaleString('en')} msg/s`],
  ['direct: publish→route→enqueue, trace off', `${Math.round(directNoTrace).toLocaleString('en')} msg/s`],
  ['direct: publish→…→deliver→ack, trace on', `${Math.round(fullCycle).toLocaleString('en')} msg/s`],
  ['topic: 10 bindings', `${topic10.toFixed(0)} ns/msg`],
  ['topic: 10,000 bindings', `${topic10k.toFixed(0)} ns/msg`],
  ['topic: ratio 10k / 10', (topic10k / topic10).toFixed(2)],
  ['1 h virtual, 1,000 msg/s, 4 consumers', `${hour.seconds.toFixed(2)} s wall (${hour.published.toLocaleString('en')} published, ${hour.acked.toLocaleString('en')} acked)`],
  ['heap per 100,000 queued messages', Number.isNaN(heap) ? 'n/a (run with --expose-gc)' : `${(heap / 1e6).toFixed(1)} MB (${Math.round(heap / 1e5)} B/msg)`],
];
const w = Math.max(...rows.map((r) => r[0].length));
console.log(`${'figure'.padEnd(w)}  value`);
for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
console.log(
  JSON.stringify({
    directMsgsPerSec: Math.round(directMsgsPerSec),
    directFullCycleMsgsPerSec: Math.round(fullCycle),
    topicRatio10kVs10: Number((topic10k / topic10).toFixed(3)),
    hourAt1kMsgsPerSecSeconds: Number(hour.seconds.toFixed(3)),
    heapBytesPer100kQueued: heap,
  }),
);
