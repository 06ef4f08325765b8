import { describe, expect, it } from 'vitest';
import { emptyScenario } from '../model';
import type { WorldEvent } from './events';
import { consumerApp, publisherApp, queue, workQueue } from './fixtures';
import { World } from './world';

function run(w: World, until: number): WorldEvent[] {
  w.advanceTo(until);
  return w.drainEvents();
}

describe('World: a work queue with two consumers', () => {
  it('spreads messages round-robin and acks them all', () => {
    const w = World.create(workQueue({ rate: 10, consumers: 2, prefetch: 1, processingMs: 100, latency: 20 }));
    run(w, 10_000);
    const c1 = w.consumers.get('app-c1-sub')!;
    const c2 = w.consumers.get('app-c2-sub')!;
    expect(c1.acked + c2.acked).toBeGreaterThanOrEqual(98);
    expect(Math.abs(c1.acked - c2.acked)).toBeLessThanOrEqual(1);
    const q = w.broker.inspect.queue('work')!;
    expect(q.ready).toBe(0);
    expect(q.unacked).toBeLessThanOrEqual(2);
  });

  it('makes messages travel: sent, arrive one hop later, reach the queue after another, the consumer after a third', () => {
    const w = World.create(workQueue({ consumers: 1, latency: 100 }));
    w.drainEvents();
    w.input({ type: 'publish', publisher: 'app-p-pub' });
    const evs = run(w, 1000);
    const at = (type: string) => evs.find((e) => e.type === type)?.t;
    expect(at('publish-sent')).toBe(0);
    expect(at('published')).toBe(100);
    expect(at('enqueued')).toBe(200);
    expect(at('delivered')).toBe(200);
    expect(at('delivery-received')).toBe(300);
    expect(at('processing-started')).toBe(300);
    expect(at('settle-sent')).toBe(400);
    expect(at('acked')).toBe(500);
  });

  it('is deterministic: same scenario and inputs give the same trace', () => {
    const go = () => {
      const w = World.create(workQueue({ rate: 50, consumers: 3, prefetch: 5, processingMs: 40, jitterMs: 30, latency: 10 }));
      w.advanceTo(1500);
      w.input({ type: 'consumer-crash', consumer: 'app-c2-sub' });
      w.advanceTo(3000);
      return w.drainEvents();
    };
    expect(go()).toEqual(go());
  });

  it('restores a snapshot and continues exactly as if it had not stopped', () => {
    const scenario = workQueue({ rate: 40, consumers: 2, prefetch: 3, processingMs: 60, jitterMs: 20, latency: 15 });
    const straight = World.create(scenario);
    straight.advanceTo(2000);
    straight.drainEvents();
    straight.advanceTo(4000);
    const expected = straight.drainEvents();

    const w = World.create(scenario);
    w.advanceTo(2000);
    w.drainEvents();
    const copy = World.restore(JSON.parse(JSON.stringify(w.snapshot())));
    copy.advanceTo(4000);
    expect(copy.drainEvents()).toEqual(expected);
  });
});

describe('World: consumers stopping and crashing', () => {
  it('requeues what a crashed consumer held, flagged redelivered, to the other consumer', () => {
    const w = World.create(workQueue({ consumers: 2, prefetch: 5, processingMs: 10_000, latency: 10 }));
    for (let i = 0; i < 6; i++) w.input({ type: 'publish', publisher: 'app-p-pub' });
    w.advanceTo(500);
    expect(w.broker.inspect.queue('work')!.unacked).toBe(6);
    w.input({ type: 'consumer-crash', consumer: 'app-c1-sub' });
    w.advanceTo(1000);
    const c2 = w.consumers.get('app-c2-sub')!;
    expect(w.consumers.get('app-c1-sub')!.state).toBe('crashed');
    expect(c2.redelivered).toBe(2); // its prefetch of 5 had 3 already, 2 room left
    expect(w.broker.inspect.queue('work')!.ready).toBe(1);
  });

  it('starts a stopped consumer again', () => {
    const w = World.create(workQueue({ consumers: 1, latency: 10 }));
    w.input({ type: 'consumer-stop', consumer: 'app-c1-sub' });
    w.input({ type: 'publish', publisher: 'app-p-pub' });
    w.advanceTo(200);
    expect(w.broker.inspect.queue('work')!.ready).toBe(1);
    w.input({ type: 'consumer-start', consumer: 'app-c1-sub' });
    w.advanceTo(1000);
    expect(w.consumers.get('app-c1-sub')!.acked).toBe(1);
  });
});

