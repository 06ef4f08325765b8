import { checkConnection, applyFix, type Scenario, updateChannel, updateConsumer, updateExchange, updatePublisher, updateQueue } from '../../model';
import { tidyLayout } from '../../model/tidy';
import { Build } from '../../model/testing/build';

/**
 * Typical tutorial scenarios built with the editor's own operations (so they are documents the editor
 * could have produced), laid out as the "Tidy" button would. Test-only.
 */

const must = (r: { ok: true; doc: Scenario } | { ok: false; errors: unknown }): Scenario => {
  if (!r.ok) throw new Error(`fixture: ${JSON.stringify(r.errors)}`);
  return r.doc;
};

/** RabbitMQ tutorial 2: a producer publishes to "task_queue" via the default exchange; two workers with prefetch 1. */
export function workQueues(): Scenario {
  const b = new Build();
  const p = b.add('producer', 'new_task');
  const q = b.add('queue', 'task_queue');
  const w1 = b.add('consumer', 'worker1');
  const w2 = b.add('consumer', 'worker2');
  const plan = checkConnection(b.doc, { node: p }, { node: q });
  if (plan.action !== 'refuse' || !plan.fix) throw new Error('fixture: expected the publish-via-default fix');
  b.doc = must(applyFix(b.doc, plan.fix));
  b.connect(q, w1).connect(q, w2);
  let d = b.doc;
  const pub = d.apps.find((a) => a.id === p)!.publishers[0]!;
  d = must(updatePublisher(d, p, pub.id, { mode: 'rate', ratePerSec: 2, message: { ...pub.message, body: 'Hello...' } }));
  for (const w of [w1, w2]) {
    const c = d.apps.find((a) => a.id === w)!.consumers[0]!;
    d = must(updateConsumer(d, w, c.id, { prefetchCount: 1, processingMs: w === w1 ? 1000 : 3000 }));
  }
  return { ...tidyLayout(d), title: 'Work queues', description: 'Distributing time-consuming tasks among workers. With prefetch 1 the slow worker gets fewer tasks (fair dispatch).' };
}

/** RabbitMQ tutorial 5: a topic exchange, three queues with patterns, one consumer each. */
export function topics(): Scenario {
  const b = new Build();
  const p = b.add('producer', 'emit_log_topic');
  const x = b.add('exchange', 'topic_logs');
  b.doc = must(updateExchange(b.doc, x, { type: 'topic' }));
  const q1 = b.add('queue', 'kern');
  const q2 = b.add('queue', 'critical');
  const q3 = b.add('queue', 'all');
  const c1 = b.add('consumer', 'receive_kern');
  const c2 = b.add('consumer', 'receive_critical');
  const c3 = b.add('consumer', 'receive_all');
  b.connect(p, x).connect(x, q1, 'kern.*').connect(x, q2, '*.critical').connect(x, q3, '#');
  b.connect(q1, c1).connect(q2, c2).connect(q3, c3);
  let d = b.doc;
  const pub = d.apps.find((a) => a.id === p)!.publishers[0]!;
  d = must(updatePublisher(d, p, pub.id, { routingKeys: ['kern.critical', 'kern.info', 'auth.critical', 'cron.warning'], mode: 'rate', ratePerSec: 2 }));
  return { ...tidyLayout(d), title: 'Topics', description: 'Receiving messages based on a pattern. Publish kern.critical and watch it land in two queues.' };
}

/**
 * Most features at once, for round trips and code generation: dead-lettering with a retry TTL, a quorum
 * queue with a delivery limit, an alternate exchange, a headers binding, exchange-to-exchange routing,
 * publisher confirms with mandatory, and consumers that nack or reject.
 */
export function kitchenSink(): Scenario {
  const b = new Build();
  const p = b.add('producer', 'orders-api');
  const ingress = b.add('exchange', 'ingress');
  const orders = b.add('exchange', 'orders');
  const ae = b.add('exchange', 'unrouted');
  const dlx = b.add('exchange', 'dlx');
  const work = b.add('queue', 'orders.work');
  const retry = b.add('queue', 'orders.retry');
  const lost = b.add('queue', 'lost');
  const audit = b.add('queue', 'audit');
  const c = b.add('consumer', 'order-worker');
  const c2 = b.add('consumer', 'auditor');
  let d = b.doc;
  d = must(updateExchange(d, ingress, { type: 'topic', alternateExchange: 'unrouted' }));
  d = must(updateExchange(d, orders, { type: 'headers', internal: true }));
  d = must(updateExchange(d, ae, { type: 'fanout' }));
  d = must(updateQueue(d, work, { arguments: { queueType: 'quorum', deliveryLimit: 3, deadLetterExchange: 'dlx', deadLetterRoutingKey: 'retry' } }));
  d = must(updateQueue(d, retry, { arguments: { messageTtl: 5000, deadLetterExchange: 'ingress', maxLength: 1000, overflow: 'reject-publish' } }));
  // (no single-active-consumer here: RabbitMQ refuses an exclusive consumer on such a queue, 403)
  d = must(updateQueue(d, audit, { durable: false, autoDelete: true, arguments: { maxPriority: 10, expires: 60000 } }));
  d = must(updateQueue(d, lost, { arguments: { singleActiveConsumer: true } }));
  b.doc = d;
  b.connect(p, ingress).connect(ingress, orders, 'order.#').connect(dlx, retry, 'retry').connect(ae, lost);
  b.connect(orders, audit).connect(work, c).connect(audit, c2);
  d = b.doc;
  const headersBinding = d.bindings.find((x) => x.source === orders && x.destination === audit)!;
  d = { ...d, bindings: d.bindings.map((x) => (x.id === headersBinding.id ? { ...x, arguments: { 'x-match': 'any', region: 'eu', priority: 5, vip: true } } : x)) };
  b.doc = d;
  b.connect(orders, work);
  d = b.doc;
  const app = d.apps.find((a) => a.id === p)!;
  d = must(updateChannel(d, p, app.connections[0]!.channels[0]!.id, { confirmSelect: true }));
  d = must(
    updatePublisher(d, p, app.publishers[0]!.id, {
      routingKeys: ['order.created', 'order.paid', 'invoice.sent'],
      keyOrder: 'random',
      mode: 'burst',
      burstCount: 20,
      mandatory: true,
      confirms: true,
      message: { body: '{"id": 42}', contentType: 'application/json', deliveryMode: 2, priority: 3, expiration: '60000', headers: { region: 'eu', vip: true }, messageId: 'm-1', correlationId: 'c-1', replyTo: 'replies' },
    }),
  );
  const worker = d.apps.find((a) => a.id === c)!;
  d = must(updateChannel(d, c, worker.connections[0]!.channels[0]!.id, { prefetchCount: 50, prefetchGlobal: true }));
  d = must(updateConsumer(d, c, worker.consumers[0]!.id, { prefetchCount: 5, failPercent: 20, failOutcome: 'reject-discard', outcome: 'ack', processingMs: 200, jitterMs: 100, priority: 5 }));
  const auditor = d.apps.find((a) => a.id === c2)!;
  d = must(updateConsumer(d, c2, auditor.consumers[0]!.id, { noAck: true, exclusive: true, outcome: 'ack' }));
  return { ...tidyLayout(d), title: 'Kitchen sink', seed: 4242 };
}
