import { describe, expect, it } from 'vitest';
import { emptyScenario, type Scenario } from '../model';
import { publisherApp, queue } from './fixtures';
import { World } from './world';

/** producer → exchange "orders-x" (direct) → queue "q" bound with key "orders": a key "" matches nothing. */
function scenario(pub: Parameters<typeof publisherApp>[2] = {}): Scenario {
  const s = emptyScenario(7);
  s.broker.hopLatencyMs = 10;
  s.exchanges = [{ id: 'x1', name: 'orders-x', type: 'direct', durable: true, autoDelete: false, internal: false, position: { x: 0, y: 0 } }];
  s.queues = [queue('q1', 'q')];
  s.bindings = [{ id: 'b1', source: 'x1', destination: 'q1', destinationType: 'queue', routingKey: 'orders', arguments: {} }];
  s.apps = [publisherApp('p', 'producer1', { exchange: 'orders-x', ...pub })];
  return s;
}

describe('the world counts what each exchange could not route (as RabbitMQ counts drop_unroutable per exchange)', () => {
  it('counts unroutable messages per exchange with the last key, dropped or returned', () => {
    const w = World.create(scenario());
    for (let i = 0; i < 3; i++) w.input({ type: 'publish', publisher: 'p-pub' });
    w.input({ type: 'publish', publisher: 'p-pub', overrides: { routingKey: 'orders' } });
    w.input({ type: 'publish', publisher: 'p-pub', overrides: { routingKey: 'nowhere', mandatory: true } });
    w.advanceTo(200);
    expect(w.unroutable['orders-x']).toEqual({ count: 4, returned: 1, key: 'nowhere' });
    expect(w.broker.inspect.queue('q')!.ready).toBe(1);
  });

  it('counts them in a run nobody watches too (skip ahead records no trace)', () => {
    const w = World.create(scenario());
    w.setTraceAll(false);
    for (let i = 0; i < 5; i++) w.input({ type: 'publish', publisher: 'p-pub' });
    w.advanceTo(200);
    expect(w.unroutable['orders-x']?.count).toBe(5);
  });

  it('goes back with a rewind: a snapshot keeps the tally of its time', () => {
    const w = World.create(scenario());
    w.input({ type: 'publish', publisher: 'p-pub' });
    w.advanceTo(100);
    const snap = w.snapshot();
    w.input({ type: 'publish', publisher: 'p-pub' });
    w.advanceTo(200);
    expect(w.unroutable['orders-x']?.count).toBe(2);
    const back = World.restore(snap);
    expect(back.unroutable['orders-x']).toEqual({ count: 1, returned: 0, key: '' });
    // and a restored tally is its own (the run it came from does not change it)
    back.input({ type: 'publish', publisher: 'p-pub' });
    back.advanceTo(200);
    expect(World.restore(snap).unroutable['orders-x']?.count).toBe(1);
  });
});