describe('World: publishers', () => {
  it('returns a mandatory message nobody takes, and confirms with a nack what a full queue refuses', () => {
    const s = emptyScenario(3);
    s.broker.hopLatencyMs = 5;
    s.queues = [queue('q1', 'small', { arguments: { queueType: 'classic', maxLength: 1, overflow: 'reject-publish' } })];
    s.apps = [publisherApp('p', 'prod', { routingKeys: ['small', 'nowhere'], mandatory: true, confirms: true })];
    const w = World.create(s);
    for (let i = 0; i < 4; i++) w.input({ type: 'publish', publisher: 'p-pub' });
    w.advanceTo(100);
    const rt = w.publishers.get('p-pub')!;
    expect(rt.returned).toBe(2); // "nowhere" twice
    expect(rt.confirmed).toBe(3); // 1 enqueued + 2 unroutable
    expect(rt.nacked).toBe(1); // the second one to "small"
  });

  it('draws random routing keys from the seed', () => {
    const keysFor = (seed: number) => {
      const s = workQueue({ seed, consumers: 0 });
      s.apps[0]!.publishers[0]!.routingKeys = ['a', 'b', 'c', 'd'];
      s.apps[0]!.publishers[0]!.keyOrder = 'random';
      const w = World.create(s);
      for (let i = 0; i < 12; i++) w.input({ type: 'publish', publisher: 'app-p-pub' });
      return w.drainEvents().flatMap((e) => (e.type === 'publish-sent' ? [e.routingKey] : []));
    };
    expect(keysFor(7)).toEqual(keysFor(7));
    expect(keysFor(7)).not.toEqual(keysFor(8));
    expect(new Set(keysFor(7)).size).toBeGreaterThan(1);
  });
});

describe('World: the broker restarts', () => {
  it('keeps durable queues and persistent messages, loses transient ones, and clients reconnect', () => {
    const s = emptyScenario(1);
    s.broker.hopLatencyMs = 0;
    s.queues = [queue('qd', 'durable'), queue('qt', 'transient', { durable: false })];
    s.apps = [publisherApp('p', 'prod', { routingKeys: ['durable', 'transient'] }), consumerApp('c', 'cons', { queue: 'durable', running: false })];
    const w = World.create(s);
    for (let i = 0; i < 4; i++) w.input({ type: 'publish', publisher: 'p-pub' });
    w.advanceTo(10);
    w.input({ type: 'broker-restart', downMs: 1000 });
    expect(w.broker.inspect.queue('transient')).toBeUndefined();
    expect(w.broker.inspect.queue('durable')!.ready).toBe(2);
    w.advanceTo(2000);
    w.input({ type: 'consumer-start', consumer: 'c-sub' });
    w.advanceTo(3000);
    expect(w.consumers.get('c-sub')!.acked).toBe(2);
  });
});

describe('World: editing while it runs', () => {
  it('deletes a removed queue (its messages with it) and binds a new binding at once', () => {
    const s = workQueue({ consumers: 0, latency: 0 });
    const w = World.create(s);
    for (let i = 0; i < 3; i++) w.input({ type: 'publish', publisher: 'app-p-pub' });
    w.advanceTo(10);
    expect(w.broker.inspect.queue('work')!.ready).toBe(3);
    w.input({ type: 'scenario', scenario: { ...s, queues: [] } });
    expect(w.broker.inspect.queue('work')).toBeUndefined();
  });

  it('recreates a queue whose arguments changed, and keeps one that did not', () => {
    const s = workQueue({ consumers: 0, latency: 0 });
    s.queues.push(queue('q-keep', 'keep'));
    const w = World.create(s);
    w.input({ type: 'publish', publisher: 'app-p-pub' });
    w.input({ type: 'publish', publisher: 'app-p-pub', overrides: { routingKey: 'keep' } });
    w.advanceTo(10);
    const next = { ...s, queues: s.queues.map((q) => (q.name === 'work' ? { ...q, arguments: { ...q.arguments, messageTtl: 1000 } } : { ...q })) };
    w.input({ type: 'scenario', scenario: next });
    expect(w.broker.inspect.queue('work')!.ready).toBe(0);
    expect(w.broker.inspect.queue('work')!.settings.messageTtl).toBe(1000);
    expect(w.broker.inspect.queue('keep')!.ready).toBe(1);
  });
});

describe('World: changing a running consumer', () => {
  it('re-subscribes with the new settings and still settles what it held (nothing stays unacked)', () => {
    const s = workQueue({ consumers: 1, prefetch: 5, processingMs: 200, latency: 10 });
    const w = World.create(s);
    for (let i = 0; i < 8; i++) w.input({ type: 'publish', publisher: 'app-p-pub' });
    w.advanceTo(300);
    expect(w.broker.inspect.queue('work')!.unacked).toBe(5);
    const next = { ...s, apps: s.apps.map((a) => ({ ...a, consumers: a.consumers.map((c) => ({ ...c, prefetchCount: 2 })) })) };
    w.input({ type: 'scenario', scenario: next });
    w.advanceTo(10_000);
    const q = w.broker.inspect.queue('work')!;
    expect(q.unacked).toBe(0);
    expect(q.ready).toBe(0);
    expect(w.consumers.get('app-c1-sub')!.acked).toBe(8);
  });
});
