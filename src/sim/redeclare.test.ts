import { describe, expect, it } from 'vitest';
import { emptyScenario, newExchange, type Scenario } from '../model';
import { consumerApp, publisherApp, queue } from './fixtures';
import { World } from './world';

/** A transient fanout exchange "events" and a transient queue bound to it, with a consumer: both lost in a restart. */
function transient(): Scenario {
  const s = emptyScenario(3);
  s.broker.hopLatencyMs = 10;
  s.exchanges = [{ ...newExchange('x-events', 'events', { x: 0, y: 0 }), type: 'fanout', durable: false }];
  s.queues = [queue('q-t', 'transient-events', { durable: false })];
  s.bindings = [{ id: 'b1', source: 'x-events', destination: 'q-t', destinationType: 'queue', routingKey: '', arguments: {} }];
  s.apps = [publisherApp('p', 'emitter', { exchange: 'events', mode: 'rate', ratePerSec: 5 }), consumerApp('c', 'reader', { queue: 'transient-events' })];
  return s;
}

describe('"Declare again": a queue or exchange lost in a restart comes back without resetting the run', () => {
  it('declares the exchange and the queue again, with their bindings, and the consumer subscribes again', () => {
    const w = World.create(transient());
    w.advanceTo(1000);
    w.input({ type: 'broker-restart', downMs: 500 });
    w.advanceTo(2000);
    expect(w.broker.inspect.queue('transient-events')).toBeUndefined();
    expect(w.consumers.get('c-sub')!.state).toBe('error');
    w.drainEvents();

    w.input({ type: 'redeclare', kind: 'exchange', name: 'events' });
    w.input({ type: 'redeclare', kind: 'queue', name: 'transient-events' });
    const evs = w.drainEvents();
    expect(evs.filter((e) => e.type === 'client-error')).toEqual([]);
    expect(evs.filter((e) => e.type === 'exchange-declared' || e.type === 'queue-declared' || e.type === 'bound').map((e) => e.type)).toEqual(['exchange-declared', 'queue-declared', 'bound']);
    expect(w.broker.inspect.queue('transient-events')).toMatchObject({ durable: false, consumers: 1 });
    expect(w.consumers.get('c-sub')!.state).toBe('running');
    const before = w.consumers.get('c-sub')!.acked;
    w.advanceTo(4000);
    expect(w.consumers.get('c-sub')!.acked).toBeGreaterThan(before + 5);
  });

  it('binds a queue declared again only to exchanges that exist, and does nothing for what the broker has', () => {
    const w = World.create(transient());
    w.advanceTo(1000);
    w.input({ type: 'broker-restart', downMs: 500 });
    w.advanceTo(2000);
    w.drainEvents();
    w.input({ type: 'redeclare', kind: 'queue', name: 'transient-events' });
    let evs = w.drainEvents();
    expect(evs.filter((e) => e.type === 'client-error')).toEqual([]);
    expect(evs.filter((e) => e.type === 'bound')).toEqual([]);
    w.input({ type: 'redeclare', kind: 'exchange', name: 'events' });
    evs = w.drainEvents();
    // the exchange brings its binding to the queue that now exists
    expect(evs.filter((e) => e.type === 'bound')).toHaveLength(1);
    w.input({ type: 'redeclare', kind: 'exchange', name: 'events' });
    expect(w.drainEvents()).toEqual([]);
  });
});
