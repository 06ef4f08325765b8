// A generated topology of ~200 nodes for `npm run bench:render`: 40 producers, 20 exchanges,
// 60 queues, 80 consumers. Producers on the left, the broker (exchanges, then queues) in the
// middle, consumers on the right, so that every line crosses the picture as in a real lesson.
// Plain model data (the editor could have produced it); no randomness: same figures every run.
import { emptyScenario, type Scenario } from '../src/model';
import { consumerApp, publisherApp, queue } from '../src/sim/fixtures';

export interface BenchTopology {
  /** msgs/s of each producer */
  ratePerSec: number;
  /** virtual ms of one hop */
  hopLatencyMs: number;
}

export const COUNTS = { producers: 40, exchanges: 20, queues: 60, consumers: 80 };
const KEYS = ['order.created', 'order.paid', 'order.shipped', 'invoice', 'audit', 'email', 'sms', 'report'];

export function benchScenario({ ratePerSec, hopLatencyMs }: BenchTopology): Scenario {
  const s = emptyScenario(42);
  s.title = `bench: ${COUNTS.producers} producers, ${COUNTS.exchanges} exchanges, ${COUNTS.queues} queues, ${COUNTS.consumers} consumers`;
  s.broker = { showDefaultExchange: false, hopLatencyMs };
  const grid = (col0: number, cols: number, i: number, w: number, h: number) => ({ x: col0 + (i % cols) * w, y: Math.floor(i / cols) * h });
  // exchanges: every fourth one is a fanout (one publish, three copies); the rest direct
  for (let e = 0; e < COUNTS.exchanges; e++) {
    s.exchanges.push({ id: `x${e}`, name: `ex-${e}`, type: e % 4 === 0 ? 'fanout' : 'direct', durable: true, autoDelete: false, internal: false, position: grid(1100, 2, e, 260, 180) });
  }
  // queues: three per exchange, bound with three of the keys
  for (let q = 0; q < COUNTS.queues; q++) {
    const e = Math.floor(q / 3);
    // the last four queues have no consumer: their buffers fill up to max-length, then drop the head
    const extra = q >= COUNTS.queues - 4 ? { arguments: { queueType: 'classic' as const, maxLength: 200 } } : {};
    s.queues.push({ ...queue(`q${q}`, `q-${q}`, extra), position: grid(1750, 6, q, 260, 190) });
    for (const k of [0, 1, 2].map((j) => KEYS[(e + (q % 3) * 3 + j) % KEYS.length]!)) {
      if (s.bindings.some((b) => b.source === `x${e}` && b.destination === `q${q}` && b.routingKey === k)) continue;
      s.bindings.push({ id: `b${q}-${k}`, source: `x${e}`, destination: `q${q}`, destinationType: 'queue', routingKey: k, arguments: {} });
      if (e % 4 === 0) break; // a fanout exchange ignores keys: one binding is enough
    }
  }
  // producers: two per exchange, publishing round-robin over the keys, half of them with confirms
  for (let p = 0; p < COUNTS.producers; p++) {
    const e = Math.floor(p / 2);
    const app = publisherApp(`p${p}`, `producer-${p}`, { exchange: `ex-${e}`, routingKeys: KEYS, mode: 'rate', ratePerSec, confirms: p % 2 === 0 }, { confirmSelect: p % 2 === 0 });
    s.apps.push({ ...app, position: grid(0, 4, p, 240, 150) });
  }
  // consumers: queues 0..23 have two (load balancing), the others one, the last four none;
  // manual acks, prefetch 200
  let c = 0;
  for (let q = 0; q < COUNTS.queues; q++) {
    for (let k = 0; k < (q < 24 ? 2 : q < COUNTS.queues - 4 ? 1 : 0); k++) {
      const app = consumerApp(`c${c}`, `consumer-${c}`, { queue: `q-${q}`, prefetchCount: 200, processingMs: 2, jitterMs: 2 });
      s.apps.push({ ...app, position: grid(3450, 8, c, 250, 190) });
      c++;
    }
  }
  return s;
}
