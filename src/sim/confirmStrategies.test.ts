import { describe, expect, it } from 'vitest';
import type { ConfirmWait, Scenario } from '../model';
import { emptyScenario } from '../model';
import type { WorldEvent } from './events';
import { consumerApp, publisherApp, queue } from './fixtures';
import { World } from './world';

/** Three publishers with confirms, one per strategy of the tutorial, each to its own queue. */
function strategies(mode: 'burst' | 'rate', latency = 10): Scenario {
  const s = emptyScenario(2);
  s.broker.hopLatencyMs = latency;
  const wait: [string, ConfirmWait][] = [['each', 'each'], ['batch', 'batch'], ['async', 'no']];
  s.queues = wait.map(([n]) => queue(`q-${n}`, n));
  s.apps = wait.map(([n, w]) =>
    publisherApp(`app-${n}`, n, { routingKeys: [n], confirms: true, waitForConfirms: w, confirmBatchSize: 5, mode, burstCount: 20, ratePerSec: 100 }, { confirmSelect: true }),
  );
  return s;
}

/** The most messages a publisher had sent and not yet had confirmed, over the run. */
function maxOutstanding(evs: WorldEvent[], publisher: string): number {
  let out = 0;
  let max = 0;
  for (const e of evs) {
    if (e.type === 'publish-sent' && e.publisher === publisher) max = Math.max(max, ++out);
    if (e.type === 'confirm-received' && e.publisher === publisher) out--;
  }
  return max;
}

describe('publisher confirm strategies (tutorial 7)', () => {
  it('waits for each confirm, for each batch, or not at all; and says how long each burst took', () => {
    const w = World.create(strategies('burst'));
    w.advanceTo(5000);
    const evs = w.drainEvents();
    expect(maxOutstanding(evs, 'app-each-pub')).toBe(1);
    expect(maxOutstanding(evs, 'app-batch-pub')).toBe(5);
    expect(maxOutstanding(evs, 'app-async-pub')).toBe(20);
    for (const id of ['each', 'batch', 'async']) expect(w.publishers.get(`app-${id}-pub`)!.confirmed).toBe(20);
    const done = new Map(evs.flatMap((e) => (e.type === 'publish-run-done' ? [[e.publisher, e] as const] : [])));
    // a confirm comes back three hops after its publish (to the exchange, into the queue, back)
    expect(done.get('app-each-pub')).toMatchObject({ count: 20, ms: 20 * 30, wait: 'each' });
    expect(done.get('app-batch-pub')).toMatchObject({ count: 20, ms: 4 * 30, wait: 'batch' });
    expect(done.get('app-async-pub')).toMatchObject({ count: 20, ms: 30, wait: 'no' });
  });

  it('at a steady rate, a publisher that waits for each confirm sends only one per round trip', () => {
    const w = World.create(strategies('rate'));
    w.advanceTo(3000);
    const sent = (id: string) => w.publishers.get(`app-${id}-pub`)!.sent;
    // 100/s asked; a round trip of 30 ms allows about 33/s when waiting for each
    expect(sent('async')).toBeGreaterThanOrEqual(299);
    expect(sent('each')).toBeGreaterThanOrEqual(95);
    expect(sent('each')).toBeLessThanOrEqual(101);
    expect(sent('batch')).toBeGreaterThan(sent('each'));
    expect(sent('batch')).toBeLessThan(sent('async'));
    const evs = w.drainEvents();
    expect(maxOutstanding(evs, 'app-each-pub')).toBe(1);
    expect(maxOutstanding(evs, 'app-batch-pub')).toBeLessThanOrEqual(5);
  });

  it('a blocked publisher does not hang when its channel closes: the wait ends with an error, and it goes on', () => {
    const s = strategies('rate', 50);
    const w = World.create(s);
    w.advanceTo(1000);
    w.input({ type: 'broker-restart', downMs: 200 });
    w.advanceTo(3000);
    expect(w.publishers.get('app-each-pub')!.sent).toBeGreaterThan(12);
    const evs = w.drainEvents();
    expect(evs.filter((e) => e.type === 'confirm-received' && e.publisher === 'app-each-pub' && e.t > 1300).length).toBeGreaterThan(3);
  });
});

describe('message bodies and work (tutorial 2)', () => {
  it('takes the alternatives of {a|b} in turn, and a worker takes longer for every dot', () => {
    const s = emptyScenario(1);
    s.broker.hopLatencyMs = 10;
    s.queues = [queue('q', 'task_queue')];
    s.apps = [publisherApp('p', 'new_task', { routingKeys: ['task_queue'], message: { body: 'Task {n}{...|.}', deliveryMode: 2, headers: {} } })];
    s.apps.push({ ...publisherApp('c', 'worker'), publishers: [], consumers: [] });
    const w0 = World.create(s);
    w0.input({ type: 'burst', publisher: 'p-pub', count: 4 });
    const sent = w0.drainEvents().flatMap((e) => (e.type === 'publish-sent' ? [e.body] : []));
    expect(sent).toEqual(['Task 1...', 'Task 2.', 'Task 3...', 'Task 4.']);
  });

  it('works a second per dot, as the tutorial\'s worker sleeps', () => {
    const s = emptyScenario(1);
    s.broker.hopLatencyMs = 10;
    s.queues = [queue('q', 'task_queue')];
    s.apps = [
      publisherApp('p', 'new_task', { routingKeys: ['task_queue'], message: { body: 'Task {n}{...|.}', deliveryMode: 2, headers: {} } }),
      consumerApp('c', 'worker', { queue: 'task_queue', prefetchCount: 1, processingMs: 0, msPerDot: 1000 }),
    ];
    const w = World.create(s);
    w.input({ type: 'burst', publisher: 'p-pub', count: 2 });
    w.advanceTo(10_000);
    const work = w.drainEvents().flatMap((e) => (e.type === 'processing-started' ? [e.until - e.t] : []));
    expect(work).toEqual([3000, 1000]);
  });
});
