// npm run bench:engine — prints a table of engine figures, then one JSON line with them.
// Figures: direct-exchange throughput, topic routing cost with 10 vs 10,000 bindings, one hour of
// virtual time of a 1,000 msg/s work queue (the broker alone, and the whole world skipped ahead as
// the app does it), heap per 100,000 queued messages.
// `--only=world` runs only the world figures (a quicker check while working on the simulation).
import { loadavg } from 'node:os';
import { AmqpBroker, type ChannelRef } from '../src/engine/index';
import { World } from '../src/sim';
import { workQueue } from '../src/sim/fixtures';
import { SimController } from '../src/store/simController';
import { inProcessSkipRunner, type SkipRunner } from '../src/store/skipRunner';

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

/**
 * The whole world, as "Skip ahead 1 h" runs it: a producer publishing 1,000 msg/s to a durable work
 * queue with 4 consumers (prefetch `prefetch`, 3.5 ± 1 ms of work each, manual acks), every
 * simulated client on its connection and channel, a hop latency of `latency` ms; the same loop as
 * playing (chart samples every 250 ms, checkpoints, recorded inputs), the trace recorded for the
 * last minute. The request and the result are structured-cloned, as posting them to and from the
 * worker does, and the result is adopted by the controller. Returns wall seconds.
 */
async function worldHour(latency: number, prefetch: number): Promise<{ seconds: number; cpu: number; acked: number; backlog: number; heapMB: number }> {
  const doc = workQueue({ rate: 1000, consumers: 4, prefetch, processingMs: 3.5, jitterMs: 1, latency, seed: 7 });
  const c = new SimController(doc);
  const overTheWire: SkipRunner = (req, onProgress) => {
    const job = inProcessSkipRunner(structuredClone(req), onProgress);
    return { result: job.result.then((r) => (r ? structuredClone(r) : r)), cancel: job.cancel };
  };
  const t0 = now();
  const c0 = process.cpuUsage();
  if (!(await c.skipAhead(3_600_000, overTheWire))) throw new Error('the skip was not adopted');
  const seconds = (now() - t0) / 1000;
  const used = process.cpuUsage(c0);
  // CPU time too: on a shared machine the wall time depends on what else runs (GC threads count in it)
  const cpu = (used.user + used.system) / 1e6;
  const q = c.world.broker.inspect.queue('work')!;
  let acked = 0;
  for (const x of c.world.consumers.values()) acked += x.acked;
  // what the page holds afterwards (the controller with the skip's checkpoints, samples and log): bounded
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapMB = gc ? process.memoryUsage().heapUsed / 1e6 : Number.NaN;
  return { seconds, cpu, acked, backlog: q.ready, heapMB };
}

/** Before the skip existed: the world played for an hour with its whole trace, drained every frame (16 ms). */
function worldHourTraced(latency: number, prefetch: number): number {
  const w = World.create(workQueue({ rate: 1000, consumers: 4, prefetch, processingMs: 3.5, jitterMs: 1, latency, seed: 7 }));
  const t0 = now();
  for (let t = 0; t <= 3_600_000; t += 16) {
    w.advanceTo(t);
    w.drainEvents();
  }
  return (now() - t0) / 1000;
}

const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const rows: [string, string][] = [];
const figures: Record<string, number> = {};

if (only !== 'world') {
  const directMsgsPerSec = best(() => directEnqueue(1_000_000, true));
  const directNoTrace = best(() => directEnqueue(1_000_000, false));
  const fullCycle = best(() => directFullCycle(500_000, true));
  const topic10 = best(() => topicCost(10, 200_000), 3, false);
  const topic10k = best(() => topicCost(10_000, 200_000), 3, false);
  const hour = hourOfWorkQueue();
  const heap = heapPer100k();
  rows.push(
    ['direct: publish→route→enqueue, trace on', `${Math.round(directMsgsPerSec).toLocaleString('en')} msg/s`],
    ['direct: publish→route→enqueue, trace off', `${Math.round(directNoTrace).toLocaleString('en')} msg/s`],
    ['direct: publish→…→deliver→ack, trace on', `${Math.round(fullCycle).toLocaleString('en')} msg/s`],
    ['topic: 10 bindings', `${topic10.toFixed(0)} ns/msg`],
    ['topic: 10,000 bindings', `${topic10k.toFixed(0)} ns/msg`],
    ['topic: ratio 10k / 10', (topic10k / topic10).toFixed(2)],
    ['1 h virtual, 1,000 msg/s, 4 consumers', `${hour.seconds.toFixed(2)} s wall (${hour.published.toLocaleString('en')} published, ${hour.acked.toLocaleString('en')} acked)`],
    ['heap per 100,000 queued messages', Number.isNaN(heap) ? 'n/a (run with --expose-gc)' : `${(heap / 1e6).toFixed(1)} MB (${Math.round(heap / 1e5)} B/msg)`],
  );
  Object.assign(figures, {
    directMsgsPerSec: Math.round(directMsgsPerSec),
    directFullCycleMsgsPerSec: Math.round(fullCycle),
    topicRatio10kVs10: Number((topic10k / topic10).toFixed(3)),
    hourAt1kMsgsPerSecSeconds: Number(hour.seconds.toFixed(3)),
    heapBytesPer100kQueued: heap,
  });
}

// the whole world: the figure the issue names (hop latency 50 ms, prefetch 50), and the default hop
// latency of a new scenario (300 ms; prefetch 200 so that four consumers keep up with 1,000 msg/s)
const world = await worldHour(50, 50);
const world300 = await worldHour(300, 200);
const traced = only === 'world' && process.argv.includes('--traced') ? worldHourTraced(50, 50) : Number.NaN;
rows.push(
  ['world: skip ahead 1 h, 1,000 msg/s, 4 consumers, hop 50 ms', `${world.seconds.toFixed(2)} s wall, ${world.cpu.toFixed(2)} s CPU (${world.acked.toLocaleString('en')} acked, backlog ${world.backlog}), heap after ${world.heapMB.toFixed(0)} MB`],
  ['world: the same, hop 300 ms, prefetch 200', `${world300.seconds.toFixed(2)} s wall, ${world300.cpu.toFixed(2)} s CPU (${world300.acked.toLocaleString('en')} acked, backlog ${world300.backlog})`],
);
if (!Number.isNaN(traced)) rows.push(['world: played 1 h with its whole trace (hop 50 ms)', `${traced.toFixed(2)} s wall`]);
rows.push(['load average (1 min) at the end', (loadavg()[0] ?? 0).toFixed(2)]);
Object.assign(figures, {
  worldHourSeconds: Number(world.seconds.toFixed(3)),
  worldHourCpuSeconds: Number(world.cpu.toFixed(3)),
  worldHourHeapMB: Number(world.heapMB.toFixed(1)),
  worldHourSeconds300ms: Number(world300.seconds.toFixed(3)),
});

const w = Math.max(...rows.map((r) => r[0].length));
console.log(`${'figure'.padEnd(w)}  value`);
for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
console.log(JSON.stringify(figures));
